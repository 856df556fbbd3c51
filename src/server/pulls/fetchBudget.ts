// How long a pull's execution may fetch: all of Apps Script's 6 minutes except what it still has
// to write — the rows held in memory to stage, and the commit when the pull can end in this run —
// estimated from the write and commit times measured in this document (kept in its properties),
// rather than a fixed 4 minutes that left a third of every execution unused.

import { EXECUTION_LIMIT_MS, type PropertyStore } from "../platform/types.js";

/** Saving the job, the run log line and the lock's release, after the last write. */
const WRAP_UP_MS = 5_000;
/** Until measured: staging 1,000 rows (one setValues) and committing 1,000 staged rows. */
const DEFAULT_STAGE_MS_PER_K = 500;
const DEFAULT_COMMIT_MS_PER_K = 300;
/** Every write call has a fixed cost beside its per-row cost. */
const CALL_MS = 1_000;
/** Measurements are kept as a moving average, trusting the latest half. */
const WEIGHT = 0.5;
const TIMINGS_KEY = "tt.pullTimings";

/** Measured times; absent until measured (the defaults are guesses, a measurement replaces them). */
interface Timings {
  stageMsPerK?: number;
  commitMsPerK?: number;
}

export interface FetchPlan {
  /** Rows fetched but not yet staged (they must be written before the execution ends). */
  readonly heldRows: number;
  /** Rows the next chunk of fetching can add at most. */
  readonly chunkRows: number;
  /** Rows the pull still needs after what it holds and has staged. */
  readonly rowsLeft: number;
  /** Rows the pull will have in all (for the commit). */
  readonly totalRows: number;
  /** Requests per second the API allows (how fast the rest can come). */
  readonly rowsPerSecond: number;
}

export class FetchBudget {
  readonly #properties: PropertyStore;
  readonly #end: number;
  #timings: Timings;

  constructor(properties: PropertyStore, started: number, limitMs = EXECUTION_LIMIT_MS) {
    this.#properties = properties;
    this.#end = started + limitMs - WRAP_UP_MS;
    this.#timings = readTimings(properties.get(TIMINGS_KEY));
  }

  /** Milliseconds to stage `rows` rows, by what this document has shown. */
  stageMs(rows: number): number {
    const perK = this.#timings.stageMsPerK ?? DEFAULT_STAGE_MS_PER_K;
    return rows > 0 ? CALL_MS + (rows / 1000) * perK : 0;
  }

  /** Milliseconds to commit `rows` rows to the target. */
  commitMs(rows: number): number {
    return CALL_MS + (rows / 1000) * (this.#timings.commitMsPerK ?? DEFAULT_COMMIT_MS_PER_K);
  }

  /**
   * When the next chunk of fetching must stop. If the rest of the pull fits in this execution,
   * time is kept for its commit too; otherwise only for staging what will be held.
   */
  fetchDeadline(now: number, plan: FetchPlan): number {
    const restMs = (plan.rowsLeft / Math.max(1, plan.rowsPerSecond)) * 1000;
    const finishMs = this.stageMs(plan.heldRows + plan.rowsLeft) + this.commitMs(plan.totalRows);
    return now + restMs + finishMs <= this.#end
      ? this.#end - finishMs
      : this.#end - this.stageMs(plan.heldRows + plan.chunkRows);
  }

  /** True while committing `rows` rows can still end within this execution. */
  canCommit(now: number, rows: number): boolean {
    return now + this.commitMs(rows) <= this.#end;
  }

  /** A staging write of `rows` rows took `ms`. */
  measuredStage(rows: number, ms: number): void {
    if (rows < 1000) return;
    this.#record({ stageMsPerK: perK(rows, ms) });
  }

  /** A commit of `rows` rows took `ms`. */
  measuredCommit(rows: number, ms: number): void {
    if (rows < 1000) return;
    this.#record({ commitMsPerK: perK(rows, ms) });
  }

  #record(measured: Partial<Timings>): void {
    const next = { ...this.#timings };
    if (measured.stageMsPerK !== undefined)
      next.stageMsPerK = blend(next.stageMsPerK, measured.stageMsPerK);
    if (measured.commitMsPerK !== undefined)
      next.commitMsPerK = blend(next.commitMsPerK, measured.commitMsPerK);
    this.#timings = next;
    try {
      this.#properties.set(TIMINGS_KEY, JSON.stringify(next));
    } catch {
      // A full store must not fail a pull over a timing.
    }
  }
}

function perK(rows: number, ms: number): number {
  return (Math.max(0, ms - CALL_MS) / rows) * 1000;
}

/** An estimate leans to the slower of the old and the new, so a slow day is not forgotten at once. */
function blend(previous: number | undefined, measured: number): number {
  if (previous === undefined || measured >= previous) return measured;
  return previous * (1 - WEIGHT) + measured * WEIGHT;
}

function readTimings(json: string | null): Timings {
  let parsed: Partial<Record<keyof Timings, unknown>> | null = null;
  try {
    parsed = JSON.parse(json ?? "null") as Partial<Record<keyof Timings, unknown>> | null;
  } catch {
    // Damaged timings are no timings.
  }
  const read = (value: unknown) => {
    const number = Number(value);
    return value != null && Number.isFinite(number) && number >= 0 ? number : undefined;
  };
  const timings: Timings = {};
  const stage = read(parsed?.stageMsPerK);
  const commit = read(parsed?.commitMsPerK);
  if (stage !== undefined) timings.stageMsPerK = stage;
  if (commit !== undefined) timings.commitMsPerK = commit;
  return timings;
}
