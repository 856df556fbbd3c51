// The pull engine's four write modes through its sheet port, in memory: replace, append, upsert and
// history into a sheet that is new and into one already used — the header, formats and rows cell by
// cell, and whatever the person typed (a row, a formula in a column of their own) left as it was.

import { describe, expect, it } from "vitest";
import { creatorId, keyapiPull, pullWorld } from "./pullWorld.js";

const HEADER = ["Handle", "Followers", "User ID"];
/** The rows of the fake server's creators `from` … `to - 1`, as the sheet holds them. */
const creators = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => [
    `creator${from + i}`,
    1000 + from + i,
    creatorId(from + i),
  ]);
const WRITE_CALLS = ["Range.setValues", "Range.copyTo"];

describe("replace", () => {
  it("writes a bold frozen header, each column's format and width, and the rows into a new sheet", () => {
    const world = pullWorld();
    const summary = world.run(keyapiPull({ limit: 30 }));
    expect(summary).toMatchObject({ status: "done", rows: 30, requests: 3, sheet: "Creators" });
    const sheet = world.spreadsheet.sheet("Creators");
    expect(sheet.values()).toEqual([HEADER, ...creators(0, 30)]);
    // 19-digit ids stay text: a text format first, so Sheets never reads them as numbers.
    expect(sheet.formats()[1]).toEqual(["@", "#,##0", "@"]);
    expect(sheet.bold()[0]).toEqual([true, true, true]);
    expect(sheet.bold()[1]).toEqual([false, false, false]);
    expect(sheet.frozenRows).toBe(1);
    expect([...sheet.widths]).toEqual([
      [1, 170],
      [2, 100],
      [3, 170],
    ]);
    expect(world.spreadsheet.names().some((name) => name.startsWith("TT staging"))).toBe(false);
  });

  it("leaves only the header and the new rows, whatever the sheet held", () => {
    const world = pullWorld();
    world.spreadsheet.seed("Creators", [
      ["old", "header", "cells", "wider"],
      ...Array.from({ length: 60 }, (_, i) => [`old${i}`, i, { formula: "=B2*2", shows: 4 }, "x"]),
    ]);
    expect(world.run(keyapiPull({ limit: 20 }))).toMatchObject({ status: "done", rows: 20 });
    const sheet = world.spreadsheet.sheet("Creators");
    expect(sheet.values()).toEqual([HEADER, ...creators(0, 20)]);
    expect(sheet.formulas().flat().filter(Boolean)).toEqual([]);
  });

  it("writes 1,000 rows in a handful of write calls, never one per row", () => {
    const world = pullWorld();
    world.run(keyapiPull({ limit: 1000 }));
    expect(world.spreadsheet.sheet("Creators").values()).toHaveLength(1001);
    // The run log's line is two more (its header and its row).
    expect(world.spreadsheet.countOf(WRITE_CALLS)).toBeLessThanOrEqual(6);
  });
});

describe("append", () => {
  it("writes the header and rows into an empty sheet, then only rows below the existing ones", () => {
    const world = pullWorld();
    world.run(keyapiPull({ mode: "append", limit: 10 }));
    world.run(keyapiPull({ mode: "append", limit: 20 }));
    expect(world.spreadsheet.sheet("Creators").values()).toEqual([
      HEADER,
      ...creators(0, 10),
      ...creators(0, 20),
    ]);
  });

  it("places columns under the sheet's own header, adds missing ones at the right, and leaves the user's column alone", () => {
    const world = pullWorld();
    const sheet = world.spreadsheet.seed("Creators", [
      ["user_id", "My notes", "HANDLE"],
      [creatorId(99), { formula: "=LEN(C2)", shows: 9 }, "creator99"],
      ["", "a note typed below, without an id", ""],
    ]);
    expect(world.run(keyapiPull({ mode: "append", limit: 10 }))).toMatchObject({
      status: "done",
      rows: 10,
    });
    const rows = sheet.values();
    expect(rows[0]).toEqual(["user_id", "My notes", "HANDLE", "Followers"]);
    expect(rows[1]).toEqual([creatorId(99), 9, "creator99", ""]);
    expect(rows[2]).toEqual(["", "a note typed below, without an id", "", ""]);
    expect(rows.slice(3)).toEqual(
      creators(0, 10).map(([handle, followers, id]) => [id, "", handle, followers]),
    );
    expect(sheet.formulas()[1]![1]).toBe("=LEN(C2)");
    // The user's column got no format either: the engine wrote around it.
    expect(
      sheet
        .formats()
        .slice(3)
        .map((row) => row[1]),
    ).toEqual(Array(10).fill(sheet.formats()[2]![1]));
  });
});

describe("upsert", () => {
  it("updates rows whose id is there in place, appends new ids, and leaves every other row as it was", () => {
    const world = pullWorld();
    const sheet = world.spreadsheet.seed("Creators", [
      ["Handle", "Followers", "User ID", "Note"],
      ["old handle", 1, creatorId(2), { formula: '=C2&"!"', shows: "x!" }],
      ["someone else", 5, "123", "typed by hand"],
      ["creator0 before", 2, creatorId(0), "keep me"],
    ]);
    expect(world.run(keyapiPull({ mode: "upsert", limit: 4 }))).toMatchObject({
      status: "done",
      rows: 4,
    });
    expect(sheet.values()).toEqual([
      ["Handle", "Followers", "User ID", "Note"],
      ["creator2", 1002, creatorId(2), "x!"],
      ["someone else", 5, "123", "typed by hand"],
      ["creator0", 1000, creatorId(0), "keep me"],
      ["creator1", 1001, creatorId(1), ""],
      ["creator3", 1003, creatorId(3), ""],
    ]);
    expect(sheet.formulas()[1]![3]).toBe('=C2&"!"');
  });

  it("adds the id column when the pull's columns lack it, and keeps first seen once set", () => {
    const world = pullWorld();
    const pull = keyapiPull({
      mode: "upsert",
      limit: 3,
      columns: ["unique_id", "first_seen_at", "last_seen_at"],
    });
    const started = world.clock.now();
    world.run(pull);
    const sheet = world.spreadsheet.sheet("Creators");
    expect(sheet.values()[0]).toEqual(["Handle", "First seen here", "Last seen here", "User ID"]);
    const seenAt = sheet.values()[1]![1] as Date;
    expect(seenAt.getTime()).toBe(started);
    world.clock.sleep(3_600_000);
    const later = world.clock.now();
    world.run({ ...pull, limit: 4 });
    const rows = sheet.values().slice(1);
    expect(rows.map((row) => row[3])).toEqual([0, 1, 2, 3].map(creatorId));
    expect(rows.slice(0, 3).every((row) => (row[1] as Date).getTime() === seenAt.getTime())).toBe(
      true,
    );
    // Last seen moves on for every row the run saw; a new id is first seen now.
    expect(rows.map((row) => (row[2] as Date).getTime())).toEqual([later, later, later, later]);
    expect((rows[3]![1] as Date).getTime()).toBe(later);
  });
});

describe("history", () => {
  it("appends every run's rows with snapshot_at first, the header once", () => {
    const world = pullWorld();
    const first = world.clock.now();
    world.run(keyapiPull({ mode: "history", limit: 3 }));
    world.clock.sleep(86_400_000);
    const second = world.clock.now();
    world.run(keyapiPull({ mode: "history", limit: 2 }));
    const rows = world.spreadsheet.sheet("Creators").values();
    expect(rows[0]).toEqual(["Snapshot at", ...HEADER]);
    expect(rows.slice(1).map((row) => (row[0] as Date).getTime())).toEqual([
      first,
      first,
      first,
      second,
      second,
    ]);
    expect(rows.slice(1).map((row) => row.slice(1))).toEqual([
      ...creators(0, 3),
      ...creators(0, 2),
    ]);
    expect(world.spreadsheet.sheet("Creators").formats()[1]![0]).toBe("yyyy-mm-dd hh:mm");
  });

  it("refuses a used sheet that is not a history sheet, before any request, leaving it as it was", () => {
    const world = pullWorld();
    const sheet = world.spreadsheet.seed("Creators", [HEADER, ["creator9", 5, creatorId(9)]]);
    const before = sheet.values();
    const summary = world.run(keyapiPull({ mode: "history" }));
    expect(summary).toMatchObject({ status: "failed", requests: 0 });
    expect(summary.message).toMatch(/not a history sheet|history/i);
    expect(world.requests()).toEqual([]);
    expect(sheet.values()).toEqual(before);
  });
});
