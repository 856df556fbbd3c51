// Sheets' limits and error messages, in one place so that tests and the emulation quote the same
// text. Each message is Apps Script's or the Sheets API's own wording as seen in public reports,
// unless marked (assumed): then no source was found and the text is a close, clear guess.

/** Raised by the model; the facade turns it into an error of the script's realm. */
export class SheetsError extends Error {
  override name = "SheetsError";
}

export const LIMITS = {
  cellsPerSpreadsheet: 10_000_000,
  columnsPerSheet: 18_278,
  charactersPerCell: 50_000,
  newSheetRows: 1000,
  newSheetColumns: 26,
  defaultColumnWidth: 100,
  sidebarWidth: 300,
} as const;

export const MESSAGES = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  outsideSheet: "The coordinates of the range are outside the dimensions of the sheet.",
  startRowTooSmall: "The starting row of the range is too small.",
  startColumnTooSmall: "The starting column of the range is too small.",
  rowsAtLeastOne: "The number of rows in the range must be at least 1.",
  columnsAtLeastOne: "The number of columns in the range must be at least 1.",
  rangeNotFound: "Range not found",
  // Range.copyTo past the sheet's edge: the wording of one public report of a failing copy; not in
  // Google's documentation.
  copyOutsideSheet: "The coordinates of the target range are outside the dimensions of the sheet.",
  // Range.copyTo to another file (observed); the local runtime holds one file, so it can't happen.
  copyOtherSpreadsheet: "Target range and source range must be on the same spreadsheet.",
  rowsOutOfBounds: "Those rows are out of bounds.",
  columnsOutOfBounds: "Those columns are out of bounds.",
  deleteAllRows: "Sorry, it is not possible to delete all non-frozen rows.",
  deleteAllColumns: "Sorry, it is not possible to delete all non-frozen columns.",
  cellTooLong: "Your input contains more than the maximum of 50000 characters in a single cell.",
  cellLimit:
    "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
  // (assumed) Sheets refuses a 18,279th column; no public copy of its wording was found.
  columnLimit:
    "This action would increase the number of columns in the sheet above the limit of 18278 columns.",
  sheetNameTaken: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  removeAllSheets: "You can't remove all the sheets in a document.",
  // (assumed) by analogy with the message above.
  hideAllSheets: "You can't hide all the sheets in a document.",
  // Sheets API wording (observed); Apps Script's may differ.
  freezeAllRows: "You can't freeze all visible rows on the sheet.",
  // (assumed)
  freezeAllColumns: "You can't freeze all visible columns on the sheet.",
  // (assumed) Sheets rejects an empty sheet name; the wording is a guess.
  emptySheetName: "Invalid argument: name",
  // (assumed) a Sheet object used after its sheet was deleted.
  sheetDeleted: (name: string) => `The sheet "${name}" has been deleted.`,
  // (assumed)
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  getUiContext: "Cannot call SpreadsheetApp.getUi() from this context.",
  openByIdScope:
    "Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets",
  // Apps Script's answer for an id it cannot open (observed); the local runtime holds one file only.
  openByIdMissing: (method: string) =>
    `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
  // Errors shown in formula cells.
  formulaParse: "Formula parse error.",
  spillBlocked: (a1: string) =>
    `Array result was not expanded because it would overwrite data in ${a1}.`,
  spillOutside: (rows: number) =>
    `Result was not automatically expanded, please insert more rows (${rows}).`,
  spillOutsideColumns: (columns: number) =>
    `Result was not automatically expanded, please insert more columns (${columns}).`,
  spillBroken: "Array result was not expanded because it would overwrite data.",
} as const;

/** How Apps Script names an argument's type in its "don't match the method signature" errors. */
function typeName(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return "String";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "Boolean";
  if (Object.prototype.toString.call(value) === "[object Date]") return "Date";
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => Array.isArray(item))) return "Object[][]";
    return value.every((item) => typeof item === "number") ? "number[]" : "Object[]";
  }
  return "Object";
}

export function signatureMismatch(method: string, args: readonly unknown[]): string {
  return `The parameters (${args.map(typeName).join(",")}) don't match the method signature for ${method}.`;
}
