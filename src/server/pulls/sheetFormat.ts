// How pulled rows look in a sheet: the columns (a snapshot_at column first in history mode), each
// column's number format and width, and cell values that stay what they are. Text columns are
// formatted as plain text before anything is written, so "=cmd…", "+1 555", "0012345" and 19-digit
// ids stay exactly as sent; a stray text in a numeric column gets an apostrophe, which Sheets hides.

import { catalogueOf, isSeenKey } from "../../shared/columns/index.js";
import type { ColumnFormat } from "../../shared/columns/types.js";
import { message } from "../../shared/messages/index.js";
import { SNAPSHOT_KEY, snapshotNames } from "../../shared/pulls/targetFit.js";
import type { WriteMode } from "../../shared/pulls/types.js";
import type { OutputOptions, SourceName } from "../../shared/query/types.js";
import { columnSpecs } from "../sources/rows.js";
import { type CellValue, fitCell, MAX_CELL_CHARS } from "../sources/values.js";

export type SheetFormat = ColumnFormat | "datetime";

export interface SheetColumn {
  readonly key: string;
  readonly header: string;
  readonly format: SheetFormat;
  /** Other header texts that name this column in an existing sheet (its label in each language). */
  readonly aliases?: readonly string[];
}

export const NUMBER_FORMAT: Readonly<Record<SheetFormat, string>> = {
  count: "#,##0",
  number: "0.00",
  ratio: "0.00%",
  money: "#,##0.00",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
  text: "@",
  link: "@",
};

/** Pixels: wide enough for typical values, not for a 500-character bio. */
export const COLUMN_WIDTH: Readonly<Record<SheetFormat, number>> = {
  count: 100,
  number: 90,
  ratio: 110,
  money: 120,
  date: 100,
  datetime: 140,
  text: 170,
  link: 230,
};

export function sheetColumns(
  source: SourceName,
  output: OutputOptions,
  mode: WriteMode,
): SheetColumn[] {
  const locale = output.labelLocale ?? "en";
  const columns = columnSpecs(source, output.columns).map((spec) => ({
    key: spec.key,
    header: output.headers === "keys" ? spec.key : spec.label[locale],
    // When a creator was first and last seen is a run's time, shown as a snapshot's is.
    format: isSeenKey(spec.key) ? ("datetime" as const) : spec.format,
    aliases: [spec.label.en, spec.label.zh],
  }));
  if (mode !== "history") return columns;
  const snapshot: SheetColumn = {
    key: SNAPSHOT_KEY,
    header: output.headers === "keys" ? SNAPSHOT_KEY : message("column.snapshot", {}, locale),
    format: "datetime",
    aliases: snapshotNames(),
  };
  return [snapshot, ...columns];
}

/** The columns of a pull always include the source's id, which upserts match rows on. */
export function withIdColumn(source: SourceName, output: OutputOptions): OutputOptions {
  const { idKey } = catalogueOf(source);
  return output.columns.includes(idKey)
    ? output
    : { ...output, columns: [...output.columns, idKey] };
}

/** A value as it must be written for the sheet to keep it exactly. */
export function sheetCell(value: unknown, format: SheetFormat): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string" || value === "") return value;
  if (format === "text" || format === "link") return value;
  // The apostrophe counts toward the cell's 50,000 characters.
  return `'${fitCell(value, MAX_CELL_CHARS - 1)}`;
}

export function sheetRow(values: readonly CellValue[], columns: readonly SheetColumn[]): unknown[] {
  return columns.map((column, index) => sheetCell(values[index] ?? "", column.format));
}

export function formatRow(columns: readonly SheetColumn[]): string[] {
  return columns.map((column) => NUMBER_FORMAT[column.format]);
}

/** Runs of equal widths, so a sheet's widths take one call per run, not one per column. */
export function widthRuns(
  columns: readonly SheetColumn[],
): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  columns.forEach((column, index) => {
    const width = COLUMN_WIDTH[column.format];
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.start + last.count === index + 1) last.count++;
    else runs.push({ start: index + 1, count: 1, width });
  });
  return runs;
}
