// The add-on's formulas typed into the playground's grid: evaluated through the model's
// formulaEvaluator hook by the runtime's custom function executions, references read from the
// grid, answers spilled, errors shown as Sheets shows them.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PlaygroundFormulas, readReference } from "../../../dev/playground/formulas.js";
import type { AppsScriptRuntime } from "../../../dev/runtime/runtime.js";
import type { SheetModel } from "../../../dev/runtime/spreadsheet/index.js";
import { fixtureRuntime } from "./fixture.js";

let rt: AppsScriptRuntime;
let formulas: PlaygroundFormulas;
let sheet: SheetModel;

beforeEach(() => {
  rt = fixtureRuntime();
  formulas = new PlaygroundFormulas(rt);
  formulas.install();
  sheet = rt.spreadsheet.sheet("Sheet1");
});

afterEach(() => rt.close());

function type(a1Row: number, column: number, text: string, on: SheetModel = sheet): void {
  on.setValuesDirect(a1Row, column, [[text]]);
}

describe("formulas typed into the grid", () => {
  it("spills a custom function's answer into the cells right and below", () => {
    type(2, 2, '=TT_INFLUENCERS("US", 3)');
    expect(sheet.displayValues()).toEqual([
      ["", "", ""],
      ["", "Handle", "Region"],
      ["", "creator1", "US"],
      ["", "creator2", "US"],
      ["", "creator3", "US"],
    ]);
    expect(sheet.formulas()[1]![1]).toBe('=TT_INFLUENCERS("US", 3)');
    const last = rt.executions.at(-1)!;
    expect(last).toMatchObject({ functionName: "TT_INFLUENCERS", kind: "customFunction" });
  });

  it("reads cell references, ranges and other sheets' ranges from the grid", () => {
    const other = rt.spreadsheet.insertSheet("My data");
    other.setValuesDirect(1, 1, [
      ["name", "value"],
      ["min", 5],
    ]);
    sheet.setValuesDirect(1, 1, [["US", 7, "2026-11-12"]]);
    type(5, 1, "=TT_TOP_POTENTIAL(A1, $B$1, C1, A1:B1, 'My data'!A1:B2, E9)");
    expect(sheet.values()[4]![0]).toBe(
      'String "US" | Number 7 | Date 2026-11-12T00:00:00.000Z | Array [["US",7]] | ' +
        'Array [["name","value"],["min",5]] | String ""',
    );
  });

  it("shows a referenced error instead of calling the function", () => {
    type(1, 1, "=SUM(1, 2)");
    const before = rt.executions.length;
    type(2, 1, "=TT_COLUMNS(A1)");
    expect(sheet.values()[1]![0]).toBe("#N/A");
    expect(rt.executions.length).toBe(before);
  });

  it("shows the function's error as #ERROR! with its message", () => {
    type(1, 1, '=TT_COLUMNS("nope")');
    expect(sheet.displayValues()).toEqual([["#ERROR!"]]);
    const cell = sheet.cell(1, 1) as { result: { message: string } };
    expect(cell.result.message).toBe(
      'TT_COLUMNS: source must be "keyapi" or "fastmoss", not "nope".',
    );
  });

  it("shows a formula it can't read as a parse error, and a bad reference as #REF!", () => {
    type(1, 1, '=TT_COLUMNS("open');
    type(2, 1, "=TT_COLUMNS(Nowhere!A1)");
    type(3, 1, "=TT_COLUMNS(A5000)");
    expect(sheet.values().map((line) => line[0])).toEqual(["#ERROR!", "#REF!", "#REF!"]);
    const parse = sheet.cell(1, 1) as { result: { message: string } };
    expect(parse.result.message).toMatch(/^Formula parse error: a string is not closed/);
  });

  it("leaves other formulas unevaluated (#N/A), as the local runtime can't compute them", () => {
    type(1, 1, "=A2+1");
    expect(sheet.values()).toEqual([["#N/A"]]);
  });

  it("shows #REF! when the answer would spill over other values", () => {
    sheet.setValuesDirect(3, 1, [["in the way"]]);
    type(1, 1, '=TT_INFLUENCERS("US", 3)');
    expect(sheet.values()[0]![0]).toBe("#REF!");
  });

  it("evaluates a formula a script writes once that execution has ended", () => {
    const shownDuringRun = formulas.whileScriptRuns(() =>
      rt.serverCall("writeFormula", ["C1", '=TT_COLUMNS("keyapi")']),
    );
    expect(shownDuringRun).toBe("#N/A");
    expect(sheet.displayValues().map((line) => line[2])).toEqual(["Key", "unique_id"]);
    expect(rt.executions.slice(-2).map((record) => record.functionName)).toEqual([
      "writeFormula",
      "TT_COLUMNS",
    ]);
  });

  it("evaluates formulas already in the sheet when installed", () => {
    rt.spreadsheet.formulaEvaluator = undefined;
    type(1, 1, '=TT_COLUMNS("keyapi")');
    expect(sheet.values()).toEqual([["#N/A"]]);
    new PlaygroundFormulas(rt).install();
    expect(sheet.values()[0]).toEqual(["Key", "Label"]);
  });
});

describe("readReference", () => {
  it("answers a scalar for one cell and a 2-D array for a range", () => {
    sheet.setValuesDirect(1, 1, [
      [1, 2],
      [3, 4],
    ]);
    expect(readReference(rt.spreadsheet, sheet, "B2")).toBe(4);
    expect(readReference(rt.spreadsheet, sheet, "A1:B2")).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(readReference(rt.spreadsheet, sheet, "Sheet1!A2:A2")).toEqual([[3]]);
  });
});
