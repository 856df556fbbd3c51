// Every user-visible sentence of the add-on, in English and Simplified Chinese, gathered from one
// table per area. Placeholders are written {name} and filled by `message()`.

import { commonEn, commonZh } from "./common.js";
import { creditsEn, creditsZh } from "./credits.js";
import { fetchingEn, fetchingZh } from "./fetching.js";
import { fieldEn, fieldZh } from "./field.js";
import { growthEn, growthZh } from "./growth.js";
import { pullsEn, pullsZh } from "./pulls.js";
import { queryEn, queryZh } from "./query.js";
import { schedulesEn, schedulesZh } from "./schedules.js";
import { setupEn, setupZh } from "./setup.js";
import { sidebarServerEn, sidebarServerZh } from "./sidebarServer.js";
import { targetsEn, targetsZh } from "./targets.js";

export type Locale = "en" | "zh";

const en = {
  ...commonEn,
  ...queryEn,
  ...fetchingEn,
  ...creditsEn,
  ...pullsEn,
  ...schedulesEn,
  ...sidebarServerEn,
  ...setupEn,
  ...fieldEn,
  ...growthEn,
  ...targetsEn,
} as const;

export type MessageId = keyof typeof en;

export const MESSAGE_IDS = Object.keys(en) as readonly MessageId[];

const zh: Readonly<Record<MessageId, string>> = {
  ...commonZh,
  ...queryZh,
  ...fetchingZh,
  ...creditsZh,
  ...pullsZh,
  ...schedulesZh,
  ...sidebarServerZh,
  ...setupZh,
  ...fieldZh,
  ...growthZh,
  ...targetsZh,
};

const CATALOGUE: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = { en, zh };

let language: Locale = "en";

/**
 * Sets the language of messages that name none, for the rest of this execution (a sidebar call
 * speaks the sidebar's language; custom functions and triggers stay in English). Apps Script gives
 * every execution a fresh global scope, so this never leaks into another one.
 */
export function useLocale(locale: Locale): void {
  language = locale;
}

/** The language messages are in now. */
export function currentLocale(): Locale {
  return language;
}

/** The sentence `id` in `locale`, with its {placeholders} filled from `params`. */
export function message(
  id: MessageId,
  params: Readonly<Record<string, string | number>> = {},
  locale: Locale = language,
): string {
  return CATALOGUE[locale][id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the catalogue for a Google locale such as "zh_CN", "zh-TW" or "en_US". */
export function localeFrom(googleLocale: string | null | undefined): Locale {
  return /^zh/i.test(googleLocale ?? "") ? "zh" : "en";
}
