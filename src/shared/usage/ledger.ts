// The credit ledger as plain data: requests per calendar day (spreadsheet time zone) and source for
// the last 35 days, each saved query's last run, and the credits runs have set aside under a cap.
// Pure functions only — the store part (server/platform/creditMeter.ts) reads and writes it under the document lock.

import type { SourceName } from "../query/types.js";
import { isSourceName } from "../sources.js";

/** Days kept: the 30 the sidebar charts, and a few more. */
export const LEDGER_DAYS = 35;
/** Saved queries remembered (as many as can be saved). */
const MAX_QUERIES = 100;
/** A saved query's id (a UUID) is remembered by its first characters: the ledger stays small. */
const QUERY_ID_CHARS = 8;
const DAY_MS = 86_400_000;

/** Column of each source in a day's counts. */
const COLUMN: Readonly<Record<SourceName, 0 | 1>> = { keyapi: 0, fastmoss: 1 };

export interface Ledger {
  /** "YYYY-MM-DD" → [KeyAPI requests, FastMoss requests]. */
  d: Record<string, [number, number]>;
  /** Saved query id (shortened) → requests of its last run. */
  q: Record<string, number>;
  /** A running answer's token → [KeyAPI credits it has set aside, until when (epoch ms)]. */
  h: Record<string, [number, number]>;
}

export interface SourceCounts {
  readonly keyapi: number;
  readonly fastmoss: number;
}

export interface DayCounts extends SourceCounts {
  readonly day: string;
}

export interface UsageSummary {
  readonly today: SourceCounts;
  readonly last30Days: SourceCounts;
  /** The last 30 days, today included, oldest first; days without requests are zeros. */
  readonly byDay: DayCounts[];
}

export function emptyLedger(): Ledger {
  return { d: {}, q: {}, h: {} };
}

/** A stored ledger; anything damaged reads as empty rather than failing a request. */
export function parseLedger(json: string | null | undefined): Ledger {
  const ledger = emptyLedger();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? "null");
  } catch {
    return ledger;
  }
  if (typeof parsed !== "object" || parsed === null) return ledger;
  const { d, q, h } = parsed as Partial<Record<keyof Ledger, unknown>>;
  for (const [day, counts] of entries(d)) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(day) && Array.isArray(counts)) {
      ledger.d[day] = [count(counts[0]), count(counts[1])];
    }
  }
  for (const [id, credits] of entries(q)) ledger.q[id] = count(credits);
  for (const [token, hold] of entries(h)) {
    if (Array.isArray(hold)) ledger.h[token] = [count(hold[0]), Number(hold[1]) || 0];
  }
  return ledger;
}

/**
 * One change to the ledger made without the document lock: stored as a property of its own (no
 * other execution writes it), folded into the ledger by the next count made under the lock.
 */
export interface LedgerEntry {
  readonly day: string;
  readonly source: SourceName;
  /** Requests sent (negative: counted but never sent). */
  readonly requests: number;
  /** The run the change belongs to. */
  readonly token: string;
  /** The run's hold afterwards: [credits, until]; null: none any more; absent: unchanged. */
  readonly hold?: readonly [number, number] | null;
}

/** Applies one change. */
export function applyEntry(ledger: Ledger, entry: LedgerEntry): void {
  if (entry.requests !== 0) addRequests(ledger, entry.day, entry.source, entry.requests);
  if (entry.hold === null) delete ledger.h[entry.token];
  else if (entry.hold) ledger.h[entry.token] = [entry.hold[0], entry.hold[1]];
}

/** A stored entry; anything damaged reads as no change. */
export function parseEntry(json: string): LedgerEntry | undefined {
  try {
    const entry = JSON.parse(json) as Partial<LedgerEntry>;
    const { day, source, requests, token, hold } = entry;
    if (typeof day !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
    if (!isSourceName(source)) return undefined;
    if (typeof requests !== "number" || !Number.isFinite(requests)) return undefined;
    if (typeof token !== "string") return undefined;
    const held =
      hold === null
        ? null
        : Array.isArray(hold)
          ? ([count(hold[0]), Number(hold[1]) || 0] as const)
          : undefined;
    return {
      day,
      source,
      requests: Math.trunc(requests),
      token,
      ...(held === undefined ? {} : { hold: held }),
    };
  } catch {
    return undefined;
  }
}

/** Counts `requests` of `source` on `day`, and forgets days older than the ledger keeps. */
export function addRequests(
  ledger: Ledger,
  day: string,
  source: SourceName,
  requests: number,
): void {
  const counts = ledger.d[day] ?? [0, 0];
  counts[COLUMN[source]] = Math.max(0, counts[COLUMN[source]] + requests);
  ledger.d[day] = counts;
  pruneDays(ledger, day);
}

/** Keeps the last LEDGER_DAYS days up to `today` (a day ahead of it, from a zone change, too). */
export function pruneDays(ledger: Ledger, today: string): void {
  const oldest = shiftDay(today, -(LEDGER_DAYS - 1));
  for (const day of Object.keys(ledger.d)) if (day < oldest) delete ledger.d[day];
}

/** Holds whose run is over by `now` set nothing aside any more. */
export function pruneHolds(ledger: Ledger, now: number): void {
  for (const [token, [, until]] of Object.entries(ledger.h)) {
    if (until <= now) delete ledger.h[token];
  }
}

/** Notes a saved query's last run; the least recently noted go first past MAX_QUERIES. */
export function noteQueryRun(ledger: Ledger, queryId: string, requests: number): void {
  const id = queryKey(queryId);
  delete ledger.q[id];
  ledger.q[id] = count(requests);
  const ids = Object.keys(ledger.q);
  for (const old of ids.slice(0, Math.max(0, ids.length - MAX_QUERIES))) delete ledger.q[old];
}

/** Requests of a saved query's last run; undefined when it has not run since the ledger began. */
export function queryRunRequests(ledger: Ledger, queryId: string): number | undefined {
  return ledger.q[queryKey(queryId)];
}

/** Credits every hold but `token`'s sets aside now. */
export function heldByOthers(ledger: Ledger, token: string): number {
  return Object.entries(ledger.h).reduce(
    (sum, [other, [credits]]) => (other === token ? sum : sum + credits),
    0,
  );
}

/** Requests of one source on one day. */
export function requestsOn(ledger: Ledger, day: string, source: SourceName): number {
  return ledger.d[day]?.[COLUMN[source]] ?? 0;
}

/** Today's counts, the last 30 days' totals and each of those days, oldest first. */
export function summarize(ledger: Ledger, today: string): UsageSummary {
  const byDay: DayCounts[] = [];
  let keyapi = 0;
  let fastmoss = 0;
  for (let back = 29; back >= 0; back--) {
    const day = shiftDay(today, -back);
    const counts = ledger.d[day] ?? [0, 0];
    byDay.push({ day, keyapi: counts[0], fastmoss: counts[1] });
    keyapi += counts[0];
    fastmoss += counts[1];
  }
  const now = byDay[byDay.length - 1]!;
  return {
    today: { keyapi: now.keyapi, fastmoss: now.fastmoss },
    last30Days: { keyapi, fastmoss },
    byDay,
  };
}

/** "2026-12-06" moved by `days` calendar days. */
export function shiftDay(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date) + days * DAY_MS).toISOString().slice(0, 10);
}

function queryKey(id: string): string {
  return id.replace(/-/g, "").slice(0, QUERY_ID_CHARS);
}

function entries(value: unknown): [string, unknown][] {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? Object.entries(value)
    : [];
}

function count(value: unknown): number {
  const number = Math.floor(Number(value));
  return Number.isFinite(number) && number > 0 ? number : 0;
}
