// A test and benchmark entry into the data layer and the sheet writer, built like dist/Code.js
// (into .build/, never shipped): it runs the real src/server code in the local runtime against the
// fake APIs, so pulls and writes can be measured as a whole — and the naive way beside them.

import { isAddonError } from "../../src/server/errors.js";
import { emptyStats, type FetchStats, type PagedApi } from "../../src/server/http/fetchPages.js";
import { activeSpreadsheet, appsScriptDataServices } from "../../src/server/platform/appsScript.js";
import { isTransportError } from "../../src/server/platform/types.js";
import { commitPull } from "../../src/server/pulls/commit.js";
import type { JobState } from "../../src/server/pulls/jobStore.js";
import { sheetColumns } from "../../src/server/pulls/sheetFormat.js";
import { adapterFor } from "../../src/server/sources/adapters.js";
import { fetchRecords, lastPageFor } from "../../src/server/sources/fetchRecords.js";
import { columnSpecs, recordRows, recordsTable } from "../../src/server/sources/rows.js";
import { catalogueOf } from "../../src/shared/columns/index.js";
import type { SourceQuery } from "../../src/shared/query/types.js";

export interface HarnessResult {
  readonly rows: number;
  /** Each record's id (user_id or uid), in order. */
  readonly ids: string[];
  /** The default columns' rows of the first records, as a custom function would answer them. */
  readonly table: unknown[][];
  readonly stats: FetchStats;
  readonly complete: boolean;
  readonly endOfData: boolean;
  readonly stoppedBy?: string;
  readonly error?: { readonly code: string; readonly message: string };
}

function summary(query: SourceQuery, records: readonly unknown[]) {
  const catalogue = catalogueOf(query.source);
  const ids = records.map((record) =>
    String((record as Record<string, unknown>)[catalogue.idKey] ?? ""),
  );
  const table = recordsTable(
    query.source,
    records.slice(0, 20),
    { columns: catalogue.defaultKeys, headers: "keys" },
    "Etc/UTC",
  ).map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : cell)));
  return { rows: records.length, ids, table };
}

function failed(error: unknown, stats: FetchStats): HarnessResult {
  if (!isAddonError(error)) throw error;
  return {
    rows: 0,
    ids: [],
    table: [],
    stats,
    complete: false,
    endOfData: false,
    error: { code: error.code, message: error.message },
  };
}

/**
 * Pulls a query's records through the data layer: cache, waves, pacing, retries.
 * @param query A validated query.
 * @param key The source's key or token.
 * @param budgetMs Time the pull may take.
 */
export function harnessPull(query: SourceQuery, key: string, budgetMs: number): HarnessResult {
  const services = appsScriptDataServices();
  try {
    const fetched = fetchRecords(
      { query, key, deadline: services.clock.now() + budgetMs },
      services,
    );
    return {
      ...summary(query, fetched.records),
      stats: fetched.stats,
      complete: fetched.complete,
      endOfData: fetched.endOfData,
      ...(fetched.stoppedBy ? { stoppedBy: fetched.stoppedBy } : {}),
    };
  } catch (error) {
    return failed(error, emptyStats());
  }
}

/**
 * The same pull done the naive way: one page after another, no cache, no pacing, no retries.
 * @param query A validated query.
 * @param key The source's key or token.
 */
export function harnessPullNaively(query: SourceQuery, key: string): HarnessResult {
  const services = appsScriptDataServices();
  const pages = { first: 1, last: lastPageFor(query) };
  const api: PagedApi = adapterFor(query).pagedApi(query, key, pages);
  const stats = emptyStats();
  const records: unknown[] = [];
  for (let page = 1; page <= pages.last; page++) {
    const [outcome] = services.http.fetchAll([api.request(page)]);
    stats.requests++;
    stats.waves++;
    if (!outcome || isTransportError(outcome)) break;
    stats.credits += api.creditsFor(outcome);
    const answer = api.read(outcome);
    if (answer.kind !== "page") return failed(new Error(answer.detail), stats);
    records.push(...answer.records);
    if (answer.count < api.pageSize) break;
  }
  return {
    ...summary(query, records.slice(0, query.limit)),
    stats,
    complete: true,
    endOfData: records.length < query.limit,
  };
}

/**
 * The best simple alternative: parallel batches as large as the rate limit, one a second, until a
 * short page shows the end — no planner, no cache, no shared pacing, no retries.
 * @param query A validated query.
 * @param key The source's key or token.
 * @param ratePerSecond The API's rate limit, known in advance.
 */
export function harnessPullInBatches(
  query: SourceQuery,
  key: string,
  ratePerSecond: number,
): HarnessResult {
  const services = appsScriptDataServices();
  const pages = { first: 1, last: lastPageFor(query) };
  const api: PagedApi = adapterFor(query).pagedApi(query, key, pages);
  const stats = emptyStats();
  const records: unknown[] = [];
  for (let first = 1, ended = false; first <= pages.last && !ended; first += ratePerSecond) {
    const started = services.clock.now();
    const batch: number[] = [];
    for (let page = first; page < first + ratePerSecond && page <= pages.last; page++)
      batch.push(page);
    const outcomes = services.http.fetchAll(batch.map((page) => api.request(page)));
    stats.requests += batch.length;
    stats.waves++;
    for (const outcome of outcomes) {
      if (isTransportError(outcome)) return failed(new Error(outcome.transportError), stats);
      stats.credits += api.creditsFor(outcome);
      const answer = api.read(outcome);
      if (answer.kind !== "page") return failed(new Error(answer.detail), stats);
      if (ended) continue;
      records.push(...answer.records);
      if (answer.count < api.pageSize) ended = true;
    }
    const wait = started + 1000 - services.clock.now();
    if (!ended && wait > 0) services.clock.sleep(wait);
  }
  return {
    ...summary(query, records.slice(0, query.limit)),
    stats,
    complete: true,
    endOfData: records.length < query.limit,
  };
}

export interface WriteBench {
  readonly rows: number;
}

/** Synthetic creators, shaped like KeyAPI's answer, with the values that make writing hard. */
function syntheticRecords(count: number): Record<string, unknown>[] {
  const names = [
    "Mia",
    '=HYPERLINK("x")',
    "+1 555 0100",
    "-mia-",
    "@shop",
    "0012345",
    "达人小美",
    "Zoë 😀",
  ];
  return Array.from({ length: count }, (_, index) => ({
    user_id: String(6_787_580_688_797_713_413n + BigInt(index)),
    unique_id: `creator_${index}`,
    nick_name: names[index % names.length],
    total_followers_cnt: 1000 + index * 37,
    total_followers_30d_cnt: index % 500,
    interaction_rate: (index % 100) / 1000,
    total_views_cnt: index * 1234,
    total_post_video_cnt: index % 300,
    total_sale_gmv_30d_amt: (index % 1000) * 12.5,
    category: "Beauty",
    region: "US",
    contact_email: index % 3 === 0 ? `c${index}@example.com` : "",
  }));
}

/**
 * Writes `count` rows into the sheet "Bench" the add-on's way (the replace commit: formats, then
 * blocks of setValues), or the naive way (one appendRow per row).
 * @param count Rows to write.
 * @param naive Write row by row instead.
 */
export function harnessWrite(count: number, naive: boolean): WriteBench {
  const spreadsheet = activeSpreadsheet();
  const { defaultKeys } = catalogueOf("keyapi");
  const output = { columns: defaultKeys, headers: "labels" as const };
  const columns = sheetColumns("keyapi", output, "replace");
  const rows = recordRows(
    "keyapi",
    syntheticRecords(count),
    columnSpecs("keyapi", defaultKeys),
    "Etc/UTC",
  );
  if (naive) {
    const sheet = spreadsheet.getSheetByName("Bench") ?? spreadsheet.insertSheet("Bench");
    sheet.appendRow(columns.map((column) => column.header));
    for (const row of rows) sheet.appendRow(row);
    return { rows: count };
  }
  const job = {
    id: "bench",
    request: {
      query: { source: "keyapi", region: "US", limit: count, filters: {} },
      output,
      sheet: "Bench",
      mode: "replace",
    },
    status: "running",
    phase: "committing",
    nextPage: 1,
    rowsStaged: 0,
    rowsWritten: 0,
    requests: 0,
    credits: 0,
    executions: 1,
    startedAt: 0,
    updatedAt: 0,
  } as JobState;
  const written = commitPull({
    spreadsheet,
    job,
    columns,
    pulled: { kind: "memory", rows },
    idIndex: 0,
    checkpoint: () => undefined,
  });
  return { rows: written };
}
