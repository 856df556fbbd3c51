// The sheet "TT Diagnostics": the last setup check, one row per check — when, what, ok, and what
// was expected and seen. Rewritten at every check; the details are written as text.

import { message } from "../../shared/messages/index.js";
import { DIAGNOSTICS_SHEET } from "../../shared/pulls/targetFit.js";
import { identityLayout } from "../pulls/layout.js";
import type { SheetColumn } from "../pulls/sheetFormat.js";
import { writeFreshHeader, writeRows } from "../pulls/sheetWriter.js";

interface CheckRow {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

export function writeDiagnosticsSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  time: Date,
  checks: readonly CheckRow[],
): void {
  const columns: readonly SheetColumn[] = [
    { key: "time", header: message("diag.column.time"), format: "datetime" },
    { key: "check", header: message("diag.column.check"), format: "text" },
    { key: "ok", header: message("diag.column.ok"), format: "text" },
    { key: "detail", header: message("diag.column.detail"), format: "text" },
  ];
  let sheet = spreadsheet.getSheetByName(DIAGNOSTICS_SHEET);
  if (!sheet) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(DIAGNOSTICS_SHEET, spreadsheet.getNumSheets());
    spreadsheet.setActiveSheet(active);
  } else {
    sheet.clearContents();
  }
  writeFreshHeader(sheet, columns);
  const rows = checks.map((check) => [
    time,
    check.check,
    message(check.ok ? "diag.cell.ok" : "diag.cell.failed"),
    check.detail,
  ]);
  writeRows(sheet, 2, rows, columns, identityLayout(columns.length));
}
