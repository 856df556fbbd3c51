// =TT_COLUMNS(source) in the local Apps Script runtime, from the built dist/Code.js.

import { afterAll, describe, expect, it } from "vitest";
import { AppsScriptRuntime, ScriptError } from "../../dev/runtime/runtime.js";
import { catalogueOf } from "../../src/shared/columns/index.js";

const rt = new AppsScriptRuntime();
afterAll(() => rt.close());

describe("=TT_COLUMNS", () => {
  it("answers the KeyAPI catalogue as a table, header first", () => {
    const table = rt.customFunction("TT_COLUMNS", ["keyapi"]) as unknown[][];
    expect(table[0]).toEqual(["Key", "Label", "Description", "Format", "Default"]);
    expect(table.slice(1).map((row) => row[0])).toEqual(
      catalogueOf("keyapi").columns.map((spec) => spec.key),
    );
    expect(table.find((row) => row[0] === "profile_url")?.[1]).toBe("Profile");
  });

  it("answers the FastMoss catalogue, whatever the case of the source", () => {
    const table = rt.customFunction("TT_COLUMNS", ["FastMoss"]) as unknown[][];
    expect(table).toHaveLength(catalogueOf("fastmoss").columns.length + 1);
    expect(table.some((row) => row[0] === "creator.follower_ages.55+")).toBe(true);
  });

  it("runs as a custom function: read-only, no request, a few service calls at most", () => {
    const before = rt.executions.length;
    rt.customFunction("TT_COLUMNS", ["keyapi"]);
    const record = rt.executions[before]!;
    expect(record.kind).toBe("customFunction");
    expect(record.authMode).toBe("CUSTOM_FUNCTION");
    expect(Object.keys(record.calls).filter((api) => api.startsWith("UrlFetchApp"))).toEqual([]);
  });

  it.each([
    ["", 'TT_COLUMNS: source is required: "keyapi" or "fastmoss".'],
    ["tiktok", 'TT_COLUMNS: source must be "keyapi" or "fastmoss", not "tiktok".'],
  ])("fails on %j with a message that names the function and the fix", (source, text) => {
    const failure = (() => {
      try {
        rt.customFunction("TT_COLUMNS", [source]);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(ScriptError);
    expect((failure as Error).message).toBe(text);
  });
});
