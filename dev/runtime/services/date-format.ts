// Java SimpleDateFormat patterns in a time zone, for Utilities.formatDate and Utilities.parseDate:
// Apps Script runs these on Java, so the letters, padding, names and zone rules follow Java's.

import {
  MONTH_NAMES,
  numericFormatter,
  type WallClock,
  WEEKDAY_NAMES,
  wallClockAt,
} from "../calendar.js";

const PATTERN_LETTERS = "GyYMLwWDdFEuaHkKhmsSzZX";
const MINUTE_MS = 60_000;

/** A date's calendar fields as seen in one time zone. */
export interface ZonedFields extends WallClock {
  /** Minutes east of UTC. */
  readonly offsetMinutes: number;
}

export interface Zone {
  fields(epochMs: number): ZonedFields;
  /** Java's `z` (short) and `zzzz` (long) names. */
  name(epochMs: number, long: boolean): string;
}

/** Milliseconds since the epoch of a UTC calendar time; years below 100 stay as they are. */
function utcMillis(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function fieldsFromShifted(epochMs: number, offsetMinutes: number): ZonedFields {
  return { ...wallClockAt(epochMs + offsetMinutes * MINUTE_MS), offsetMinutes };
}

function offsetText(offsetMinutes: number, separator: string): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

function fixedZone(offsetMinutes: number): Zone {
  const name = offsetMinutes === 0 ? "GMT" : `GMT${offsetText(offsetMinutes, ":")}`;
  return {
    fields: (epochMs) => fieldsFromShifted(epochMs, offsetMinutes),
    name: () => name,
  };
}

const zoneCache = new Map<string, Zone>();

/**
 * The zone of a Java time zone ID. Java reads "GMT+8", "GMT+08:00" and IANA names, and answers
 * GMT for an ID it doesn't know rather than failing; Apps Script inherits that.
 */
export function resolveZone(timeZone: string): Zone {
  const cached = zoneCache.get(timeZone);
  if (cached) return cached;
  const zone = createZone(timeZone);
  zoneCache.set(timeZone, zone);
  return zone;
}

function createZone(timeZone: string): Zone {
  const fixed = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (fixed) {
    const minutes = Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0);
    return fixedZone(fixed[1] === "-" ? -minutes : minutes);
  }
  let numeric: Intl.DateTimeFormat;
  try {
    numeric = numericFormatter(timeZone);
  } catch {
    return fixedZone(0);
  }
  const names = {
    short: new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }),
    long: new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" }),
  };
  return {
    fields(epochMs) {
      const parts: Record<string, number> = {};
      for (const part of numeric.formatToParts(new Date(epochMs))) {
        if (part.type !== "literal") parts[part.type] = Number(part.value);
      }
      const wallClock = utcMillis(
        parts.year!,
        parts.month!,
        parts.day!,
        parts.hour!,
        parts.minute!,
        parts.second!,
      );
      const wholeSecond = Math.floor(epochMs / 1000) * 1000;
      const offsetMinutes = Math.round((wallClock - wholeSecond) / MINUTE_MS);
      return fieldsFromShifted(epochMs, offsetMinutes);
    },
    name(epochMs, long) {
      const format = long ? names.long : names.short;
      const part = format.formatToParts(new Date(epochMs)).find((p) => p.type === "timeZoneName");
      return part?.value ?? "GMT";
    },
  };
}

type Token =
  | { readonly kind: "field"; readonly letter: string; readonly count: number }
  | { readonly kind: "literal"; readonly text: string };

const tokenCache = new Map<string, Token[]>();

/** Splits a SimpleDateFormat pattern; quoted text is literal and '' is a quote. */
function tokenize(pattern: string): Token[] {
  const cached = tokenCache.get(pattern);
  if (cached) return cached;
  const tokens: Token[] = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    if (char === "'") {
      if (pattern[index + 1] === "'") {
        tokens.push({ kind: "literal", text: "'" });
        index += 2;
        continue;
      }
      let text = "";
      index++;
      while (index < pattern.length) {
        if (pattern[index] === "'") {
          if (pattern[index + 1] === "'") {
            text += "'";
            index += 2;
            continue;
          }
          break;
        }
        text += pattern[index];
        index++;
      }
      if (index >= pattern.length) throw new PatternError("Unterminated quote");
      index++;
      tokens.push({ kind: "literal", text });
    } else if (/[A-Za-z]/.test(char)) {
      if (!PATTERN_LETTERS.includes(char)) {
        throw new PatternError(`Illegal pattern character '${char}'`);
      }
      let count = 1;
      while (pattern[index + count] === char) count++;
      tokens.push({ kind: "field", letter: char, count });
      index += count;
    } else {
      tokens.push({ kind: "literal", text: char });
      index++;
    }
  }
  tokenCache.set(pattern, tokens);
  return tokens;
}

/** A pattern Java's SimpleDateFormat would refuse; its message is Java's. */
export class PatternError extends Error {}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, "0");
  return value < 0 ? `-${text}` : text;
}

function dayOfYear(fields: ZonedFields): number {
  const start = utcMillis(fields.year, 1, 1);
  return Math.round((utcMillis(fields.year, fields.month, fields.day) - start) / 86_400_000) + 1;
}

function formatField(
  letter: string,
  count: number,
  f: ZonedFields,
  zone: Zone,
  ms: number,
): string {
  switch (letter) {
    case "G":
      return f.year > 0 ? "AD" : "BC";
    case "y":
    case "Y":
      return count === 2 ? pad(((f.year % 100) + 100) % 100, 2) : pad(f.year, count);
    case "M":
    case "L": {
      const name = MONTH_NAMES[f.month - 1]!;
      if (count >= 4) return name;
      if (count === 3) return name.slice(0, 3);
      return pad(f.month, count);
    }
    case "w": {
      // Java's US week rules: weeks start on Sunday, week 1 holds January 1st.
      const jan1Weekday = new Date(utcMillis(f.year, 1, 1)).getUTCDay();
      return pad(Math.floor((dayOfYear(f) - 1 + jan1Weekday) / 7) + 1, count);
    }
    case "W": {
      const firstWeekday = new Date(utcMillis(f.year, f.month, 1)).getUTCDay();
      return pad(Math.floor((f.day - 1 + firstWeekday) / 7) + 1, count);
    }
    case "D":
      return pad(dayOfYear(f), count);
    case "d":
      return pad(f.day, count);
    case "F":
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case "E": {
      const name = WEEKDAY_NAMES[f.weekday]!;
      return count >= 4 ? name : name.slice(0, 3);
    }
    case "u":
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case "a":
      return f.hour < 12 ? "AM" : "PM";
    case "H":
      return pad(f.hour, count);
    case "k":
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case "K":
      return pad(f.hour % 12, count);
    case "h":
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case "m":
      return pad(f.minute, count);
    case "s":
      return pad(f.second, count);
    case "S":
      return pad(f.millisecond, count);
    case "z":
      return zone.name(ms, count >= 4);
    case "Z":
      return offsetText(f.offsetMinutes, "");
    case "X":
      if (f.offsetMinutes === 0) return "Z";
      if (count === 1) return offsetText(f.offsetMinutes, "").slice(0, 3);
      return offsetText(f.offsetMinutes, count === 2 ? "" : ":");
    default:
      throw new PatternError(`Illegal pattern character '${letter}'`);
  }
}

/** Formats `epochMs` in `timeZone` with a Java SimpleDateFormat pattern, in English. */
export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const fields = zone.fields(epochMs);
  let out = "";
  for (const token of tokenize(pattern)) {
    out +=
      token.kind === "literal"
        ? token.text
        : formatField(token.letter, token.count, fields, zone, epochMs);
  }
  return out;
}

const NUMERIC_LETTERS = "yYMLwWDdFuHkKhmsS";

function isNumericToken(token: Token | undefined): boolean {
  if (token?.kind !== "field") return false;
  if (token.letter === "M" || token.letter === "L") return token.count < 3;
  return NUMERIC_LETTERS.includes(token.letter);
}

/**
 * Parses `text` with a SimpleDateFormat pattern, leniently as Java does by default (a day 32
 * rolls into the next month, text after the pattern is ignored). Answers epoch ms, or null when
 * the text does not fit ("Unparseable date").
 */
interface ParsedFields {
  year: number;
  twoDigitYear: boolean;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  pm: boolean | null;
  hour12: number | null;
  offsetMinutes: number | null;
  bc: boolean;
}

export function parseDate(
  text: string,
  timeZone: string,
  pattern: string,
  nowMs: number,
): number | null {
  const tokens = tokenize(pattern);
  let pos = 0;
  // What the pattern's fields set, from Java's defaults: 1 January 1970, 00:00:00.000, AD.
  const at: ParsedFields = {
    year: 1970,
    twoDigitYear: false,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    pm: null,
    hour12: null,
    offsetMinutes: null,
    bc: false,
  };

  const readNumber = (maxDigits: number): number | null => {
    const match = /^[+-]?\d+/.exec(text.slice(pos));
    if (!match) return null;
    const digits = maxDigits > 0 ? match[0].slice(0, maxDigits) : match[0];
    pos += digits.length;
    return Number(digits);
  };
  const readName = (names: readonly string[]): number | null => {
    const rest = text.slice(pos).toLowerCase();
    for (const candidates of [names, names.map((name) => name.slice(0, 3))]) {
      const index = candidates.findIndex((name) => rest.startsWith(name.toLowerCase()));
      if (index >= 0) {
        pos += candidates[index]!.length;
        return index;
      }
    }
    return null;
  };
  const readOffset = (): number | null => {
    const rest = text.slice(pos);
    const zulu = /^Z/.exec(rest);
    if (zulu) {
      pos += 1;
      return 0;
    }
    const match = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?/.exec(rest) ?? /^(GMT|UTC)/.exec(rest);
    if (!match) return null;
    pos += match[0].length;
    if (match[1] === "GMT" || match[1] === "UTC") return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
    return match[1] === "-" ? -minutes : minutes;
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === "literal") {
      if (!text.startsWith(token.text, pos)) return null;
      pos += token.text.length;
      continue;
    }
    // Java's rule for abutting numeric fields ("yyyyMMdd"): each takes exactly its width.
    const width = isNumericToken(tokens[index + 1]) ? token.count : 0;
    const { letter, count } = token;
    let value: number | null;
    switch (letter) {
      case "y":
      case "Y": {
        const start = pos;
        value = readNumber(width);
        if (value === null) return null;
        at.twoDigitYear = count <= 2 && pos - start === 2;
        at.year = value;
        break;
      }
      case "M":
      case "L":
        value = count >= 3 ? readName(MONTH_NAMES) : readNumber(width);
        if (value === null) return null;
        at.month = count >= 3 ? value + 1 : value;
        break;
      case "d":
        value = readNumber(width);
        if (value === null) return null;
        at.day = value;
        break;
      case "E":
        if (readName(WEEKDAY_NAMES) === null) return null;
        break;
      case "a": {
        const rest = text.slice(pos).toUpperCase();
        if (rest.startsWith("AM")) at.pm = false;
        else if (rest.startsWith("PM")) at.pm = true;
        else return null;
        pos += 2;
        break;
      }
      case "G": {
        const rest = text.slice(pos).toUpperCase();
        if (!rest.startsWith("AD") && !rest.startsWith("BC")) return null;
        at.bc = rest.startsWith("BC");
        pos += 2;
        break;
      }
      case "H":
      case "k":
        value = readNumber(width);
        if (value === null) return null;
        at.hour = letter === "k" && value === 24 ? 0 : value;
        break;
      case "h":
      case "K":
        value = readNumber(width);
        if (value === null) return null;
        at.hour12 = value % 12;
        break;
      case "m":
        value = readNumber(width);
        if (value === null) return null;
        at.minute = value;
        break;
      case "s":
        value = readNumber(width);
        if (value === null) return null;
        at.second = value;
        break;
      case "S":
        value = readNumber(width);
        if (value === null) return null;
        at.millisecond = value;
        break;
      case "z":
      case "Z":
      case "X":
        at.offsetMinutes = readOffset();
        if (at.offsetMinutes === null) return null;
        break;
      default:
        // Fields that don't change the instant (week numbers, day of year) are read and dropped.
        if (readNumber(width) === null) return null;
    }
  }

  if (at.hour12 !== null) at.hour = at.hour12 + (at.pm ? 12 : 0);
  else if (at.pm === true && at.hour < 12) at.hour += 12;
  if (at.twoDigitYear) {
    // Java puts a two-digit year within 80 years before and 20 years after now.
    const nowYear = new Date(nowMs).getUTCFullYear();
    const century = Math.floor((nowYear - 80) / 100) * 100;
    at.year = century + at.year;
    if (at.year < nowYear - 80) at.year += 100;
  }
  if (at.bc) at.year = 1 - at.year;
  const wallClock = utcMillis(
    at.year,
    at.month,
    at.day,
    at.hour,
    at.minute,
    at.second,
    at.millisecond,
  );
  if (at.offsetMinutes !== null) return wallClock - at.offsetMinutes * MINUTE_MS;
  // The wall-clock time in the zone: guess with the offset at that instant, then correct once.
  const zone = resolveZone(timeZone);
  const guessedOffset = zone.fields(wallClock).offsetMinutes;
  const guess = wallClock - guessedOffset * MINUTE_MS;
  const settledOffset = zone.fields(guess).offsetMinutes;
  return wallClock - settledOffset * MINUTE_MS;
}
