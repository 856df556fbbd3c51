// runDiagnostics: checks, on the live platform and without a single API request, each assumption
// the add-on relies on — the document's properties, cache and lock, this spreadsheet's trigger,
// Range.copyTo between sheets, time zones through Intl against Utilities.formatDate, and the
// manifest's allowed hosts. Each check says what was expected and what was seen; the list is
// answered and written to the sheet "TT Diagnostics".

import { message } from "../../shared/messages/index.js";
import { intlZoneOffset } from "../../shared/timeZones.js";
import { describeError } from "../errors.js";
import type {
  Clock,
  DocumentLock,
  KeyValueCache,
  PropertyStore,
  TriggerManager,
} from "../platform/types.js";
import { HOURLY_HANDLER, storedHourlyTriggerId } from "../schedules/hourlyTrigger.js";
import { triggerNeeds } from "../schedules/hourlyWork.js";
import { FASTMOSS_URL } from "../sources/fastmoss/api.js";
import { KEYAPI_URL } from "../sources/keyapi/api.js";
import { writeDiagnosticsSheet } from "./diagnosticsSheet.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CHECK_IDS = [
  "documentProperties",
  "documentCache",
  "documentLock",
  "trigger",
  "copyTo",
  "timeZone",
  "allowedHosts",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface DiagnosticCheck {
  readonly id: CheckId;
  /** The check's name, in the caller's language. */
  readonly check: string;
  readonly ok: boolean;
  /** What was expected and what was seen. */
  readonly detail: string;
}

export interface DiagnosticsEnvironment {
  readonly spreadsheet: Spreadsheet;
  readonly properties: () => PropertyStore | null;
  readonly cache: () => KeyValueCache | null;
  readonly lock: () => DocumentLock | null;
  readonly triggers: TriggerManager;
  readonly userProperties: PropertyStore;
  readonly allowedHosts: readonly string[];
  /** The wall clock "yyyy-MM-dd HH:mm:ss" in a zone, as Utilities.formatDate shows it. */
  readonly formatInZone: (instant: number, timeZone: string) => string;
  readonly clock: Clock;
  readonly newId: () => string;
}

const PROBE_KEY = "tt.diagnostics.probe";
const LOCK_WAIT_MS = 10_000;
const DAY = 86_400_000;
/** Time-zone instants compared: every week of the coming year, so each offset change shows. */
const ZONE_PROBES = 53;
const COPY_FROM = "TT check copy from";
const COPY_TO = "TT check copy to";

type Probe = (env: DiagnosticsEnvironment) => { ok: boolean; detail: string };

const PROBES: Readonly<Record<CheckId, Probe>> = {
  documentProperties: checkProperties,
  documentCache: checkCache,
  documentLock: checkLock,
  trigger: checkTrigger,
  copyTo: checkCopyTo,
  timeZone: checkTimeZone,
  allowedHosts: checkAllowedHosts,
};

/** Runs every check, writes them to "TT Diagnostics" and answers them. */
export function runDiagnostics(env: DiagnosticsEnvironment): DiagnosticCheck[] {
  const checks = CHECK_IDS.map((id): DiagnosticCheck => {
    const check = message(`diag.${id}`);
    try {
      return { id, check, ...PROBES[id](env) };
    } catch (error) {
      return {
        id,
        check,
        ok: false,
        detail: message("diag.threw", { error: describeError(error) }),
      };
    }
  });
  writeDiagnosticsSheet(env.spreadsheet, new Date(env.clock.now()), checks);
  return checks;
}

function checkProperties(env: DiagnosticsEnvironment) {
  const properties = env.properties();
  if (!properties) return { ok: false, detail: message("diag.properties.none") };
  const value = `probe ${env.newId()}`;
  properties.set(PROBE_KEY, value);
  const seen = properties.get(PROBE_KEY);
  properties.delete(PROBE_KEY);
  const gone = properties.get(PROBE_KEY) === null;
  const ok = seen === value && gone;
  return {
    ok,
    detail: message(ok ? "diag.store.ok" : "diag.store.lost", {
      store: "PropertiesService.getDocumentProperties()",
      expected: value,
      seen: seen === null ? "null" : seen,
    }),
  };
}

function checkCache(env: DiagnosticsEnvironment) {
  const cache = env.cache();
  if (!cache) return { ok: false, detail: message("diag.cache.none") };
  const value = `probe ${env.newId()}`;
  cache.putAll({ [PROBE_KEY]: value }, 60);
  const seen = cache.getAll([PROBE_KEY])[PROBE_KEY];
  cache.remove(PROBE_KEY);
  const ok = seen === value;
  return {
    ok,
    detail: message(ok ? "diag.store.ok" : "diag.store.lost", {
      store: "CacheService.getDocumentCache()",
      expected: value,
      seen: seen ?? "null",
    }),
  };
}

function checkLock(env: DiagnosticsEnvironment) {
  const lock = env.lock();
  if (!lock) return { ok: false, detail: message("diag.lock.none") };
  const started = env.clock.now();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    return { ok: false, detail: message("diag.lock.busy", { seconds: LOCK_WAIT_MS / 1000 }) };
  }
  const waited = env.clock.now() - started;
  lock.release();
  return { ok: true, detail: message("diag.lock.ok", { ms: Math.round(waited) }) };
}

function checkTrigger(env: DiagnosticsEnvironment) {
  const properties = env.properties();
  if (!properties) return { ok: false, detail: message("diag.trigger.noProperties") };
  const { schedules, jobs } = triggerNeeds(properties);
  const expected = schedules > 0 || jobs > 0 ? 1 : 0;
  const ours = env.triggers.list().filter((trigger) => trigger.handler === HOURLY_HANDLER);
  const stored = storedHourlyTriggerId(env.triggers, env.userProperties);
  const ok =
    ours.length === expected && (expected === 0 || ours[0]?.id === stored || stored === null);
  const params = {
    expected,
    schedules,
    jobs,
    seen: ours.length,
    ids: ours.map((trigger) => trigger.id).join(", ") || "—",
    stored: stored ?? "—",
  };
  return { ok, detail: message(ok ? "diag.trigger.ok" : "diag.trigger.wrong", params) };
}

function checkCopyTo(env: DiagnosticsEnvironment) {
  const { spreadsheet } = env;
  for (const name of [COPY_FROM, COPY_TO]) {
    const old = spreadsheet.getSheetByName(name);
    if (old) spreadsheet.deleteSheet(old);
  }
  const active = spreadsheet.getActiveSheet();
  const from = spreadsheet.insertSheet(COPY_FROM, spreadsheet.getNumSheets());
  const to = spreadsheet.insertSheet(COPY_TO, spreadsheet.getNumSheets());
  spreadsheet.setActiveSheet(active);
  try {
    const expected = [
      ["0012345", 42.5, "=not a formula"],
      ["7203874000000000001", -1, "中文 ✓"],
    ];
    const source = from.getRange(1, 1, 2, 3);
    source.setNumberFormats([
      ["@", "0.0", "@"],
      ["@", "0", "@"],
    ]);
    source.setValues(expected);
    source.copyTo(to.getRange(1, 1));
    const seen = to.getRange(1, 1, 2, 3).getValues();
    const ok = JSON.stringify(seen) === JSON.stringify(expected);
    return {
      ok,
      detail: message(ok ? "diag.copyTo.ok" : "diag.copyTo.wrong", {
        expected: JSON.stringify(expected),
        seen: JSON.stringify(seen),
      }),
    };
  } finally {
    spreadsheet.deleteSheet(from);
    spreadsheet.deleteSheet(to);
  }
}

/** "2026-11-16 17:00:00": a wall clock as the add-on's own arithmetic (Intl) computes it. */
function intlWallClock(instant: number, timeZone: string): string {
  const offset = intlZoneOffset(instant, timeZone);
  return new Date(instant - (instant % 1000) + offset).toISOString().slice(0, 19).replace("T", " ");
}

function checkTimeZone(env: DiagnosticsEnvironment) {
  const zone = env.spreadsheet.getSpreadsheetTimeZone();
  const now = env.clock.now();
  for (let week = 0; week < ZONE_PROBES; week++) {
    const instant = now + week * 7 * DAY;
    const expected = env.formatInZone(instant, zone);
    let seen: string;
    try {
      seen = intlWallClock(instant, zone);
    } catch (error) {
      seen = describeError(error);
    }
    if (seen !== expected) {
      return {
        ok: false,
        detail: message("diag.timeZone.wrong", {
          zone,
          instant: `${new Date(instant).toISOString().slice(0, 19)}Z`,
          expected,
          seen,
        }),
      };
    }
  }
  return {
    ok: true,
    detail: message("diag.timeZone.ok", {
      zone,
      count: ZONE_PROBES,
      now: env.formatInZone(now, zone),
    }),
  };
}

function checkAllowedHosts(env: DiagnosticsEnvironment) {
  const urls = [KEYAPI_URL, FASTMOSS_URL];
  const refused = urls.filter(
    (url) =>
      !env.allowedHosts.some((prefix) => prefix.startsWith("https://") && url.startsWith(prefix)),
  );
  const params = {
    urls: urls.join(", "),
    allowed: env.allowedHosts.join(", ") || "—",
    refused: refused.join(", "),
  };
  return refused.length === 0
    ? { ok: true, detail: message("diag.hosts.ok", params) }
    : { ok: false, detail: message("diag.hosts.wrong", params) };
}
