// The FastMoss periods the form offers: only completed ones (FastMoss ranks nothing else), read
// with the same date rules the server validates with.

import { latestCompletePeriod, periodOf } from "../../shared/query/dates.js";
import { type Locale, localeTag } from "../i18n.js";

const DAY = 86_400_000;

export interface PeriodOption {
  /** As FastMoss writes it: 2026-08 (ISO week) or 2026-03 (month). */
  readonly value: string;
  readonly label: string;
}

/** The latest day complete everywhere, YYYY-MM-DD: the day picker's maximum. */
export function latestDay(now: number): string {
  return latestCompletePeriod("day", now).value;
}

const utcFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(localeTag(locale), { timeZone: "UTC", ...options });

/** The last `count` complete ISO weeks, latest first: "2026-08 · Feb 16 – Feb 22". */
export function recentWeeks(now: number, locale: Locale, count = 26): PeriodOption[] {
  const days = utcFormat(locale, { month: "short", day: "numeric" });
  const latest = latestCompletePeriod("week", now);
  const options: PeriodOption[] = [];
  for (let i = 0; i < count; i++) {
    const monday = latest.end - 7 * (i + 1);
    const week = periodOf("week", monday);
    const range = `${days.format(monday * DAY)} – ${days.format((monday + 6) * DAY)}`;
    options.push({ value: week.value, label: `${week.value} · ${range}` });
  }
  return options;
}

/** The last `count` complete months, latest first: "2026-03 · March 2026". */
export function recentMonths(now: number, locale: Locale, count = 24): PeriodOption[] {
  const months = utcFormat(locale, { year: "numeric", month: "long" });
  let month = latestCompletePeriod("month", now);
  const options: PeriodOption[] = [];
  for (let i = 0; i < count; i++) {
    const [year, number] = month.value.split("-").map(Number) as [number, number];
    const first = Date.UTC(year, number - 1, 1);
    options.push({ value: month.value, label: `${month.value} · ${months.format(first)}` });
    month = periodOf("month", first / DAY - 1);
  }
  return options;
}
