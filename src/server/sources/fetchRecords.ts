// A validated query → the creators' records, through the paging engine: the page cache, the rate
// pacer (remembering a rate the API taught us), the paging bounds of each API, and the key kept
// out of every message. Custom functions, writers and schedules all come through here.

import { lastPage, pageSize } from "../../shared/query/paging.js";
import type { SourceName, SourceQuery } from "../../shared/query/types.js";
import { sourceLabel } from "../../shared/sources.js";
import type { AddonError } from "../errors.js";
import { apiError } from "../http/apiErrors.js";
import { type FetchedPages, fetchPages } from "../http/fetchPages.js";
import { PacingBudget } from "../http/pacingBudget.js";
import { PageCache } from "../http/pageCache.js";
import { redactSecrets, SECRET_RUN } from "../http/redact.js";
import type { DataServices } from "../platform/types.js";
import { adapterFor } from "./adapters.js";

/** Requests per second we allow ourselves until an API says otherwise (neither documents one). */
export const DEFAULT_RATE: Readonly<Record<SourceName, number>> = { keyapi: 10, fastmoss: 10 };
/** Caching pays for repeatable, formula-sized pulls; a long pull checkpoints instead. */
const MAX_CACHED_PAGES = 200;

export interface RecordsRequest {
  readonly query: SourceQuery;
  /** The source's key or token; empty when none is set. */
  readonly key: string;
  /** Epoch ms by which the run must be over. */
  readonly deadline: number;
  /** Page to start at; a long pull resumes after the last page it wrote. */
  readonly firstPage?: number;
  /** At most this many pages in this run. */
  readonly maxPages?: number;
  /**
   * Read and keep pages in the 6-hour cache (default: for runs of formula size). A pull into a
   * sheet wants fresh data, not what a formula fetched an hour ago.
   */
  readonly useCache?: boolean;
  /** On a failure, answer the records fetched before it, with the error, instead of throwing. */
  readonly keepPartial?: boolean;
  /**
   * Whether the answer is worth anything only whole (formulas, previews, connection tests: the
   * default unless keepPartial). Under a credit cap, such a run sets every credit it needs aside
   * before its first request, or sends nothing.
   */
  readonly whole?: boolean;
}

export interface FetchedRecords extends FetchedPages {
  readonly pageSize: number;
  /** Rows the query still wants after this run's records (0 when the limit is reached). */
  readonly limit: number;
}

export function pageSizeFor(query: SourceQuery): number {
  return pageSize(query.source, query.limit);
}

/** The last page the query can need, by its limit and the API's paging rules. */
export function lastPageFor(query: SourceQuery): number {
  return lastPage(query.source, query.limit);
}

/** Everything that decides a query's pages, in a stable order: its cache identity. */
export function canonicalQuery(query: SourceQuery): string {
  const filters = Object.entries(query.filters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const date = "date" in query ? query.date : null;
  return JSON.stringify([query.source, query.region, filters, date, pageSizeFor(query)]);
}

/** Why the API could not be sent this query at all (checked before any request), if it can't. */
export function requestProblem(query: SourceQuery): AddonError | undefined {
  return adapterFor(query).requestProblem(query, lastPageFor(query));
}

export function fetchRecords(request: RecordsRequest, services: DataServices): FetchedRecords {
  const { query, key } = request;
  const label = sourceLabel(query.source);
  if (key.trim() === "") throw apiError("MISSING_KEY", label, "");
  const problem = requestProblem(query);
  if (problem) throw problem;

  const firstPage = request.firstPage ?? 1;
  const lastPage = Math.min(
    lastPageFor(query),
    request.maxPages === undefined ? Number.POSITIVE_INFINITY : firstPage + request.maxPages - 1,
  );
  const pages = { first: firstPage, last: lastPage };
  const api = adapterFor(query).pagedApi(query, key, pages);

  // Cache keys carry a digest of the key: pages and pace paid with one key never serve another
  // (each key has its own rate limit at the API).
  const keyDigest = services.hash(key);
  const pacer = new PacingBudget(
    query.source,
    `${query.source}|${keyDigest}`,
    DEFAULT_RATE[query.source],
    services,
  );
  const useCache = request.useCache ?? lastPage - firstPage < MAX_CACHED_PAGES;
  const fetched = fetchWithRelease(pacer, () =>
    fetchPages(api, {
      http: services.http,
      clock: services.clock,
      pacer,
      deadline: request.deadline,
      redact: (text) => redact(text, key),
      ...(request.keepPartial ? { keepPartial: true } : {}),
      ...((request.whole ?? !request.keepPartial) ? { whole: true } : {}),
      ...(useCache
        ? {
            cache: new PageCache(
              services.cache,
              `${keyDigest}.${services.hash(canonicalQuery(query))}`,
            ),
          }
        : {}),
    }),
  );
  const wanted = query.limit - (firstPage - 1) * api.pageSize;
  return {
    ...fetched,
    records: fetched.records.slice(0, Math.max(0, wanted)),
    pageSize: api.pageSize,
    limit: query.limit,
  };
}

/** Whatever happens, the credits a run set aside and did not spend go back to the document. */
function fetchWithRelease(pacer: PacingBudget, fetch: () => FetchedPages): FetchedPages {
  try {
    return fetch();
  } finally {
    pacer.release();
  }
}

/** Removes the key — and any piece of it of 6 or more characters — from a text that may reach a person. */
export function redact(text: string, key: string): string {
  if (key.length >= SECRET_RUN) return redactSecrets(text, [key]);
  return key.length >= 4 ? text.split(key).join("•••") : text;
}
