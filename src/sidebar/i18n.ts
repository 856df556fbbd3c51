// Looking up the sidebar's own sentences, numbers and dates in its language, and remembering the
// language the user chose (localStorage, when a sandboxed iframe allows it).

import type { Localized } from "../shared/columns/types.js";
import type { Locale } from "../shared/messages/index.js";
import { en, zh } from "./messages.js";

export type { Locale };
export type UiMessageId = keyof typeof en;
export type Params = Readonly<Record<string, string | number>>;

const CATALOGUE: Readonly<Record<Locale, Readonly<Record<UiMessageId, string>>>> = { en, zh };

/** The sentence `id` in `locale`, its {placeholders} filled; an unknown placeholder stays visible. */
export function t(locale: Locale, id: UiMessageId, params: Params = {}): string {
  return CATALOGUE[locale][id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Message ids that come as a pair "<base>.one" / "<base>.other". */
export type CountedId = {
  [Id in UiMessageId]: Id extends `${infer Base}.one` ? Base : never;
}[UiMessageId];

/** The singular or plural sentence for `count`, with {count} written the locale's way. */
export function tn(locale: Locale, id: CountedId, count: number, params: Params = {}): string {
  const form = count === 1 ? "one" : "other";
  return t(locale, `${id}.${form}` as UiMessageId, {
    ...params,
    count: formatCount(locale, count),
  });
}

/** A label of the shared specs or catalogues in the sidebar's language. */
export const inLocale = (text: Localized, locale: Locale) => text[locale];

/** The BCP 47 tag Intl formats with. */
export const localeTag = (locale: Locale) => (locale === "zh" ? "zh-CN" : "en-US");

/** 12345 → "12,345". */
export function formatCount(locale: Locale, n: number): string {
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 0 }).format(n);
}

/**
 * An instant as the sheets show it — "2026-11-16 13:00", the run log's and snapshots' format — in
 * the spreadsheet's time zone: one date-time format everywhere, whatever the browser's zone.
 */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  };
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", { ...options, timeZone }).formatToParts(date);
  } catch {
    parts = new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" }).formatToParts(date);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((item) => item.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = "tt.sidebar.locale";

/** localStorage, or undefined where the sandbox refuses it (reading the property can throw). */
export function browserStorage(): StorageLike | undefined {
  try {
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The language the user chose earlier in this browser, if any. */
export function storedLocale(storage: StorageLike | undefined): Locale | undefined {
  try {
    const value = storage?.getItem(STORAGE_KEY);
    return value === "en" || value === "zh" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the user's choice; a storage that refuses is no reason to fail. */
export function rememberLocale(storage: StorageLike | undefined, locale: Locale): void {
  try {
    storage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or a sandbox without storage: the choice lasts for this page only.
  }
}
