// What the sidebar relies on for pulls, from the built dist/Code.js in the local runtime: targets
// that don't fit refused before any request, listJobs for pulls still running, run-log lines with
// the pull's totals, header labels in the sidebar's language, the written sheet shown, and a
// write right after a preview paying nothing for the preview's page.

import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import type { AppsScriptRuntime } from "../../dev/runtime/runtime.js";
import { resumeToEnd, type Summary, useAddonWorld } from "./addonWorld.js";

interface Running extends Summary {
  jobId: string;
  startedAt: string;
  limit: number;
  triggerRuns: number;
  triggerDoneBy: string;
}

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const run = (query: Record<string, unknown>, locale?: string) =>
  rt.serverCall("runQuery", locale ? [query, locale] : [query]) as Summary;
const keyapi = (extra: Record<string, unknown> = {}) => ({
  source: "keyapi",
  region: "US",
  limit: 20,
  sheet: "Creators",
  mode: "replace",
  ...extra,
});
const fastmoss = (extra: Record<string, unknown> = {}) => ({
  source: "fastmoss",
  region: "US",
  limit: 20,
  sheet: "Creators",
  mode: "append",
  ...extra,
});
const values = (name: string) => rt.spreadsheet.sheet(name).values();
const requests = async () => {
  const stats = await api.stats();
  return stats.keyapi.requests + stats.fastmoss.requests;
};

describe("targets that don't fit", () => {
  it.each(["append", "upsert", "history"])(
    "refuses FastMoss rows in %s mode onto a KeyAPI sheet, before any request",
    async (mode) => {
      run(keyapi());
      const before = values("Creators");
      const spent = await requests();
      const summary = run(fastmoss({ mode }));
      expect(summary).toMatchObject({ status: "failed", requests: 0 });
      expect(summary.message).toMatch(/“Creators” holds KeyAPI rows.*FastMoss rows can't go/);
      expect(await requests()).toBe(spent);
      expect(values("Creators")).toEqual(before);
      expect(values("TT Run Log").at(-1)?.[5]).toBe("failed");
    },
  );

  it("still lets Replace start a KeyAPI sheet afresh with FastMoss rows", () => {
    run(keyapi());
    expect(run(fastmoss({ mode: "replace" })).status).toBe("done");
    expect(values("Creators")[0]).toContain("Creator ID");
  });

  it("refuses History onto a sheet that isn't a history sheet, but takes an empty one", async () => {
    run(keyapi());
    const summary = run(keyapi({ mode: "history" }));
    expect(summary).toMatchObject({ status: "failed", requests: 0 });
    expect(summary.message).toMatch(/is not a history sheet/);
    rt.spreadsheet.insertSheet("Notes").setValuesDirect(1, 1, [["my own title"]]);
    expect(run(keyapi({ mode: "history", sheet: "Notes" })).status).toBe("failed");
    expect(run(keyapi({ mode: "history", sheet: "Growth" })).status).toBe("done");
    expect(run(keyapi({ mode: "history", sheet: "Growth" })).status).toBe("done");
    expect(values("Growth")).toHaveLength(41);
    expect(await requests()).toBe(2 + 2 + 2);
  });

  it("refuses the run log whatever its case, in the sidebar's language", () => {
    run(keyapi({ limit: 10 }));
    const log = values("TT Run Log");
    const summary = run(keyapi({ sheet: "tt run log" }), "zh");
    expect(summary.status).toBe("failed");
    expect(summary.message).toMatch(/tt run log.*插件/);
    expect(values("TT Run Log").slice(0, log.length)).toEqual(log);
  });

  it("tells the sidebar each sheet's header, so it can judge as the person types", () => {
    run(keyapi({ columns: ["user_id", "unique_id"] }));
    const context = rt.serverCall("getSidebarContext", ["en"]) as {
      sheets: string[];
      sheetHeaders: { name: string; header: string[]; filled: boolean }[];
    };
    expect(context.sheets).not.toContain("TT Run Log");
    expect(context.sheetHeaders.find((sheet) => sheet.name === "Creators")).toEqual({
      name: "Creators",
      header: ["User ID", "Handle"],
      filled: true,
    });
  });
});

describe("headers in the sidebar's language", () => {
  it("writes Chinese labels for a Chinese sidebar, and a later English upsert updates the same rows", () => {
    const columns = ["user_id", "unique_id", "total_followers_cnt"];
    const first = run(keyapi({ columns, limit: 20 }), "zh");
    expect(first.status).toBe("done");
    expect(values("Creators")[0]).toEqual(["用户 ID", "账号", "粉丝数"]);
    const second = run(keyapi({ columns, limit: 30, mode: "upsert" }), "en");
    expect(second.status).toBe("done");
    const rows = values("Creators");
    expect(rows[0]).toEqual(["用户 ID", "账号", "粉丝数"]);
    expect(rows).toHaveLength(31);
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(30);
  });

  it("runs a query saved from a Chinese sidebar with Chinese labels, also from the hourly trigger", () => {
    const columns = ["user_id", "total_followers_cnt"];
    rt.serverCall("saveQuery", [
      { ...keyapi({ columns, sheet: "每日" }), name: "每日达人", schedule: "hourly" },
      "zh",
    ]);
    // The trigger fires once in the hour, at a moment it chooses.
    rt.advance(2 * 3_600_000);
    expect(values("每日")[0]).toEqual(["用户 ID", "粉丝数"]);
  });

  it("matches an existing header written as keys", () => {
    const columns = ["user_id", "total_followers_cnt"];
    run(keyapi({ columns, headers: "keys" }));
    run(keyapi({ columns, mode: "upsert", limit: 25 }), "zh");
    expect(values("Creators")[0]).toEqual(["user_id", "total_followers_cnt"]);
  });
});

describe("after a write", () => {
  it("shows the written sheet and says the rows, the mode and the credits", () => {
    rt.spreadsheet.insertSheet("Elsewhere");
    const summary = run(keyapi({ limit: 50 }));
    expect(summary.message).toBe("Wrote 50 rows to “Creators” (replace): 5 requests, 5 credits.");
    expect(rt.spreadsheet.activeSheet.name).toBe("Creators");
    const zh = run(keyapi({ limit: 10, mode: "upsert" }), "zh");
    expect(zh.message).toBe("已将 10 行写入“Creators”（更新或添加）：1 次请求，1 个额度。");
  });

  it("pays nothing for the page a preview of the same query fetched", async () => {
    const query = keyapi({ limit: 30, filters: { min_total_followers_cnt: 10_000 } });
    rt.serverCall("previewQuery", [query]);
    expect(await requests()).toBe(1);
    const summary = run(query);
    expect(summary).toMatchObject({ status: "done", rows: 30, requests: 2 });
    expect(await requests()).toBe(3);
  });

  it("reuses a FastMoss preview's page too, at the pull's page size", async () => {
    const query = fastmoss({ limit: 300, mode: "replace", sheet: "Potential" });
    rt.serverCall("previewQuery", [query]);
    expect(await requests()).toBe(1);
    expect(run(query)).toMatchObject({ status: "done", rows: 300, requests: 2 });
  });

  it("pays again once the preview is more than 30 minutes old", async () => {
    const query = keyapi({ limit: 20 });
    rt.serverCall("previewQuery", [query]);
    rt.advance(31 * 60_000);
    expect(run(query)).toMatchObject({ status: "done", requests: 2 });
    expect(await requests()).toBe(3);
  });
});

/** 2,000 pages, at a pace that needs several executions without a single 429. */
const BIG_PULL = {
  source: "keyapi",
  region: "US",
  limit: 20_000,
  sheet: "Big",
  mode: "replace",
  columns: ["user_id"],
} as const;
const SLOW = { latencyMs: 3000 };

describe("pulls still running", () => {
  it("lists unfinished pulls with their progress and when the hourly trigger would finish them", async () => {
    await api.configure(SLOW);
    expect(rt.serverCall("listJobs", [])).toEqual([]);
    const started = run(BIG_PULL);
    expect(started.status).toBe("running");
    const [job, ...others] = rt.serverCall("listJobs", ["en"]) as Running[];
    expect(others).toEqual([]);
    expect(job).toMatchObject({
      status: "running",
      jobId: started.jobId,
      sheet: "Big",
      rows: started.rows,
      requests: started.requests,
      limit: 20_000,
    });
    expect(new Date(job!.startedAt).toISOString()).toBe(job!.startedAt);
    expect(Date.parse(job!.startedAt)).toBeLessThanOrEqual(rt.clock.now());
    // Each hourly run goes on for one execution: the rows left over the rows one execution got.
    const perRun = started.rows;
    expect(job!.triggerRuns).toBe(Math.ceil((20_000 - perRun) / perRun));
    const doneIn = Date.parse(job!.triggerDoneBy) - rt.clock.now();
    expect(Math.abs(doneIn - job!.triggerRuns * 3_600_000)).toBeLessThan(1000);
    let summary = started;
    summary = resumeToEnd(rt, summary);
    expect(summary.status).toBe("done");
    expect(rt.serverCall("listJobs", [])).toEqual([]);
  });

  it("ends a pull's run log with the whole pull's rows and requests", async () => {
    await api.configure(SLOW);
    let summary = run(BIG_PULL);
    let executions = 1;
    while (summary.status === "running") {
      summary = rt.serverCall("resumeJob", [summary.jobId]) as Summary;
      executions++;
    }
    expect(executions).toBeGreaterThanOrEqual(2);
    const log = values("TT Run Log").slice(1);
    expect(log).toHaveLength(executions);
    const totals = log.map((line) => line[4] as number);
    // Each line tells the pull so far: never less than the line before.
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const last = log.at(-1)!;
    expect(last[3]).toBe(20_000);
    expect(last[4]).toBeGreaterThanOrEqual(2000);
    expect(last[4]).toBeLessThanOrEqual(2003);
    expect(last[4]).toBe((await api.stats()).keyapi.requests);
    expect(last[5]).toBe("done");
  });
});
