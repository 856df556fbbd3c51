// How a value written by a script becomes a cell. Strings are read the way Sheets reads typed input
// (USER_ENTERED): "=…" is a formula, "0012345" and 19-digit ids become (rounded) numbers, "TRUE" a
// boolean, "2026-01-31" a date — unless the cell is formatted as plain text ("@") or the string
// starts with an apostrophe. This is exactly the behaviour the add-on must defend its data from.

import { types } from "node:util";
import { type Cell, CellDate, CellError, type CellScalar, Formula } from "./cells.js";
import { wallClockToUtc } from "./dates.js";
import { LIMITS, MESSAGES, SheetsError } from "./errors.js";
import { DATE_FORMAT, DATE_TIME_FORMAT } from "./number-format.js";

/** The value `getValues()` shows for a formula the runtime could not evaluate. */
export const UNEVALUATED_FORMULA = new CellError(
  "#N/A",
  "The local runtime does not evaluate this formula.",
);

export function isScriptDate(value: unknown): value is Date {
  return types.isDate(value);
}

function dateMs(value: Date): number {
  return Date.prototype.getTime.call(value);
}

/** Reads typed input for one spreadsheet (its locale decides day/month order in "1/2/2026"). */
export class InputReader {
  /** The format Sheets would give an automatic-format cell for the last value read, if any. */
  detectedFormat: string | undefined;
  readonly #monthFirst: boolean;

  constructor(
    locale: string,
    readonly timeZone: string,
  ) {
    // (assumed) only the US-style locales put the month first.
    this.#monthFirst = /^en(_US|_PH|$)/.test(locale);
  }

  /** A value from a script's `setValues`/`setValue`/`appendRow`, for a cell formatted `format`. */
  read(value: unknown, isTextFormat: boolean): Cell {
    this.detectedFormat = undefined;
    switch (typeof value) {
      case "string":
        return this.readString(value, isTextFormat);
      case "number":
        // (assumed) NaN and ±Infinity arrive as their text.
        if (!Number.isFinite(value)) return String(value);
        return value === 0 ? 0 : value;
      case "boolean":
        return value;
      case "undefined":
        return undefined;
      case "bigint":
        return this.readString(String(value), isTextFormat);
      default:
        if (value === null) return undefined;
        if (isScriptDate(value)) {
          const ms = dateMs(value);
          if (Number.isNaN(ms)) return "Invalid Date";
          this.detectedFormat = DATE_TIME_FORMAT;
          return new CellDate(ms);
        }
        return this.readString(String(value), isTextFormat);
    }
  }

  readString(text: string, isTextFormat: boolean): Cell {
    if (text.length > LIMITS.charactersPerCell) throw new SheetsError(MESSAGES.cellTooLong);
    if (text === "") return undefined;
    if (isTextFormat) return text;
    const first = text.charCodeAt(0);
    if (first === 39 /* ' */) return text.length === 1 ? undefined : text.slice(1);
    if (first === 61 /* = */) {
      return text.length === 1
        ? new Formula(text, false, new CellError("#ERROR!", MESSAGES.formulaParse))
        : new Formula(text, true);
    }
    const parsed = this.parseTyped(text.trim());
    if (parsed !== undefined) return parsed;
    // Text led by an operator is a formula Sheets can't parse. Sheets would accept some "@…" text;
    // the emulator refuses all of it on purpose, so exports that start with "@" are caught.
    if (first === 43 /* + */ || first === 45 /* - */ || first === 64 /* @ */) {
      return new Formula(`=${text}`, false, new CellError("#ERROR!", MESSAGES.formulaParse));
    }
    return text;
  }

  /** A number, boolean or date typed as `text`, or undefined when it is plain text. */
  parseTyped(text: string): CellScalar | undefined {
    if (text === "") return undefined;
    const first = text.charCodeAt(0);
    const digitLike =
      (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 36;
    if (digitLike) {
      const number = this.parseNumber(text);
      if (number !== undefined) return number;
      const date = this.parseDate(text);
      if (date !== undefined) return date;
      return undefined;
    }
    if (text.length === 4 || text.length === 5) {
      const lower = text.toLowerCase();
      if (lower === "true") return true;
      if (lower === "false") return false;
    }
    return undefined;
  }

  parseNumber(text: string): number | undefined {
    const match = NUMBER.exec(text);
    if (!match) return undefined;
    const [, sign = "", currency, integer = "", decimals, exponent, percent] = match;
    if (integer === "" && (decimals === undefined || decimals === "")) return undefined;
    if (currency && percent) return undefined;
    const grouped = integer.includes(",");
    const source = `${integer.replaceAll(",", "")}${decimals === undefined ? "" : `.${decimals}`}${exponent ?? ""}`;
    let value = Number(source || "0");
    if (!Number.isFinite(value)) return undefined;
    if (percent) value /= 100;
    if (sign === "-") value = -value;
    const hasDecimals = decimals !== undefined && decimals !== "";
    if (percent) this.detectedFormat = hasDecimals ? "0.00%" : "0%";
    else if (currency) this.detectedFormat = "$#,##0.00";
    else if (exponent) this.detectedFormat = "0.00E+00";
    else if (grouped) this.detectedFormat = hasDecimals ? "#,##0.00" : "#,##0";
    return value === 0 ? 0 : value;
  }

  parseDate(text: string): CellDate | undefined {
    let year: number;
    let month: number;
    let day: number;
    let time: string | undefined;
    let format: string;
    const iso = ISO_DATE.exec(text);
    if (iso) {
      year = Number(iso[1]);
      month = Number(iso[2]);
      day = Number(iso[3]);
      time = iso[4];
      format = time ? "yyyy-mm-dd h:mm:ss" : "yyyy-mm-dd";
    } else {
      const slashed = SLASHED_DATE.exec(text);
      if (!slashed) return undefined;
      const [a, b] = [Number(slashed[1]), Number(slashed[2])];
      [month, day] = this.#monthFirst ? [a, b] : [b, a];
      year = Number(slashed[3]);
      // Two-digit years: 00–29 are 20xx, 30–99 are 19xx, as in Sheets.
      if (slashed[3]!.length === 2) year += year < 30 ? 2000 : 1900;
      time = slashed[4];
      format = time ? DATE_TIME_FORMAT : this.#monthFirst ? DATE_FORMAT : "d/M/yyyy";
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    let hours = 0;
    let minutes = 0;
    let seconds = 0;
    if (time) {
      const clock = TIME.exec(time);
      if (!clock) return undefined;
      hours = Number(clock[1]);
      minutes = Number(clock[2]);
      seconds = Number(clock[3] ?? 0);
      const meridiem = clock[4]?.toUpperCase();
      if (meridiem) {
        if (hours < 1 || hours > 12) return undefined;
        hours = (hours % 12) + (meridiem === "PM" ? 12 : 0);
      }
      if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
    }
    const wallClock = Date.UTC(year, month - 1, day, hours, minutes, seconds);
    this.detectedFormat = format;
    return new CellDate(wallClockToUtc(wallClock, this.timeZone));
  }
}

// Sign, currency, digits (grouped by thousands or not), decimals, exponent, percent.
const NUMBER = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?([eE][+-]?\d+)?(%)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(.+))?$/;
const SLASHED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:\s+(.+))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
