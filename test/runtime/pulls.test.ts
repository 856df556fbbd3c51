// Pulls into sheets, as the sidebar and schedules run them: runQuery, resumeJob and getJobStatus
// from the built dist/Code.js in the local runtime against the fake APIs. Each mode is checked cell
// by cell; long pulls span executions; failures leave sheets exactly as they were.

import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import { AppsScriptRuntime } from "../../dev/runtime/runtime.js";
import { catalogueOf } from "../../src/shared/columns/index.js";
import { DEMO_KEYS, resumeToEnd, type Summary, useAddonWorld } from "./addonWorld.js";

const _KEYS = DEMO_KEYS;
const WRITE_CALLS = [
  "Range.setValues",
  "Range.setValue",
  "Range.copyTo",
  "Sheet.appendRow",
  "Range.setFormula",
  "Range.setFormulas",
];

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const runQuery = (query: Record<string, unknown>) => rt.serverCall("runQuery", [query]) as Summary;
const keyapi = (extra: Record<string, unknown> = {}) => ({
  source: "keyapi",
  region: "US",
  limit: 50,
  sheet: "Creators",
  mode: "replace",
  ...extra,
});
const sheet = (name: string) => rt.spreadsheet.sheet(name);
const values = (name: string) => sheet(name).values();

/** Everything a user could see of a sheet: values, formulas, formats, bold cells, frozen rows. */
function snapshot(name: string) {
  const s = sheet(name);
  return {
    values: s.values(),
    formulas: s.formulas(),
    formats: s.numberFormats(),
    weights: s.fontWeights(),
    frozen: s.frozenRows,
  };
}

/** The ids of the first `count` creators of a KeyAPI query, straight from the fake server. */
async function idsFromApi(count: number, filters: Record<string, string> = {}): Promise<string[]> {
  await api.reset(); // no rate limit for the test's own look at the data
  const ids: string[] = [];
  for (let page = 1; ids.length < count; page++) {
    const params = new URLSearchParams({
      region: "US",
      page_num: String(page),
      page_size: "10",
      ...filters,
    });
    const answer = (await fetch(`${api.url}/v1/tiktok/influencer/list/analytics?${params}`, {
      headers: { Authorization: "Bearer demo-keyapi-key" },
    }).then((response) => response.json())) as { data: { user_id: string }[] };
    if (answer.data.length === 0) break;
    ids.push(...answer.data.map((creator) => creator.user_id));
  }
  return ids.slice(0, count);
}

describe("replace", () => {
  it("writes the header and the rows, cell by cell as the formula would answer them, into a new sheet", () => {
    const summary = runQuery(keyapi());
    expect(summary).toMatchObject({ status: "done", rows: 50, requests: 5, sheet: "Creators" });
    expect(summary.message).toBe("Wrote 50 rows to “Creators” (replace): 5 requests, 5 credits.");
    const formula = rt.customFunction("TT_INFLUENCERS", ["US", 50]) as unknown[][];
    expect(values("Creators")).toEqual(formula);
  });

  it("makes the sheet look finished: bold frozen header, each column's number format, sensible widths", () => {
    runQuery(
      keyapi({
        columns: [
          "unique_id",
          "total_followers_cnt",
          "interaction_rate",
          "total_sale_gmv_30d_amt",
          "first_crawl_dt",
          "profile_url",
          "user_id",
        ],
      }),
    );
    const s = snapshot("Creators");
    expect(s.frozen).toBe(1);
    expect(s.weights[0]).toEqual(Array(7).fill("bold"));
    expect(s.formats[1]).toEqual(["@", "#,##0", "0.00%", "#,##0.00", "yyyy-mm-dd", "@", "@"]);
    expect(s.values[1]?.[4]).toBeInstanceOf(Date);
    const widths = sheet("Creators").columnWidths();
    expect(widths[1]).toBeGreaterThan(100);
    expect(widths[6]).toBeGreaterThan(widths[2]!);
  });

  it("leaves the header and the new rows only, whatever the sheet held", () => {
    runQuery(keyapi({ limit: 200, columns: "all" }));
    sheet("Creators").setValuesDirect(1, 60, [["a note the user left"]]);
    runQuery(keyapi({ limit: 20, columns: ["unique_id", "user_id"] }));
    const after = values("Creators");
    expect(after).toHaveLength(21);
    expect(after.every((row) => row.length === 2)).toBe(true);
    expect(sheet("Creators").lastColumn()).toBe(2);
  });

  it("keeps the previous cells exactly when the pull fails", async () => {
    runQuery(keyapi({ limit: 100 }));
    const before = snapshot("Creators");
    await api.configure({ credits: 5 });
    const summary = runQuery(keyapi({ limit: 300 }));
    expect(summary.status).toBe("failed");
    expect(summary.message).toMatch(/out of credits/);
    expect(snapshot("Creators")).toEqual(before);
  });

  it("creates no sheet when a pull into a new one fails", async () => {
    await api.configure({ credits: 2 });
    expect(runQuery(keyapi({ sheet: "New sheet" })).status).toBe("failed");
    expect(rt.spreadsheet.sheetNames()).not.toContain("New sheet");
  });

  it("writes 1,000 rows in at most 10 write calls", () => {
    const before = rt.executions.length;
    runQuery(keyapi({ limit: 1000 }));
    const calls = rt.executions[before]!.calls;
    const writes = WRITE_CALLS.reduce((sum, api) => sum + (calls[api] ?? 0), 0);
    expect(writes).toBeLessThanOrEqual(10);
    expect(values("Creators")).toHaveLength(1001);
  });
});

describe("text stays text", () => {
  it("keeps formula-like names, 19-digit ids, CJK and emoji exactly", () => {
    runQuery(
      keyapi({
        limit: 3000,
        columns: ["user_id", "nick_name", "signature", "total_followers_cnt"],
      }),
    );
    const rows = values("Creators").slice(1);
    const formulas = sheet("Creators").formulas().flat();
    expect(formulas.every((formula) => formula === "")).toBe(true);
    const names = rows.map((row) => row[1] as string);
    expect(names.filter((name) => /^[=+\-@]/.test(name)).length).toBeGreaterThan(5);
    expect(names.some((name) => /[\u4e00-\u9fff]/.test(name))).toBe(true);
    expect(names.some((name) => /\p{Extended_Pictographic}/u.test(name))).toBe(true);
    expect(rows.every((row) => typeof row[0] === "string" && /^\d+$/.test(row[0] as string))).toBe(
      true,
    );
    expect(rows.some((row) => (row[0] as string).length === 19)).toBe(true);
    expect(rows.every((row) => typeof row[3] === "number" || row[3] === "")).toBe(true);
  });

  it("writes exactly the text the API sent, as the formula answers it", () => {
    runQuery(keyapi({ limit: 3000, columns: ["user_id", "nick_name"] }));
    const formula = rt.customFunction("TT_INFLUENCERS", [
      "US",
      1000,
      "columns",
      "user_id, nick_name",
    ]) as unknown[][];
    expect(values("Creators").slice(0, 1001)).toEqual(formula);
  });
});

describe("append", () => {
  it("writes the header and rows into an empty sheet, then only rows below the existing ones", () => {
    runQuery(keyapi({ mode: "append", limit: 20 }));
    const first = values("Creators");
    runQuery(keyapi({ mode: "append", limit: 30 }));
    const after = values("Creators");
    expect(after).toHaveLength(1 + 20 + 30);
    expect(after.slice(0, 21)).toEqual(first);
    expect(after.filter((row) => row[0] === "Handle")).toHaveLength(1);
  });

  it("places columns under the sheet's own header, leaving the user's columns alone", () => {
    rt.spreadsheet.insertSheet("Creators");
    sheet("Creators").setValuesDirect(1, 1, [
      ["Followers", "My notes", "Handle", "user_id"],
      [1, "keep me", "someone", "123"],
    ]);
    runQuery(
      keyapi({
        mode: "append",
        limit: 10,
        columns: ["unique_id", "total_followers_cnt", "user_id", "region"],
      }),
    );
    const rows = values("Creators");
    expect(rows[0]).toEqual(["Followers", "My notes", "Handle", "user_id", "Region"]);
    expect(rows[1]).toEqual([1, "keep me", "someone", 123, ""]);
    expect(
      rows.slice(2).every((row) => typeof row[0] === "number" && row[1] === "" && row[4] === "US"),
    ).toBe(true);
  });
});

describe("upsert", () => {
  it("updates rows whose id is there in place, appends new ids, and leaves every other row as it was", () => {
    runQuery(
      keyapi({
        mode: "upsert",
        limit: 30,
        columns: ["user_id", "unique_id", "total_followers_cnt"],
      }),
    );
    const s = sheet("Creators");
    // The user adds a column of their own and spoils one of ours; a row of their own stays too.
    s.setValuesDirect(1, 4, [["Contacted?"], ["yes"], ["no"]]);
    s.setValuesDirect(2, 3, [[-1]]);
    s.setValuesDirect(32, 1, [["my own row", "x", 5, "keep"]], { raw: true });
    runQuery(
      keyapi({
        mode: "upsert",
        limit: 60,
        columns: ["user_id", "unique_id", "total_followers_cnt"],
      }),
    );
    const rows = values("Creators");
    expect(rows).toHaveLength(1 + 30 + 1 + 30);
    expect(rows[1]?.[2]).not.toBe(-1);
    expect(rows[1]?.[3]).toBe("yes");
    expect(rows[2]?.[3]).toBe("no");
    expect(rows[31]).toEqual(["my own row", "x", 5, "keep"]);
    const ids = rows.slice(1).map((row) => row[0]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("matches 19-digit ids exactly and adds the id column when the columns lack it", () => {
    runQuery(keyapi({ mode: "upsert", limit: 40, columns: ["unique_id"] }));
    const header = values("Creators")[0];
    expect(header).toEqual(["Handle", "User ID"]);
    runQuery(keyapi({ mode: "upsert", limit: 40, columns: ["unique_id"] }));
    expect(values("Creators")).toHaveLength(41);
  });
});

describe("history", () => {
  it("appends every run's rows with snapshot_at first, the header once", () => {
    runQuery(keyapi({ mode: "history", limit: 10, columns: ["user_id", "total_followers_cnt"] }));
    rt.advance(3_600_000);
    runQuery(keyapi({ mode: "history", limit: 10, columns: ["user_id", "total_followers_cnt"] }));
    const rows = values("Creators");
    expect(rows[0]).toEqual(["Snapshot at", "User ID", "Followers"]);
    expect(rows).toHaveLength(21);
    const times = new Set(rows.slice(1).map((row) => (row[0] as Date).getTime()));
    expect(times.size).toBe(2);
    expect([...times][1]! - [...times][0]!).toBeGreaterThanOrEqual(3_600_000);
    expect(sheet("Creators").numberFormats()[1]?.[0]).toBe("yyyy-mm-dd hh:mm");
  });
});

/** A pull too long for one execution at the `slow` pace: 2,000 pages. */
const BIG_PULL = {
  source: "keyapi",
  region: "US",
  limit: 20_000,
  sheet: "Big",
  mode: "replace",
  columns: ["user_id"],
} as const;

describe("long pulls", () => {
  const slow = { latencyMs: 300, rateLimit: { keyapi: 4, fastmoss: 4 } };

  async function expectTwentyThousand(summary: Summary) {
    expect(summary).toMatchObject({ status: "done", rows: 20_000 });
    const rows = values("Big");
    expect(rows).toHaveLength(20_001);
    const ids = rows.slice(1).map((row) => row[0] as string);
    expect(new Set(ids).size).toBe(20_000);
    expect(ids).toEqual(await idsFromApi(20_000));
    expect(rt.spreadsheet.sheetNames().filter((name) => name.startsWith("TT staging"))).toEqual([]);
  }

  it("spans several executions driven by resumeJob, and ends with exactly 20,000 rows in API order", async () => {
    await api.configure(slow);
    let summary = runQuery(BIG_PULL);
    expect(summary.status).toBe("running");
    expect(summary.jobId).toBeTruthy();
    expect(rt.spreadsheet.sheetNames()).not.toContain("Big");
    let executions = 1;
    while (summary.status === "running") {
      expect(rt.serverCall("getJobStatus", [summary.jobId])).toMatchObject({
        status: "running",
        rows: summary.rows,
      });
      summary = rt.serverCall("resumeJob", [summary.jobId]) as Summary;
      executions++;
    }
    expect(executions).toBeGreaterThanOrEqual(3);
    const runs = rt.executions.filter((record) =>
      ["runQuery", "resumeJob"].includes(record.functionName),
    );
    expect(runs.every((record) => record.ok && record.endedAt - record.startedAt < 360_000)).toBe(
      true,
    );
    await expectTwentyThousand(summary);
  });

  it("is carried on by the hourly trigger when nobody drives it, which then removes itself", async () => {
    await api.configure(slow);
    const started = runQuery(BIG_PULL);
    expect(started.status).toBe("running");
    expect(rt.triggers.list()).toHaveLength(1);
    let status = started;
    for (let hour = 0; hour < 10 && status.status === "running"; hour++) {
      rt.advance(3_600_000);
      status = rt.serverCall("getJobStatus", [started.jobId]) as Summary;
    }
    expect(
      rt.executions.some(
        (record) => record.kind === "timeTrigger" && record.functionName === "onHourlyTrigger",
      ),
    ).toBe(true);
    await expectTwentyThousand(status);
    rt.advance(2 * 3_600_000);
    expect(rt.triggers.list()).toEqual([]);
  });

  it("fails a long pull without touching the target, keeping its staged rows to resume", async () => {
    runQuery({ source: "keyapi", region: "US", limit: 30, sheet: "Big", mode: "replace" });
    const before = snapshot("Big");
    await api.configure({ ...slow, credits: 1500 });
    let summary = runQuery({
      source: "keyapi",
      region: "US",
      limit: 20_000,
      sheet: "Big",
      mode: "replace",
    });
    summary = resumeToEnd(rt, summary);
    expect(summary.status).toBe("failed");
    expect(summary.message).toMatch(/out of credits/);
    expect(snapshot("Big")).toEqual(before);
    // What was paid for waits, hidden, for the pull to go on; topped up, it finishes from there.
    const staging = rt.spreadsheet.sheetNames().filter((name) => name.startsWith("TT staging"));
    expect(staging).toHaveLength(1);
    expect(summary.rows).toBeGreaterThan(0);
    expect(summary.jobId).toBeTruthy();
    await api.configure({ ...slow, credits: 100_000 });
    const fetchedBefore = summary.requests;
    summary = rt.serverCall("resumeJob", [summary.jobId]) as Summary;
    summary = resumeToEnd(rt, summary);
    expect(summary).toMatchObject({ status: "done", rows: 20_000 });
    // 2,000 pages, the wave KeyAPI refused for credits (sent, so paid, and asked again), no more.
    expect(summary.requests).toBeLessThanOrEqual(2_000 + 50 + 3);
    expect(fetchedBefore).toBeGreaterThan(1_400);
    expect(rt.spreadsheet.sheetNames().filter((name) => name.startsWith("TT staging"))).toEqual([]);
  });

  it("fails with a plain message when its staging sheet was deleted between executions", async () => {
    await api.configure(slow);
    let summary = runQuery(BIG_PULL);
    const staging = rt.spreadsheet.sheetNames().find((name) => name.startsWith("TT staging"))!;
    rt.spreadsheet.deleteSheet(rt.spreadsheet.sheet(staging));
    summary = resumeToEnd(rt, summary);
    expect(summary.status).toBe("failed");
    expect(summary.message).toMatch(
      /hidden sheet “TT staging .*” that held this pull's rows was deleted/,
    );
    expect(rt.spreadsheet.sheetNames()).not.toContain("Big");
  });

  it("waits for another execution holding the document lock, then goes on", () => {
    rt.locks.holdByOther("document", rt.clock.now() + 120_000);
    const waiting = runQuery(keyapi());
    expect(waiting.status).toBe("running");
    expect(waiting.message).toMatch(/Another run is writing/);
    rt.advance(120_000);
    expect(rt.serverCall("resumeJob", [waiting.jobId])).toMatchObject({ status: "done", rows: 50 });
  });

  it("answers a clear failure for an unknown job", () => {
    expect(rt.serverCall("resumeJob", ["nope"])).toMatchObject({
      status: "failed",
      message: expect.stringMatching(/No pull with id nope/),
    });
    expect(rt.serverCall("getJobStatus", ["nope"])).toMatchObject({ status: "failed" });
  });
});

describe("validation", () => {
  it.each([
    [{ sheet: "" }, /sheet is required/],
    [{ mode: "overwrite" }, /mode must be replace, append, upsert or history/],
    [{ headers: "none" }, /headers must be labels or keys/],
    [{ sheet: "TT Run Log" }, /the add-on keeps its own records there/],
    [{ limit: 100_001 }, /limit/],
    [{ source: "fastmoss", limit: 1001 }, /limit/],
    [{ filters: { min_followers: 5 } }, /did you mean "min_total_followers_cnt"/],
  ])("refuses %j before any request, and logs it", async (change, problem) => {
    const summary = runQuery(keyapi(change));
    expect(summary.status).toBe("failed");
    expect(summary.message).toMatch(problem);
    expect((await api.stats()).keyapi.requests).toBe(0);
    expect(values("TT Run Log").at(-1)?.[5]).toBe("failed");
  });

  it("refuses a pull that would pass 10 million cells", () => {
    const summary = runQuery(keyapi({ limit: 100_000, columns: "all" }));
    expect(summary).toMatchObject({
      status: "failed",
      message: expect.stringMatching(/10,000,000/),
    });
  });
});

describe("the run log", () => {
  it("has a line per run, continuations included, and never a key", async () => {
    runQuery(keyapi({ limit: 10 }));
    runQuery(keyapi({ limit: 10, source: "fastmoss", region: "DE" }));
    await api.configure({ latencyMs: 300, rateLimit: { keyapi: 4, fastmoss: 4 } });
    let summary = runQuery(BIG_PULL);
    let runs = 3;
    while (summary.status === "running") {
      summary = rt.serverCall("resumeJob", [summary.jobId]) as Summary;
      runs++;
    }
    const log = values("TT Run Log");
    expect(log[0]).toEqual([
      "Time",
      "Query",
      "Source",
      "Rows",
      "Requests",
      "Status",
      "Message",
      "Credits",
    ]);
    expect(log).toHaveLength(runs + 1);
    expect(log[1]).toEqual([
      expect.any(Date),
      "keyapi US · limit 10 → “Creators” (replace)",
      "keyapi",
      10,
      1,
      "done",
      "Wrote 10 rows to “Creators” (replace): 1 request, 1 credit.",
      1,
    ]);
    // FastMoss charges no credits.
    expect(log[2]?.[7]).toBe(0);
    expect(log.slice(3, -1).every((row) => row[5] === "running")).toBe(true);
    expect(log.at(-1)?.[5]).toBe("done");
    // Every request the fake server saw is accounted for — refused ones (429) included: the
    // first two runs' lines, and the long pull's last line, which tells the whole pull.
    const stats = await api.stats();
    const logged = [log[1], log[2], log.at(-1)]
      .map((row) => row?.[4] as number)
      .reduce((a, b) => a + b, 0);
    expect(logged).toBe(stats.keyapi.requests + stats.fastmoss.requests);
    expect(JSON.stringify(log)).not.toMatch(/demo-keyapi-key|demo-fastmoss-token/);
    expect(sheet("TT Run Log").frozenRows).toBe(1);
  });

  it("keeps the last 1,000 lines", () => {
    for (let run = 0; run < 1005; run++) runQuery(keyapi({ sheet: "", region: `R${run}` }));
    const log = values("TT Run Log");
    expect(log).toHaveLength(1001);
    expect(String(log[1]?.[1])).toContain('"R5"');
    expect(String(log[1000]?.[1])).toContain('"R1004"');
  });
});

describe("the menu", () => {
  it("adds Open sidebar, Refresh all saved queries, Settings, Chart growth and Check setup, even before authorization", () => {
    expect(rt.simpleTrigger("onOpen", "NONE").ok).toBe(true);
    const menu = rt.ui.menus.at(-1)!;
    expect(
      menu.items.map((item) => (item.type === "item" ? [item.caption, item.functionName] : [])),
    ).toEqual([
      ["Open sidebar", "showSidebar"],
      ["Refresh all saved queries", "refreshAllSavedQueries"],
      ["Settings", "showSettings"],
      ["Chart growth", "chartActiveSheetGrowth"],
      ["Check setup", "showDiagnostics"],
    ]);
    expect(rt.simpleTrigger("onInstall", "FULL").ok).toBe(true);
  });

  it("speaks Chinese to a Chinese locale", () => {
    const zh = new AppsScriptRuntime({ locale: "zh_CN" });
    try {
      zh.simpleTrigger("onOpen", "NONE");
      expect(
        zh.ui.menus.at(-1)!.items.map((item) => ("caption" in item ? item.caption : "")),
      ).toEqual(["打开侧边栏", "刷新所有已保存查询", "设置", "增长图表", "检查设置"]);
    } finally {
      zh.close();
    }
  });

  it("opens the sidebar titled TikTok Influencers, on settings from the Settings item", () => {
    expect(rt.menuItem("showSidebar").ok).toBe(true);
    expect(rt.ui.sidebar?.title).toBe("TikTok Influencers");
    expect(rt.menuItem("showSettings").ok).toBe(true);
    expect(rt.ui.sidebar?.html).toContain('TT_START_VIEW = "settings"');
  });

  it("keeps the catalogue's id columns in the default sets, for upserts", () => {
    expect(catalogueOf("keyapi").defaultKeys).toContain("user_id");
    expect(catalogueOf("fastmoss").defaultKeys).toContain("uid");
  });
});

describe("a run log written before the credits column", () => {
  it("gains the column's header cell, its old lines kept as they were", () => {
    rt.spreadsheet.insertSheet("TT Run Log");
    const old = [
      ["Time", "Query", "Source", "Rows", "Requests", "Status", "Message"],
      [new Date(rt.clock.now()), "an older run", "keyapi", 10, 1, "done", "Wrote 10 rows."],
    ];
    sheet("TT Run Log").setValuesDirect(1, 1, old);
    runQuery(keyapi({ limit: 20 }));
    const log = values("TT Run Log");
    expect(log[0]).toEqual([...old[0]!, "Credits"]);
    expect(log[1]?.slice(0, 7)).toEqual(old[1]);
    expect(log[1]?.[7]).toBe("");
    expect(log[2]?.slice(3, 6)).toEqual([20, 2, "done"]);
    expect(log[2]?.[7]).toBe(2);
  });
});
