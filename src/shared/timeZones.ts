// Time-zone arithmetic: how far a zone's wall clock is ahead of UTC at an instant, and the calendar
// day an instant falls on there. Intl's time-zone data answers by default (browsers have it); Apps
// Script documents Utilities.formatDate but not Intl's zones, so the server plugs in a checked
// source for each execution (platform/zoneOffsets.ts) with `useZoneOffsets`.

/** Milliseconds a time zone's wall clock is ahead of UTC at an instant. */
export type ZoneOffset = (instant: number, timeZone: string) => number;

const DAY = 86_400_000;

/** The offset as Intl's time-zone data gives it; throws RangeError for a zone Intl doesn't know. */
export const intlZoneOffset: ZoneOffset = (instant, timeZone) => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClock = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wallClock - (instant - (((instant % 1000) + 1000) % 1000));
};

let source: ZoneOffset = intlZoneOffset;

/** Sets where offsets come from, for the rest of this execution. */
export function useZoneOffsets(offsets: ZoneOffset): void {
  source = offsets;
}

/** How far a time zone's wall clock is ahead of UTC at an instant. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  return source(instant, timeZone);
}

/** The calendar day an instant falls on in a time zone, as days since 1970-01-01. */
export function dayNumberIn(instant: number, timeZone: string): number {
  return Math.floor((instant + zoneOffsetMs(instant, timeZone)) / DAY);
}

/** "2026-11-16": the calendar day an instant falls on in a time zone. */
export function localDay(instant: number, timeZone: string): string {
  return new Date(dayNumberIn(instant, timeZone) * DAY).toISOString().slice(0, 10);
}
