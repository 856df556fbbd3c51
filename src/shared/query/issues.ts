// What is wrong with a query, as data (message id and parameters) so that the server and the
// sidebar can each render it in the user's language.

import type { Localized } from "../columns/types.js";
import { currentLocale, type Locale, type MessageId, message } from "../messages/index.js";
import { clipText } from "../text.js";

export interface QueryIssue {
  /** The argument, filter or option at fault, as the user named it. */
  readonly parameter: string;
  readonly id: MessageId;
  readonly params: Readonly<Record<string, string | number>>;
  /** Parameters whose text depends on the language, such as an enum's meanings. */
  readonly localized?: Readonly<Record<string, Localized>>;
}

/** The issue as a sentence in `locale` (by default, the language messages are in now). */
export function issueMessage(issue: QueryIssue, locale: Locale = currentLocale()): string {
  const params: Record<string, string | number> = { ...issue.params };
  for (const [name, text] of Object.entries(issue.localized ?? {})) params[name] = text[locale];
  return message(issue.id, params, locale);
}

const SHOWN_MAX = 60;

/** A user's value as messages quote it: text in quotes and cut short, TRUE/FALSE as in Sheets. */
export function shown(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? message("value.invalidDate")
      : value.toISOString().slice(0, 10);
  }
  if (typeof value === "string") return `"${clip(value)}"`;
  // A range is shown as its cells; any other object from a script (google.script.run carries plain
  // objects) is never stringified: its toString may be anything, or not a function at all.
  if (Array.isArray(value)) {
    return clip(
      value
        .flat(2)
        .map((cell) => (typeof cell === "object" && cell !== null ? "…" : String(cell)))
        .join(","),
    );
  }
  if (typeof value === "object" && value !== null) return message("value.object");
  return clip(String(value));
}

/** Text cut to what a message may echo of it. */
export const clip = (text: string) => clipText(text, SHOWN_MAX);

/** 100000 → "100,000", the way the limits are written in messages. */
export const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export const issue = (
  parameter: string,
  id: MessageId,
  params: Readonly<Record<string, string | number>> = {},
  localized?: Readonly<Record<string, Localized>>,
): QueryIssue => (localized ? { parameter, id, params, localized } : { parameter, id, params });

/** Levenshtein distance: how many single-letter edits turn `a` into `b`. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The known name closest to what was typed, when it is close enough to be a likely slip: at most
 * 45 % of the longer name edited ("min_followers" → "min_total_followers_cnt", but not
 * "ecommerce_type" → "sort_type"), or the typed text contained in it ("followers").
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
  const text = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const d = distance(text, name.toLowerCase());
    const near =
      d <= Math.max(1, Math.floor(0.45 * Math.max(text.length, name.length))) ||
      (text.length >= 3 && name.includes(text));
    if (near && d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}
