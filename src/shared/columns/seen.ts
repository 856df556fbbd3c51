// The two columns only an upsert pull keeps, for both sources: when an id first appeared in the
// sheet (never changed afterwards) and the latest run that returned it — so users can filter
// "new this week". They come from the run, not from the API.

import { type ColumnSpec, column } from "./types.js";

export const FIRST_SEEN_KEY = "first_seen_at";
export const LAST_SEEN_KEY = "last_seen_at";
export const SEEN_KEYS: readonly string[] = [FIRST_SEEN_KEY, LAST_SEEN_KEY];

export const SEEN_COLUMNS: readonly ColumnSpec[] = [
  column(
    FIRST_SEEN_KEY,
    "date",
    ["First seen here", "本表首次出现"],
    [
      "Upsert only: when the creator first appeared in this sheet; never changed afterwards.",
      "仅限更新插入（upsert）：达人首次出现在本表的时间，之后不再改变。",
    ],
  ),
  column(
    LAST_SEEN_KEY,
    "date",
    ["Last seen here", "本表最近出现"],
    [
      "Upsert only: the latest run that returned the creator.",
      "仅限更新插入（upsert）：最近一次返回该达人的运行时间。",
    ],
  ),
];

export function isSeenKey(key: string): boolean {
  return SEEN_KEYS.includes(key);
}
