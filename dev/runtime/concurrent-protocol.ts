// The messages between the concurrent scheduler (main thread) and the execution threads: every
// request from an execution is a synchronous call that blocks it until the scheduler answers.

import type { AuthMode, ExecutionKind } from "./execution.js";

/** What an execution thread needs to run one execution. */
export interface ExecutionJob {
  readonly id: number;
  readonly functionName: string;
  readonly args: unknown;
  readonly kind: ExecutionKind;
  readonly authMode: AuthMode;
  readonly user: string;
  readonly startAt: number;
  readonly timeLimitMs?: number;
}

/** What every execution thread shares: the script and the document's fixed facts. */
export interface ThreadSetup {
  readonly code: string;
  readonly owner: string;
  readonly locale: string;
  readonly scopes: readonly string[];
  readonly htmlDir: string;
  readonly isAddOn: boolean;
  readonly scriptTimeZone: string;
  readonly spreadsheet: {
    readonly id: string;
    readonly name: string;
    readonly timeZone: string;
    readonly locale: string;
  };
  readonly realTimeoutMs: number;
}

/** What a thread is given once, when it starts. */
export interface ThreadData {
  /** Index of this thread's slot in the shared signal array (slot 0 wakes the scheduler). */
  readonly slot: number;
}

export type ThreadRequest =
  /** A method call on a shared service object of the main thread, e.g. "cache.document". */
  | {
      readonly op: "call";
      readonly path: string;
      readonly method: string;
      readonly args: readonly unknown[];
    }
  /** The execution's time moves to `until`: it may go on once nothing earlier is left to run. */
  | { readonly op: "sleep"; readonly until: number }
  /** Wait up to `timeoutMs` for a lock; answered true once held. */
  | {
      readonly op: "lock";
      readonly kind: "document" | "script" | "user";
      readonly timeoutMs: number;
    }
  | { readonly op: "unlock"; readonly kind: "document" | "script" | "user" }
  | { readonly op: "holds"; readonly kind: "document" | "script" | "user" }
  /** The thread is up and waits for its first job. */
  | { readonly op: "ready" }
  | { readonly op: "done"; readonly outcome: ExecutionOutcome };

export interface ExecutionOutcome {
  readonly ok: boolean;
  /** The function's answer (a cell's value; "" for an empty answer). */
  readonly value?: unknown;
  /** What it threw (a cell's #ERROR! message). */
  readonly error?: { readonly name: string; readonly message: string };
  readonly startedAt: number;
  readonly endedAt: number;
  readonly calls: Readonly<Record<string, number>>;
  readonly logs: readonly string[];
}

export type ThreadReply =
  | { readonly value: unknown; readonly now: number }
  | { readonly error: string; readonly now: number }
  | { readonly job: ExecutionJob; readonly setup: ThreadSetup; readonly now: number }
  | { readonly exit: true };
