// Time-zone offsets on Apps Script. Utilities.formatDate is documented there; Intl's time-zone data
// is not. For each zone, the first use in an execution checks Intl against Utilities.formatDate at
// a few instants of the coming year; if Intl fails or disagrees anywhere, every offset of that zone
// comes from Utilities.formatDate instead.

import { AddonError } from "../../shared/errors.js";
import { intlZoneOffset, type ZoneOffset } from "../../shared/timeZones.js";

const DAY = 86_400_000;
/** Instants the check compares: now and then every few months of the year ahead. */
const PROBE_DAYS = [0, 91, 182, 273];

/** The offset as Utilities.formatDate shows the wall clock; throws for a zone it doesn't know. */
export const formatDateZoneOffset: ZoneOffset = (instant, timeZone) => {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  const text = Utilities.formatDate(new Date(whole), timeZone, "yyyy-MM-dd HH:mm:ss");
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new AddonError("INTERNAL", `Utilities.formatDate answered "${text}"`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as number[];
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - whole;
};

/** Where Intl and Utilities.formatDate part ways for a zone, or undefined when they agree. */
export function intlDisagreement(
  timeZone: string,
  instants: readonly number[],
): { instant: number; expected: number; seen: number | string } | undefined {
  for (const instant of instants) {
    const expected = formatDateZoneOffset(instant, timeZone);
    let seen: number | string;
    try {
      seen = intlZoneOffset(instant, timeZone);
    } catch (error) {
      seen = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    if (seen !== expected) return { instant, expected, seen };
  }
  return undefined;
}

export function probeInstants(now: number): number[] {
  return PROBE_DAYS.map((days) => now + days * DAY);
}

/** Offsets through Intl where it agrees with Utilities.formatDate, else through formatDate. */
export function checkedZoneOffsets(now: () => number): ZoneOffset {
  const chosen = new Map<string, ZoneOffset>();
  return (instant, timeZone) => {
    let offsets = chosen.get(timeZone);
    if (!offsets) {
      let intlAgrees = false;
      try {
        intlAgrees = intlDisagreement(timeZone, probeInstants(now())) === undefined;
      } catch {
        // Utilities.formatDate refused the zone: Intl alone can't be trusted with it either.
      }
      offsets = intlAgrees ? intlZoneOffset : formatDateZoneOffset;
      chosen.set(timeZone, offsets);
    }
    return offsets(instant, timeZone);
  };
}
