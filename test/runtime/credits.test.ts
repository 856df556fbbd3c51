// SPEC "Credits you can see and cap", in the local runtime against the fake APIs: getUsage counts
// exactly the requests the APIs saw — from formulas, previews, connection tests, pulls and
// schedules, per source and per day of the spreadsheet's time zone — in a ledger that stays under
// 4 KB; and the daily credit cap holds for pulls (resumable), formulas (whole answers or nothing),
// schedules (skipped with lastError) and 20 cells at once.

import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import type { AppsScriptRuntime, CellOutcome } from "../../dev/runtime/runtime.js";
import { cellErrorOf, DAY, HOUR, type Summary, useAddonWorld } from "./addonWorld.js";

interface Usage {
  today: { keyapi: number; fastmoss: number };
  last30Days: { keyapi: number; fastmoss: number };
  byDay: { day: string; keyapi: number; fastmoss: number }[];
  queries: { id: string; name: string; lastRunCredits: number; monthlyEstimate: number }[];
}

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const usage = () => rt.serverCall("getUsage") as Usage;
const setCap = (cap: number | string) => rt.serverCall("saveSettings", [{ dailyCreditCap: cap }]);

/** Requests the fake APIs saw, per day of `timeZone` and source. */
async function seenByDay(
  timeZone: string,
): Promise<Record<string, { keyapi: number; fastmoss: number }>> {
  const stats = await api.stats();
  const days: Record<string, { keyapi: number; fastmoss: number }> = {};
  const format = new Intl.DateTimeFormat("en-CA", { timeZone });
  for (const source of ["keyapi", "fastmoss"] as const) {
    for (const entry of stats[source].log) {
      const day = format.format(new Date(entry.virtualTime));
      days[day] ??= { keyapi: 0, fastmoss: 0 };
      days[day][source]++;
    }
  }
  return days;
}

/** The ledger's days that had requests, as the fake APIs' days are listed. */
function ledgerDays(report: Usage): Record<string, { keyapi: number; fastmoss: number }> {
  return Object.fromEntries(
    report.byDay
      .filter((day) => day.keyapi + day.fastmoss > 0)
      .map((day) => [day.day, { keyapi: day.keyapi, fastmoss: day.fastmoss }]),
  );
}

const pull = (limit: number, sheet = "Creators", extra: Record<string, unknown> = {}) =>
  rt.serverCall("runQuery", [
    {
      source: "keyapi",
      region: "US",
      limit,
      sheet,
      mode: "replace",
      columns: ["user_id"],
      ...extra,
    },
  ]) as Summary;

const rowsOf = (cell: CellOutcome) => (cell.ok ? (cell.value as unknown[][]).length - 1 : 0);

describe("the credit ledger", { timeout: 120_000 }, () => {
  it("counts every request the APIs saw, per source and per day of the spreadsheet's time zone", async () => {
    // Runs start at 17:00 in Shanghai: seven hours later it is the next day there (not in UTC).
    rt.spreadsheet.setTimeZone("Asia/Shanghai");
    expect(rt.customFunction("TT_INFLUENCERS", ["US", 30])).toHaveLength(31);
    rt.customFunction("TT_TOP_POTENTIAL", ["US", 20]);
    rt.serverCall("previewQuery", [{ source: "keyapi", region: "GB", limit: 50 }]);
    rt.serverCall("testConnection", ["keyapi"]);
    rt.serverCall("testConnection", ["fastmoss"]);
    expect(pull(45).status).toBe("done");
    const first = usage();
    const stats = await api.stats();
    expect(first.today).toEqual({
      keyapi: stats.keyapi.requests,
      fastmoss: stats.fastmoss.requests,
    });
    expect(first.today.keyapi).toBeGreaterThanOrEqual(3 + 1 + 1 + 5);

    // Past midnight in Shanghai (16:00 UTC): an hourly schedule runs, a formula recalculates.
    rt.advance(7 * HOUR);
    const saved = rt.serverCall("saveQuery", [
      {
        name: "Hourly",
        schedule: "hourly",
        source: "keyapi",
        region: "US",
        limit: 20,
        sheet: "Hourly",
        mode: "history",
        columns: ["user_id"],
      },
    ]) as { id: string };
    // The trigger fires once an hour, at a minute of Apps Script's choosing.
    rt.advance(HOUR + 59 * 60_000);
    rt.customFunction("TT_INFLUENCERS", ["US", 20, "min_total_followers_cnt", 5000]);
    const report = usage();
    expect(ledgerDays(report)).toEqual(await seenByDay("Asia/Shanghai"));
    expect(Object.keys(ledgerDays(report))).toEqual(["2026-11-16", "2026-11-17"]);
    expect(report.byDay).toHaveLength(30);
    expect(report.byDay.at(-1)?.day).toBe("2026-11-17");
    expect(report.byDay[0]?.day).toBe("2026-10-19");
    const all = await api.stats();
    expect(report.last30Days).toEqual({
      keyapi: all.keyapi.requests,
      fastmoss: all.fastmoss.requests,
    });
    // The scheduled query's last run: 2 pages, hourly → 720 runs in 30 days.
    expect(report.queries).toEqual([
      { id: saved.id, name: "Hourly", lastRunCredits: 2, monthlyEstimate: 1440 },
    ]);
  });

  it("counts retries after a 429 as the credits they cost", async () => {
    await api.configure({ latencyMs: 100, rateLimit: { keyapi: 3, fastmoss: 3 } });
    rt.customFunction("TT_INFLUENCERS", ["US", 100]);
    const stats = await api.stats();
    expect(stats.keyapi.byStatus["429"] ?? 0).toBeGreaterThan(0);
    expect(usage().today.keyapi).toBe(stats.keyapi.requests);
  });

  it("loses no count when many cells count while a pull holds the document lock", async () => {
    await api.configure({ latencyMs: 300, rateLimit: { keyapi: 10, fastmoss: 10 } });
    // Another execution (a long pull) keeps the lock: the cells count without it, beside the ledger.
    rt.locks.holdByOther("document", rt.clock.now() + 120_000);
    const cells = rt.customFunctionsAtOnce(
      Array.from({ length: 12 }, (_, index) => ({
        name: index % 3 === 0 ? "TT_TOP_POTENTIAL" : "TT_INFLUENCERS",
        args: ["US", 40, ...(index % 3 === 0 ? [] : ["min_total_followers_cnt", 1000 + index])],
      })),
    );
    expect(cells.every((cell) => cell.ok)).toBe(true);
    const stats = await api.stats();
    expect(usage().today).toEqual({
      keyapi: stats.keyapi.requests,
      fastmoss: stats.fastmoss.requests,
    });
    // Once the lock is free again, the next count folds what waited into the one ledger property.
    rt.advance(130_000);
    rt.customFunction("TT_INFLUENCERS", ["GB", 10]);
    const after = await api.stats();
    expect(usage().today.keyapi).toBe(after.keyapi.requests);
    const names = rt.properties.document.keys();
    expect(names.filter((name) => name.startsWith("tt.usage"))).toEqual(["tt.usage"]);
  });

  it("stays under 4 KB after 60 simulated days, keeping the last 35", async () => {
    rt.serverCall("saveQuery", [
      {
        name: "Daily",
        schedule: "daily",
        source: "keyapi",
        region: "US",
        limit: 10,
        sheet: "Daily",
        mode: "history",
        columns: ["user_id"],
      },
    ]);
    for (let day = 0; day < 60; day++) {
      rt.customFunction("TT_INFLUENCERS", ["US", 20, "min_total_followers_cnt", 100 + day]);
      rt.customFunction("TT_TOP_POTENTIAL", ["US", 10, "follower_count_min", 100 + day]);
      rt.advance(DAY);
    }
    const stored = rt.properties.document.get("tt.usage") ?? "";
    expect(stored.length).toBeGreaterThan(0);
    expect(new TextEncoder().encode(stored).length).toBeLessThan(4096);
    expect(Object.keys((JSON.parse(stored) as { d: object }).d).length).toBeLessThanOrEqual(35);
    const report = usage();
    const seen = await seenByDay("Etc/UTC");
    for (const day of report.byDay) {
      expect({ day: day.day, keyapi: day.keyapi, fastmoss: day.fastmoss }).toEqual({
        day: day.day,
        ...(seen[day.day] ?? { keyapi: 0, fastmoss: 0 }),
      });
    }
    expect(report.queries[0]).toMatchObject({
      name: "Daily",
      lastRunCredits: 1,
      monthlyEstimate: 30,
    });
  });
});

describe("the daily credit cap", { timeout: 120_000 }, () => {
  it("is saved and answered by getSettings, and removed by an empty string or 0", () => {
    expect(setCap(50)).toMatchObject({ dailyCreditCap: 50 });
    expect(rt.serverCall("getSettings")).toMatchObject({
      dailyCreditCap: 50,
      keyapiKey: { set: true },
    });
    setCap("");
    expect(
      (rt.serverCall("getSettings") as { dailyCreditCap?: number }).dailyCreditCap,
    ).toBeUndefined();
    setCap(30);
    setCap(0);
    expect(
      (rt.serverCall("getSettings") as { dailyCreditCap?: number }).dailyCreditCap,
    ).toBeUndefined();
    expect(() => setCap(-5)).toThrow(/dailyCreditCap must be a whole number/);
  });

  it("stops a 1,000-row pull at 50 requests, resumable: resumeJob completes it after the cap is raised, no page twice", async () => {
    setCap(50);
    const stopped = pull(1000);
    expect(stopped.status).toBe("failed");
    expect(stopped.requests).toBe(50);
    expect(stopped.rows).toBe(500);
    expect(stopped.message).toMatch(/credit cap of 50 .*Settings/);
    expect(stopped.jobId).toBeDefined();
    expect((await api.stats()).keyapi.requests).toBe(50);
    // Still capped: resuming sends nothing.
    expect((rt.serverCall("resumeJob", [stopped.jobId]) as Summary).status).toBe("failed");
    expect((await api.stats()).keyapi.requests).toBe(50);

    setCap(500);
    let summary = rt.serverCall("resumeJob", [stopped.jobId]) as Summary;
    for (let turn = 0; summary.status === "running" && turn < 20; turn++) {
      summary = rt.serverCall("resumeJob", [stopped.jobId]) as Summary;
    }
    expect(summary).toMatchObject({ status: "done", rows: 1000, requests: 100 });
    const stats = await api.stats();
    const pages = stats.keyapi.log.map((entry) => entry.page);
    expect(pages).toHaveLength(100);
    expect(new Set(pages).size).toBe(100);
    expect(rt.spreadsheet.sheet("Creators").values()).toHaveLength(1001);
    expect(usage().today.keyapi).toBe(100);
    // The run log says what each run spent.
    const log = rt.spreadsheet.sheet("TT Run Log").values();
    expect(log[0]?.at(-1)).toBe("Credits");
    expect(log.at(-1)?.at(-1)).toBe(100);
  });

  it("lets a pull stopped at the cap go on by itself once the day turns", async () => {
    setCap(30);
    const stopped = pull(400);
    expect(stopped).toMatchObject({ status: "failed", requests: 30 });
    rt.advance(DAY + HOUR);
    const stats = await api.stats();
    expect(stats.keyapi.requests).toBe(40);
    expect(rt.spreadsheet.sheet("Creators").values()).toHaveLength(401);
  });

  it("fails a formula that can't be served whole, naming the cap and where to raise it, before any request", async () => {
    setCap(25);
    rt.customFunction("TT_INFLUENCERS", ["US", 200, "min_total_followers_cnt", 1]);
    expect(usage().today.keyapi).toBe(20);
    const message = cellErrorOf(rt, "TT_INFLUENCERS", ["US", 100]);
    expect(message).toMatch(
      /^TT_INFLUENCERS: .*needs 10 KeyAPI credits.*credit cap of 25 leaves 5/,
    );
    expect(message).toMatch(/Settings/);
    expect((await api.stats()).keyapi.requests).toBe(20);
    // One that fits still answers; FastMoss has no cap.
    expect(rt.customFunction("TT_INFLUENCERS", ["US", 50])).toHaveLength(51);
    expect(rt.customFunction("TT_TOP_POTENTIAL", ["US", 10])).toHaveLength(11);
    expect(usage().today).toEqual({ keyapi: 25, fastmoss: 1 });
    // A connection test is refused too, and says it sent nothing.
    expect(rt.serverCall("testConnection", ["keyapi"])).toMatchObject({
      ok: false,
      requests: 0,
      message: expect.stringMatching(/credit cap of 25/),
    });
    expect((await api.stats()).keyapi.requests).toBe(25);
  });

  it("skips a schedule the cap can't cover, with lastError saying why, and runs it once the cap allows", async () => {
    setCap(20);
    pull(200);
    const { id } = rt.serverCall("saveQuery", [
      {
        name: "Hourly",
        schedule: "hourly",
        source: "keyapi",
        region: "US",
        limit: 30,
        sheet: "Hourly",
        mode: "history",
        columns: ["user_id"],
      },
    ]) as { id: string };
    rt.advance(HOUR + 59 * 60_000);
    const view = (
      rt.serverCall("listQueries") as { id: string; lastError?: string; lastRun?: string }[]
    ).find((query) => query.id === id)!;
    expect(view.lastError).toMatch(
      /Skipped: .*needs up to 3 KeyAPI credits.*credit cap of 20 leaves 0.*Settings/,
    );
    expect(view.lastRun).toBeUndefined();
    expect((await api.stats()).keyapi.requests).toBe(20);
    expect(rt.spreadsheet.sheet("TT Run Log").values().at(-1)).toContain("skipped");

    setCap(100);
    rt.advance(HOUR + 59 * 60_000);
    const after = (
      rt.serverCall("listQueries") as { id: string; lastError?: string; lastStatus?: string }[]
    ).find((query) => query.id === id)!;
    expect(after.lastStatus).toBe("done");
    expect(after.lastError).toBeUndefined();
    // One or two firings in those two hours, 3 pages each.
    const spent = (await api.stats()).keyapi.requests - 20;
    expect([3, 6]).toContain(spent);
  });

  it("20 cells of 100 rows at once under a cap of 50: at most 10 over, at least 4 whole answers, the rest spend nothing", async () => {
    await api.configure({ latencyMs: 300, rateLimit: { keyapi: 10, fastmoss: 10 } });
    setCap(50);
    const cells = rt.customFunctionsAtOnce(
      Array.from({ length: 20 }, (_, index) => ({
        name: "TT_INFLUENCERS",
        args: ["US", 100, "min_total_followers_cnt", 1000 + index],
      })),
    );
    const whole = cells.filter((cell) => cell.ok);
    const failed = cells.filter((cell) => !cell.ok);
    expect(whole.length).toBeGreaterThanOrEqual(4);
    for (const cell of whole) expect(rowsOf(cell)).toBe(100);
    for (const cell of failed)
      expect(cell.error?.message).toMatch(/credit cap of 50 .*Nothing was spent/);
    const stats = await api.stats();
    expect(stats.keyapi.requests).toBeLessThanOrEqual(60);
    // Only whole answers were paid for: 10 requests each.
    expect(stats.keyapi.requests).toBe(whole.length * 10);
    expect(usage().today.keyapi).toBe(stats.keyapi.requests);
  });
});
