// The small interfaces through which the add-on uses the platform. Logic takes these as
// parameters; only platform/appsScript.ts binds them to Apps Script's services, so tests hand in
// in-memory fakes with counters instead of patching globals.

import type { CreditMeter } from "./creditMeter.js";

export interface HttpRequest {
  readonly url: string;
  readonly method: "get" | "post";
  readonly headers: Readonly<Record<string, string>>;
  readonly payload?: string;
  readonly contentType?: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A request that never got an answer: a transport failure (DNS, timeout, connection), or a quota. */
export interface TransportFailure {
  readonly transportError: string;
  /** Google refused to send it: the account's daily UrlFetch quota is used up. */
  readonly dailyQuota?: boolean;
}

/** A response, or the failure that stood in its place. */
export type HttpOutcome = HttpResponse | TransportFailure;

export interface HttpClient {
  /** Sends the requests at the same time and answers in order; never throws on an HTTP status. */
  fetchAll(requests: readonly HttpRequest[]): HttpOutcome[];
}

/** Apps Script ends every execution at 6 minutes (a custom function's at 30 seconds). */
export const EXECUTION_LIMIT_MS = 360_000;

export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

/** A string cache with expiry (CacheService's shape, batched). */
export interface KeyValueCache {
  getAll(keys: readonly string[]): Readonly<Record<string, string>>;
  putAll(values: Readonly<Record<string, string>>, ttlSeconds: number): void;
  remove(key: string): void;
}

/** A string store that outlives executions (PropertiesService's shape). */
export interface PropertyStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Every property whose name starts with `prefix`. */
  list(prefix: string): Record<string, string>;
}

/** The document lock: one execution at a time may hold it. */
export interface DocumentLock {
  /** Waits up to `ms` for the lock; false when another execution kept it. */
  tryLock(ms: number): boolean;
  release(): void;
  /** True while this execution holds it. */
  holds?(): boolean;
}

/** The current user's installable triggers in this spreadsheet (never another's). */
export interface TriggerManager {
  /** The spreadsheet's id: anything stored about its trigger is kept under it. */
  readonly documentId: string;
  /** Handler function names of the user's time-driven triggers, with their ids. */
  list(): { readonly id: string; readonly handler: string }[];
  createHourly(handler: string): string;
  delete(id: string): void;
}

/**
 * The part of a spreadsheet the pull engine (and the writers it shares with growth and
 * diagnostics) uses: exactly the methods it calls, no more. SpreadsheetApp's own Spreadsheet, Sheet
 * and Range have them with the same names, so they are handed in as they are — no wrapper — and
 * tests hand in a plain in-memory grid.
 */
export interface Spreadsheet {
  getSheetByName(name: string): Sheet | null;
  getSheets(): Sheet[];
  getNumSheets(): number;
  /** Adds a sheet at a 0-based position. */
  insertSheet(name: string, index: number): Sheet;
  deleteSheet(sheet: Sheet): void;
  getActiveSheet(): Sheet;
  setActiveSheet(sheet: Sheet): void;
}

export interface Sheet {
  getName(): string;
  /** The sheet's size, filled or not. */
  getMaxRows(): number;
  getMaxColumns(): number;
  /** The last row and column holding anything (0 when none does). */
  getLastRow(): number;
  getLastColumn(): number;
  insertRowsAfter(afterRow: number, count: number): void;
  insertColumnsAfter(afterColumn: number, count: number): void;
  deleteRows(firstRow: number, count: number): void;
  /** 1-based; Sheets refuses a range outside the sheet's size. */
  getRange(row: number, column: number): SheetRange;
  getRange(row: number, column: number, rows: number, columns: number): SheetRange;
  getFrozenRows(): number;
  setFrozenRows(rows: number): void;
  setColumnWidths(firstColumn: number, count: number, width: number): void;
  hideSheet(): void;
}

export interface SheetRange {
  /** The top-left cell's value. */
  getValue(): unknown;
  getValues(): unknown[][];
  setValues(values: unknown[][]): void;
  getNumberFormats(): string[][];
  setNumberFormat(format: string): void;
  setNumberFormats(formats: string[][]): void;
  setFontWeight(weight: "bold" | "normal"): void;
  /** Values and formats go to `destination`'s top-left cell onward, in one server-side call. */
  copyTo(destination: SheetRange): void;
  /** Values and formats. */
  clear(): void;
}

/** A short, stable digest of a text, safe in cache keys. */
export type Hasher = (text: string) => string;

export interface DataServices {
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly cache: KeyValueCache;
  readonly hash: Hasher;
  /** The document lock, under which the executions of a document share their pacing budget. */
  readonly lock?: DocumentLock;
  /**
   * The document's credit ledger and daily cap: every request sent is counted in it. Absent only
   * where nothing is counted (unit tests of the engine).
   */
  readonly meter?: CreditMeter;
}

/**
 * What every feature works in: the data services, the document's properties and the spreadsheet's
 * time zone. The environments of custom functions, the sidebar and pulls all start from it.
 */
export interface DocumentEnvironment {
  readonly data: DataServices;
  readonly properties: PropertyStore;
  /** The spreadsheet's time zone, e.g. "Europe/Berlin". */
  readonly timeZone: string;
}

export function isTransportError(outcome: HttpOutcome): outcome is TransportFailure {
  return "transportError" in outcome;
}
