// Number formats: what `getDisplayValues()` shows for a value under a format pattern — numbers
// ("0.00", "#,##0", "0%", "$#,##0.00", up to four ";" sections), dates ("yyyy-mm-dd hh:mm",
// "M/d/yyyy", "mmm d, h:mm am/pm"), plain text ("@") and Sheets' automatic format.

import { MONTH_NAMES, WEEKDAY_NAMES } from "../calendar.js";
import { CellDate, CellError, type CellScalar } from "./cells.js";
import { fromSerial, toSerial, wallClockOf } from "./dates.js";

/** What Apps Script's `getNumberFormat()` answers for a cell in the automatic format (observed). */
export const AUTOMATIC_FORMAT = "0.###############";
export const TEXT_FORMAT = "@";
/** The format Sheets gives a cell in the automatic format when a script writes a Date to it. */
export const DATE_TIME_FORMAT = "M/d/yyyy H:mm:ss";
export const DATE_FORMAT = "M/d/yyyy";

export function isAutomaticFormat(format: string | undefined): boolean {
  return (
    format === undefined ||
    format === "" ||
    format === AUTOMATIC_FORMAT ||
    format.toLowerCase() === "general"
  );
}

type Compiled =
  | { readonly kind: "automatic" }
  | { readonly kind: "text" }
  | { readonly kind: "number"; readonly sections: readonly NumberSection[] }
  | { readonly kind: "date"; readonly tokens: readonly DateToken[] };

interface NumberSection {
  readonly prefix: string;
  readonly suffix: string;
  readonly integerDigits: number;
  readonly grouping: boolean;
  readonly minDecimals: number;
  readonly maxDecimals: number;
  readonly showPoint: boolean;
  readonly percent: number;
  /** Digits of the exponent in scientific patterns ("0.00E+00"), else 0. */
  readonly exponentDigits: number;
}

type DateToken =
  | { readonly kind: "literal"; readonly text: string }
  | {
      readonly kind:
        | "year"
        | "month"
        | "minute"
        | "day"
        | "weekday"
        | "hour"
        | "second"
        | "fraction"
        | "ampm";
      readonly width: number;
    };

const compiled = new Map<string, Compiled>();

function compile(format: string | undefined): Compiled {
  if (isAutomaticFormat(format)) return { kind: "automatic" };
  const pattern = format!;
  let result = compiled.get(pattern);
  if (!result) {
    if (pattern === TEXT_FORMAT) result = { kind: "text" };
    else if (isDatePattern(pattern)) result = { kind: "date", tokens: compileDate(pattern) };
    else result = { kind: "number", sections: splitSections(pattern).map(compileNumberSection) };
    compiled.set(pattern, result);
  }
  return result;
}

export function isDateFormat(format: string | undefined): boolean {
  return compile(format).kind === "date";
}

/** A pattern is a date pattern when, outside quotes and brackets, it uses y, m, d, h or s. */
function isDatePattern(pattern: string): boolean {
  let bare = "";
  forEachPatternChar(pattern, (char, literal) => {
    if (!literal) bare += char;
  });
  return /[ydhms]/i.test(bare) && !/[0#?]/.test(bare.replace(/s+\.0+/gi, "s"));
}

/** Walks a pattern; quoted text, escaped characters and `[$€]` currency text come as literals. */
function forEachPatternChar(
  pattern: string,
  visit: (char: string, literal: boolean, index: number) => void,
): void {
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '"') {
      const end = pattern.indexOf('"', index + 1);
      const stop = end < 0 ? pattern.length : end;
      for (const quoted of pattern.slice(index + 1, stop)) visit(quoted, true, index);
      index = stop;
    } else if (char === "\\" && index + 1 < pattern.length) {
      visit(pattern[++index]!, true, index);
    } else if (char === "[") {
      const end = pattern.indexOf("]", index + 1);
      const stop = end < 0 ? pattern.length : end;
      const inner = pattern.slice(index + 1, stop);
      // [$$-409] shows "$"; colours and conditions show nothing.
      if (inner.startsWith("$"))
        for (const text of inner.slice(1).split("-")[0]!) visit(text, true, index);
      index = stop;
    } else if (char === "_" && index + 1 < pattern.length) {
      index++;
      visit(" ", true, index);
    } else if (char === "*" && index + 1 < pattern.length) {
      index++;
    } else {
      visit(char, false, index);
    }
  }
}

function splitSections(pattern: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "[") bracket = true;
    else if (!quoted && char === "]") bracket = false;
    else if (!quoted && !bracket && char === "\\") {
      current += char + (pattern[index + 1] ?? "");
      index++;
      continue;
    }
    if (char === ";" && !quoted && !bracket) {
      sections.push(current);
      current = "";
    } else current += char;
  }
  sections.push(current);
  return sections;
}

function compileNumberSection(source: string): NumberSection {
  let prefix = "";
  let suffix = "";
  let digits = "";
  let state: "before" | "in" | "after" = "before";
  let percent = 0;
  const chars: { char: string; literal: boolean }[] = [];
  forEachPatternChar(source, (char, literal) => chars.push({ char, literal }));
  for (let index = 0; index < chars.length; index++) {
    const { char, literal } = chars[index]!;
    const next = chars[index + 1];
    const placeholder = !literal && (char === "0" || char === "#" || char === "?");
    if (state !== "after" && placeholder) {
      state = "in";
      digits += char;
      continue;
    }
    if (state === "in" && !literal && (char === "," || char === ".")) {
      digits += char;
      continue;
    }
    if (state === "before" && !literal && char === "." && next && /[0#?]/.test(next.char)) {
      state = "in";
      digits += char;
      continue;
    }
    if (
      state === "in" &&
      !literal &&
      (char === "E" || char === "e") &&
      next &&
      /[+-]/.test(next.char)
    ) {
      digits += `E${next.char}`;
      index++;
      continue;
    }
    if (state === "in") state = "after";
    if (!literal && char === "%") percent++;
    if (state === "before") prefix += char;
    else suffix += char;
  }
  const [mantissa = "", exponent = ""] = digits.split(/E[+-]/);
  const point = mantissa.indexOf(".");
  const integerPart = point < 0 ? mantissa : mantissa.slice(0, point);
  const decimalPart = point < 0 ? "" : mantissa.slice(point + 1).replaceAll(",", "");
  return {
    prefix,
    suffix,
    integerDigits: (integerPart.match(/0/g) ?? []).length,
    grouping: /[0#?],[0#?]/.test(integerPart),
    minDecimals: (decimalPart.match(/0/g) ?? []).length,
    maxDecimals: Math.min(20, (decimalPart.match(/[0#?]/g) ?? []).length),
    showPoint: point >= 0,
    percent,
    exponentDigits: digits.includes("E") ? Math.max(1, exponent.length) : 0,
  };
}

function compileDate(pattern: string): DateToken[] {
  const tokens: DateToken[] = [];
  const chars: { char: string; literal: boolean }[] = [];
  forEachPatternChar(pattern, (char, literal) => chars.push({ char, literal }));
  for (let index = 0; index < chars.length; ) {
    const { char, literal } = chars[index]!;
    const lower = char.toLowerCase();
    if (!literal && lower === "a") {
      const rest = chars
        .slice(index, index + 5)
        .map((item) => item.char)
        .join("")
        .toLowerCase();
      if (rest === "am/pm") {
        tokens.push({ kind: "ampm", width: 5 });
        index += 5;
        continue;
      }
      if (rest.startsWith("a/p")) {
        tokens.push({ kind: "ampm", width: 1 });
        index += 3;
        continue;
      }
    }
    if (!literal && "ymdhs".includes(lower)) {
      let width = 1;
      while (chars[index + width]?.char.toLowerCase() === lower && !chars[index + width]!.literal)
        width++;
      const kind =
        lower === "y"
          ? "year"
          : lower === "m"
            ? "month"
            : lower === "d"
              ? width >= 3
                ? "weekday"
                : "day"
              : lower === "h"
                ? "hour"
                : "second";
      tokens.push({ kind, width });
      index += width;
      continue;
    }
    const previous = tokens[tokens.length - 1];
    if (!literal && char === "." && previous?.kind === "second" && chars[index + 1]?.char === "0") {
      let width = 0;
      while (chars[index + 1 + width]?.char === "0") width++;
      tokens.push({ kind: "fraction", width });
      index += 1 + width;
      continue;
    }
    if (previous?.kind === "literal") {
      tokens[tokens.length - 1] = { kind: "literal", text: previous.text + char };
    } else tokens.push({ kind: "literal", text: char });
    index++;
  }
  // "m" is minutes right after hours or right before seconds, as in every spreadsheet.
  const parts = tokens.filter((token) => token.kind !== "literal");
  for (let index = 0; index < parts.length; index++) {
    const token = parts[index]!;
    if (token.kind !== "month" || token.width > 2) continue;
    const before = parts[index - 1];
    const after = parts[index + 1];
    if (before?.kind === "hour" || after?.kind === "second") {
      tokens[tokens.indexOf(token)] = { kind: "minute", width: token.width };
    }
  }
  return tokens;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function formatDate(utcMs: number, tokens: readonly DateToken[], timeZone: string): string {
  const clock = wallClockOf(utcMs, timeZone);
  const twelveHour = tokens.some((token) => token.kind === "ampm");
  let text = "";
  for (const token of tokens) {
    switch (token.kind) {
      case "literal":
        text += token.text;
        break;
      case "year":
        text += token.width <= 2 ? pad(clock.year % 100, 2) : pad(clock.year, 4);
        break;
      case "month":
        if (token.width <= 2) text += pad(clock.month, token.width);
        else if (token.width === 3) text += MONTH_NAMES[clock.month - 1]!.slice(0, 3);
        else if (token.width === 4) text += MONTH_NAMES[clock.month - 1]!;
        else text += MONTH_NAMES[clock.month - 1]![0];
        break;
      case "minute":
        text += pad(clock.minute, Math.min(token.width, 2));
        break;
      case "day":
        text += pad(clock.day, token.width);
        break;
      case "weekday":
        text +=
          token.width === 3
            ? WEEKDAY_NAMES[clock.weekday]!.slice(0, 3)
            : WEEKDAY_NAMES[clock.weekday];
        break;
      case "hour": {
        const hour = twelveHour ? clock.hour % 12 || 12 : clock.hour;
        text += pad(hour, Math.min(token.width, 2));
        break;
      }
      case "second":
        text += pad(clock.second, Math.min(token.width, 2));
        break;
      case "fraction":
        text += `.${pad(clock.millisecond, 3).slice(0, token.width).padEnd(token.width, "0")}`;
        break;
      case "ampm":
        text += token.width === 1 ? (clock.hour < 12 ? "A" : "P") : clock.hour < 12 ? "AM" : "PM";
        break;
    }
  }
  return text;
}

function groupThousands(digits: string): string {
  let grouped = "";
  for (let index = 0; index < digits.length; index++) {
    if (index > 0 && (digits.length - index) % 3 === 0) grouped += ",";
    grouped += digits[index];
  }
  return grouped;
}

/** Fixed-point digits of a non-negative number, with Sheets' 15 significant digits. */
function fixedDigits(value: number, decimals: number): string {
  if (value < 1e15) return value.toFixed(decimals);
  const [mantissa = "0", exponent = "0"] = value.toPrecision(15).split("e+");
  const significant = mantissa.replace(".", "");
  const integer = significant.padEnd(Number(exponent) + 1, "0");
  return decimals > 0 ? `${integer}.${"0".repeat(decimals)}` : integer;
}

function formatScientific(value: number, section: NumberSection): string {
  const [mantissa = "0", exponent = "0"] = value.toExponential(section.maxDecimals).split("e");
  let [integer = "0", decimals = ""] = mantissa.split(".");
  while (decimals.length > section.minDecimals && decimals.endsWith("0")) {
    decimals = decimals.slice(0, -1);
  }
  const power = Number(exponent);
  const sign = power < 0 ? "-" : "+";
  return `${integer}${decimals || section.showPoint ? "." : ""}${decimals}E${sign}${pad(Math.abs(power), section.exponentDigits)}`;
}

function formatSection(value: number, section: NumberSection): string {
  const scaled = value * 100 ** section.percent;
  if (section.exponentDigits > 0)
    return section.prefix + formatScientific(scaled, section) + section.suffix;
  const fixed = fixedDigits(scaled, section.maxDecimals);
  let [integer = "0", decimals = ""] = fixed.split(".");
  while (decimals.length > section.minDecimals && decimals.endsWith("0")) {
    decimals = decimals.slice(0, -1);
  }
  if (integer === "0" && section.integerDigits === 0) integer = "";
  integer = integer.padStart(section.integerDigits, "0");
  if (section.grouping) integer = groupThousands(integer);
  const point = decimals || section.showPoint ? "." : "";
  return section.prefix + integer + point + decimals + section.suffix;
}

function formatNumber(value: number, sections: readonly NumberSection[]): string {
  const [positive, negative, zero] = sections;
  if (value === 0 && zero) return formatSection(0, zero);
  if (value < 0 && negative) return formatSection(-value, negative);
  const text = formatSection(Math.abs(value), positive!);
  // A negative number that rounds to nothing shows no sign (assumed).
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * Sheets' automatic format (assumed from observation): integers in full below 10^15, other
 * numbers to 10 significant digits, and scientific notation with 6 significant digits beyond.
 */
export function formatAutomaticNumber(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15 || magnitude < 1e-9) return scientific(value);
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  return text.includes("e") ? scientific(value) : text;
}

function scientific(value: number): string {
  const [mantissa = "0", exponent = "0"] = value.toExponential(5).split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  const power = Number(exponent);
  return `${trimmed}E${power < 0 ? "-" : "+"}${pad(Math.abs(power), 2)}`;
}

function formatAutomaticDate(utcMs: number, timeZone: string): string {
  const clock = wallClockOf(utcMs, timeZone);
  const midnight = clock.hour === 0 && clock.minute === 0 && clock.second === 0;
  return formatDate(utcMs, compileDate(midnight ? DATE_FORMAT : DATE_TIME_FORMAT), timeZone);
}

/** The text a cell shows for `value` under `format`, in the spreadsheet's time zone. */
export function formatForDisplay(
  value: CellScalar | undefined,
  format: string | undefined,
  timeZone: string,
): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof CellError) return value.code;
  const pattern = compile(format);
  if (value instanceof CellDate) {
    if (pattern.kind === "date") return formatDate(value.ms, pattern.tokens, timeZone);
    if (pattern.kind === "number")
      return formatNumber(toSerial(value.ms, timeZone), pattern.sections);
    return formatAutomaticDate(value.ms, timeZone);
  }
  switch (pattern.kind) {
    case "number":
      return formatNumber(value, pattern.sections);
    case "date":
      return formatDate(fromSerial(value, timeZone), pattern.tokens, timeZone);
    default:
      return formatAutomaticNumber(value);
  }
}
