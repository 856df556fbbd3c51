// The day's trigger time. Apps Script gives a consumer account 90 minutes of trigger runtime a day
// and then stops its triggers; the add-on keeps its own within 80: a firing starts only when a
// whole execution (6 minutes at most) still fits in what is left of the day, and the time each
// firing took is added up in the user's properties (the quota is the user's, over all their
// spreadsheets), by calendar day in the spreadsheet's time zone. A firing cut off by Apps Script
// never gets to count itself: the next one counts it as a whole execution.

import { EXECUTION_LIMIT_MS, type PropertyStore } from "../platform/types.js";

export const DAILY_TRIGGER_BUDGET_MS = 80 * 60_000;
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

/** Where the day's trigger time is kept, and how an instant's day is named. */
export interface TriggerClock {
  readonly store: PropertyStore;
  readonly dayOf: (instant: number) => string;
}

/** Starts a firing at `now`, or refuses it when a whole execution no longer fits today. */
export function beginTriggerRun(clock: TriggerClock, now: number): BudgetStart {
  const record = today(clock, now);
  if (record.runningSince !== undefined) {
    record.usedMs += Math.min(EXECUTION_LIMIT_MS, Math.max(0, now - record.runningSince));
    delete record.runningSince;
  }
  const usedMs = record.usedMs;
  const allowed = usedMs + EXECUTION_LIMIT_MS <= DAILY_TRIGGER_BUDGET_MS;
  const firstRefusal = !allowed && !record.noted;
  if (allowed) record.runningSince = now;
  else record.noted = true;
  clock.store.set(STORED, JSON.stringify(record));
  return { allowed, usedMs, firstRefusal };
}

/** Ends the firing begun at `beginTriggerRun`, adding its time to the day's. */
export function endTriggerRun(clock: TriggerClock, now: number): void {
  const record = today(clock, now);
  if (record.runningSince === undefined) return;
  record.usedMs += Math.max(0, now - record.runningSince);
  delete record.runningSince;
  clock.store.set(STORED, JSON.stringify(record));
}

/** Trigger time used on the day of `now` (a firing under way counted up to `now`). */
export function triggerTimeUsed(clock: TriggerClock, now: number): number {
  const record = today(clock, now);
  return record.usedMs + (record.runningSince === undefined ? 0 : now - record.runningSince);
}

function today(clock: TriggerClock, now: number): TriggerDay {
  const day = clock.dayOf(now);
  try {
    const stored = JSON.parse(clock.store.get(STORED) ?? "null") as TriggerDay | null;
    if (stored && stored.day === day && Number.isFinite(stored.usedMs)) return stored;
  } catch {
    // A damaged record starts the day afresh.
  }
  return { day, usedMs: 0 };
}
