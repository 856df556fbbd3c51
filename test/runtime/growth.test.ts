// Watching growth with the built bundle in the local runtime: history sheets made by several
// history pulls days apart, while the fake API moves every creator's followers at a rate of its
// own; TT_GROWTH checked cell by cell against a computation of this file's own, for both sources,
// with labels (English and Chinese) and with keys; its errors; "Chart growth" writing one sheet and
// one line chart over the right ranges, and replacing them when run again; first/last seen.

import { describe, expect, it } from "vitest";
import { benchHistory } from "../../dev/bench/growth.js";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import { type AppsScriptRuntime, ScriptError } from "../../dev/runtime/runtime.js";
import { catalogueOf } from "../../src/shared/columns/index.js";
import { cellErrorOf, DAY, useAddonWorld } from "./addonWorld.js";

type Table = unknown[][];

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const values = (name: string) => rt.spreadsheet.sheet(name).values() as Table;
const growth = (...args: unknown[]) => rt.customFunction("TT_GROWTH", args) as Table;

const cellError = (name: string, ...args: unknown[]) => cellErrorOf(rt, name, args);

function serverError(name: string, ...args: unknown[]): string {
  try {
    rt.serverCall(name, args);
  } catch (error) {
    if (error instanceof ScriptError) return error.message;
    throw error;
  }
  throw new Error(`${name} did not fail`);
}

/** History pulls `gaps.length + 1` times, the clock moved by each gap (days) in between. */
async function buildHistory(
  query: Record<string, unknown>,
  gaps: readonly number[],
): Promise<void> {
  await api.configure({ growth: { since: rt.clock.now() } });
  for (let run = 0; run <= gaps.length; run++) {
    const summary = rt.serverCall("runQuery", [{ mode: "history", ...query }]) as {
      status: string;
    };
    expect(summary.status).toBe("done");
    if (run < gaps.length) rt.advance(gaps[run]! * DAY);
  }
}

interface Expected {
  id: string;
  handle: string;
  first: number;
  last: number;
  start: number | "";
  now: number | "";
  change: number | "";
  ratio: number | "";
}

/** The growth table computed here, from the sheet's cells, without the add-on's code. */
function expectedGrowth(
  table: Table,
  columns: { id: string[]; handle: string[]; metric: string[] },
  days: number,
): Expected[] {
  const header = table[0]!.map((cell) => String(cell));
  const find = (names: string[]) => header.findIndex((cell) => names.includes(cell));
  const [snapshotAt, idAt, handleAt, metricAt] = [
    find(["snapshot_at", "Snapshot at", "快照时间"]),
    find(columns.id),
    find(columns.handle),
    find(columns.metric),
  ];
  expect(Math.min(snapshotAt, idAt, handleAt, metricAt)).toBeGreaterThanOrEqual(0);
  const byId = new Map<string, { time: number; value: unknown; handle: string }[]>();
  for (const row of table.slice(1)) {
    const id = String(row[idAt]);
    if (id === "") continue;
    const list = byId.get(id) ?? [];
    list.push({
      time: (row[snapshotAt] as Date).getTime(),
      value: row[metricAt],
      handle: String(row[handleAt]),
    });
    byId.set(id, list);
  }
  const result: Expected[] = [];
  for (const [id, list] of byId) {
    const times = list.map((entry) => entry.time);
    const last = Math.max(...times);
    const latest = list.filter((entry) => entry.time === last).at(-1)!;
    const old = list.filter((entry) => entry.time <= last - days * DAY);
    const startEntry = old.filter((entry) => typeof entry.value === "number").at(-1);
    const now = typeof latest.value === "number" ? latest.value : "";
    const start = startEntry ? (startEntry.value as number) : "";
    const change = start !== "" && now !== "" ? now - start : "";
    const ratio = change !== "" && start !== 0 ? change / (start as number) : "";
    result.push({
      id,
      handle: latest.handle,
      first: Math.min(...times),
      last,
      start,
      now,
      change,
      ratio,
    });
  }
  const rank = (value: number | "") => (value === "" ? Number.NEGATIVE_INFINITY : value);
  return result.sort(
    (a, b) =>
      rank(b.ratio) - rank(a.ratio) ||
      rank(b.change) - rank(a.change) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function expectTable(actual: Table, expected: Expected[]): void {
  expect(actual.length).toBe(expected.length + 1);
  expected.forEach((row, index) => {
    const cells = actual[index + 1]!;
    expect(cells.slice(0, 2)).toEqual([row.id, row.handle]);
    expect((cells[2] as Date).getTime()).toBe(row.first);
    expect((cells[3] as Date).getTime()).toBe(row.last);
    expect(cells.slice(4, 7)).toEqual([row.start, row.now, row.change]);
    if (row.ratio === "") expect(cells[7]).toBe("");
    else expect(cells[7] as number).toBeCloseTo(row.ratio, 12);
  });
}

const KEYAPI_NAMES = {
  id: ["user_id", "User ID", "用户 ID"],
  handle: ["unique_id", "Handle", "账号"],
  metric: ["total_followers_cnt", "Followers", "粉丝数"],
};
const FASTMOSS_NAMES = {
  id: ["uid", "Creator ID", "达人 ID"],
  handle: ["creator.unique_id", "Handle", "账号"],
  metric: ["creator.follower_count", "Followers", "粉丝数"],
};

/** The same sheet as a Chinese sidebar writes it: the header's labels in Chinese. */
function inChinese(table: Table, source: "keyapi" | "fastmoss"): Table {
  const labels = new Map(catalogueOf(source).columns.map((spec) => [spec.label.en, spec.label.zh]));
  labels.set("Snapshot at", "快照时间");
  return [table[0]!.map((cell) => labels.get(String(cell)) ?? cell), ...table.slice(1)];
}

describe("TT_GROWTH", () => {
  it("turns KeyAPI history into growth, cell by cell, with labels in English and Chinese", async () => {
    await buildHistory(
      { source: "keyapi", region: "US", limit: 30, sheet: "K history" },
      [3, 2, 4, 1],
    );
    const history = values("K history");
    const followers = new Set(history.slice(1).map((row) => row[4]));
    expect(followers.size).toBeGreaterThan(40); // the counts moved between runs
    const expected = expectedGrowth(history, KEYAPI_NAMES, 7);
    expect(expected.filter((row) => row.ratio !== "").length).toBeGreaterThan(10);
    expect(expected.some((row) => (row.change as number) > 0)).toBe(true);
    expect(expected.some((row) => (row.change as number) < 0)).toBe(true);

    const before = await requests();
    const table = growth(history, "", "");
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
    expectTable(table, expected);

    const chinese = growth(inChinese(history, "keyapi"), "粉丝数", 7);
    expect(chinese[0]).toEqual([
      "用户 ID",
      "账号",
      "首次快照",
      "最新快照",
      "粉丝数（7 天前）",
      "粉丝数（现在）",
      "变化",
      "变化率",
    ]);
    expectTable(chinese, expected);

    // Another metric and window, by label; creators without a snapshot that old have blanks.
    const views = growth(history, "Views", 9);
    expectTable(
      views,
      expectedGrowth(history, { ...KEYAPI_NAMES, metric: ["total_views_cnt", "Views"] }, 9),
    );
    const longWindow = growth(history, "total_followers_cnt", 30);
    expect(longWindow.slice(1).every((row) => row[7] === "" && row[6] === "")).toBe(true);
    expect(await requests()).toBe(before);
  });

  it("turns FastMoss history written with keys into growth", async () => {
    await buildHistory(
      { source: "fastmoss", region: "US", limit: 40, sheet: "F history", headers: "keys" },
      [2, 3, 3],
    );
    const history = values("F history");
    expect(history[0]![0]).toBe("snapshot_at");
    const expected = expectedGrowth(history, FASTMOSS_NAMES, 5);
    expect(expected.filter((row) => row.ratio !== "").length).toBeGreaterThan(0);
    const table = growth(history, "creator.follower_count", 5);
    expect(table[0]).toEqual([
      "uid",
      "creator.unique_id",
      "first_snapshot_at",
      "last_snapshot_at",
      "creator.follower_count_start",
      "creator.follower_count_now",
      "creator.follower_count_change",
      "creator.follower_count_change_ratio",
    ]);
    expectTable(table, expected);
    // Blank metric means followers for FastMoss too.
    expect(growth(history, "", 5)).toEqual(table);
  });

  it("answers 50,000 snapshot rows well within a custom function's 30 seconds", () => {
    const history = benchHistory(rt.clock.now() - 10 * DAY);
    expect(history).toHaveLength(50_001);
    const started = performance.now();
    const table = growth(history, "", 7);
    const seconds = (performance.now() - started) / 1000;
    expect(table).toHaveLength(5_001);
    // Generous for a loaded machine; the bench measures about 0.7 s.
    expect(seconds).toBeLessThan(10);
    const ratios = table.slice(1).map((row) => row[7] as number);
    expect(ratios.every((ratio, index) => index === 0 || ratio <= ratios[index - 1]!)).toBe(true);
  });

  it("says what is missing, and makes no request", async () => {
    await buildHistory(
      {
        source: "keyapi",
        region: "US",
        limit: 10,
        sheet: "Small",
        columns: ["user_id", "unique_id", "total_followers_cnt"],
      },
      [1],
    );
    const history = values("Small");
    const before = await requests();
    expect(
      cellError(
        "TT_GROWTH",
        history.map((row) => row.slice(1)),
        "",
        7,
      ),
    ).toMatch(/^TT_GROWTH: the range has no snapshot_at column/);
    const withoutId = history.map((row) =>
      row.filter((_, index) => history[0]![index] !== "User ID"),
    );
    expect(cellError("TT_GROWTH", withoutId, "", 7)).toMatch(
      /^TT_GROWTH: the range has no creator id column \(user_id for KeyAPI, uid for FastMoss/,
    );
    expect(cellError("TT_GROWTH", history, "total_views_cnt", 7)).toMatch(
      /^TT_GROWTH: the range has no total_views_cnt column/,
    );
    expect(cellError("TT_GROWTH", history, "Handle", 7)).toMatch(
      /^TT_GROWTH: “Handle” is not a numeric column of keyapi/,
    );
    expect(cellError("TT_GROWTH", history, "", -1)).toMatch(
      /^TT_GROWTH: days must be a number of days from 0 to 3650, not -1/,
    );
    expect(cellError("TT_GROWTH", "nothing", "", 7)).toMatch(
      /^TT_GROWTH: history must be a range of a history sheet/,
    );
    expect(await requests()).toBe(before);
  });
});

async function requests(): Promise<number> {
  const stats = await api.stats();
  return stats.keyapi.requests + stats.fastmoss.requests;
}

describe("Chart growth", () => {
  interface ChartView {
    chartId: number;
    type: string | null;
    ranges: {
      sheet: string;
      a1: string;
      row: number;
      column: number;
      numRows: number;
      numColumns: number;
    }[];
  }
  const chartsOf = (name: string) =>
    rt.spreadsheet.snapshot().sheets.find((sheet) => sheet.name === name)!.charts as ChartView[];

  /** The chart's data block, checked against the table's first 10 creators and the history. */
  function expectSeries(growthSheet: string, history: Table): ChartView {
    const charts = chartsOf(growthSheet);
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(chart.type).toBe("LINE");
    expect(chart.ranges).toHaveLength(1);
    const range = chart.ranges[0]!;
    expect(range.sheet).toBe(growthSheet);
    const sheetValues = values(growthSheet);
    const table = sheetValues.map((row) => row.slice(0, 8)).filter((row) => row[0] !== "");
    const top = table.slice(1, 11);
    expect(range.numColumns).toBe(1 + top.length);
    const block = sheetValues
      .slice(range.row - 1, range.row - 1 + range.numRows)
      .map((row) => row.slice(range.column - 1, range.column - 1 + range.numColumns));
    expect(block[0]).toEqual(["Snapshot at", ...top.map((row) => row[1])]);
    const idAt = history[0]!.indexOf("User ID");
    const followersAt = history[0]!.indexOf("Followers");
    const times = [
      ...new Set(
        history
          .slice(1)
          .filter((row) => top.some((creator) => creator[0] === row[idAt]))
          .map((row) => (row[0] as Date).getTime()),
      ),
    ].sort((a, b) => a - b);
    expect(block.slice(1).map((row) => (row[0] as Date).getTime())).toEqual(times);
    top.forEach((creator, column) => {
      times.forEach((time, index) => {
        const snapshot = history
          .slice(1)
          .filter((row) => row[idAt] === creator[0] && (row[0] as Date).getTime() === time)
          .at(-1);
        expect(block[index + 1]![column + 1]).toEqual(snapshot ? snapshot[followersAt] : "");
      });
    });
    return chart;
  }

  it("writes one growth sheet and one line chart, and replaces both when run again", async () => {
    await buildHistory({ source: "keyapi", region: "US", limit: 30, sheet: "Creators" }, [4, 4]);
    const sheetsBefore = rt.spreadsheet.sheetNames().length;
    const answer = rt.serverCall("chartGrowth", ["Creators"]) as {
      sheet: string;
      creators: number;
    };
    expect(answer).toEqual({ sheet: "Creators growth", creators: 30 });
    expect(rt.spreadsheet.sheetNames()).toHaveLength(sheetsBefore + 1);

    // The table as TT_GROWTH answers it, as values, formatted like the add-on's sheets.
    const history = values("Creators");
    const formula = growth(history, "", "");
    const written = values("Creators growth").map((row) => row.slice(0, 8));
    expect(written.slice(0, formula.length)).toEqual(formula);
    const snapshot = rt.spreadsheet.snapshot().sheets.find((s) => s.name === "Creators growth")!;
    expect(snapshot.frozenRows).toBe(1);
    expect(snapshot.bold).toContainEqual([1, 1]);
    expect(snapshot.formulas).toEqual([]);
    const formatOf = (row: number, column: number) =>
      snapshot.numberFormats.find(([r, c]) => r === row && c === column)?.[2];
    expect([1, 2, 3, 5, 8].map((column) => formatOf(2, column))).toEqual([
      "@",
      "@",
      "yyyy-mm-dd hh:mm",
      "#,##0",
      "0.00%",
    ]);
    const first = expectSeries("Creators growth", history);

    // Another run, then Chart growth again: same sheet, same single chart, over the new data.
    rt.advance(4 * DAY);
    rt.serverCall("runQuery", [
      { source: "keyapi", region: "US", limit: 30, sheet: "Creators", mode: "history" },
    ]);
    rt.serverCall("chartGrowth", ["Creators"]);
    expect(rt.spreadsheet.sheetNames()).toHaveLength(sheetsBefore + 1);
    const again = expectSeries("Creators growth", values("Creators"));
    expect(again.chartId).toBe(first.chartId);
    expect(again.ranges[0]!.numRows).toBe(first.ranges[0]!.numRows + 1);
    expect(values("Creators growth").map((row) => row.slice(0, 8))).toEqual(
      growth(values("Creators"), "", ""),
    );
  });

  it("runs from the menu on the active sheet and shows the growth sheet", async () => {
    await buildHistory({ source: "keyapi", region: "US", limit: 10, sheet: "Menu history" }, [8]);
    rt.spreadsheet.setActiveSheet(rt.spreadsheet.sheet("Menu history"));
    // What the sidebar asks before offering Chart growth for the current sheet.
    expect(rt.serverCall("getGrowthTarget")).toEqual({ sheet: "Menu history", history: true });
    expect(rt.menuItem("chartActiveSheetGrowth").ok).toBe(true);
    expect(rt.spreadsheet.activeSheet.name).toBe("Menu history growth");
    expect(rt.serverCall("getGrowthTarget")).toEqual({
      sheet: "Menu history growth",
      history: false,
    });
    expect(chartsOf("Menu history growth")).toHaveLength(1);
  });

  it("says plainly when the sheet is not a history sheet", async () => {
    rt.spreadsheet
      .sheet("Sheet1")
      .writeValues({ row: 1, column: 1, numRows: 1, numColumns: 2 }, [["Name", "Followers"]]);
    expect(serverError("chartGrowth", "Sheet1")).toMatch(
      /“Sheet1” is not a history sheet: the range has no snapshot_at column/,
    );
    expect(serverError("chartGrowth", "Nowhere")).toMatch(/there is no sheet named “Nowhere”/);
    expect(serverError("chartGrowth", "Sheet1", "", "", "zh")).toMatch(/不是历史工作表/);
    rt.spreadsheet.setActiveSheet(rt.spreadsheet.sheet("Sheet1"));
    expect(rt.menuItem("chartActiveSheetGrowth").ok).toBe(true);
    expect(rt.ui.alerts.at(-1)?.message).toMatch(/not a history sheet/);
    expect(rt.spreadsheet.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("first_seen_at and last_seen_at", () => {
  it("keep when an id first appeared in an upsert sheet and the latest run that returned it", () => {
    const query = (limit: number) => ({
      source: "keyapi",
      region: "US",
      limit,
      sheet: "Seen",
      mode: "upsert",
      columns: ["user_id", "unique_id", "total_followers_cnt", "first_seen_at", "last_seen_at"],
    });
    const t1 = rt.clock.now();
    expect((rt.serverCall("runQuery", [query(10)]) as { status: string }).status).toBe("done");
    const header = values("Seen")[0]!;
    expect(header).toEqual(["User ID", "Handle", "Followers", "First seen here", "Last seen here"]);
    const firstRun = new Map(
      values("Seen")
        .slice(1)
        .map((row) => [row[0], row]),
    );
    for (const row of firstRun.values()) {
      expect((row[3] as Date).getTime()).toBeGreaterThanOrEqual(t1);
      expect((row[3] as Date).getTime()).toBeLessThan(t1 + 60_000);
      expect(row[4]).toEqual(row[3]);
    }
    rt.advance(2 * DAY);
    const t2 = rt.clock.now();
    rt.serverCall("runQuery", [query(20)]);
    const rows = values("Seen").slice(1);
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      const before = firstRun.get(row[0]);
      const firstSeen = (row[3] as Date).getTime();
      const lastSeen = (row[4] as Date).getTime();
      expect(lastSeen).toBeGreaterThanOrEqual(t2);
      expect(lastSeen).toBeLessThan(t2 + 60_000);
      if (before) expect(firstSeen).toBe((before[3] as Date).getTime());
      else expect(firstSeen).toBe(lastSeen);
    }
    expect(rows.filter((row) => firstRun.has(row[0]))).toHaveLength(10);

    const snapshot = rt.spreadsheet.snapshot().sheets.find((s) => s.name === "Seen")!;
    expect(snapshot.numberFormats).toContainEqual([2, 4, "yyyy-mm-dd hh:mm"]);
    expect(snapshot.numberFormats).toContainEqual([2, 5, "yyyy-mm-dd hh:mm"]);
  });

  it("are listed by TT_COLUMNS, left out of columns=all, and refused outside upsert", () => {
    const keys = (rt.customFunction("TT_COLUMNS", ["fastmoss"]) as Table).map((row) => row[0]);
    expect(keys).toEqual(expect.arrayContaining(["first_seen_at", "last_seen_at"]));
    const summary = rt.serverCall("runQuery", [
      {
        source: "keyapi",
        region: "US",
        limit: 10,
        sheet: "Nope",
        mode: "replace",
        columns: ["user_id", "first_seen_at"],
      },
    ]) as { status: string; message: string; requests: number };
    expect(summary).toMatchObject({ status: "failed", requests: 0 });
    expect(summary.message).toMatch(/first_seen_at can only be kept by upsert pulls/);
    expect(cellError("TT_INFLUENCERS", "US", 5, "columns", "user_id, last_seen_at")).toMatch(
      /last_seen_at can only be kept by upsert pulls/,
    );
  });
});
