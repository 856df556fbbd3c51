// The emulated LockService. Executions run one at a time here, so contention is simulated: a test
// marks a lock as held by "another execution" until a virtual time, and waiting for it moves the
// virtual clock. Locks an execution still holds are released when it ends.

import { COST_MS } from "../costs.js";
import type { Execution } from "../execution.js";

export type LockKind = "document" | "script" | "user";

export const LOCK_ERRORS = {
  timeout: "Lock timeout: another process was holding the lock for too long.",
} as const;

interface LockState {
  /** The execution that holds it, if one does. */
  holder: number | null;
  /** Virtual time until which a simulated other execution holds it. */
  otherUntil: number;
}

/** Every lock of the runtime and who holds it; persists across executions. */
export class LockTable {
  readonly #locks = new Map<string, LockState>();

  /** Makes the lock busy, held by a simulated other execution, until virtual time `untilMs`. */
  holdByOther(kind: LockKind, untilMs: number, user?: string): void {
    this.state(kind, user).otherUntil = untilMs;
  }

  /** Releases every lock held by execution `execId` (the core calls it when an execution ends). */
  releaseAll(execId: number): void {
    for (const state of this.#locks.values()) {
      if (state.holder === execId) state.holder = null;
    }
  }

  /** The execution holding the lock, or null (tests). */
  holder(kind: LockKind, user?: string): number | null {
    return this.state(kind, user).holder;
  }

  /** The lock's state; a user lock needs the user's email. */
  state(kind: LockKind, user?: string): LockState {
    if (kind === "user" && !user) throw new Error("a user lock needs the user's email");
    return this.keyed(kind === "user" ? `user:${user}` : kind);
  }

  /** A lock by its key: "document" (the first spreadsheet's), "document:<id>", "script"… */
  keyed(key: string): LockState {
    let state = this.#locks.get(key);
    if (!state) {
      state = { holder: null, otherUntil: 0 };
      this.#locks.set(key, state);
    }
    return state;
  }
}

/**
 * The LockService global of one execution. `documentKey` names the lock of the spreadsheet the
 * execution is bound to; null outside a document, where Apps Script answers null.
 */
export function createLockService(
  locks: LockTable,
  exec: Execution,
  documentKey: string | null = "document",
) {
  return {
    getDocumentLock() {
      exec.guard("LockService.getDocumentLock", "lock", COST_MS.lockCall);
      // Typed as present: only an execution bound to no document sees the null.
      if (documentKey === null) return null as unknown as ReturnType<typeof createLock>;
      return createLock(locks.keyed(documentKey), exec);
    },
    getScriptLock() {
      exec.guard("LockService.getScriptLock", "lock", COST_MS.lockCall);
      return createLock(locks.state("script"), exec);
    },
    getUserLock() {
      exec.guard("LockService.getUserLock", "lock", COST_MS.lockCall);
      return createLock(locks.state("user", exec.effectiveUser), exec);
    },
    toString: () => "LockService",
  };
}

function createLock(state: LockState, exec: Execution) {
  /** Waits on the virtual clock up to `timeout` ms for the lock; true once this execution holds it. */
  const acquire = (timeout: number): boolean => {
    if (state.holder === exec.id) return true;
    // Another execution that has not released it can't end while this one runs: it never frees.
    const wait =
      state.holder === null
        ? Math.max(0, state.otherUntil - exec.clock.now())
        : Number.POSITIVE_INFINITY;
    if (wait > timeout) {
      exec.spend(timeout);
      return false;
    }
    exec.spend(wait);
    state.holder = exec.id;
    return true;
  };

  return scriptLock(exec, {
    acquire,
    release: () => {
      if (state.holder === exec.id) state.holder = null;
    },
    holds: () => state.holder === exec.id,
  });
}

/** What a lock does underneath: in this process, or asked of the coordinator across threads. */
export interface LockBackend {
  /** Takes the lock within `timeoutMs`; true once this execution holds it. */
  acquire(timeoutMs: number): boolean;
  release(): void;
  /** Whether this execution holds it. */
  holds(): boolean;
}

/** A Lock as a script sees it: every call costs and fails as in Apps Script, over `backend`. */
export function scriptLock(exec: Execution, backend: LockBackend) {
  const timeoutOf = (timeoutInMillis: unknown) => Math.max(0, Number(timeoutInMillis) || 0);
  return {
    tryLock(timeoutInMillis: unknown): boolean {
      exec.guard("Lock.tryLock", "lock", COST_MS.lockCall);
      return backend.acquire(timeoutOf(timeoutInMillis));
    },
    waitLock(timeoutInMillis: unknown): void {
      exec.guard("Lock.waitLock", "lock", COST_MS.lockCall);
      if (!backend.acquire(timeoutOf(timeoutInMillis))) exec.fail(LOCK_ERRORS.timeout);
    },
    releaseLock(): void {
      exec.guard("Lock.releaseLock", "lock", COST_MS.lockCall);
      backend.release();
    },
    hasLock(): boolean {
      exec.guard("Lock.hasLock", "lock", COST_MS.lockCall);
      return backend.holds();
    },
    toString: () => "Lock",
  };
}
