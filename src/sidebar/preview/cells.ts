// How a preview cell reads: the text a person would see in the sheet — counts grouped, ratios as
// percentages, money with cents, dates as the sheet writes them (2025-08-16) in the spreadsheet's
// time zone, text as sent.

import type { ColumnFormat } from "../../shared/columns/types.js";
import { formatDateTime, type Locale, localeTag } from "../i18n.js";

export type PreviewCell = string | number | boolean | null;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function numberText(locale: Locale, value: number, format: ColumnFormat): string {
  const tag = localeTag(locale);
  switch (format) {
    case "ratio":
      return new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 2 }).format(
        value,
      );
    case "money":
      return new Intl.NumberFormat(tag, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(value);
    case "count":
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
    case "number":
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(value);
    default:
      // Ids and other text columns keep every digit, ungrouped.
      return String(value);
  }
}

/** A date the server sent as ISO text, as the sheet shows it (2025-08-16), in the spreadsheet's zone. */
function dateText(iso: string, timeZone: string): string {
  const text = formatDateTime(iso, timeZone);
  return text === iso ? iso : text.slice(0, 10);
}

/** The text of one preview cell. */
export function cellText(
  value: PreviewCell,
  format: string,
  locale: Locale,
  timeZone: string,
): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    return Number.isFinite(value) ? numberText(locale, value, format as ColumnFormat) : "";
  }
  if (format === "date" && ISO_INSTANT.test(value)) return dateText(value, timeZone);
  return value;
}

/** Whether a column's cells read best aligned right, as numbers do. */
export const isNumeric = (format: string) =>
  format === "count" || format === "number" || format === "ratio" || format === "money";
