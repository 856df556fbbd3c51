// Every user-visible sentence of the add-on, in English and Simplified Chinese, gathered from one
// table per area. Placeholders are written {name} and filled by `message()`.

import { commonEn, commonZh } from "./common.js";
import { fetchingEn, fetchingZh } from "./fetching.js";
import { pullsEn, pullsZh } from "./pulls.js";
import { queryEn, queryZh } from "./query.js";
import { schedulesEn, schedulesZh } from "./schedules.js";

export type Locale = "en" | "zh";

const en = { ...commonEn, ...queryEn, ...fetchingEn, ...pullsEn, ...schedulesEn } as const;

export type MessageId = keyof typeof en;

export const MESSAGE_IDS = Object.keys(en) as readonly MessageId[];

const zh: Readonly<Record<MessageId, string>> = {
  ...commonZh,
  ...queryZh,
  ...fetchingZh,
  ...pullsZh,
  ...schedulesZh,
};

const CATALOGUE: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = { en, zh };

/** The sentence `id` in `locale`, with its {placeholders} filled from `params`. */
export function message(
  id: MessageId,
  params: Readonly<Record<string, string | number>> = {},
  locale: Locale = "en",
): string {
  return CATALOGUE[locale][id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the catalogue for a Google locale such as "zh_CN", "zh-TW" or "en_US". */
export function localeFrom(googleLocale: string | null | undefined): Locale {
  return /^zh/i.test(googleLocale ?? "") ? "zh" : "en";
}
