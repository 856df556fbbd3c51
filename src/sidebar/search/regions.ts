// The regions the form offers: FastMoss's own list, and for KeyAPI (which takes any two-letter
// code) the common ones as suggestions, each with its name in the sidebar's language.

import { FASTMOSS_REGIONS } from "../../shared/query/index.js";
import { type Locale, t, type UiMessageId } from "../i18n.js";

/** The region codes the message catalogue names. */
export type RegionCode = {
  [Id in UiMessageId]: Id extends `country.${infer Code}` ? Code : never;
}[UiMessageId];

export const KEYAPI_SUGGESTED_REGIONS: readonly RegionCode[] = [
  ...FASTMOSS_REGIONS,
  "CA",
  "AU",
  "SA",
  "AE",
];

/** "US · United States" / "US · 美国". */
export function regionLabel(code: RegionCode, locale: Locale): string {
  return `${code} · ${t(locale, `country.${code}`)}`;
}
