// Sheets' hard limits: 50,000 characters a cell, 10 million cells a spreadsheet, 18,278 columns.

import { describe, expect, it } from "vitest";
import { harness, thrown } from "./harness.js";

describe("limits", () => {
  it("refuses more than 50,000 characters in a cell, changing nothing", () => {
    const { sheet } = harness();
    const range = sheet().getRange("A1:B1");
    range.setValues([["x".repeat(50_000), "ok"]]);
    const error = thrown(() => range.setValues([["before", "y".repeat(50_001)]]));
    expect(error.message).toBe(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    expect(range.getValues()[0]![1]).toBe("ok");
    expect((range.getValues()[0]![0] as string).length).toBe(50_000);
    const text = sheet().getRange("C1").setNumberFormat("@");
    expect(() => text.setValue("z".repeat(50_001))).toThrow(/maximum of 50000 characters/);
  });

  it("refuses to grow the spreadsheet past 10 million cells", () => {
    const { execution, model } = harness();
    const { app } = execution();
    const sheet = app.getActiveSheet();
    // 1000 × 26 to start; 384,000 more rows make 385,000 × 26 = 10,010,000.
    sheet.insertRowsAfter(1000, 383_000);
    expect(model.totalCells()).toBe(9_984_000);
    const message =
      "This action would increase the number of cells in the workbook above the limit of 10000000 cells.";
    expect(thrown(() => sheet.insertRowsAfter(1000, 1000)).message).toBe(message);
    expect(thrown(() => sheet.insertColumnsAfter(26, 1)).message).toBe(message);
    expect(sheet.getMaxRows()).toBe(384_000);
    sheet.insertRowsAfter(1000, 615);
    expect(model.totalCells()).toBe(9_999_990);
    expect(thrown(() => app.getActiveSpreadsheet().insertSheet("More")).message).toBe(message);
    sheet.getRange(384_615, 1).setValue("last");
    expect(thrown(() => sheet.appendRow(["one too many"])).message).toBe(message);
  });

  it("refuses more than 18,278 columns", () => {
    const { sheet } = harness();
    const s = sheet();
    s.deleteRows(2, 998);
    s.insertColumnsAfter(26, 18_278 - 26);
    expect(s.getMaxColumns()).toBe(18_278);
    expect(s.getRange(1, 18_278).getA1Notation()).toBe("ZZZ1");
    expect(thrown(() => s.insertColumnsAfter(1, 1)).message).toMatch(/limit of 18278 columns/);
  });
});
