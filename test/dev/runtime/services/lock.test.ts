// LockService: simulated contention that waits on the virtual clock, the waitLock timeout error,
// and locks freed when the execution that held them ends.

import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../dev/runtime/clock.js";
import { createLockService, LockTable } from "../../../../dev/runtime/services/lock.js";
import { makeExec, OWNER, START, thrown } from "./helpers.js";

function setup(options: Parameters<typeof makeExec>[0] = {}, locks = new LockTable()) {
  const clock = options.clock ?? new VirtualClock(START);
  const exec = makeExec({ ...options, clock });
  return { clock, exec, locks, service: createLockService(locks, exec) };
}

describe("a lock", () => {
  it("is taken, held and released", () => {
    const { service, locks, exec } = setup();
    const lock = service.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(locks.holder("document")).toBe(exec.id);
    // Another Lock object of the same execution shares the hold.
    expect(service.getDocumentLock().tryLock(0)).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(locks.holder("document")).toBeNull();
  });

  it("waits on the virtual clock while another execution holds it", () => {
    const { service, locks, clock } = setup();
    locks.holdByOther("script", START + 5_000);
    const lock = service.getScriptLock();
    const before = clock.now();
    expect(lock.tryLock(10_000)).toBe(true);
    expect(clock.now()).toBe(START + 5_000); // waited until the other execution let go
    expect(lock.hasLock()).toBe(true);
    expect(before).toBe(START + 1);
  });

  it("gives up after its timeout: tryLock answers false, waitLock throws", () => {
    const { service, locks, clock } = setup();
    locks.holdByOther("document", START + 60_000);
    const lock = service.getDocumentLock();
    expect(lock.tryLock(1_000)).toBe(false);
    expect(clock.now() - START).toBe(2 + 1_000);
    expect(thrown(() => lock.waitLock(2_000))).toEqual({
      name: "Exception",
      message: "Lock timeout: another process was holding the lock for too long.",
    });
    expect(clock.now() - START).toBe(3 + 3_000);
    expect(lock.hasLock()).toBe(false);
    clock.advanceTo(START + 60_000);
    lock.waitLock(0);
    expect(lock.hasLock()).toBe(true);
  });

  it("waiting past the deadline ends the execution", () => {
    const { service, locks, exec } = setup({ kind: "customFunction" });
    locks.holdByOther("document", START + 120_000);
    expect(thrown(() => service.getDocumentLock().waitLock(100_000)).message).toBe(
      "Exceeded maximum execution time",
    );
    expect(exec.killed).toBe(true);
  });

  it("user locks are per user", () => {
    const locks = new LockTable();
    const clock = new VirtualClock(START);
    locks.holdByOther("user", START + 10_000, "editor@example.com");
    expect(setup({ clock }, locks).service.getUserLock().tryLock(0)).toBe(true);
    expect(
      setup({ clock, user: "editor@example.com" }, locks).service.getUserLock().tryLock(0),
    ).toBe(false);
    expect(locks.holder("user", OWNER)).not.toBeNull();
  });
});

describe("locks and the end of an execution", () => {
  it("a lock left held is busy until the execution ends, then free", () => {
    const locks = new LockTable();
    const clock = new VirtualClock(START);
    const first = setup({ clock }, locks);
    expect(first.service.getScriptLock().tryLock(0)).toBe(true);
    const second = setup({ clock }, locks);
    expect(second.service.getScriptLock().tryLock(500)).toBe(false);
    locks.releaseAll(first.exec.id);
    expect(locks.holder("script")).toBeNull();
    const third = setup({ clock }, locks);
    expect(third.service.getScriptLock().tryLock(0)).toBe(true);
  });

  it("is refused in AuthMode.NONE", () => {
    expect(
      thrown(() => setup({ authMode: "NONE", kind: "simpleTrigger" }).service.getScriptLock())
        .message,
    ).toBe("You do not have permission to call LockService.getScriptLock");
  });
});
