// The day's trigger time: a firing starts only while a whole execution fits in the day's 80
// minutes, each firing's time is added up, one cut off is counted whole, and a new day starts afresh.

import { describe, expect, it } from "vitest";
import {
  beginTriggerRun,
  DAILY_TRIGGER_BUDGET_MS,
  endTriggerRun,
  triggerTimeUsed,
} from "../../../src/server/schedules/triggerBudget.js";
import { memoryProperties } from "../http/fakes.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const utcDay = (instant: number) => new Date(instant).toISOString().slice(0, 10);

describe("the day's trigger time", () => {
  it("adds up firings and refuses one that might not fit in 80 minutes, saying so once", () => {
    const budget = { store: memoryProperties(), dayOf: utcDay };
    let now = Date.UTC(2026, 10, 16);
    const fire = (minutes: number) => {
      const start = beginTriggerRun(budget, now);
      if (start.allowed) endTriggerRun(budget, now + minutes * MINUTE);
      now += 60 * MINUTE;
      return start;
    };
    for (let run = 0; run < 14; run++) expect(fire(5).allowed).toBe(true);
    expect(triggerTimeUsed(budget, now)).toBe(70 * MINUTE);
    expect(fire(5)).toEqual({ allowed: true, usedMs: 70 * MINUTE, firstRefusal: false });
    expect(fire(5)).toEqual({ allowed: false, usedMs: 75 * MINUTE, firstRefusal: true });
    expect(fire(5)).toEqual({ allowed: false, usedMs: 75 * MINUTE, firstRefusal: false });
    expect(triggerTimeUsed(budget, now)).toBeLessThanOrEqual(DAILY_TRIGGER_BUDGET_MS);
  });

  it("counts a firing that never ended as a whole execution, and starts each day afresh", () => {
    const budget = { store: memoryProperties(), dayOf: utcDay };
    const start = Date.UTC(2026, 10, 16, 10);
    expect(beginTriggerRun(budget, start).allowed).toBe(true);
    // Cut off at 6 minutes: never ended. The next firing counts it.
    expect(beginTriggerRun(budget, start + 60 * MINUTE).usedMs).toBe(6 * MINUTE);
    expect(beginTriggerRun(budget, start + DAY).usedMs).toBe(0);
  });
});
