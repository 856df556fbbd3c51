// The pull engine across executions and failures, in memory: a pull cut short by the API leaves its
// target exactly as it was and keeps what it paid for in a hidden staging sheet; a pull too long
// for one execution stages and commits once every page is in; a commit cut short lands on the same
// rows when run again; a deleted staging sheet, a held lock and an unknown job answer plainly.

import { describe, expect, it } from "vitest";
import { message } from "../../../src/shared/messages/index.js";
import type { FakeSheet } from "./fakeSpreadsheet.js";
import { creatorId, keyapiPull, type PullWorld, pullWorld } from "./pullWorld.js";

const NO_CREDITS = { status: 402, body: '{"code":402,"message":"insufficient credits"}' };
/** Each wave of requests takes a minute: a pull of 2,000 rows needs several executions. */
const SLOW = { latencyMs: 60_000 };

/** Everything a person could see of a sheet. */
function look(sheet: FakeSheet) {
  return {
    values: sheet.values(),
    formulas: sheet.formulas(),
    formats: sheet.formats(),
    bold: sheet.bold(),
    frozen: sheet.frozenRows,
    size: [sheet.maxRows, sheet.maxColumns],
  };
}

const stagingSheets = (world: PullWorld) =>
  world.spreadsheet.names().filter((name) => name.startsWith("TT staging "));

/** The first column's ids from row 2 on, as the fake server numbers its creators. */
const idsOf = (sheet: FakeSheet) =>
  sheet
    .values()
    .slice(1)
    .map((row) => row[2]);
const apiIds = (count: number) => Array.from({ length: count }, (_, n) => creatorId(n));

describe("a pull the API cuts short", () => {
  it("leaves a replaced sheet exactly as it was, stages what it paid for, and finishes from there", () => {
    const world = pullWorld({ failures: [{ page: 4, ...NO_CREDITS }] });
    world.run(keyapiPull({ limit: 20 }));
    const target = world.spreadsheet.sheet("Creators");
    target.put(25, 5, { value: "typed later", format: "@" });
    const before = look(target);

    const failed = world.run(keyapiPull({ limit: 80 }));
    expect(failed.status).toBe("failed");
    expect(failed.message).toMatch(/credits/);
    expect(look(target)).toEqual(before);
    const [staging] = stagingSheets(world);
    expect(staging).toBeDefined();
    expect(world.spreadsheet.sheet(staging!).hidden).toBe(true);
    expect(failed.rows).toBeGreaterThanOrEqual(20);
    expect(world.spreadsheet.sheet(staging!).values()).toHaveLength(failed.rows + 1);

    world.serve({});
    const done = world.resume(failed.jobId!);
    expect(done).toMatchObject({ status: "done", rows: 80 });
    expect(idsOf(target)).toEqual(apiIds(80));
    expect(target.values()).toHaveLength(81);
    // Only the pages not staged were asked for again.
    const pages = world.requests().map((entry) => entry.page);
    expect(Math.min(...pages)).toBe(failed.rows / 10 + 1);
    expect(stagingSheets(world)).toEqual([]);
  });

  it("creates no sheet when a pull into a new one fails", () => {
    const world = pullWorld({ failures: [{ page: 1, ...NO_CREDITS }] });
    expect(world.run(keyapiPull({ sheet: "Fresh" })).status).toBe("failed");
    expect(world.spreadsheet.find("Fresh")).toBeUndefined();
  });
});

describe("a pull longer than one execution", () => {
  it("waits in a hidden staging sheet, leaves the target alone until every page is in, then commits in API order", () => {
    const world = pullWorld(SLOW);
    world.spreadsheet.seed("Creators", [
      ["an", "old"],
      ["sheet", "kept until the end"],
    ]);
    const before = look(world.spreadsheet.sheet("Creators"));
    const active = world.spreadsheet.getActiveSheet();
    let summary = world.run(keyapiPull({ limit: 2000 }));
    let executions = 1;
    while (summary.status === "running") {
      expect(summary.jobId).toBeTruthy();
      expect(summary.message).toMatch(/goes on/);
      expect(look(world.spreadsheet.sheet("Creators"))).toEqual(before);
      const [staging] = stagingSheets(world);
      expect(world.spreadsheet.sheet(staging!).hidden).toBe(true);
      // Making the staging sheet did not take the person away from the sheet they were on.
      expect(world.spreadsheet.getActiveSheet()).toBe(active);
      summary = world.resume(summary.jobId!);
      executions++;
    }
    expect(executions).toBeGreaterThanOrEqual(3);
    expect(summary).toMatchObject({ status: "done", rows: 2000 });
    const target = world.spreadsheet.sheet("Creators");
    expect(target.values()[0]).toEqual(["Handle", "Followers", "User ID"]);
    expect(idsOf(target)).toEqual(apiIds(2000));
    expect(target.formats()[2000]).toEqual(["@", "#,##0", "@"]);
    expect(stagingSheets(world)).toEqual([]);
    // Staged rows go over in one server-side copy.
    expect(world.spreadsheet.count("Range.copyTo")).toBe(1);
    // The hourly trigger was kept while the job ran unattended.
    expect(world.triggers.ensured).toBe(executions - 1);
    // One line in the run log per execution.
    const log = world.spreadsheet.sheet("TT Run Log").values().slice(1);
    expect(log.map((line) => line[5])).toEqual([...Array(executions - 1).fill("running"), "done"]);
  });

  it("fails with the catalogue's message when its staging sheet is deleted between executions, the target untouched", () => {
    const world = pullWorld(SLOW);
    const running = world.run(keyapiPull({ limit: 2000, sheet: "Big" }));
    expect(running.status).toBe("running");
    const [staging] = stagingSheets(world);
    world.spreadsheet.deleteSheet(world.spreadsheet.sheet(staging!));
    const summary = world.finish(running);
    expect(summary.status).toBe("failed");
    expect(summary.message).toContain(message("pull.stagingDeleted", { name: staging! }));
    expect(world.spreadsheet.find("Big")).toBeUndefined();
  });

  it("leaves a used target exactly as it was when its staging sheet is deleted", () => {
    const world = pullWorld(SLOW);
    const target = world.spreadsheet.seed("Big", [
      ["Handle", "Followers", "User ID"],
      ["mine", 1, { formula: '="7"&"1"', shows: "71" }],
    ]);
    const before = look(target);
    const running = world.run(keyapiPull({ limit: 2000, sheet: "Big", mode: "upsert" }));
    world.spreadsheet.deleteSheet(world.spreadsheet.sheet(stagingSheets(world)[0]!));
    expect(world.finish(running).status).toBe("failed");
    expect(look(target)).toEqual(before);
  });
});

describe("a commit cut short", () => {
  it("writes a staged append to the same rows when the execution dies after the copy", () => {
    const world = pullWorld(SLOW);
    const target = world.spreadsheet.seed("Creators", [
      ["Handle", "Followers", "User ID"],
      ["creator9", 1009, creatorId(9)],
    ]);
    let summary = world.run(keyapiPull({ mode: "append", limit: 2000 }));
    const jobId = summary.jobId!;
    while (summary.status === "running" && world.spreadsheet.count("Range.copyTo") === 0) {
      // The execution that commits dies right after its copy, before the staging sheet goes.
      world.spreadsheet.failOn("Spreadsheet.deleteSheet");
      summary = world.resume(jobId);
    }
    expect(summary.status).toBe("failed");
    expect(world.spreadsheet.count("Range.copyTo")).toBe(1);
    // The job is still running as last saved, its commit row recorded: the answer names it, so the
    // sidebar can resume it, and the next execution (the hourly trigger's, or the sidebar's)
    // commits again, to the same rows.
    expect(summary.jobId).toBe(jobId);
    expect(world.resume(jobId)).toMatchObject({ status: "done", rows: 2000 });
    expect(world.spreadsheet.count("Range.copyTo")).toBe(2);
    expect(target.values()).toHaveLength(2002);
    expect(idsOf(target)).toEqual([creatorId(9), ...apiIds(2000)]);
    expect(stagingSheets(world)).toEqual([]);
  });

  it("keeps rows held in memory when their commit fails, and writes them once on resuming", () => {
    const world = pullWorld();
    // An empty sheet: the commit writes the header, then the rows — and the rows' write fails.
    world.spreadsheet.seed("Creators", []);
    world.spreadsheet.failOn("Range.setValues", 2);
    const failed = world.run(keyapiPull({ mode: "append", limit: 30 }));
    expect(failed.status).toBe("failed");
    expect(failed.message).toMatch(/timed out/);
    expect(stagingSheets(world)).toHaveLength(1);
    const requests = world.requests().length;
    const done = world.resume(failed.jobId!);
    expect(done).toMatchObject({ status: "done", rows: 30 });
    expect(world.requests()).toHaveLength(requests);
    const target = world.spreadsheet.sheet("Creators");
    expect(target.values()[0]).toEqual(["Handle", "Followers", "User ID"]);
    expect(idsOf(target)).toEqual(apiIds(30));
  });
});

describe("jobs", () => {
  it("waits while another run holds the document lock, queuing its log line, then goes on", () => {
    const world = pullWorld();
    world.lock.heldByOther = true;
    const waiting = world.run(keyapiPull());
    expect(waiting.status).toBe("running");
    expect(waiting.message).toMatch(/Another run is writing/);
    expect(world.requests()).toEqual([]);
    world.lock.heldByOther = false;
    expect(world.resume(waiting.jobId!)).toMatchObject({ status: "done", rows: 30 });
    expect(world.lock.held).toBe(false);
    const log = world.spreadsheet.sheet("TT Run Log").values().slice(1);
    expect(log.map((line) => line[5])).toEqual(["running", "done"]);
  });

  it("answers a clear failure for an unknown job", () => {
    const world = pullWorld();
    expect(world.resume("nope")).toMatchObject({
      status: "failed",
      message: expect.stringMatching(/No pull with id nope/),
    });
  });

  it("refuses a pull that would pass 10 million cells before any request", () => {
    const world = pullWorld();
    world.spreadsheet.sheet("Sheet1").maxRows = 380_000;
    // 13 default columns × 100,001 rows, counted twice (staged, then committed).
    const summary = world.run(keyapiPull({ limit: 100_000, columns: undefined }));
    expect(summary.status).toBe("failed");
    expect(summary.message).toBe(message("pull.tooManyCells", { cells: "2,600,026" }));
    expect(world.requests()).toEqual([]);
  });
});
