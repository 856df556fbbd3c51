// One KeyAPI record's value for a column of the catalogue: the answer's field by name, read by
// the column's format, plus the derived profile_url.

import type { ColumnSpec } from "../../../shared/columns/types.js";
import { type CellValue, numberCell, profileUrl, textCell, yyyymmddCell } from "../values.js";

export function keyApiCell(
  record: Readonly<Record<string, unknown>>,
  column: ColumnSpec,
  timeZone: string,
): CellValue {
  if (column.key === "profile_url") return profileUrl(record.unique_id);
  const value = record[column.key];
  switch (column.format) {
    case "date":
      return yyyymmddCell(value, timeZone);
    case "count":
    case "number":
    case "ratio":
    case "money":
      return numberCell(value);
    case "text":
    case "link":
      return textCell(value);
  }
}
