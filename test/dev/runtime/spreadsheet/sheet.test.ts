// Sheets, ranges and the grid: sizes, bounds and their errors, growth by insertion and appendRow,
// the last row and column, formats, frozen rows, widths and the sheets of the file.

import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../../../dev/runtime/spreadsheet/index.js";
import { harness, thrown } from "./harness.js";

describe("ranges", () => {
  it("checks setValues dimensions with Apps Script's messages", () => {
    const range = harness().sheet().getRange(1, 1, 2, 3);
    expect(thrown(() => range.setValues([[1, 2, 3]])).message).toBe(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(
      thrown(() =>
        range.setValues([
          [1, 2, 3],
          [4, 5],
        ]),
      ).message,
    ).toBe(
      "The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.",
    );
    const error = thrown(() => range.setValues("abc"));
    expect(error.name).toBe("Exception");
    expect(error.message).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it("refuses coordinates outside the sheet", () => {
    const sheet = harness().sheet();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(thrown(() => sheet.getRange(1001, 1)).message).toBe(MESSAGES.outsideSheet);
    expect(thrown(() => sheet.getRange(999, 1, 3, 1)).message).toBe(MESSAGES.outsideSheet);
    expect(thrown(() => sheet.getRange(1, 27)).message).toBe(MESSAGES.outsideSheet);
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe(
      "The starting row of the range is too small.",
    );
    expect(thrown(() => sheet.getRange(1, 0)).message).toBe(
      "The starting column of the range is too small.",
    );
    expect(thrown(() => sheet.getRange(1, 1, 0, 1)).message).toBe(
      "The number of rows in the range must be at least 1.",
    );
    expect(thrown(() => sheet.getRange("A1001")).message).toBe(MESSAGES.outsideSheet);
    expect(thrown(() => sheet.getRange("nonsense")).message).toBe("Range not found");
    expect(thrown(() => sheet.getRange("1", 1)).message).toMatch(
      /don't match the method signature/,
    );
  });

  it("reads A1 notation, including open ranges and other sheets", () => {
    const { execution } = harness();
    const { app } = execution();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet("My data");
    const sheet = ss.getSheetByName("Sheet1");
    expect(sheet.getRange("B2:C3").getA1Notation()).toBe("B2:C3");
    expect(sheet.getRange("$b$2").getA1Notation()).toBe("B2");
    const columns = sheet.getRange("A:C");
    expect([columns.getNumRows(), columns.getNumColumns()]).toEqual([1000, 3]);
    expect(sheet.getRange("2:3").getNumColumns()).toBe(26);
    expect(sheet.getRange("A2:B").getLastRow()).toBe(1000);
    const other = ss.getRange("'My data'!A1:B2");
    expect(other.getSheet().getName()).toBe("My data");
    expect(ss.getRange("A1").getSheet().getName()).toBe("My data");
  });

  it("offsets ranges and reads single cells", () => {
    const sheet = harness().sheet();
    const range = sheet.getRange("B2:C3");
    expect(range.offset(1, 1).getA1Notation()).toBe("C3:D4");
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe("B2");
    expect(range.getCell(2, 2).getA1Notation()).toBe("C3");
    expect(thrown(() => range.getCell(3, 1)).message).toBe("Cell reference out of range");
    expect([range.getRow(), range.getColumn(), range.getLastRow(), range.getLastColumn()]).toEqual([
      2, 2, 3, 3,
    ]);
  });

  it("chains setters and reads formulas, formats and font weights", () => {
    const sheet = harness().sheet();
    const header = sheet
      .getRange(1, 1, 1, 2)
      .setValues([["Name", "Followers"]])
      .setFontWeight("bold")
      .setHorizontalAlignment("center")
      .setWrap(true)
      .setBackground("#EEEEEE");
    expect(header.getFontWeights()).toEqual([["bold", "bold"]]);
    expect(header.getBackground()).toBe("#eeeeee");
    expect(sheet.getRange("A2").getFontWeight()).toBe("normal");
    sheet.getRange("B2:B3").setNumberFormats([["#,##0"], ["0.00%"]]);
    expect(sheet.getRange("B2:B4").getNumberFormats()).toEqual([
      ["#,##0"],
      ["0.00%"],
      ["0.###############"],
    ]);
    sheet.getRange("C1").setFormula("=SUM(B2:B3)");
    expect(sheet.getRange("C1").getFormulas()).toEqual([["=SUM(B2:B3)"]]);
    header.setFontWeight(null);
    expect(header.getFontWeight()).toBe("normal");
    expect(thrown(() => header.setFontWeight("heavy")).message).toBe(
      "Invalid argument: fontWeight",
    );
  });

  it("clears contents, formats or both", () => {
    const sheet = harness().sheet();
    const range = sheet
      .getRange("A1:B1")
      .setValues([["a", 1]])
      .setFontWeight("bold");
    range.clearContent();
    expect(range.getValues()).toEqual([["", ""]]);
    expect(range.getFontWeight()).toBe("bold");
    range.setValues([["a", 1]]).clearFormat();
    expect([range.getValue(), range.getFontWeight()]).toEqual(["a", "normal"]);
    range.setFontWeight("bold").clear();
    expect([range.getValue(), range.getFontWeight()]).toEqual(["", "normal"]);
    expect(range.isBlank()).toBe(true);
  });
});

describe("the grid", () => {
  it("answers the last row and column with content, 0 when empty", () => {
    const sheet = harness().sheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange("C5").setValue("x");
    sheet.getRange("E2").setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    sheet.getRange("B1").setFontWeight("bold");
    sheet.getRange("Z900").setNumberFormat("@");
    expect(sheet.getLastRow()).toBe(5);
    sheet.getRange("C5").clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:E2");
  });

  it("appends below the data and grows the sheet when it is full", () => {
    const sheet = harness().sheet();
    sheet.appendRow(["a", 1]);
    sheet.appendRow(["b", 2]);
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    sheet.getRange("A1000").setValue("last");
    sheet.appendRow(["beyond"]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange("A1001").getValue()).toBe("beyond");
    sheet.appendRow(new Array(30).fill("w"));
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getLastRow()).toBe(1002);
  });

  it("inserts rows and columns, moving the cells and copying the neighbour's format", () => {
    const sheet = harness().sheet();
    sheet.getRange("A1:A2").setValues([["header"], ["row 2"]]);
    sheet.getRange("A1").setFontWeight("bold");
    sheet.insertRowsAfter(1, 3);
    expect(sheet.getMaxRows()).toBe(1003);
    expect(sheet.getRange("A5").getValue()).toBe("row 2");
    expect(sheet.getRange("A2").getFontWeight()).toBe("bold");
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange("A2").getValue()).toBe("header");
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    sheet.getRange("B2").setValue("b");
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange("C2").getValue()).toBe("b");
    expect(sheet.getRange("B2").getValue()).toBe("header");
    expect(thrown(() => sheet.insertRowsAfter(2000, 1)).message).toBe(
      "Those rows are out of bounds.",
    );
  });

  it("deletes rows and columns within bounds, never all of them", () => {
    const sheet = harness().sheet();
    sheet.getRange("A1:A4").setValues([[1], [2], [3], [4]]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange("A1:A2").getValues()).toEqual([[1], [4]]);
    expect(sheet.getMaxRows()).toBe(998);
    sheet.deleteRow(1);
    expect(sheet.getRange("A1").getValue()).toBe(4);
    expect(thrown(() => sheet.deleteRows(990, 20)).message).toBe("Those rows are out of bounds.");
    expect(thrown(() => sheet.deleteRows(1, 997)).message).toBe(
      "Sorry, it is not possible to delete all non-frozen rows.",
    );
    sheet.getRange("C1").setValue("c");
    sheet.deleteColumns(1, 2);
    expect(sheet.getRange("A1").getValue()).toBe("c");
    expect(sheet.getMaxColumns()).toBe(24);
    expect(thrown(() => sheet.deleteColumn(25)).message).toBe("Those columns are out of bounds.");
  });

  it("freezes rows and columns within the sheet", () => {
    const sheet = harness().sheet();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect(thrown(() => sheet.setFrozenRows(1000)).message).toBe(
      "You can't freeze all visible rows on the sheet.",
    );
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getFrozenRows()).toBe(3);
  });

  it("sets, reads and estimates column widths", () => {
    const sheet = harness().sheet();
    expect(sheet.getColumnWidth(1)).toBe(100);
    sheet.setColumnWidth(1, 250).setColumnWidths(2, 3, 80);
    expect([1, 2, 4, 5].map((column) => sheet.getColumnWidth(column))).toEqual([250, 80, 80, 100]);
    sheet.getRange("A1:B2").setValues([
      ["a", "李小龙李小龙"],
      ["a much longer piece of text", "x"],
    ]);
    sheet.autoResizeColumns(1, 3);
    expect(sheet.getColumnWidth(1)).toBe(27 * 7 + 12);
    expect(sheet.getColumnWidth(2)).toBe(6 * 13 + 12);
    expect(sheet.getColumnWidth(3)).toBe(80);
    expect(thrown(() => sheet.getColumnWidth(27)).message).toBe("Those columns are out of bounds.");
  });
});

describe("the spreadsheet", () => {
  it("answers its id, name, url, owner, time zone and locale", () => {
    const { app } = harness({
      name: "Creators",
      id: "abc123",
      owner: "boss@example.com",
    }).execution();
    const ss = app.getActiveSpreadsheet();
    expect(ss.getId()).toBe("abc123");
    expect(ss.getName()).toBe("Creators");
    expect(ss.getUrl()).toBe("https://docs.google.com/spreadsheets/d/abc123/edit");
    expect(ss.getOwner().getEmail()).toBe("boss@example.com");
    expect(ss.getSpreadsheetTimeZone()).toBe("Etc/UTC");
    expect(ss.getSpreadsheetLocale()).toBe("en_US");
    ss.setSpreadsheetTimeZone("Asia/Shanghai");
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Shanghai");
    expect(thrown(() => ss.setSpreadsheetTimeZone("Mars/Base")).message).toBe(
      "Invalid argument: timeZone",
    );
  });

  it("inserts, finds, renames, activates, hides and deletes sheets", () => {
    const { app } = harness().execution();
    const ss = app.getActiveSpreadsheet();
    const first = ss.getSheets()[0];
    expect(first.getSheetId()).toBe(0);
    const second = ss.insertSheet();
    expect(second.getName()).toBe("Sheet2");
    expect(app.getActiveSheet().getName()).toBe("Sheet2");
    const log = ss.insertSheet("Log", 0);
    expect(log.getIndex()).toBe(1);
    expect(ss.getSheets().map((sheet: { getName(): string }) => sheet.getName())).toEqual([
      "Log",
      "Sheet1",
      "Sheet2",
    ]);
    expect(ss.getNumSheets()).toBe(3);
    expect(ss.getSheetByName("Missing")).toBeNull();
    expect(ss.getSheetById(log.getSheetId()).getName()).toBe("Log");
    expect(thrown(() => ss.insertSheet("log")).message).toBe(
      'A sheet with the name "log" already exists. Please enter another name.',
    );
    expect(thrown(() => second.setName("Sheet1")).message).toMatch(/already exists/);
    second.setName("Data");
    expect(ss.getSheetByName("Data").getSheetId()).toBe(second.getSheetId());
    ss.setActiveSheet(first);
    expect(ss.getActiveSheet().getName()).toBe("Sheet1");
    log.hideSheet();
    expect(log.isSheetHidden()).toBe(true);
    log.showSheet();
    ss.deleteSheet(log);
    ss.deleteSheet(second);
    expect(thrown(() => log.getName()).message).toBe('The sheet "Log" has been deleted.');
    expect(thrown(() => ss.deleteSheet(first)).message).toBe(
      "You can't remove all the sheets in a document.",
    );
    expect(thrown(() => first.hideSheet()).message).toBe(
      "You can't hide all the sheets in a document.",
    );
  });

  it("tracks the active range and toasts", () => {
    const { app, exec } = harness().execution();
    expect(app.getActiveRange().getA1Notation()).toBe("A1");
    app.getActiveSheet().getRange("B2:C3").activate();
    expect(app.getActiveRange().getA1Notation()).toBe("B2:C3");
    app.getActiveSpreadsheet().toast("Done", "Pull", 3);
    expect(exec.calls.get("Spreadsheet.toast")).toBe(1);
  });

  it("opens no file by id without the full scope, and only itself with it", () => {
    const { execution, model } = harness();
    const { app } = execution();
    expect(thrown(() => app.openById(model.id)).message).toMatch(
      /^Specified permissions are not sufficient to call SpreadsheetApp.openById/,
    );
    const full = execution({ scopes: ["https://www.googleapis.com/auth/spreadsheets"] }).app;
    expect(full.openById(model.id).getId()).toBe(model.id);
    expect(thrown(() => full.openById("other")).message).toBe(
      "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
    );
  });
});
