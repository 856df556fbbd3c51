// The model without executions: the direct API tests and the playground use, its snapshot and
// change events, and the hook through which the runtime evaluates formulas (custom functions).

import { describe, expect, it } from "vitest";
import { SpreadsheetModel } from "../../../../dev/runtime/spreadsheet/index.js";
import { harness, thrown } from "./harness.js";

describe("the model", () => {
  it("starts with one sheet of 1000 × 26", () => {
    const model = new SpreadsheetModel();
    expect(model.sheetNames()).toEqual(["Sheet1"]);
    const sheet = model.sheet("Sheet1");
    expect([sheet.maxRows, sheet.maxColumns, sheet.frozenRows]).toEqual([1000, 26, 0]);
    expect([model.timeZone, model.locale]).toEqual(["Etc/UTC", "en_US"]);
    expect(model.totalCells()).toBe(26_000);
    expect(() => model.sheet("Nope")).toThrow(/No sheet named "Nope"/);
  });

  it("writes fixtures directly, growing the sheet, as typed input or raw text", () => {
    const model = new SpreadsheetModel();
    const sheet = model.sheet("Sheet1");
    sheet.setValuesDirect(1, 1, [
      ["id", "name"],
      ["0012", "=x"],
    ]);
    sheet.setValuesDirect(3, 1, [["0012", "=x"]], { raw: true });
    sheet.setValuesDirect(1500, 30, [[1]]);
    expect(
      sheet
        .values()
        .slice(0, 3)
        .map((row) => row.slice(0, 2)),
    ).toEqual([
      ["id", "name"],
      [12, "#N/A"],
      ["0012", "=x"],
    ]);
    expect(sheet.formulas()[1]!.slice(0, 2)).toEqual(["", "=x"]);
    expect([sheet.maxRows, sheet.maxColumns, sheet.lastRow(), sheet.lastColumn()]).toEqual([
      1500, 30, 1500, 30,
    ]);
  });

  it("snapshots sheets, used ranges, display strings, formats, frozen rows and bold cells", () => {
    const { model, sheet } = harness({ name: "Pulls" });
    const s = sheet();
    s.getRange("A1:C1")
      .setValues([["Name", "Followers", "Since"]])
      .setFontWeight("bold");
    s.getRange("B2").setNumberFormat("#,##0");
    s.getRange("C2").setNumberFormat("yyyy-mm-dd");
    s.getRange("A2:C2").setValues([["李", 1234567, new Date(Date.UTC(2026, 0, 31))]]);
    s.setFrozenRows(1);
    s.setColumnWidth(1, 180);
    const snapshot = model.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.name).toBe("Pulls");
    const sheet1 = snapshot.sheets[0]!;
    expect(sheet1).toMatchObject({
      name: "Sheet1",
      lastRow: 2,
      lastColumn: 3,
      frozenRows: 1,
      truncated: false,
      values: [
        ["Name", "Followers", "Since"],
        ["李", 1234567, "2026-01-31T00:00:00.000Z"],
      ],
      display: [
        ["Name", "Followers", "Since"],
        ["李", "1,234,567", "2026-01-31"],
      ],
      numberFormats: [
        [2, 2, "#,##0"],
        [2, 3, "yyyy-mm-dd"],
      ],
      bold: [
        [1, 1],
        [1, 2],
        [1, 3],
      ],
      columnWidths: { 1: 180 },
    });
    expect(model.snapshot({ maxRows: 1 }).sheets[0]).toMatchObject({ truncated: true, lastRow: 2 });
  });

  it("tells listeners after every write", () => {
    const { model, sheet } = harness();
    const changes: string[] = [];
    const stop = model.onChange((change) =>
      changes.push(
        `${change.type}:${change.sheet ?? ""}:${change.range ? JSON.stringify(change.range) : ""}`,
      ),
    );
    const s = sheet();
    s.getRange("A1:B2").setValues([
      [1, 2],
      [3, 4],
    ]);
    s.getRange("A1").setFontWeight("bold");
    s.insertRowsAfter(1, 1);
    s.getParent().insertSheet("New");
    model.sheet("Sheet1").setValuesDirect(5, 1, [["direct"]]);
    stop();
    s.getRange("A1").setValue("unheard");
    expect(changes).toEqual([
      'values:Sheet1:{"row":1,"column":1,"numRows":2,"numColumns":2}',
      'formats:Sheet1:{"row":1,"column":1,"numRows":1,"numColumns":1}',
      "structure:Sheet1:",
      "sheets:New:",
      "properties:New:",
      'values:Sheet1:{"row":5,"column":1,"numRows":1,"numColumns":1}',
    ]);
  });
});

describe("formulas", () => {
  it("leaves formulas unevaluated (#N/A) without an evaluator", () => {
    const { sheet } = harness();
    const cell = sheet().getRange("A1").setValue('=TT_COLUMNS("keyapi")');
    expect([cell.getValue(), cell.getDisplayValue(), cell.getFormula()]).toEqual([
      "#N/A",
      "#N/A",
      '=TT_COLUMNS("keyapi")',
    ]);
  });

  it("evaluates through the model's evaluator and spills 2-D results", () => {
    const { model, sheet } = harness();
    const requests: string[] = [];
    model.formulaEvaluator = ({ formula, row, column }) => {
      requests.push(`${formula}@${row},${column}`);
      if (formula.startsWith("=TABLE"))
        return [
          ["key", "label"],
          ["a", 1],
          ["b", 2],
        ];
      if (formula === "=FAIL()") throw new Error("TT_INFLUENCERS: no KeyAPI key is set");
      return undefined;
    };
    const s = sheet();
    s.getRange("B2").setFormula("=TABLE()");
    expect(requests).toEqual(["=TABLE()@2,2"]);
    expect(s.getRange("B2:C4").getValues()).toEqual([
      ["key", "label"],
      ["a", 1],
      ["b", 2],
    ]);
    expect(s.getRange("B2:C4").getFormulas()).toEqual([
      ["=TABLE()", ""],
      ["", ""],
      ["", ""],
    ]);
    expect(s.getLastRow()).toBe(4);
    // Data in the way blocks the spill.
    s.getRange("F3").setValue("in the way");
    s.getRange("E2").setFormula("=TABLE()");
    expect(s.getRange("E2").getValue()).toBe("#REF!");
    // Writing over a spilled value breaks the array.
    s.getRange("C3").setValue("typed");
    expect(s.getRange("B2:C4").getValues()).toEqual([
      ["#REF!", ""],
      ["", "typed"],
      ["", ""],
    ]);
    s.getRange("A10").setFormula("=FAIL()");
    expect(s.getRange("A10").getValue()).toBe("#ERROR!");
    // Replacing the formula clears its spill; recalculation re-evaluates.
    s.getRange("C3").clearContent();
    model.recalculate();
    expect(s.getRange("C4").getValue()).toBe(2);
    s.getRange("B2").setValue("plain");
    expect(s.getRange("B2:C4").getValues()).toEqual([
      ["plain", ""],
      ["", ""],
      ["", ""],
    ]);
  });

  it("takes results that arrive later", () => {
    const { model, sheet } = harness();
    sheet().getRange("A1").setFormula("=SLOW()");
    model.sheet("Sheet1").setFormulaResult(1, 1, [[1], [2]]);
    expect(model.sheet("Sheet1").values()).toEqual([[1], [2]]);
    expect(() => model.sheet("Sheet1").setFormulaResult(5, 5, 1)).toThrow(/no formula in E5/);
    expect(thrown(() => sheet().getRange("A1").setFormula(5)).message).toMatch(/setFormula/);
  });
});
