// The field rules, from the built dist/Code.js in the local runtime against the fake APIs: what a
// spreadsheet used for months by people needs — their rows and formulas kept, no piece of a key
// shown, nothing paid for thrown away, storage bounded, every argument checked, every run logged.

import { describe, expect, it } from "vitest";
import { LONG_NAME_CHARS } from "../../dev/fake-api/drift.js";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import { type AppsScriptRuntime, ScriptError } from "../../dev/runtime/runtime.js";
import { HOUR, resumeToEnd, type Summary, useAddonWorld } from "./addonWorld.js";

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const runQuery = (query: Record<string, unknown>) => rt.serverCall("runQuery", [query]) as Summary;
const keyapi = (extra: Record<string, unknown> = {}) => ({
  source: "keyapi",
  region: "US",
  limit: 20,
  sheet: "Creators",
  mode: "append",
  ...extra,
});
const keyapiRequests = async () => (await api.stats()).keyapi.requests;
const runLogLines = () =>
  rt.spreadsheet.findSheet("TT Run Log")
    ? rt.spreadsheet.sheet("TT Run Log").values().slice(1)
    : [];
/** Every text a person could see: cells of every sheet, the stores, answers given. */
function everythingVisible(extra: unknown[] = []): string {
  const sheets = rt.spreadsheet
    .sheetNames()
    .map((name) => JSON.stringify(rt.spreadsheet.sheet(name).values()));
  const properties = rt.properties.document
    .entries()
    .filter(([name]) => !["tt.keyapiKey", "tt.fastmossToken"].includes(name))
    .map((entry) => JSON.stringify(entry));
  const logs = rt.executions.flatMap((record) => [
    ...record.logs,
    record.error?.message ?? "",
    JSON.stringify(record.value ?? ""),
  ]);
  return [...sheets, ...properties, ...logs, ...extra.map((item) => JSON.stringify(item))].join(
    "\n",
  );
}

describe("nothing the user wrote is overwritten", () => {
  const NOTE = "My campaign list — do not delete";

  it("append below a sheet's only row of the user's text, keeping it", () => {
    rt.spreadsheet.insertSheet("Creators").setValuesDirect(1, 1, [[NOTE]]);
    expect(runQuery(keyapi())).toMatchObject({ status: "done", rows: 20 });
    const values = rt.spreadsheet.sheet("Creators").values();
    expect(values[0]![0]).toBe(NOTE);
    // Our header goes beside the note, our rows below it: nothing of the user's moved.
    expect(values[0]).toContain("Handle");
    expect(values).toHaveLength(21);
    expect(runQuery(keyapi())).toMatchObject({ status: "done", rows: 20 });
    expect(rt.spreadsheet.sheet("Creators").values()).toHaveLength(41);
    expect(rt.spreadsheet.sheet("Creators").values()[0]![0]).toBe(NOTE);
  });

  it("history refuses a sheet whose only row is the user's, and leaves it as it was", () => {
    rt.spreadsheet.insertSheet("Creators").setValuesDirect(1, 1, [[NOTE]]);
    const summary = runQuery(keyapi({ mode: "history" }));
    expect(summary.status).toBe("failed");
    expect(summary.message).toMatch(/not a history sheet/);
    expect(rt.spreadsheet.sheet("Creators").values()).toEqual([[NOTE]]);
  });

  it("history writes its header on a truly empty sheet, then appends under it", () => {
    expect(runQuery(keyapi({ mode: "history", sheet: "Hist" }))).toMatchObject({
      status: "done",
    });
    rt.advance(HOUR);
    expect(runQuery(keyapi({ mode: "history", sheet: "Hist" }))).toMatchObject({
      status: "done",
    });
    const values = rt.spreadsheet.sheet("Hist").values();
    expect(values[0]![0]).toBe("Snapshot at");
    expect(values).toHaveLength(41);
  });

  it("upsert keeps a formula in a row the pull never touched, and the user's own column", () => {
    expect(runQuery(keyapi({ mode: "upsert", limit: 30 }))).toMatchObject({ status: "done" });
    const sheet = rt.spreadsheet.sheet("Creators");
    const header = sheet.values()[0]!;
    const followers = header.indexOf("Followers") + 1;
    const mine = header.length + 1;
    // Row 30 holds the 29th creator, who the next, smaller pull does not return.
    sheet.setValuesDirect(30, followers, [["=1000*5"]]);
    sheet.setValuesDirect(2, mine, [["my note"]]);
    sheet.setValuesDirect(3, mine, [["=LEN(B3)"]]);
    expect(runQuery(keyapi({ mode: "upsert", limit: 10 }))).toMatchObject({
      status: "done",
      rows: 10,
    });
    expect(sheet.formulas()[29]![followers - 1]).toBe("=1000*5");
    expect(sheet.values()[1]![mine - 1]).toBe("my note");
    expect(sheet.formulas()[2]![mine - 1]).toBe("=LEN(B3)");
  });
});

describe("no piece of a key is ever shown", () => {
  const KEY = "kA9fQ2xL7vR3mT8pZ1cW6yB4nH5jD0sE"; // 32 characters, as a real key looks

  it("an HTML error page echoing the key leaks no 6-character run of it anywhere", async () => {
    await api.configure({
      keys: { keyapi: [KEY] },
      failures: [
        {
          api: "keyapi",
          status: 502,
          times: 20,
          rawBody: `<html><body><h1>502 Bad Gateway</h1><pre>GET /v1/tiktok/influencer/list/analytics\nAuthorization: Bearer ${KEY}\nHost: api.keyapi.ai</pre></body></html>`,
        },
      ],
    });
    rt.serverCall("saveSettings", [{ keyapiKey: KEY }]);
    const id = (
      rt.serverCall("saveQuery", [{ ...keyapi(), name: "Echo", schedule: "hourly" }]) as {
        id: string;
      }
    ).id;
    const answers: unknown[] = [];
    answers.push(runQuery(keyapi()));
    answers.push(rt.serverCall("runSavedQuery", [id]));
    answers.push(rt.serverCall("listQueries", []));
    let cellError = "";
    try {
      rt.customFunction("TT_INFLUENCERS", ["US", 5]);
    } catch (error) {
      cellError = (error as Error).message;
    }
    expect(cellError).toMatch(/^TT_INFLUENCERS: KeyAPI/);
    try {
      answers.push(rt.serverCall("previewQuery", [keyapi()]));
    } catch (error) {
      answers.push((error as Error).message);
    }
    answers.push(rt.serverCall("testConnection", ["keyapi"]));
    const seen = everythingVisible([...answers, cellError]);
    expect(seen).toMatch(/502/);
    for (let start = 0; start + 6 <= KEY.length; start++) {
      expect(seen).not.toContain(KEY.slice(start, start + 6));
    }
  });
});

describe("nothing paid for is thrown away", () => {
  it("a 20,000-row pull cut by the daily UrlFetch quota keeps its 4,000 rows and goes on from there", async () => {
    const owner = rt.owner;
    // 400 requests of the account's 20,000 left today.
    rt.http.quota.consume(owner, 20_000 - 400, rt.clock.now());
    const query = keyapi({ limit: 20_000, sheet: "Big", mode: "replace" });
    let summary = runQuery(query);
    summary = resumeToEnd(rt, summary);
    expect(summary).toMatchObject({ status: "failed", rows: 4_000, requests: 400 });
    expect(summary.message).toMatch(/daily allowance of web requests \(UrlFetch\) is used up/);
    expect(summary.message).not.toMatch(/could not be reached/);
    expect(await keyapiRequests()).toBe(400);
    expect(rt.spreadsheet.findSheet("Big")).toBeUndefined();
    // The run log and the job say the same.
    expect(runLogLines().at(-1)![5]).toBe("failed");

    // A day later the quota has renewed: resuming goes on from page 401.
    rt.clock.advanceTo(rt.clock.now() + 24 * HOUR);
    summary = rt.serverCall("resumeJob", [summary.jobId]) as Summary;
    summary = resumeToEnd(rt, summary);
    expect(summary).toMatchObject({ status: "done", rows: 20_000 });
    expect(await keyapiRequests()).toBeLessThanOrEqual(2_003);
    const ids = rt.spreadsheet
      .sheet("Big")
      .values()
      .slice(1)
      .map((row) => String(row[row.length - 1]));
    expect(new Set(ids).size).toBe(20_000);
    // In the API's order: the same pull, run straight through, gives the same ids in the same order.
    let straight = runQuery(keyapi({ limit: 20_000, sheet: "Straight", mode: "replace" }));
    straight = resumeToEnd(rt, straight);
    const expected = rt.spreadsheet
      .sheet("Straight")
      .values()
      .slice(1)
      .map((row) => String(row[row.length - 1]));
    expect(ids).toEqual(expected);
  });

  it("the same query run again within 6 hours goes on where the failed one stopped", async () => {
    rt.http.quota.consume(rt.owner, 20_000 - 30, rt.clock.now());
    const query = keyapi({ limit: 600, sheet: "Again", mode: "replace" });
    const first = runQuery(query);
    // 29 pages in a row, and the last page probed first (the one request a stop can waste).
    expect(first).toMatchObject({ status: "failed", rows: 290, requests: 30 });
    rt.clock.advanceTo(rt.clock.now() + 24 * HOUR - 5 * HOUR);
    // Still within the day: no request can go, none is counted.
    expect(runQuery(query)).toMatchObject({ status: "failed", rows: 290 });
    rt.clock.advanceTo(rt.clock.now() + 5 * HOUR);
    expect(runQuery(query)).toMatchObject({ status: "done", rows: 600 });
    expect(await keyapiRequests()).toBeLessThanOrEqual(63);
  });

  it("the hourly trigger takes up a pull the quota stopped, once the quota renews", async () => {
    rt.http.quota.consume(rt.owner, 20_000 - 20, rt.clock.now());
    const summary = runQuery(keyapi({ limit: 500, sheet: "Later", mode: "replace" }));
    expect(summary.status).toBe("failed");
    expect(rt.triggers.list().length).toBe(1);
    rt.advance(26 * HOUR);
    expect(rt.spreadsheet.sheet("Later").values()).toHaveLength(501);
    expect(await keyapiRequests()).toBeLessThanOrEqual(53);
    expect(rt.serverCall("getJobStatus", [summary.jobId])).toMatchObject({ status: "done" });
  });

  it("a name longer than a cell is cut to 49,999 characters and …, in sheets and formulas", async () => {
    await api.configure({ drift: { longNames: true } });
    const summary = runQuery(keyapi({ limit: 200, sheet: "Long", mode: "replace" }));
    expect(summary).toMatchObject({ status: "done", rows: 200 });
    const names = rt.spreadsheet
      .sheet("Long")
      .values()
      .slice(1)
      .map((row) => String(row[1]));
    const cut = names.filter((name) => name.length > 1_000);
    expect(cut.length).toBeGreaterThan(0);
    for (const name of cut) {
      expect(name).toHaveLength(50_000);
      expect(name.endsWith("…")).toBe(true);
    }
    expect(LONG_NAME_CHARS).toBe(50_001);
    const table = rt.customFunction("TT_INFLUENCERS", [
      "US",
      200,
      "columns",
      "nick_name",
    ]) as string[][];
    const long = table.slice(1).filter(([name]) => name!.length > 1_000);
    expect(long.length).toBe(cut.length);
    for (const [name] of long) expect(name).toHaveLength(50_000);
  });
});

describe("storage stays bounded", () => {
  it("1,000 scheduled runs over two weeks keep document properties under 400 KB, each with its log line", () => {
    for (let index = 0; index < 3; index++) {
      rt.serverCall("saveQuery", [
        {
          ...keyapi({ limit: 10, sheet: `Q${index}` }),
          name: `Query ${index}`,
          schedule: "hourly",
        },
      ]);
    }
    let peak = 0;
    for (let hour = 0; hour < 14 * 24; hour++) {
      rt.advance(HOUR);
      peak = Math.max(peak, rt.properties.document.size());
    }
    const firings = rt.executions.filter((record) => record.kind === "timeTrigger");
    expect(firings.length * 3).toBeGreaterThanOrEqual(1_000);
    expect(peak).toBeLessThan(400 * 1024);
    expect(rt.properties.document.keys().filter((name) => name.startsWith("tt.job."))).toEqual([]);
    // The log keeps its last 1,000 lines: in them, every firing has a line for each of its runs.
    const lines = runLogLines();
    expect(lines).toHaveLength(1_000);
    const perFiring = new Map<number, number>();
    for (const line of lines) {
      const time = (line[0] as Date).getTime();
      perFiring.set(time, (perFiring.get(time) ?? 0) + 1);
    }
    const counts = [...perFiring.values()];
    // The oldest firing may have lost some of its lines to the 1,000-line limit.
    expect(counts.slice(1).every((count) => count === 3)).toBe(true);
    expect(perFiring.size).toBeGreaterThanOrEqual(333);
    const lastFiring = firings.at(-1)!;
    const lastTimes = lines.slice(-3).map((line) => (line[0] as Date).getTime());
    expect(lastTimes.every((time) => time >= lastFiring.startedAt)).toBe(true);
  });

  it("a full store fails the run in plain words, in the run log and on the saved query", () => {
    const id = (
      rt.serverCall("saveQuery", [{ ...keyapi(), name: "Full", schedule: "daily" }]) as {
        id: string;
      }
    ).id;
    // Someone else's data fills the document's store to the brim.
    const filler = "x".repeat(8_000);
    for (let index = 0; rt.properties.document.size() < 500 * 1024 - 8_100; index++) {
      rt.properties.document.set(`other.${index}`, filler);
    }
    const left = 500 * 1024 - rt.properties.document.size();
    rt.properties.document.set("other.last", "y".repeat(Math.max(0, left - 300)));
    const summary = rt.serverCall("runSavedQuery", [id]) as Summary;
    expect(summary.status).toBe("failed");
    expect(summary.message).toMatch(/storage in this document is full/);
    expect(runLogLines().at(-1)![6]).toMatch(/storage in this document is full/);
    const saved = (rt.serverCall("listQueries", []) as { id: string; lastError?: string }[]).find(
      (query) => query.id === id,
    )!;
    expect(saved.lastError).toMatch(/storage in this document is full/);
  });
});

describe("every argument is checked", () => {
  const failure = (name: string, args: unknown[]) => {
    try {
      rt.serverCall(name, args);
    } catch (error) {
      expect(error).toBeInstanceOf(ScriptError);
      return (error as Error).message;
    }
    throw new Error(`${name} did not fail`);
  };

  it("answers a clear error for an object where an id belongs, never a raw JavaScript error", async () => {
    expect(failure("resumeJob", [{ toString: "x" }])).toMatch(/jobId must be text/);
    expect(failure("getJobStatus", [["a"]])).toMatch(/jobId must be text/);
    expect(failure("deleteQuery", [{ toString: "x" }])).toMatch(/id must be text/);
    expect(failure("runSavedQuery", [42])).toMatch(/id must be text/);
    expect(failure("resumeJob", ["x".repeat(5_000)])).toMatch(/at most 100/);
    expect(failure("saveSettings", ["key"])).toMatch(/settings must be an object/);
    const odd = rt.serverCall("runQuery", [{ ...keyapi(), sheet: { toString: "x" } }]) as Summary;
    expect(odd).toMatchObject({ status: "failed", sheet: "" });
    expect(odd.message).toMatch(/sheet is required/);
    const mode = rt.serverCall("runQuery", [{ ...keyapi(), mode: { toString: "x" } }]) as Summary;
    expect(mode.message).toMatch(
      /mode must be replace, append, upsert or history, not "an object"/,
    );
    expect(failure("saveQuery", [{ ...keyapi(), name: "S", schedule: { toString: "x" } }])).toMatch(
      /an object/,
    );
  });

  it("refuses oversized saved queries before storing anything", () => {
    expect(
      failure("saveQuery", [
        { ...keyapi(), name: "Big", filters: { influencer_category_name: "x".repeat(9_000) } },
      ]),
    ).toMatch(/at most 500/);
    const columns = Array.from({ length: 2_000 }, () => "unique_id");
    expect(failure("saveQuery", [{ ...keyapi(), name: "Wide", columns }])).toMatch(
      /at most 200 columns/,
    );
    expect(failure("saveQuery", [{ ...keyapi(), name: "Id", id: { toString: "x" } }])).toMatch(
      /id must be text/,
    );
    expect(rt.properties.document.keys().filter((name) => name.startsWith("tt.query."))).toEqual(
      [],
    );
  });

  it("refuses a KeyAPI query whose address would pass 2,000 characters, naming the longest filter, before any request", async () => {
    const long = "美妆护肤".repeat(50);
    const summary = runQuery(
      keyapi({
        filters: {
          influencer_category_name: long,
          product_category_id: long,
          gender: long.slice(0, 190),
          influencer_language: long.slice(0, 180),
        },
      }),
    );
    expect(summary.status).toBe("failed");
    expect(summary.message).toMatch(/2,000/);
    expect(summary.message).toMatch(/influencer_category_name|product_category_id/);
    expect(await keyapiRequests()).toBe(0);
    expect(() =>
      rt.customFunction("TT_INFLUENCERS", [
        "US",
        10,
        "influencer_category_name",
        long,
        "gender",
        long,
      ]),
    ).toThrow(/2,000/);
    expect(await keyapiRequests()).toBe(0);
  });

  it("refuses the run log as a target whatever its case, and 51 filters", () => {
    runQuery(keyapi({ limit: 10 }));
    const log = rt.spreadsheet.sheet("TT Run Log").values();
    for (const name of ["tt run log", "TT RUN LOG", "tt staging abc", "tt diagnostics"]) {
      const summary = runQuery(keyapi({ sheet: name, mode: "replace" }));
      expect(summary.status).toBe("failed");
      expect(summary.message).toMatch(/keeps its own records/);
    }
    expect(rt.spreadsheet.sheet("TT Run Log").values().slice(0, log.length)).toEqual(log);
    const filters = Object.fromEntries(
      Array.from({ length: 51 }, (_, index) => [`f${index}`, index]),
    );
    expect(runQuery(keyapi({ filters })).message).toMatch(/at most 50 filters/);
  });
});

describe("every run leaves its line in the run log", () => {
  it("a run refused while another execution holds the lock is logged by the next run", () => {
    rt.locks.holdByOther("document", rt.clock.now() + 60_000);
    const refused = runQuery(keyapi({ mode: "sideways" }));
    expect(refused.status).toBe("failed");
    expect(runLogLines()).toHaveLength(0);
    rt.advance(61_000);
    expect(runQuery(keyapi())).toMatchObject({ status: "done" });
    const lines = runLogLines();
    expect(lines).toHaveLength(2);
    expect(String(lines[0]![6])).toMatch(/mode must be/);
    expect(String(lines[0]![6])).toMatch(/written late/);
  });
});
