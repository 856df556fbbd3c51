// The document's shared pacing budget: slots that keep every sliding second within the rate
// whoever reserves them, one lock per wave, in-flight marks, and the shared slow-down after a 429.

import { describe, expect, it } from "vitest";
import { earliestSlot, jitter, PacingBudget } from "../../../src/server/http/pacingBudget.js";
import type { DocumentLock } from "../../../src/server/platform/types.js";
import { FakeCache, FakeClock } from "./fakes.js";

class CountingLock implements DocumentLock {
  acquired = 0;
  held = false;
  busy = false;
  tryLock(): boolean {
    if (this.busy) return false;
    this.acquired++;
    this.held = true;
    return true;
  }
  release(): void {
    this.held = false;
  }
  holds(): boolean {
    return this.held;
  }
}

/** Every sliding second (t − 1000, t] holds at most `rate` of the send times. */
function maxInWindow(times: readonly number[]): number {
  return Math.max(...times.map((end) => times.filter((t) => t > end - 1000 && t <= end).length));
}

function world() {
  const clock = new FakeClock(1_000_000);
  const cache = new FakeCache();
  const lock = new CountingLock();
  const budget = () =>
    new PacingBudget("keyapi", "keyapi", 10, { cache, clock, lock, random: () => 0.5 });
  return { clock, cache, lock, budget };
}

const claimOf = (budget: PacingBudget, pages: number[], clock: FakeClock, latest = Infinity) =>
  budget.claim({ pages, earliest: 0, latest: clock.now() + latest, expectedMs: 1500 });

describe("earliestSlot", () => {
  it("answers the first time the requests fit, and how many fit then", () => {
    expect(earliestSlot([], 10, 10, 0)).toEqual({ at: 0, count: 10 });
    expect(earliestSlot([0, 0, 0, 0, 0, 0, 0, 0], 10, 10, 0)).toEqual({ at: 0, count: 2 });
    expect(earliestSlot(Array(10).fill(0), 10, 10, 0)).toEqual({ at: 1000, count: 10 });
    // A slot reserved in the future bounds the windows that end after it too.
    expect(earliestSlot(Array(10).fill(500), 10, 4, 0)).toEqual({ at: 1500, count: 4 });
  });
});

describe("PacingBudget", () => {
  it("keeps every second within the rate across executions reserving from the same cache", () => {
    const { clock, budget, lock } = world();
    const sent: number[] = [];
    const executions = Array.from({ length: 5 }, budget);
    for (let round = 0; round < 4; round++) {
      for (const execution of executions) {
        const claim = claimOf(execution, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], clock);
        for (const _ of claim.send) sent.push(claim.at!);
      }
    }
    expect(sent).toHaveLength(200);
    expect(maxInWindow(sent)).toBe(10);
    // Packed with no second wasted: 200 requests at 10 a second take 20 windows.
    expect(Math.max(...sent) - Math.min(...sent)).toBeLessThan(20_000);
    expect(lock.acquired).toBe(20);
  });

  it("reserves nothing past the latest start, and says no slot is left", () => {
    const { clock, budget } = world();
    const first = budget();
    claimOf(first, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], clock);
    const late = claimOf(budget(), [1, 2], clock, 500);
    expect(late).toMatchObject({ send: [], noSlot: true });
    expect(late.at).toBeUndefined();
  });

  it("marks pages in flight so an identical run waits for them instead of fetching", () => {
    const { clock, budget } = world();
    const flightKey = (page: number) => `q|${page}|fly`;
    const first = budget().claim({
      pages: [1, 2, 3],
      earliest: 0,
      latest: Infinity,
      expectedMs: 1500,
      flightKey,
    });
    expect(first.send).toEqual([1, 2, 3]);
    const second = budget().claim({
      pages: [1, 2, 3, 4],
      earliest: 0,
      latest: Infinity,
      expectedMs: 1500,
      flightKey,
    });
    expect(second.send).toEqual([4]);
    expect([...second.elsewhere.keys()]).toEqual([1, 2, 3]);
    expect(second.elsewhere.get(1)).toBe(first.at! + 1500);
    // A mark outlives its wave only by a grace period: then anyone fetches the page.
    clock.sleep(10_000);
    expect(
      budget().claim({ pages: [1], earliest: 0, latest: Infinity, expectedMs: 1500, flightKey })
        .send,
    ).toEqual([1]);
  });

  it("halves the shared rate once for the refusals of one wave, pauses everyone, and jitters", () => {
    const { clock, budget } = world();
    const a = budget();
    const b = budget();
    // Half again as long at most: a random 0.5 waits a quarter more.
    expect(a.rateLimited(1000)).toBe(1250);
    b.rateLimited(1000);
    const next = claimOf(budget(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], clock);
    expect(next.send).toHaveLength(5);
    expect(next.at).toBeGreaterThanOrEqual(clock.now() + 1000);
    clock.sleep(1000);
    b.rateLimited(1000);
    expect(claimOf(budget(), [1, 2, 3], clock).send.length).toBeLessThanOrEqual(2);
    // Ten minutes later the default rate is tried again.
    clock.sleep(600_000);
    expect(claimOf(budget(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], clock).send).toHaveLength(10);
  });

  it("reserves under a lock its execution already holds without taking it again, and without one when it is busy", () => {
    const { clock, budget, lock } = world();
    lock.held = true;
    claimOf(budget(), [1], clock);
    expect(lock.acquired).toBe(0);
    expect(lock.held).toBe(true);
    lock.held = false;
    lock.busy = true;
    expect(claimOf(budget(), [1], clock).send).toEqual([1]);
  });

  it("spreads waits over half again as long", () => {
    expect(jitter(1000, 0)).toBe(1000);
    expect(jitter(1000, 0.999)).toBe(1500);
  });
});
