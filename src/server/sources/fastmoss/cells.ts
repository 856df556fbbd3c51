// One FastMoss ranking entry's value for a column of the catalogue: dotted paths into the entry,
// audience shares sent as text ("0.6319") read as numbers, the L3 categories joined, profile_url.

import type { ColumnSpec } from "../../../shared/columns/types.js";
import { isRecord } from "../../http/json.js";
import { type CellValue, numberCell, profileUrl, textCell } from "../values.js";

const SHARES = /^creator\.(follower_genders|follower_ages)\.(.+)$/;

function valueAt(record: unknown, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const name of path) {
    if (!isRecord(value)) return undefined;
    value = value[name];
  }
  return value;
}

/** The value of the {key, value} entry named `key` in a list of audience shares. */
function share(list: unknown, key: string): CellValue {
  if (!Array.isArray(list)) return "";
  const entry = list.find((item) => isRecord(item) && String(item.key) === key);
  return isRecord(entry) ? numberCell(entry.value) : "";
}

function categoryNames(list: unknown): string {
  if (!Array.isArray(list)) return textCell(list);
  return list
    .map((item) => (isRecord(item) ? textCell(item.name) : textCell(item)))
    .filter((name) => name !== "")
    .join(", ");
}

export function fastMossCell(
  record: Readonly<Record<string, unknown>>,
  column: ColumnSpec,
): CellValue {
  if (column.key === "profile_url") return profileUrl(valueAt(record, ["creator", "unique_id"]));
  if (column.key === "sales_category_l3") return categoryNames(record.sales_category_l3);
  const shareOf = SHARES.exec(column.key);
  if (shareOf) return share(valueAt(record, ["creator", shareOf[1]!]), shareOf[2]!);
  const value = valueAt(record, column.key.split("."));
  return column.format === "text" || column.format === "link" ? textCell(value) : numberCell(value);
}
