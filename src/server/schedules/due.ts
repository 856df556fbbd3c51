// When a saved query is due. The trigger fires about once an hour, at a minute Apps Script picks:
// hourly queries run at every firing, daily ones once per calendar day in the spreadsheet's time
// zone (read at each firing, so a change of zone needs nothing reinstalled), weekly ones once in
// seven days. The longest-waiting query goes first.

import type { Schedule } from "../../shared/pulls/types.js";
import { localDay } from "../../shared/timeZones.js";

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/**
 * Runs of one firing spread over its minutes, and a "Run now" may come between firings: a query
 * that ran within half an hour of a firing doesn't run again at it.
 */
const SLACK = 30 * 60_000;

/** The instant a query becomes due; undefined when its schedule is off. */
export function dueAt(
  schedule: Schedule,
  lastRun: number | undefined,
  timeZone: string,
): number | undefined {
  if (schedule === "off") return undefined;
  if (lastRun === undefined) return Number.NEGATIVE_INFINITY;
  switch (schedule) {
    case "hourly":
      return lastRun + HOUR - SLACK;
    case "weekly":
      return lastRun + WEEK - SLACK;
    case "daily":
      return startOfNextLocalDay(lastRun, timeZone);
  }
}

export function isDue(
  schedule: Schedule,
  lastRun: number | undefined,
  now: number,
  timeZone: string,
): boolean {
  const at = dueAt(schedule, lastRun, timeZone);
  return at !== undefined && at <= now;
}

/** The first instant after `instant` that falls on the next calendar day in the time zone. */
function startOfNextLocalDay(instant: number, timeZone: string): number {
  const today = localDay(instant, timeZone);
  // Days are 23 to 25 hours long: step by hours, then narrow down to the minute.
  let low = instant;
  let high = instant + HOUR;
  while (localDay(high, timeZone) === today) {
    low = high;
    high += HOUR;
  }
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 2);
    if (localDay(middle, timeZone) === today) low = middle;
    else high = middle;
  }
  return high;
}

/** Due queries, the longest-waiting first. */
export function dueInOrder<T extends { schedule: Schedule; lastRun?: number }>(
  queries: readonly T[],
  now: number,
  timeZone: string,
): T[] {
  return queries
    .map((query) => ({ query, at: dueAt(query.schedule, query.lastRun, timeZone) }))
    .filter((entry): entry is { query: T; at: number } => entry.at !== undefined && entry.at <= now)
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.query);
}
