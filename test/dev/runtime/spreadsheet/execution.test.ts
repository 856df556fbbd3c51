// The service under each execution: authorization modes, the time-trigger Ui error, one counted
// call per script call, the execution deadline, and values made of the script's own realm.

import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { harness, thrown, vmRealm } from "./harness.js";

describe("authorization modes", () => {
  it("lets custom functions read but not write", () => {
    const { execution, model } = harness();
    model.sheet("Sheet1").setValuesDirect(1, 1, [["a", 1]]);
    const { app } = execution({ kind: "customFunction", authMode: "CUSTOM_FUNCTION" });
    const sheet = app.getActiveSheet();
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["a", 1]]);
    const error = thrown(() => sheet.getRange("C1").setValue("x"));
    expect(error.name).toBe("Exception");
    expect(error.message).toBe("You do not have permission to call Range.setValue");
    expect(thrown(() => sheet.setFrozenRows(1)).message).toBe(
      "You do not have permission to call Sheet.setFrozenRows",
    );
    expect(thrown(() => app.getUi()).message).toBe(
      "You do not have permission to call SpreadsheetApp.getUi",
    );
    expect(model.sheet("Sheet1").values()).toEqual([["a", 1]]);
  });

  it("lets AuthMode.NONE build the add-on menu and nothing else", () => {
    const { execution, ui } = harness();
    const { app } = execution({ kind: "simpleTrigger", authMode: "NONE" });
    app.getUi().createAddonMenu().addItem("Open sidebar", "showSidebar").addToUi();
    expect(ui.menus).toHaveLength(1);
    expect(thrown(() => app.getActiveSpreadsheet()).message).toBe(
      "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet",
    );
    expect(thrown(() => app.getActiveSheet()).message).toMatch(/permission/);
  });

  it("refuses sidebars in AuthMode.LIMITED but builds menus", () => {
    const { execution, ui } = harness();
    const { app } = execution({ kind: "simpleTrigger", authMode: "LIMITED" });
    const appUi = app.getUi();
    appUi.createMenu("Tools").addItem("Run", "run").addToUi();
    expect(ui.menu("Tools")).toBeDefined();
    const html = { getContent: () => "<p>hi</p>", getTitle: () => "T" };
    expect(thrown(() => appUi.showSidebar(html)).message).toBe(
      "You do not have permission to call Ui.showSidebar",
    );
  });

  it("answers getUi in time-driven triggers with Apps Script's error", () => {
    const { app } = harness().execution({ kind: "timeTrigger" });
    expect(thrown(() => app.getUi()).message).toBe(
      "Cannot call SpreadsheetApp.getUi() from this context.",
    );
    app.getActiveSheet().getRange("A1").setValue("written by a trigger");
  });

  it("needs the spreadsheet scope in the manifest", () => {
    const { app } = harness().execution({ scopes: [] });
    expect(thrown(() => app.getActiveSpreadsheet()).message).toBe(
      "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly",
    );
  });
});

describe("counting and time", () => {
  it("counts one call per script call, so a batched write is a handful of calls", () => {
    const { execution } = harness();
    const { app, exec } = execution();
    const sheet = app.getActiveSheet();
    const rows = Array.from({ length: 1000 }, (_, i) => [`creator ${i}`, i, i / 1000]);
    sheet
      .getRange(1, 1, 1, 3)
      .setValues([["name", "followers", "rate"]])
      .setFontWeight("bold");
    sheet.setFrozenRows(1);
    sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    for (let start = 0; start < rows.length; start += 500) {
      sheet.getRange(2 + start, 1, 500, 3).setValues(rows.slice(start, start + 500));
    }
    const writes = [...exec.calls]
      .filter(([api]) => /\.(set|append|insert|delete|clear)/.test(api))
      .reduce((total, [, count]) => total + count, 0);
    expect(writes).toBeLessThanOrEqual(10);
    expect(writes).toBe(6);
    expect(exec.calls.get("Range.setValues")).toBe(3);
    expect(exec.calls.get("Sheet.getRange")).toBe(3);
    // appendRow grows the sheet internally: still one call.
    sheet.getRange(sheet.getMaxRows(), 1).setValue("x");
    sheet.appendRow(["y"]);
    expect(exec.calls.get("Sheet.appendRow")).toBe(1);
    expect(exec.calls.get("Sheet.insertRowsAfter")).toBe(1);
  });

  it("charges simulated time: a block write costs about one small write", () => {
    const { execution, clock } = harness();
    const { app } = execution();
    const sheet = app.getActiveSheet();
    const before = clock.now();
    sheet.getRange(1, 1, 500, 4).setValues(Array.from({ length: 500 }, () => [1, 2, 3, 4]));
    const block = clock.now() - before;
    const start = clock.now();
    for (let row = 1; row <= 50; row++) sheet.getRange(row, 5).setValue(row);
    expect(block).toBeLessThan((clock.now() - start) / 10);
  });

  it("fails a write after the execution's deadline", () => {
    const { execution, clock } = harness();
    const { app, exec } = execution({ timeLimitMs: 1000 });
    const range = app.getActiveSheet().getRange("A1");
    range.setValue("in time");
    clock.advance(2000);
    expect(thrown(() => range.setValue("too late")).message).toBe(
      "Exceeded maximum execution time",
    );
    expect(exec.killed).toBe(true);
  });
});

describe("the script's realm", () => {
  it("hands Dates and arrays of the script's realm, and reads dates from it", () => {
    const { realm, context } = vmRealm();
    const { execution } = harness();
    const { app } = execution({ realm });
    context.sheet = app.getActiveSheet();
    const result = vm.runInContext(
      `sheet.getRange("A1:B1").setValues([[new Date(Date.UTC(2026, 0, 31)), "2026-02-01"]]);
       const values = sheet.getRange("A1:B1").getValues();
       [values instanceof Array, values[0] instanceof Array, values[0][0] instanceof Date,
        values[0][1] instanceof Date, values[0][0].toISOString()]`,
      context,
    );
    expect(result).toEqual([true, true, true, true, "2026-01-31T00:00:00.000Z"]);
    const error = vm.runInContext(
      `(() => { try { sheet.getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, e.message]; } })()`,
      context,
    );
    expect(error).toEqual([true, "Exception", "The starting row of the range is too small."]);
  });
});
