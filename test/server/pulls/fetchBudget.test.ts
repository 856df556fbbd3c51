// The fetch budget of a pull's execution: all 6 minutes but the writing still to do, estimated from
// write and commit times measured in the document.

import { describe, expect, it } from "vitest";
import { FetchBudget } from "../../../src/server/pulls/fetchBudget.js";
import { memoryProperties } from "../http/fakes.js";

const START = 1_000_000;
const plan = (heldRows: number, rowsLeft: number, totalRows = 100_000) => ({
  heldRows,
  chunkRows: Math.min(rowsLeft, 2_000),
  rowsLeft,
  totalRows,
  rowsPerSecond: 100,
});

describe("FetchBudget", () => {
  it("fetches until the end of the execution but the staging of what it will hold", () => {
    const budget = new FetchBudget(memoryProperties(), START);
    const deadline = budget.fetchDeadline(START, plan(10_000, 90_000));
    // 6 minutes, less 5 s of wrap-up and 7 s to stage 12,000 rows (1 s a call + 0.5 s a thousand).
    expect(deadline).toBe(START + 348_000);
    expect(deadline - START).toBeGreaterThan(340_000);
  });

  it("keeps time for the commit when the rest of the pull fits in this execution", () => {
    const budget = new FetchBudget(memoryProperties(), START);
    const now = START + 200_000;
    const deadline = budget.fetchDeadline(now, plan(5_000, 5_000, 40_000));
    // Less 6 s to stage 10,000 rows and 13 s to commit 40,000 (1 s a call + 0.3 s a thousand).
    expect(deadline).toBe(START + 336_000);
    expect(budget.canCommit(now, 40_000)).toBe(true);
    expect(budget.canCommit(START + 354_000, 40_000)).toBe(false);
  });

  it("learns the document's write and commit times, and keeps them for the next execution", () => {
    const store = memoryProperties();
    const first = new FetchBudget(store, START);
    const before = first.stageMs(20_000);
    first.measuredStage(20_000, 3_000);
    first.measuredCommit(100_000, 6_000);
    expect(first.stageMs(20_000)).toBe(3_000);
    expect(first.stageMs(20_000)).toBeLessThan(before);
    const next = new FetchBudget(store, START + 400_000);
    expect(next.stageMs(20_000)).toBe(3_000);
    expect(next.commitMs(100_000)).toBe(6_000);
    // A slower measurement counts at once; a faster one only halfway.
    next.measuredStage(20_000, 5_000);
    expect(next.stageMs(20_000)).toBe(5_000);
    next.measuredStage(20_000, 3_000);
    expect(next.stageMs(20_000)).toBe(4_000);
  });

  it("ignores damaged timings and small writes that measure nothing", () => {
    const store = memoryProperties();
    store.set("tt.pullTimings", "{not json");
    const budget = new FetchBudget(store, START);
    const defaults = budget.stageMs(10_000);
    budget.measuredStage(10, 5_000);
    expect(budget.stageMs(10_000)).toBe(defaults);
  });
});
