// Saved queries and schedules in the local runtime, on the virtual clock across hours, days and
// weeks: each query runs exactly when due, nothing is requested when nothing is due, there is never
// more than one time-driven trigger and none without a schedule, and a failure harms no other query.

import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import type { AppsScriptRuntime } from "../../dev/runtime/runtime.js";
import { DAY, DEMO_KEYS, HOUR, useAddonWorld } from "./addonWorld.js";

interface View {
  id: string;
  name: string;
  schedule: string;
  lastRun?: string;
  lastStatus?: string;
  lastError?: string;
  lastRows?: number;
  nextRun?: string;
  jobId?: string;
}

const _KEYS = DEMO_KEYS;

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const save = (query: Record<string, unknown>) =>
  (rt.serverCall("saveQuery", [query]) as { id: string }).id;
const list = () => rt.serverCall("listQueries") as View[];
const find = (id: string) => list().find((view) => view.id === id)!;
const historyQuery = (name: string, schedule: string, sheet = name) => ({
  name,
  schedule,
  source: "keyapi",
  region: "US",
  limit: 10,
  columns: ["user_id"],
  sheet,
  mode: "history",
});
/** History rows carry the run's time: one distinct snapshot per run. */
const runsOf = (sheet: string) =>
  rt.spreadsheet.sheetNames().includes(sheet)
    ? new Set(
        rt.spreadsheet
          .sheet(sheet)
          .values()
          .slice(1)
          .map((row) => (row[0] as Date).getTime()),
      ).size
    : 0;
const clockTriggers = () => rt.triggers.list().filter((trigger) => trigger.event === "CLOCK");

describe("saved queries", () => {
  it("are saved with a name and schedule, listed with their status, updated by id, deleted", () => {
    const id = save(historyQuery("US top 10", "off"));
    expect(list()).toEqual([
      expect.objectContaining({
        id,
        name: "US top 10",
        schedule: "off",
        query: expect.objectContaining({ sheet: "US top 10" }),
      }),
    ]);
    expect(find(id).nextRun).toBeUndefined();
    expect(rt.serverCall("saveQuery", [{ ...historyQuery("Renamed", "daily"), id }])).toEqual({
      id,
    });
    expect(find(id)).toMatchObject({ name: "Renamed", schedule: "daily" });
    expect(find(id).nextRun).toBeDefined();
    expect(rt.serverCall("deleteQuery", [id])).toEqual({ deleted: true });
    expect(list()).toEqual([]);
    expect(rt.serverCall("deleteQuery", [id])).toEqual({ deleted: false });
  });

  it("refuse to save an invalid query, naming the parameter", () => {
    expect(() =>
      rt.serverCall("saveQuery", [{ ...historyQuery("", "sometimes"), limit: 0 }]),
    ).toThrow(/name is required.*schedule must be off, hourly, daily or weekly.*limit/);
    expect(list()).toEqual([]);
  });

  it("run now with runSavedQuery, which notes the run on the query", async () => {
    const id = save(historyQuery("Now", "off"));
    const summary = rt.serverCall("runSavedQuery", [id]) as { status: string; rows: number };
    expect(summary).toMatchObject({ status: "done", rows: 10 });
    expect(find(id)).toMatchObject({
      lastStatus: "done",
      lastRows: 10,
      lastRun: expect.any(String),
    });
    expect(runsOf("Now")).toBe(1);
    expect((await api.stats()).keyapi.requests).toBe(1);
    expect(rt.serverCall("runSavedQuery", ["missing"])).toMatchObject({
      status: "failed",
      message: expect.stringMatching(/No saved query/),
    });
  });
});

describe("the hourly trigger", () => {
  it("exists exactly while a schedule is on", () => {
    expect(clockTriggers()).toHaveLength(0);
    const a = save(historyQuery("A", "hourly"));
    const b = save(historyQuery("B", "daily"));
    save(historyQuery("C", "off"));
    expect(clockTriggers()).toHaveLength(1);
    rt.serverCall("saveQuery", [{ ...historyQuery("A", "off"), id: a }]);
    expect(clockTriggers()).toHaveLength(1);
    rt.serverCall("deleteQuery", [b]);
    expect(clockTriggers()).toHaveLength(0);
    save(historyQuery("D", "weekly"));
    save(historyQuery("E", "weekly"));
    expect(clockTriggers()).toHaveLength(1);
  });

  it("is made again if it went missing, and never twice", () => {
    save(historyQuery("A", "hourly"));
    const [trigger] = clockTriggers();
    rt.triggers.remove(trigger!.uid);
    save(historyQuery("B", "daily"));
    expect(clockTriggers()).toHaveLength(1);
    save(historyQuery("C", "daily"));
    expect(clockTriggers()).toHaveLength(1);
  });

  it("runs hourly queries at every firing, and requests nothing when nothing is due", async () => {
    const hourly = save(historyQuery("Hourly", "hourly"));
    const daily = save(historyQuery("Daily", "daily"));
    rt.advance(HOUR + 59 * 60_000);
    expect(runsOf("Hourly")).toBe(1);
    expect(runsOf("Daily")).toBe(1);
    rt.advance(5 * HOUR);
    expect(runsOf("Hourly")).toBe(6);
    expect(runsOf("Daily")).toBe(1);
    expect(find(hourly).lastStatus).toBe("done");
    // Only the hourly query from here on: one request per firing, none for the daily one.
    const before = (await api.stats()).keyapi.requests;
    rt.advance(3 * HOUR);
    expect((await api.stats()).keyapi.requests - before).toBe(3);
    void daily;
  });

  it("runs daily queries once per calendar day in the spreadsheet's time zone, which may change", () => {
    rt.spreadsheet.setTimeZone("Asia/Shanghai");
    save(historyQuery("Daily", "daily"));
    const runDays = (timeZone: string, since = 0) =>
      [
        ...new Set(
          rt.spreadsheet
            .sheet("Daily")
            .values()
            .slice(1)
            .map((row) => (row[0] as Date).getTime()),
        ),
      ]
        .filter((time) => time >= since)
        .map((time) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date(time)));
    // From 17:00 in Shanghai on the 16th to 17:00 on the 19th: four calendar days there, one run each.
    rt.advance(3 * DAY);
    expect(runDays("Asia/Shanghai")).toEqual([
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
    ]);
    // The spreadsheet moves to Los Angeles: nothing is reinstalled, days are counted there now.
    rt.spreadsheet.setTimeZone("America/Los_Angeles");
    const changed = rt.clock.now();
    rt.advance(3 * DAY);
    const after = runDays("America/Los_Angeles", changed);
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(new Set(after).size).toBe(after.length);
    expect(clockTriggers()).toHaveLength(1);
  });

  it("runs weekly queries once in seven days", () => {
    save(historyQuery("Weekly", "weekly"));
    rt.advance(3 * 7 * DAY);
    expect(runsOf("Weekly")).toBe(3);
  });

  it("runs the longest-waiting first and leaves what doesn't fit to the next hour", async () => {
    await api.configure({ latencyMs: 2_000, rateLimit: { keyapi: 2, fastmoss: 2 } });
    const ids = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"].map((name) =>
      save({ ...historyQuery(name, "daily"), limit: 600, columns: ["user_id"] }),
    );
    rt.advance(HOUR + 59 * 60_000);
    const ranFirst = list()
      .filter((view) => view.lastRun)
      .map((view) => view.name);
    expect(ranFirst.length).toBeGreaterThan(0);
    expect(ranFirst.length).toBeLessThan(6);
    const executions = rt.executions.filter((record) => record.kind === "timeTrigger");
    expect(
      executions.every((record) => record.ok && record.endedAt - record.startedAt < 360_000),
    ).toBe(true);
    rt.advance(6 * HOUR);
    expect(list().every((view) => view.lastStatus === "done")).toBe(true);
    const order = list()
      .sort((a, b) => Date.parse(a.lastRun!) - Date.parse(b.lastRun!))
      .map((view) => view.name);
    expect(order.slice(0, ranFirst.length).sort()).toEqual([...ranFirst].sort());
    void ids;
  });

  it("records a failure on its query and the run log, harming no other query and no sheet", async () => {
    const failing = save({
      name: "FastMoss",
      schedule: "hourly",
      source: "fastmoss",
      region: "US",
      limit: 10,
      sheet: "FM",
      mode: "replace",
    });
    const working = save(historyQuery("KeyAPI", "hourly"));
    rt.serverCall("runSavedQuery", [failing]);
    const before = rt.spreadsheet.sheet("FM").values();
    await api.configure({ fastmossQuota: 0 });
    rt.advance(3 * HOUR);
    expect(find(failing)).toMatchObject({
      lastStatus: "failed",
      lastError: expect.stringMatching(/data allowance/),
    });
    expect(rt.spreadsheet.sheet("FM").values()).toEqual(before);
    expect(find(working)).toMatchObject({ lastStatus: "done" });
    expect(runsOf("KeyAPI")).toBeGreaterThanOrEqual(2);
    const log = rt.spreadsheet.sheet("TT Run Log").values().slice(1);
    expect(
      log.some((row) => row[5] === "failed" && String(row[6]).includes("data allowance")),
    ).toBe(true);
    await api.configure({ fastmossQuota: null });
    rt.advance(HOUR);
    expect(find(failing)).toMatchObject({ lastStatus: "done" });
    expect(find(failing).lastError).toBeUndefined();
  });

  it("says so on the queries when the user must authorize again, and requests nothing", async () => {
    const id = save(historyQuery("Hourly", "hourly"));
    rt.setAuthorizationRequired("owner@example.com", true);
    rt.advance(2 * HOUR);
    expect(find(id)).toMatchObject({
      lastStatus: "failed",
      lastError: expect.stringMatching(/authorized again/),
    });
    expect((await api.stats()).keyapi.requests).toBe(0);
    rt.setAuthorizationRequired("owner@example.com", false);
    rt.advance(HOUR);
    expect(find(id).lastStatus).toBe("done");
  });

  it("carries a long saved query on and notes its outcome when it finishes", async () => {
    await api.configure({ latencyMs: 300, rateLimit: { keyapi: 4, fastmoss: 4 } });
    const id = save({
      name: "Big",
      schedule: "daily",
      source: "keyapi",
      region: "US",
      limit: 20_000,
      columns: ["user_id"],
      sheet: "Big",
      mode: "replace",
    });
    rt.advance(HOUR + 59 * 60_000);
    expect(find(id)).toMatchObject({ lastStatus: "running", jobId: expect.any(String) });
    rt.advance(8 * HOUR);
    expect(find(id)).toMatchObject({ lastStatus: "done", lastRows: 20_000 });
    expect(find(id).jobId).toBeUndefined();
    expect(rt.spreadsheet.sheet("Big").values()).toHaveLength(20_001);
  });
});

describe("Refresh all saved queries", () => {
  it("runs them all now, whatever their schedule, and says how it went", () => {
    save(historyQuery("A", "off"));
    save(historyQuery("B", "weekly"));
    save({
      name: "Broken",
      schedule: "off",
      source: "keyapi",
      region: "ZZ",
      limit: 10,
      sheet: "Broken",
      mode: "replace",
    });
    const record = rt.menuItem("refreshAllSavedQueries");
    expect(record.ok).toBe(true);
    expect(rt.ui.alerts.at(-1)?.message).toBe(
      "Ran 3 saved queries: 3 done, 0 still running, 0 failed.",
    );
    expect(runsOf("A")).toBe(1);
    expect(runsOf("B")).toBe(1);
  });

  it("says there is nothing to refresh when nothing is saved", () => {
    rt.menuItem("refreshAllSavedQueries");
    expect(rt.ui.alerts.at(-1)?.message).toMatch(/no saved queries yet/);
  });
});
