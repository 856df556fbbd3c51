// The "TT Run Log" sheet: one line per run — from the sidebar, a schedule or a continuation — with
// its time, query, source, rows, requests, status, message and KeyAPI credits; the last 1,000 lines
// are kept. A run that could not take the document lock queues its line for the next run that
// holds it. A log written before the credits column gets its header cell at the next line.

import { message } from "../../shared/messages/index.js";
import { RUN_LOG_SHEET } from "../../shared/pulls/targetFit.js";
import type { SourceName } from "../../shared/query/types.js";
import { clipText } from "../../shared/text.js";
import { utf8Length } from "../http/utf8.js";
import type { PropertyStore, Spreadsheet } from "../platform/types.js";
import { identityLayout } from "./layout.js";
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
  /** KeyAPI credits the run spent (0 when none). */
  readonly credits?: number;
}

/**
 * The log's columns. Every editor shares the log, so its header stays in English whoever writes it;
 * built when a line is written, not at load time (the bundle loads at every formula call).
 */
const logColumns = (): readonly SheetColumn[] => [
  { key: "time", header: message("log.time", {}, "en"), format: "datetime" },
  { key: "query", header: message("log.query", {}, "en"), format: "text" },
  { key: "source", header: message("log.source", {}, "en"), format: "text" },
  { key: "rows", header: message("log.rows", {}, "en"), format: "count" },
  { key: "requests", header: message("log.requests", {}, "en"), format: "count" },
  { key: "status", header: message("log.status", {}, "en"), format: "text" },
  { key: "message", header: message("log.message", {}, "en"), format: "text" },
  // Last, so that a log written before it keeps every column where it was.
  { key: "credits", header: message("log.credits", {}, "en"), format: "count" },
];

export function appendRunLog(spreadsheet: Spreadsheet, line: RunLogLine): void {
  const columns = logColumns();
  let sheet = spreadsheet.getSheetByName(RUN_LOG_SHEET);
  if (!sheet) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(RUN_LOG_SHEET, spreadsheet.getNumSheets());
    writeFreshHeader(sheet, columns);
    spreadsheet.setActiveSheet(active);
  } else if (sheet.getLastColumn() < columns.length) {
    // A log from before the credits column: its header gains the cell, its old lines stay blank.
    const cell = sheet.getRange(1, columns.length);
    cell.setValues([[columns[columns.length - 1]!.header]]);
    cell.setFontWeight("bold");
  }
  const row = Math.max(sheet.getLastRow(), 1) + 1;
  writeRows(
    sheet,
    row,
    [
      [
        line.time,
        line.query,
        line.source,
        line.rows,
        line.requests,
        line.status,
        line.message,
        line.credits ?? 0,
      ],
    ],
    columns,
    identityLayout(columns.length),
  );
  const lines = row - 1;
  if (lines > RUN_LOG_LINES) sheet.deleteRows(2, lines - RUN_LOG_LINES);
}

const QUEUE = "tt.log.pending";
/** Lines waiting for the lock share one property value (9 KB at most). */
const QUEUE_BYTES = 8_000;
const QUEUED_TEXT = 200;

interface QueuedLine extends Omit<RunLogLine, "time"> {
  readonly time: number;
}

/**
 * Keeps the line of a run that could not take the document lock, for the next run that holds
 * it to write (every run leaves its line). The oldest go first if the queue outgrows its value.
 */
export function queueRunLog(properties: PropertyStore, line: RunLogLine): void {
  const cut = (text: string) => clipText(text, QUEUED_TEXT);
  let queue = [
    ...readQueue(properties),
    {
      ...line,
      time: line.time.getTime(),
      query: cut(line.query),
      message: cut(`${line.message} ${message("log.pendingLock")}`.trim()),
    },
  ];
  let json = JSON.stringify(queue);
  while (queue.length > 1 && utf8Length(json) > QUEUE_BYTES) {
    queue = queue.slice(1);
    json = JSON.stringify(queue);
  }
  try {
    properties.set(QUEUE, json);
  } catch {
    // A full store can't hold it either; the run's own answer still says what happened.
  }
}

/** Writes the lines that waited for the lock (call it holding the lock). */
export function writeQueuedRunLog(properties: PropertyStore, spreadsheet: Spreadsheet): void {
  const queue = readQueue(properties);
  if (queue.length === 0) return;
  for (const line of queue) appendRunLog(spreadsheet, { ...line, time: new Date(line.time) });
  properties.delete(QUEUE);
}

function readQueue(properties: PropertyStore): QueuedLine[] {
  try {
    const queue = JSON.parse(properties.get(QUEUE) ?? "[]") as unknown;
    return Array.isArray(queue) ? (queue as QueuedLine[]) : [];
  } catch {
    return [];
  }
}
