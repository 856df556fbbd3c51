// FastMoss's ranking periods (day, ISO week, month): reading date_type/date_value, and telling which
// periods are complete. FastMoss ranks completed periods only and its server's time zone is unknown.

import { dayNumberIn } from "../timeZones.js";
import type { FastMossDate, FastMossDateType } from "./types.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Days since 1970-01-01 (a Thursday) of a calendar date; months past 12 roll over. */
const dayNumber = (year: number, month: number, day: number) =>
  Date.UTC(year, month - 1, day) / DAY;

const calendar = (days: number) => {
  const date = new Date(days * DAY);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()] as const;
};

const pad = (n: number) => String(n).padStart(2, "0");

const mondayOf = (days: number) => days - ((((days + 3) % 7) + 7) % 7);

/** A period: FastMoss's way of writing it, and the day after its last (UTC day number). */
interface Period extends FastMossDate {
  readonly end: number;
}

/** The period of `type` that holds the day `days`. */
export function periodOf(type: FastMossDateType, days: number): Period {
  const [year, month, day] = calendar(days);
  if (type === "day") return { type, value: `${year}-${pad(month)}-${pad(day)}`, end: days + 1 };
  if (type === "month")
    return { type, value: `${year}-${pad(month)}`, end: dayNumber(year, month + 1, 1) };
  // An ISO week belongs to the year of its Thursday and is numbered from the week of 4 January.
  const monday = mondayOf(days);
  const isoYear = calendar(monday + 3)[0];
  const week = (monday - mondayOf(dayNumber(isoYear, 1, 4))) / 7 + 1;
  return { type, value: `${isoYear}-${pad(week)}`, end: monday + 7 };
}

/** The latest period of `type` that is over in every time zone, down to UTC−12. */
export function latestCompletePeriod(type: FastMossDateType, now: number): Period {
  const today = Math.floor((now - 12 * HOUR) / DAY); // the date in UTC−12
  if (type === "day") return periodOf(type, today - 1);
  if (type === "week") return periodOf(type, mondayOf(today) - 7);
  const [year, month] = calendar(today);
  return periodOf(type, dayNumber(year, month, 1) - 1);
}

/** Whether the period is over somewhere — in UTC+14, the first time zone to finish it. */
export const isOverSomewhere = (period: Period, now: number) => period.end * DAY - 14 * HOUR <= now;

/** The day a date cell shows in the spreadsheet's time zone (UTC if the zone is unknown). */
function dayInZone(date: Date, timeZone: string): number {
  try {
    return dayNumberIn(date.getTime(), timeZone);
  } catch {
    return Math.floor(date.getTime() / DAY);
  }
}

/**
 * The day a date_value names, as a day number: a Date in `timeZone`, or a valid YYYY-MM-DD;
 * undefined for anything else.
 */
export function readDay(value: unknown, timeZone: string): number | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : dayInZone(value, timeZone);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value).trim());
  if (!match) return undefined;
  const days = dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
  return periodOf("day", days).value === match[0] ? days : undefined;
}

/** The week or month written YYYY-WW / YYYY-MM, when it exists; undefined otherwise. */
export function readWeekOrMonth(type: "week" | "month", value: unknown): Period | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(String(value).trim());
  if (!match) return undefined;
  const [year, n] = [Number(match[1]), Number(match[2])];
  const start =
    type === "month" ? dayNumber(year, n, 1) : mondayOf(dayNumber(year, 1, 4)) + 7 * (n - 1);
  const period = n >= 1 ? periodOf(type, start) : undefined;
  return period?.value === match[0] ? period : undefined;
}
