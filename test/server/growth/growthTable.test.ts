// TT_GROWTH's logic, table-driven: history rows in, growth rows out — the window's start, blanks
// where no snapshot is that old, the order, headers in the history's own style, and the errors.

import { describe, expect, it } from "vitest";
import {
  chartSeries,
  growthOf,
  growthTable,
  readDays,
} from "../../../src/server/growth/growthTable.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 9);
const at = (days: number) => new Date(T0 + days * DAY);

const HEADER = ["Snapshot at", "Handle", "Followers", "User ID"];
const HISTORY = [
  HEADER,
  [at(0), "anna", 1000, "1"],
  [at(0), "ben", 500, "2"],
  [at(3), "anna", 1100, "1"],
  [at(3), "ben", 450, "2"],
  [at(3), "cleo", 90, "3"],
  [at(8), "anna_new", 1500, "1"],
  [at(8), "ben", 600, "2"],
  [at(9), "cleo", 100, "3"],
  ["", "", "", ""],
];

describe("growthOf", () => {
  it("finds each creator's start: the latest snapshot at least `days` before its latest", () => {
    const table = growthTable(growthOf(HISTORY, "", 7));
    expect(table[0]).toEqual([
      "User ID",
      "Handle",
      "First snapshot",
      "Latest snapshot",
      "Followers 7 days before",
      "Followers now",
      "Change",
      "Change %",
    ]);
    // anna: 8 days − 7 = day 1 → day 0 (1000 → 1500); ben: day 0 (500 → 600); cleo: day 2 → none.
    expect(table.slice(1)).toEqual([
      ["1", "anna_new", at(0), at(8), 1000, 1500, 500, 0.5],
      ["2", "ben", at(0), at(8), 500, 600, 100, 0.2],
      ["3", "cleo", at(3), at(9), "", 100, "", ""],
    ]);
    // A shorter window starts later: anna from day 3 (1100), cleo from day 3 (90).
    const short = growthTable(growthOf(HISTORY, "followers", 5)).slice(1);
    expect(short.map((row) => [row[0], row[4], row[6]])).toEqual([
      ["1", 1100, 400],
      ["2", 450, 150],
      ["3", 90, 10],
    ]);
  });

  it("reads rows in any order, and skips blank metric values for the start", () => {
    const shuffled = [HEADER, ...HISTORY.slice(1).reverse()];
    expect(growthTable(growthOf(shuffled, "", 7))).toEqual(growthTable(growthOf(HISTORY, "", 7)));
    const gap = [HEADER, [at(0), "d", "", "4"], [at(1), "d", 10, "4"], [at(9), "d", 20, "4"]];
    expect(growthTable(growthOf(gap, "", 7))[1]!.slice(4)).toEqual([10, 20, 10, 1]);
    const zero = [HEADER, [at(0), "z", 0, "5"], [at(9), "z", 20, "5"]];
    expect(growthTable(growthOf(zero, "", 7))[1]!.slice(4)).toEqual([0, 20, 20, ""]);
  });

  it("answers keys for a header of keys, and Chinese for a Chinese one", () => {
    const keys = [
      ["snapshot_at", "uid", "creator.unique_id", "creator.follower_count"],
      [at(0), "9", "x", 10],
      [at(7), "9", "x", 15],
    ];
    expect(growthTable(growthOf(keys, "", ""))).toEqual([
      [
        "uid",
        "creator.unique_id",
        "first_snapshot_at",
        "last_snapshot_at",
        "creator.follower_count_start",
        "creator.follower_count_now",
        "creator.follower_count_change",
        "creator.follower_count_change_ratio",
      ],
      ["9", "x", at(0), at(7), 10, 15, 5, 0.5],
    ]);
    const chinese = [
      ["快照时间", "用户 ID", "账号", "播放量"],
      [at(0), "1", "a", 5],
    ];
    expect(growthTable(growthOf(chinese, "播放量", 7))[0]).toEqual([
      "用户 ID",
      "账号",
      "首次快照",
      "最新快照",
      "播放量（7 天前）",
      "播放量（现在）",
      "变化",
      "变化率",
    ]);
  });

  it.each([
    [[["Handle", "User ID"]], "", 7, /no snapshot_at column/],
    [[["snapshot_at", "Handle"]], "", 7, /no creator id column/],
    [[HEADER], "total_views_cnt", 7, /no total_views_cnt column/],
    [[HEADER], "Handle", 7, /“Handle” is not a numeric column of keyapi/],
    [[HEADER], "", -2, /days must be a number of days from 0 to 3650, not -2/],
    [[HEADER], "", "week", /not "week"/],
    ["A1:B2", "", 7, /history must be a range/],
    [[], "", 7, /history must be a range/],
  ])("refuses %j with %j and %j", (history, metric, days, error) => {
    expect(() => growthOf(history, metric, days)).toThrow(error);
  });

  it("takes days as a number, numeric text or blank (7)", () => {
    expect(readDays("")).toBe(7);
    expect(readDays(" 30 ")).toBe(30);
    expect(readDays([[2.5]])).toBe(2.5);
  });
});

describe("chartSeries", () => {
  it("lays the top creators' snapshots out by time, blank where a creator has none", () => {
    const series = chartSeries(growthOf(HISTORY, "", 7), 2);
    expect(series.creators.map((creator) => creator.id)).toEqual(["1", "2"]);
    expect(series.rows).toEqual([
      [at(0), 1000, 500],
      [at(3), 1100, 450],
      [at(8), 1500, 600],
    ]);
  });
});
