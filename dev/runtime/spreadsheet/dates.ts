// Dates in the spreadsheet's time zone: Sheets shows and parses dates as wall-clock times of the
// file's zone, and stores them as serial numbers (days since 1899-12-30) when a number is needed.

import { numericFormatter, type WallClock, wallClockAt } from "../calendar.js";

export const MS_PER_DAY = 86_400_000;
/** Days from Sheets' epoch, 1899-12-30, to the Unix epoch. */
const SERIAL_UNIX_EPOCH = 25_569;
const OFFSET_BUCKET_MS = 15 * 60_000;

const UTC_ZONES = new Set(["UTC", "Etc/UTC", "GMT", "Etc/GMT", "Etc/UCT", "Etc/Universal", "Zulu"]);
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = numericFormatter(timeZone);
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `utcMs`, in ms (positive east of Greenwich). */
export function timeZoneOffsetMs(utcMs: number, timeZone: string): number {
  if (UTC_ZONES.has(timeZone)) return 0;
  // Offsets change only on quarter hours, so one lookup serves a whole bucket.
  const key = `${timeZone}|${Math.floor(utcMs / OFFSET_BUCKET_MS)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wallClock = Date.UTC(
    fields.year!,
    fields.month! - 1,
    fields.day!,
    fields.hour!,
    fields.minute!,
    fields.second!,
  );
  const offset = wallClock - Math.floor(utcMs / 1000) * 1000;
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The instant at which the zone's wall clock shows `localMs` (a UTC-based wall-clock time). */
export function wallClockToUtc(localMs: number, timeZone: string): number {
  const first = timeZoneOffsetMs(localMs, timeZone);
  const guess = localMs - first;
  const second = timeZoneOffsetMs(guess, timeZone);
  return second === first ? guess : localMs - second;
}

export type { WallClock };

export function wallClockOf(utcMs: number, timeZone: string): WallClock {
  return wallClockAt(utcMs + timeZoneOffsetMs(utcMs, timeZone));
}

export function toSerial(utcMs: number, timeZone: string): number {
  return (utcMs + timeZoneOffsetMs(utcMs, timeZone)) / MS_PER_DAY + SERIAL_UNIX_EPOCH;
}

export function fromSerial(serial: number, timeZone: string): number {
  return wallClockToUtc(Math.round((serial - SERIAL_UNIX_EPOCH) * MS_PER_DAY), timeZone);
}
