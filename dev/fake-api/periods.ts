// FastMoss ranking periods: a day (YYYY-MM-DD), an ISO week (YYYY-WW) or a month (YYYY-MM), in UTC.
// A ranking exists only for a completed period, judged against the caller's (virtual) now.

export type PeriodType = "day" | "week" | "month";

export interface RankingPeriod {
  readonly type: PeriodType;
  /** Normalised spelling, as the answer's `date_value` echoes it. */
  readonly value: string;
  readonly startMs: number;
  /** Exclusive end. */
  readonly endMs: number;
  readonly days: number;
}

const DAY_MS = 86_400_000;

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** The Monday that starts ISO week 1 of `isoYear`: the week holding 4 January. */
function isoWeekOneMonday(isoYear: number): number {
  const jan4 = Date.UTC(isoYear, 0, 4);
  const daysSinceMonday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - daysSinceMonday * DAY_MS;
}

export function isoWeeksInYear(isoYear: number): number {
  return Math.round((isoWeekOneMonday(isoYear + 1) - isoWeekOneMonday(isoYear)) / (7 * DAY_MS));
}

function day(year: number, month: number, date: number): RankingPeriod | null {
  const startMs = Date.UTC(year, month - 1, date);
  const check = new Date(startMs);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== date
  )
    return null;
  return {
    type: "day",
    value: `${year}-${pad(month)}-${pad(date)}`,
    startMs,
    endMs: startMs + DAY_MS,
    days: 1,
  };
}

/** Reads a period as FastMoss spells it; null when the value is not a real period of that type. */
export function parsePeriod(type: PeriodType, value: string): RankingPeriod | null {
  if (type === "day") {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match ? day(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  }
  if (type === "week") {
    const match = /^(\d{4})-(\d{1,2})$/.exec(value);
    if (!match) return null;
    const year = Number(match[1]);
    const week = Number(match[2]);
    if (week < 1 || week > isoWeeksInYear(year)) return null;
    const startMs = isoWeekOneMonday(year) + (week - 1) * 7 * DAY_MS;
    return { type, value: `${year}-${pad(week)}`, startMs, endMs: startMs + 7 * DAY_MS, days: 7 };
  }
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const startMs = Date.UTC(year, month - 1, 1);
  const endMs = Date.UTC(year, month, 1);
  return {
    type,
    value: `${year}-${pad(month)}`,
    startMs,
    endMs,
    days: Math.round((endMs - startMs) / DAY_MS),
  };
}

/** A period is ranked once it is over: yesterday, last week, last month or earlier. */
export function isCompleted(period: RankingPeriod, nowMs: number): boolean {
  return period.endMs <= nowMs;
}

function dayOf(epochMs: number): RankingPeriod {
  const date = new Date(epochMs);
  return day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())!;
}

/** The default period when `date_info` is absent: the latest completed day. */
export function latestCompletedDay(nowMs: number): RankingPeriod {
  return dayOf(Math.floor(nowMs / DAY_MS) * DAY_MS - DAY_MS);
}

export const PERIOD_FORMATS: Readonly<Record<PeriodType, string>> = {
  day: "YYYY-MM-DD",
  week: "YYYY-WW (ISO week)",
  month: "YYYY-MM",
};
