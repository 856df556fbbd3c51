// Cell values from API values that drift from their documented types: numbers sent as strings,
// nulls, ids that must stay text, yyyymmdd dates. One odd value never fails a row.

import { clipText } from "../../shared/text.js";
import { zoneOffsetMs } from "../../shared/timeZones.js";

export type CellValue = string | number | boolean | Date;

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/** Sheets refuses a cell of more than 50,000 characters, and with it the whole setValues. */
export const MAX_CELL_CHARS = 50_000;

/** Text that fits in a cell of `max` characters: longer text is cut to max − 1 and "…". */
export function fitCell(text: string, max = MAX_CELL_CHARS): string {
  return clipText(text, max);
}

/** A number for a numeric column; text that isn't a number is kept as text, missing is "". */
export function numberCell(value: unknown): CellValue {
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "") return "";
    return NUMERIC.test(trimmed) ? Number(trimmed) : value;
  }
  if (value === null || value === undefined) return "";
  return textCell(value);
}

/** Text exactly as the API sent it; numbers and booleans in their JSON form, objects as JSON. */
export function textCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "";
}

/** A yyyymmdd number or string (20250816) as a date at midnight in the spreadsheet's time zone. */
export function yyyymmddCell(value: unknown, timeZone: string): CellValue {
  const digits = textCell(value).trim();
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (!match) return digits;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return digits;
  return dateInZone(year, month, day, timeZone);
}

/** The instant of midnight of a calendar day in a time zone. */
export function dateInZone(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  let instant = guess - zoneOffsetMs(guess, timeZone);
  // Near a daylight-saving change the offset at the guess and at the answer can differ.
  const corrected = guess - zoneOffsetMs(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** https://www.tiktok.com/@handle, or "" without a handle. */
export function profileUrl(handle: unknown): string {
  const text = textCell(handle).trim().replace(/^@/, "");
  return text === "" ? "" : `https://www.tiktok.com/@${encodeURIComponent(text)}`;
}
