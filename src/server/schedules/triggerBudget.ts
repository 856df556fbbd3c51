// The day's trigger time. Apps Script gives a consumer account 90 minutes of trigger runtime a day
// and then stops its triggers; the add-on keeps its own within 80: a firing starts only when a
// whole execution (6 minutes at most) still fits in what is left of the day, and the time each
// firing took is added up in the user's properties (the quota is the user's, over all their
// spreadsheets), by calendar day in the spreadsheet's time zone. A firing cut off by Apps Script
// never gets to count itself: the next one counts it as a whole execution.

import type { PropertyStore } from "../platform/types.js";

export const DAILY_TRIGGER_BUDGET_MS = 80 * 60_000;
/** Apps Script ends every execution at 6 minutes. */
const EXECUTION_MAX_MS = 360_000;
const STORED = "tt.triggerTime";

interface TriggerDay {
  /** "2026-11-16" in the spreadsheet's time zone. */
  day: string;
  usedMs: number;
  /** When the firing now under way began; left behind by one that was cut off. */
  runningSince?: number;
  /** The run log already says today's time is used up. */
  noted?: boolean;
}

export interface BudgetStart {
  readonly allowed: boolean;
  /** Trigger time used today before this firing. */
  readonly usedMs: number;
  /** True the first time in the day a firing is refused (say so once in the run log). */
  readonly firstRefusal: boolean;
}

export class TriggerBudget {
  readonly #store: PropertyStore;
  readonly #dayOf: (instant: number) => string;

  constructor(store: PropertyStore, dayOf: (instant: number) => string) {
    this.#store = store;
    this.#dayOf = dayOf;
  }

  /** Starts a firing at `now`, or refuses it when a whole execution no longer fits today. */
  begin(now: number): BudgetStart {
    const record = this.#today(now);
    if (record.runningSince !== undefined) {
      record.usedMs += Math.min(EXECUTION_MAX_MS, Math.max(0, now - record.runningSince));
      delete record.runningSince;
    }
    if (record.usedMs + EXECUTION_MAX_MS > DAILY_TRIGGER_BUDGET_MS) {
      const firstRefusal = !record.noted;
      record.noted = true;
      this.#save(record);
      return { allowed: false, usedMs: record.usedMs, firstRefusal };
    }
    const usedMs = record.usedMs;
    record.runningSince = now;
    this.#save(record);
    return { allowed: true, usedMs, firstRefusal: false };
  }

  /** Ends the firing begun at `begin`, adding its time to the day's. */
  end(now: number): void {
    const record = this.#today(now);
    if (record.runningSince === undefined) return;
    record.usedMs += Math.max(0, now - record.runningSince);
    delete record.runningSince;
    this.#save(record);
  }

  /** Trigger time used on the day of `now` (a firing under way counted up to `now`). */
  usedMs(now: number): number {
    const record = this.#today(now);
    return record.usedMs + (record.runningSince === undefined ? 0 : now - record.runningSince);
  }

  #today(now: number): TriggerDay {
    const day = this.#dayOf(now);
    try {
      const stored = JSON.parse(this.#store.get(STORED) ?? "null") as TriggerDay | null;
      if (stored && stored.day === day && Number.isFinite(stored.usedMs)) return stored;
    } catch {
      // A damaged record starts the day afresh.
    }
    return { day, usedMs: 0 };
  }

  #save(record: TriggerDay): void {
    this.#store.set(STORED, JSON.stringify(record));
  }
}
