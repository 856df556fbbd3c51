// Range.copyTo: values copied raw, formats, paste types, transposition, overlap, bounds, one
// counted call, no aliasing between source and copy, and the speed of a 100,000-row copy.

import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../../../dev/runtime/spreadsheet/index.js";
import { harness, type Script, thrown } from "./harness.js";

const ID = "6787580688797713413";
const DATE = new Date(Date.UTC(2026, 0, 31, 12, 30));

/** A 2 × 4 source in A1:D2 holding every kind of value, with text ids under "@". */
function seed(sheet: Script): void {
  sheet.getRange("A1:B1").setNumberFormat("@");
  sheet.getRange("C1").setNumberFormat("#,##0");
  sheet.getRange("A1:D1").setValues([["=1+1", ID, 1234567, true]]);
  sheet.getRange("A2:D2").setValues([["李小龙 🎉", DATE, "", 0.5]]);
  sheet.getRange("A1:B1").setFontWeight("bold");
}

describe("copyTo", () => {
  it("copies values raw, with their formats, on the same sheet", () => {
    const { execution } = harness();
    const { app, exec } = execution();
    const sheet = app.getActiveSheet();
    seed(sheet);
    const source = sheet.getRange("A1:D2");
    const before = source.getValues();
    expect(before[0]).toEqual(["=1+1", ID, 1234567, true]);
    source.copyTo(sheet.getRange("F5"));
    const copy = sheet.getRange("F5:I6");
    expect(copy.getValues()).toEqual(before);
    const values = copy.getValues();
    expect(typeof values[0]![1]).toBe("string");
    expect(values[1]![1]).toBeInstanceOf(Date);
    expect((values[1]![1] as Date).getTime()).toBe(DATE.getTime());
    expect(copy.getFormulas()[0]![0]).toBe("");
    expect(copy.getNumberFormats()).toEqual(source.getNumberFormats());
    expect(copy.getFontWeights()).toEqual([
      ["bold", "bold", "normal", "normal"],
      ["normal", "normal", "normal", "normal"],
    ]);
    expect(copy.getDisplayValues()[0]).toEqual(["=1+1", ID, "1,234,567", "TRUE"]);
    expect(exec.calls.get("Range.copyTo")).toBe(1);
  });

  it("copies across sheets, clearing destination cells where the source is empty", () => {
    const { execution, model } = harness();
    const { app } = execution();
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.getSheetByName("Sheet1");
    seed(sheet);
    const other = ss.insertSheet("Other");
    other.getRange("B3:E4").setValue("old");
    sheet.getRange("A1:D2").copyTo(other.getRange("B3:B3"));
    expect(other.getRange("B3:E4").getValues()).toEqual(sheet.getRange("A1:D2").getValues());
    expect(other.getRange("D4").getValue()).toBe("");
    expect(other.getRange("B3").getNumberFormat()).toBe("@");
    expect(model.sheet("Other").values()[2]!.slice(1)).toEqual(["=1+1", ID, 1234567, true]);
  });

  it("copies formulas as formulas and evaluates them where they land", () => {
    const { execution, model } = harness();
    model.formulaEvaluator = ({ formula, row }) => (formula === "=ROW()" ? row : undefined);
    const { app } = execution();
    const sheet = app.getActiveSheet();
    sheet.getRange("A1").setFormula("=ROW()");
    sheet.getRange("A1").copyTo(sheet.getRange("A10"));
    expect(sheet.getRange("A10").getFormula()).toBe("=ROW()");
    expect(sheet.getRange("A10").getValue()).toBe(10);
    expect(sheet.getRange("A1").getValue()).toBe(1);
  });

  it("copies values only with contentsOnly, keeping the destination's formats", () => {
    const { execution } = harness();
    const { app } = execution();
    const sheet = app.getActiveSheet();
    seed(sheet);
    sheet.getRange("E1").setFormula("=SLOW()");
    sheet.getRange("A1:E1").copyTo(sheet.getRange("A10"), { contentsOnly: true });
    const copy = sheet.getRange("A10:E10");
    expect(copy.getValues()).toEqual([["=1+1", ID, 1234567, true, "#N/A"]]);
    // The formula became its value; the text "=1+1" stayed text, not a formula.
    expect(copy.getFormulas()).toEqual([["", "", "", "", ""]]);
    expect(copy.getNumberFormats()[0]![2]).toBe("0.###############");
    expect(copy.getFontWeight()).toBe("normal");
    sheet.getRange("A20:B20").setNumberFormat("0.00").setFontWeight("bold");
    sheet.getRange("D2").copyTo(sheet.getRange("A20"), { contentsOnly: true });
    expect(sheet.getRange("A20").getDisplayValue()).toBe("0.50");
    expect(sheet.getRange("A20").getFontWeight()).toBe("bold");
  });

  it("copies formats only with formatOnly and PASTE_FORMAT", () => {
    const { execution } = harness();
    const { app } = execution();
    const sheet = app.getActiveSheet();
    seed(sheet);
    sheet.getRange("A10:D10").setValues([["x", "y", 7654321, "z"]]);
    sheet.getRange("A1:D1").copyTo(sheet.getRange("A10"), { formatOnly: true });
    expect(sheet.getRange("A10:D10").getValues()).toEqual([["x", "y", 7654321, "z"]]);
    expect(sheet.getRange("A10:D10").getNumberFormats()).toEqual([
      ["@", "@", "#,##0", "0.###############"],
    ]);
    expect(sheet.getRange("C10").getDisplayValue()).toBe("7,654,321");
    expect(sheet.getRange("A10").getFontWeight()).toBe("bold");
    sheet.getRange("A11").setValue("kept");
    sheet.getRange("A1").copyTo(sheet.getRange("A11"), app.CopyPasteType.PASTE_FORMAT, false);
    expect([sheet.getRange("A11").getValue(), sheet.getRange("A11").getFontWeight()]).toEqual([
      "kept",
      "bold",
    ]);
  });

  it("pastes values, formulas, nothing or widths by CopyPasteType", () => {
    const { execution } = harness();
    const { app } = execution();
    const { CopyPasteType } = app;
    expect(Object.keys(CopyPasteType)).toHaveLength(8);
    expect(CopyPasteType.PASTE_NORMAL).toBe("PASTE_NORMAL");
    const sheet = app.getActiveSheet();
    sheet
      .getRange("A1:B1")
      .setValues([["=SLOW()", 5]])
      .setFontWeight("bold");
    sheet.getRange("A1:B1").copyTo(sheet.getRange("A2"), CopyPasteType.PASTE_VALUES, false);
    expect(sheet.getRange("A2:B2").getFormulas()).toEqual([["", ""]]);
    expect(sheet.getRange("A2:B2").getValues()).toEqual([["#N/A", 5]]);
    expect(sheet.getRange("A2").getFontWeight()).toBe("normal");
    sheet.getRange("A1:B1").copyTo(sheet.getRange("A3"), CopyPasteType.PASTE_FORMULA, false);
    expect(sheet.getRange("A3:B3").getFormulas()).toEqual([["=SLOW()", ""]]);
    expect(sheet.getRange("A3").getFontWeight()).toBe("normal");
    sheet.getRange("A1:B1").copyTo(sheet.getRange("A4"), CopyPasteType.PASTE_NO_BORDERS, false);
    expect(sheet.getRange("A4:B4").getFormulas()).toEqual([["=SLOW()", ""]]);
    expect(sheet.getRange("A4").getFontWeight()).toBe("bold");
    sheet
      .getRange("A1:B1")
      .copyTo(sheet.getRange("A5"), CopyPasteType.PASTE_DATA_VALIDATION, false);
    expect(sheet.getRange("A5:B5").isBlank()).toBe(true);
    sheet.setColumnWidth(1, 240);
    sheet.getRange("A1:B1").copyTo(sheet.getRange("D9"), CopyPasteType.PASTE_COLUMN_WIDTHS, false);
    expect([sheet.getColumnWidth(4), sheet.getColumnWidth(5)]).toEqual([240, 100]);
    expect(sheet.getRange("D9").isBlank()).toBe(true);
  });

  it("transposes rows and columns, formats included", () => {
    const { execution } = harness();
    const { app } = execution();
    const sheet = app.getActiveSheet();
    seed(sheet);
    sheet.getRange("A1:D2").copyTo(sheet.getRange("F1"), app.CopyPasteType.PASTE_NORMAL, true);
    expect(sheet.getRange("F1:G4").getValues()).toEqual([
      ["=1+1", "李小龙 🎉"],
      [ID, DATE],
      [1234567, ""],
      [true, 0.5],
    ]);
    expect(sheet.getRange("F1:G4").getFontWeights()).toEqual([
      ["bold", "normal"],
      ["bold", "normal"],
      ["normal", "normal"],
      ["normal", "normal"],
    ]);
    expect(sheet.getRange("F1:F3").getNumberFormats()).toEqual([["@"], ["@"], ["#,##0"]]);
  });

  it("copies onto an overlapping range from the source as it was", () => {
    const { execution } = harness();
    const { app } = execution();
    const sheet = app.getActiveSheet();
    sheet.getRange("A1:A4").setValues([[1], [2], [3], [4]]);
    sheet.getRange("A1:A2").setFontWeight("bold");
    sheet.getRange("A1:A4").copyTo(sheet.getRange("A2"));
    expect(sheet.getRange("A1:A5").getValues()).toEqual([[1], [1], [2], [3], [4]]);
    expect(sheet.getRange("A1:A5").getFontWeights().flat()).toEqual([
      "bold",
      "bold",
      "bold",
      "normal",
      "normal",
    ]);
    sheet.getRange("A2:A5").copyTo(sheet.getRange("A1"));
    expect(sheet.getRange("A1:A5").getValues()).toEqual([[1], [2], [3], [4], [4]]);
    const grid = sheet.getRange("B1:D3");
    grid.setValues([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    grid.copyTo(sheet.getRange("B1"), app.CopyPasteType.PASTE_NORMAL, true);
    expect(grid.getValues()).toEqual([
      [1, 4, 7],
      [2, 5, 8],
      [3, 6, 9],
    ]);
  });

  it("fails past the destination sheet's edge, changing nothing", () => {
    const { execution, model } = harness();
    const { app, exec } = execution();
    const sheet = app.getActiveSheet();
    sheet.getRange("A1:C3").setValue("x");
    const changes: string[] = [];
    model.onChange((change) => changes.push(change.type));
    const error = thrown(() => sheet.getRange("A1:C3").copyTo(sheet.getRange("A999")));
    expect(error.name).toBe("Exception");
    expect(error.message).toBe(
      "The coordinates of the target range are outside the dimensions of the sheet.",
    );
    expect(MESSAGES.copyOutsideSheet).toBe(error.message);
    expect(thrown(() => sheet.getRange("A1:C3").copyTo(sheet.getRange("Y1"))).message).toBe(
      MESSAGES.copyOutsideSheet,
    );
    // Transposed, 1 × 3 becomes 3 × 1 and fits where it wouldn't untransposed.
    const row = sheet.getRange("A1:C1");
    expect(() =>
      row.copyTo(sheet.getRange("Z1"), app.CopyPasteType.PASTE_NORMAL, true),
    ).not.toThrow();
    expect(sheet.getRange("A998:C1000").isBlank()).toBe(true);
    sheet.getRange("A1:C3").copyTo(sheet.getRange("A998"));
    expect(exec.calls.get("Range.copyTo")).toBe(4);
    expect(changes).toEqual(["values", "values"]);
  });

  it("is one counted call, charged as one data call with a share per thousand cells", () => {
    const { execution, clock } = harness();
    const { app, exec } = execution();
    const sheet = app.getActiveSheet();
    const started = clock.now();
    sheet.getRange(1, 1, 1000, 4).copyTo(sheet.getRange("F1"));
    expect(clock.now() - started).toBe(10 + 20);
    expect(exec.calls.get("Range.copyTo")).toBe(1);
    const total = [...exec.calls.values()].reduce((sum, count) => sum + count, 0);
    expect(total).toBe(4);
  });

  it("refuses wrong arguments, deleted sheets and custom functions", () => {
    const { execution, model } = harness();
    model.sheet("Sheet1").setValuesDirect(1, 1, [["a"]]);
    const { app } = execution();
    const sheet = app.getActiveSheet();
    const a1 = sheet.getRange("A1");
    expect(thrown(() => a1.copyTo("B1")).message).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.copyTo.",
    );
    expect(thrown(() => a1.copyTo({ getA1Notation: () => "B1" })).message).toMatch(
      /don't match the method signature/,
    );
    expect(
      thrown(() => a1.copyTo(sheet.getRange("B1"), "PASTE_EVERYTHING", false)).message,
    ).toMatch(/don't match the method signature/);
    expect(thrown(() => a1.copyTo(sheet.getRange("B1"), [true])).message).toMatch(
      /don't match the method signature/,
    );
    expect(thrown(() => a1.copyTo(sheet.getRange("B1"), "PASTE_VALUES", "yes")).message).toMatch(
      /don't match the method signature/,
    );
    const gone = app.getActiveSpreadsheet().insertSheet("Gone");
    const target = gone.getRange("A1");
    app.getActiveSpreadsheet().deleteSheet(gone);
    expect(thrown(() => a1.copyTo(target)).message).toBe('The sheet "Gone" has been deleted.');
    const other = harness().sheet().getRange("A1");
    expect(thrown(() => a1.copyTo(other)).message).toBe(
      "Target range and source range must be on the same spreadsheet.",
    );
    const custom = execution({ kind: "customFunction", authMode: "CUSTOM_FUNCTION" }).app;
    const readOnly = custom.getActiveSheet();
    const error = thrown(() => readOnly.getRange("A1").copyTo(readOnly.getRange("B1")));
    expect(error.message).toBe("You do not have permission to call Range.copyTo");
    expect(model.sheet("Sheet1").values()).toEqual([["a"]]);
  });
});

describe("copies don't alias their source", () => {
  it("keeps source and copy apart, values and formats, across sheets", () => {
    const { execution } = harness();
    const { app } = execution();
    const ss = app.getActiveSpreadsheet();
    const first = ss.getSheetByName("Sheet1");
    const second = ss.insertSheet("Second");
    first.getRange("A1:C3").setValue("v").setFontWeight("bold").setNumberFormat("@");
    first.getRange("A1:C3").copyTo(second.getRange("A1"));
    // Writes to the source leave the copy alone.
    first
      .getRange("A1:C1")
      .setValues([["changed", "changed", "changed"]])
      .setFontWeight("normal");
    first.getRange("B2").setNumberFormat("0.00").setBackground("#FF0000");
    expect(second.getRange("A1:C3").getValues().flat()).toEqual(new Array(9).fill("v"));
    expect(second.getRange("A1:C3").getFontWeights().flat()).toEqual(new Array(9).fill("bold"));
    expect(second.getRange("B2").getNumberFormat()).toBe("@");
    expect(second.getRange("B2").getBackground()).toBe("#ffffff");
    // And the other way round.
    second.getRange("A3:C3").setFontWeight(null).setValue("copy");
    expect(first.getRange("A3:C3").getFontWeights().flat()).toEqual(["bold", "bold", "bold"]);
    expect(first.getRange("A3").getValue()).toBe("v");
  });

  it("clears and deletes rows holding copied styles on one sheet only", () => {
    const { execution } = harness();
    const { app } = execution();
    const ss = app.getActiveSpreadsheet();
    const first = ss.getSheetByName("Sheet1");
    const second = ss.insertSheet("Second");
    first.getRange("A1:B4").setValues([
      ["h1", "h2"],
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    first.getRange("A1:B1").setFontWeight("bold");
    first.getRange("A2:B4").setNumberFormat("0.0");
    first.getRange("A1:B4").copyTo(second.getRange("A1"));
    // clearContent keeps the copied formats; clear drops them, on the copy only.
    second.getRange("A2:B2").clearContent();
    expect(second.getRange("A2").getNumberFormat()).toBe("0.0");
    second.getRange("A3:B3").clear();
    expect(second.getRange("A3").getNumberFormat()).toBe("0.###############");
    expect(first.getRange("A2:B3").getNumberFormats().flat()).toEqual(new Array(4).fill("0.0"));
    expect(first.getRange("A2:B3").getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    // Deleting rows on the source shifts only the source.
    first.deleteRows(1, 2);
    expect(first.getRange("A1").getValue()).toBe(3);
    expect(first.getRange("A1").getFontWeight()).toBe("normal");
    expect(second.getRange("A1").getFontWeight()).toBe("bold");
    expect(second.getRange("A4:B4").getValues()).toEqual([[5, 6]]);
    expect(second.getRange("A4").getDisplayValue()).toBe("5.0");
    // Deleting rows on the copy shifts only the copy.
    second.deleteRows(1, 3);
    expect(second.getRange("A1").getDisplayValue()).toBe("5.0");
    expect(first.getRange("A1:B2").getDisplayValues()).toEqual([
      ["3.0", "4.0"],
      ["5.0", "6.0"],
    ]);
  });

  it("keeps copied formula results apart", () => {
    const { execution, model } = harness();
    const { app } = execution();
    const sheet = app.getActiveSheet();
    sheet.getRange("A1").setFormula("=SLOW()");
    sheet.getRange("A1").copyTo(sheet.getRange("B1"));
    model.sheet("Sheet1").setFormulaResult(1, 1, [[1], [2]]);
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      [1, "#N/A"],
      [2, ""],
    ]);
    model.sheet("Sheet1").setFormulaResult(1, 2, "b");
    expect(sheet.getRange("A1:B1").getValues()).toEqual([[1, "b"]]);
  });

  it("pastes a spilled array's values unless its formula is copied too", () => {
    const { execution, model } = harness();
    model.formulaEvaluator = ({ formula }) => (formula === "=PAIR()" ? [["a"], ["b"]] : undefined);
    const { app } = execution();
    const sheet = app.getActiveSheet();
    sheet.getRange("A1").setFormula("=PAIR()");
    sheet.getRange("A1:A2").copyTo(sheet.getRange("C1"));
    expect(sheet.getRange("C1:C2").getValues()).toEqual([["a"], ["b"]]);
    expect(sheet.getRange("C1:C2").getFormulas()).toEqual([["=PAIR()"], [""]]);
    sheet.getRange("A2").copyTo(sheet.getRange("E1"));
    expect([sheet.getRange("E1").getValue(), sheet.getRange("E1").getFormula()]).toEqual(["b", ""]);
  });
});

it("copies 100,000 × 13 with formats to another sheet in one quick call", () => {
  const { execution, model } = harness();
  const rows = 100_000;
  const columns = 13;
  const fixture = Array.from({ length: rows }, (_, i) => {
    const line: unknown[] = [`${6_787_580_688_797_713_413n + BigInt(i)}`];
    for (let c = 1; c < columns; c++) line.push(c % 3 === 0 ? `name ${i}` : i * c + 0.5);
    return line;
  });
  model.sheet("Sheet1").setValuesDirect(1, 1, fixture, { raw: true });
  const target = model.insertSheet("Copy");
  target.ensureSize(rows, columns);
  const { app, exec } = execution({ timeLimitMs: 3_600_000 });
  const ss = app.getActiveSpreadsheet();
  const source = ss.getSheetByName("Sheet1");
  source.getRange(1, 1, rows, 1).setNumberFormat("@");
  source.getRange(1, 1, 1, columns).setFontWeight("bold");
  const destination = ss.getSheetByName("Copy").getRange("A1");
  const started = performance.now();
  source.getRange(1, 1, rows, columns).copyTo(destination);
  const elapsed = performance.now() - started;
  // Well under a second alone; the margin is for a loaded machine (a cell-by-cell copy takes far more).
  expect(elapsed).toBeLessThan(2_000);
  expect(exec.calls.get("Range.copyTo")).toBe(1);
  const copy = model.sheet("Copy");
  expect(copy.lastRow()).toBe(rows);
  expect(copy.readValues({ row: rows, column: 1, numRows: 1, numColumns: 4 })).toEqual([
    ["6787580688797813412", 99_999.5, 199_998.5, "name 99999"],
  ]);
  expect(copy.numberFormat(rows, 1)).toBe("@");
  expect(copy.style(1, 13)?.fontWeight).toBe("bold");
});
