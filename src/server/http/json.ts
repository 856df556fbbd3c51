// Lenient JSON for API answers: integer literals too long to be exact doubles (19-digit creator
// ids sent as numbers) are read as strings, so no digit is lost before the rows are built.

const SAFE_INTEGER_DIGITS = 15;
/** Sticky: matches a number literal exactly where lastIndex points. */
const NUMBER_LITERAL = /-?(\d+)(\.\d+)?([eE][-+]?\d+)?/y;

/** Quotes every integer literal longer than 15 digits that stands outside a string. */
export function quoteLongIntegers(json: string): string {
  let out = "";
  let start = 0;
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const char = json.charCodeAt(index);
    if (inString) {
      if (char === 92 /* \ */) index++;
      else if (char === 34 /* " */) inString = false;
      continue;
    }
    if (char === 34) {
      inString = true;
      continue;
    }
    const isDigit = char >= 48 && char <= 57;
    if (!isDigit && char !== 45 /* - */) continue;
    // A whole number literal: sign, digits, fraction, exponent.
    NUMBER_LITERAL.lastIndex = index;
    const literal = NUMBER_LITERAL.exec(json);
    if (!literal) continue;
    const [text, integerDigits, fraction, exponent] = literal;
    if (!fraction && !exponent && (integerDigits?.length ?? 0) > SAFE_INTEGER_DIGITS) {
      out += `${json.slice(start, index)}"${text}"`;
      start = index + text.length;
    }
    index += text.length - 1;
  }
  return start === 0 ? json : out + json.slice(start);
}

/** Parses an API answer; undefined when it is not JSON (an HTML error page, a cut-off body). */
export function parseApiJson(body: string): unknown {
  try {
    return JSON.parse(quoteLongIntegers(body));
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
