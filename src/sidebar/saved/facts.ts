// What a saved query's row says, in plain words: where it writes, its schedule, when it last ran
// and how that went, and when it runs next — times as the sheets show them, in the
// spreadsheet's time zone.

import { isSourceName, sourceLabel } from "../../shared/sources.js";
import { formatDateTime, type Locale, t, tn } from "../i18n.js";
import type { Schedule } from "../search/form.js";
import type { SavedQuery } from "../state.js";

export interface SavedFacts {
  /** "KeyAPI · US · 100 rows → “Creators” (Replace)". */
  readonly target: string;
  readonly schedule: string;
  readonly lastRun: string;
  /** "Done · 120 rows"; empty before the first run. */
  readonly status: string;
  readonly failed: boolean;
  readonly error: string;
  readonly nextRun: string;
}

const MODES = ["replace", "append", "upsert", "history"] as const;

const text = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

export function savedFacts(
  saved: SavedQuery,
  locale: Locale,
  now: number,
  timeZone = "UTC",
): SavedFacts {
  const query = saved.query;
  const mode = MODES.find((m) => m === query.mode);
  const limit = typeof query.limit === "number" ? tn(locale, "saved.limit", query.limit) : "";
  const target = t(locale, "saved.target", {
    source: isSourceName(query.source) ? sourceLabel(query.source) : text(query.source),
    region: text(query.region),
    limit,
    sheet: text(query.sheet),
    mode: mode ? t(locale, `mode.${mode}`) : text(query.mode),
  });
  const status = saved.lastStatus
    ? [
        t(locale, `status.${saved.lastStatus}`),
        saved.lastRows === undefined ? "" : tn(locale, "saved.rows", saved.lastRows),
      ]
        .filter(Boolean)
        .join(" · ")
    : "";
  return {
    target,
    schedule: t(locale, `schedule.${saved.schedule as Schedule}`),
    lastRun: saved.lastRun ? formatDateTime(saved.lastRun, timeZone) : t(locale, "saved.never"),
    status,
    failed: saved.lastStatus === "failed",
    error: saved.lastError ?? "",
    nextRun: nextRunText(saved, locale, now, timeZone),
  };
}

function nextRunText(saved: SavedQuery, locale: Locale, now: number, timeZone: string): string {
  if (saved.schedule === "off") return t(locale, "saved.notScheduled");
  if (!saved.nextRun) return "";
  const next = new Date(saved.nextRun).getTime();
  // Due already: the hourly trigger picks it up at its next firing.
  if (!(next > now)) return t(locale, "saved.nextHour");
  return formatDateTime(saved.nextRun, timeZone);
}
