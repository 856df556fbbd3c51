// The "TT Run Log" sheet: one line per run — from the sidebar, a schedule or a continuation — with
// its time, query, source, rows, requests, status and message; the last 1,000 lines are kept.

import { message } from "../../shared/messages/index.js";
import type { SourceName } from "../../shared/query/types.js";
import { identityLayout } from "./layout.js";
import { RUN_LOG_SHEET } from "./pullRequest.js";
import type { SheetColumn } from "./sheetFormat.js";
import { writeFreshHeader, writeRows } from "./sheetWriter.js";

export const RUN_LOG_LINES = 1000;

export interface RunLogLine {
  readonly time: Date;
  readonly query: string;
  readonly source: SourceName | "";
  readonly rows: number;
  readonly requests: number;
  readonly status: string;
  readonly message: string;
}

const LOG_COLUMNS: readonly SheetColumn[] = [
  { key: "time", header: message("log.time"), format: "datetime" },
  { key: "query", header: message("log.query"), format: "text" },
  { key: "source", header: message("log.source"), format: "text" },
  { key: "rows", header: message("log.rows"), format: "count" },
  { key: "requests", header: message("log.requests"), format: "count" },
  { key: "status", header: message("log.status"), format: "text" },
  { key: "message", header: message("log.message"), format: "text" },
];

export function appendRunLog(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  line: RunLogLine,
): void {
  let sheet = spreadsheet.getSheetByName(RUN_LOG_SHEET);
  if (!sheet) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(RUN_LOG_SHEET, spreadsheet.getNumSheets());
    writeFreshHeader(sheet, LOG_COLUMNS);
    spreadsheet.setActiveSheet(active);
  }
  const row = Math.max(sheet.getLastRow(), 1) + 1;
  writeRows(
    sheet,
    row,
    [[line.time, line.query, line.source, line.rows, line.requests, line.status, line.message]],
    LOG_COLUMNS,
    identityLayout(LOG_COLUMNS.length),
  );
  const lines = row - 1;
  if (lines > RUN_LOG_LINES) sheet.deleteRows(2, lines - RUN_LOG_LINES);
}
