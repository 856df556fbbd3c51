// Writes rows into a sheet in blocks: the number formats of the whole area first (one call, so
// text columns are plain text before any value lands), then one setValues per block of rows —
// never a call per row or per cell. Also the header's look: bold, frozen, sensible widths.

import type { Sheet } from "../platform/types.js";
import type { SheetLayout } from "./layout.js";
import { columnRuns } from "./layout.js";
import { formatRow, type SheetColumn, sheetCell, widthRuns } from "./sheetFormat.js";

/** Rows per setValues: big enough to be few calls, small enough for Apps Script's payload limits. */
export const BLOCK_ROWS = 5000;

/** Grows the sheet so that `rows` × `columns` fit (Sheets refuses ranges outside it). */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

export interface WriteOptions {
  /** The rows' number formats as the sheet has them now: runs already right are not set again. */
  readonly currentFormats?: readonly (readonly string[])[];
  /** The caller made sure the sheet is big enough (many small writes into existing rows). */
  readonly sized?: boolean;
}

/**
 * Writes `rows` (already laid out for `columns`) from `startRow`, in the sheet columns of
 * `layout`'s runs — user columns in between are never touched.
 */
export function writeRows(
  sheet: Sheet,
  startRow: number,
  rows: readonly (readonly unknown[])[],
  columns: readonly SheetColumn[],
  layout: SheetLayout,
  options: WriteOptions = {},
): void {
  if (rows.length === 0) return;
  const { currentFormats } = options;
  if (!options.sized) ensureSize(sheet, startRow + rows.length - 1, layout.width);
  const formats = formatRow(columns);
  const formatAt = new Map(layout.positions.map((position, index) => [position, formats[index]!]));
  const columnAt = new Map(layout.positions.map((position, index) => [position, columns[index]!]));
  for (const run of columnRuns(layout)) {
    const width = run.last - run.first + 1;
    const runFormats = Array.from(
      { length: width },
      (_, offset) => formatAt.get(run.first + offset)!,
    );
    const alreadyRight =
      currentFormats?.length === rows.length &&
      currentFormats.every((row) =>
        runFormats.every((format, offset) => row[run.first + offset] === format),
      );
    if (!alreadyRight) {
      sheet
        .getRange(startRow, run.first + 1, rows.length, width)
        .setNumberFormats(rows.map(() => runFormats));
    }
    for (let offset = 0; offset < rows.length; offset += BLOCK_ROWS) {
      const block = rows.slice(offset, offset + BLOCK_ROWS).map((row) =>
        Array.from({ length: width }, (_, index) => {
          const column = columnAt.get(run.first + index)!;
          return sheetCell(row[run.first + index], column.format);
        }),
      );
      sheet.getRange(startRow + offset, run.first + 1, block.length, width).setValues(block);
    }
  }
}

/** Header cells at given 0-based columns of row 1, bold and frozen. */
export function writeHeaderCells(
  sheet: Sheet,
  cells: readonly (readonly [number, string])[],
): void {
  if (cells.length === 0) return;
  const first = Math.min(...cells.map(([column]) => column));
  const last = Math.max(...cells.map(([column]) => column));
  ensureSize(sheet, 1, last + 1);
  const current = sheet.getRange(1, first + 1, 1, last - first + 1).getValues()[0] ?? [];
  const row = current.map((value) => String(value ?? ""));
  for (const [column, header] of cells) row[column - first] = header;
  const range = sheet.getRange(1, first + 1, 1, row.length);
  range.setNumberFormat("@");
  range.setValues([row]);
  range.setFontWeight("bold");
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
}

/** A fresh header in row 1 for `columns`, bold and frozen, with widths for each column's values. */
export function writeFreshHeader(sheet: Sheet, columns: readonly SheetColumn[]): void {
  ensureSize(sheet, 1, columns.length);
  const range = sheet.getRange(1, 1, 1, columns.length);
  range.setNumberFormat("@");
  range.setValues([columns.map((column) => column.header)]);
  range.setFontWeight("bold");
  sheet.setFrozenRows(1);
  for (const run of widthRuns(columns)) sheet.setColumnWidths(run.start, run.count, run.width);
}

/** Clears what lies beyond the given rows and columns (old content a replace must not leave). */
export function clearBeyond(sheet: Sheet, rows: number, columns: number): void {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow > rows) sheet.getRange(rows + 1, 1, lastRow - rows, Math.max(lastColumn, 1)).clear();
  if (lastColumn > columns && rows > 0) {
    sheet
      .getRange(1, columns + 1, Math.min(rows, Math.max(lastRow, 1)), lastColumn - columns)
      .clear();
  }
}
