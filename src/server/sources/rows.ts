// Records → a table: the header row (labels, keys or none) and one row per creator with the
// chosen columns, in the API's order.

import { catalogueOf } from "../../shared/columns/index.js";
import type { ColumnSpec } from "../../shared/columns/types.js";
import type { OutputOptions, SourceName } from "../../shared/query/types.js";
import { AddonError } from "../errors.js";
import { isRecord } from "../http/json.js";
import { adapterOf } from "./adapters.js";
import { type CellValue, fitCell } from "./values.js";

export function columnSpecs(source: SourceName, keys: readonly string[]): ColumnSpec[] {
  const byKey = new Map(catalogueOf(source).columns.map((spec) => [spec.key, spec]));
  return keys.map((key) => {
    const spec = byKey.get(key);
    // Keys come validated against the same catalogue: a miss is the add-on's own fault.
    if (!spec) throw new AddonError("INTERNAL", `unknown ${source} column ${key}`);
    return spec;
  });
}

export function headerRow(
  columns: readonly ColumnSpec[],
  headers: OutputOptions["headers"],
): string[] | undefined {
  if (headers === "none") return undefined;
  return columns.map((spec) => (headers === "keys" ? spec.key : spec.label.en));
}

export function recordRows(
  source: SourceName,
  records: readonly unknown[],
  columns: readonly ColumnSpec[],
  timeZone: string,
): CellValue[][] {
  const { cell } = adapterOf(source);
  // One record's text too long for a cell must not fail the whole write: it is cut to fit.
  return records.filter(isRecord).map((record) =>
    columns.map((spec) => {
      const value = cell(record, spec, timeZone);
      return typeof value === "string" ? fitCell(value) : value;
    }),
  );
}

/** The whole answer of a custom function: header (unless none) and rows. */
export function recordsTable(
  source: SourceName,
  records: readonly unknown[],
  output: OutputOptions,
  timeZone: string,
): CellValue[][] {
  const columns = columnSpecs(source, output.columns);
  const header = headerRow(columns, output.headers);
  const rows = recordRows(source, records, columns, timeZone);
  return header ? [header, ...rows] : rows;
}
