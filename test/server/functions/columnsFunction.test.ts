// TT_COLUMNS's logic: reading the source argument and building the table.

import { describe, expect, it } from "vitest";
import { columnsTable } from "../../../src/server/functions/columnsFunction.js";
import { catalogueOf } from "../../../src/shared/columns/index.js";

describe("the source argument", () => {
  it.each([
    ["keyapi", "keyapi"],
    ["KeyAPI", "keyapi"],
    [" fastmoss ", "fastmoss"],
    [[["FASTMOSS"]], "fastmoss"],
  ])("reads %j as %s", (argument, source) => {
    expect(columnsTable(argument).length).toBe(
      (source === "keyapi" ? catalogueOf("keyapi") : catalogueOf("fastmoss")).columns.length + 1,
    );
  });

  it.each([
    ["", /source is required/],
    [undefined, /source is required/],
    ["tiktok", /source must be "keyapi" or "fastmoss", not "tiktok"/],
    [42, /not "42"/],
    [[["keyapi"], ["fastmoss"]], /source must be a single value/],
  ])("refuses %j", (argument, problem) => {
    expect(() => columnsTable(argument)).toThrow(problem);
  });
});

describe("columnsTable", () => {
  it("answers a header and one row per column: key, label, description, format, default", () => {
    const table = columnsTable("keyapi");
    const catalogue = catalogueOf("keyapi");
    expect(table[0]).toEqual(["Key", "Label", "Description", "Format", "Default"]);
    expect(table).toHaveLength(catalogue.columns.length + 1);
    expect(table.find((row) => row[0] === "total_followers_cnt")).toEqual([
      "total_followers_cnt",
      "Followers",
      "Followers now.",
      "count",
      true,
    ]);
    expect(table.find((row) => row[0] === "avatar")?.[4]).toBe(false);
  });
});
