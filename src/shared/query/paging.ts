// How each API pages, shared by the server (which plans requests with it) and the sidebar (which
// shows their cost before running): both read the rules from the source registry, so they agree.

import type { SourceName } from "../columns/types.js";
import { SOURCES } from "../sources.js";

export function pageSize(source: SourceName, limit: number): number {
  return Math.min(SOURCES[source].maxPageSize, Math.max(1, limit));
}

/** The last page a pull of `limit` rows can need: by the limit, and by the API's paging bound. */
export function lastPage(source: SourceName, limit: number): number {
  const rows = Math.max(1, Math.floor(limit));
  const size = pageSize(source, rows);
  return Math.min(Math.ceil(rows / size), SOURCES[source].maxPages(size));
}

export interface CostEstimate {
  /** Requests when at least `limit` rows exist; fewer if the data ends sooner. */
  readonly requests: number;
  /** KeyAPI charges a credit per request; FastMoss counts no credits. */
  readonly credits: number;
}

/** What a pull of `limit` rows costs at most (KeyAPI may add up to 3 requests past a short end). */
export function estimateCost(source: SourceName, limit: number): CostEstimate {
  const requests = lastPage(source, limit);
  return { requests, credits: requests * SOURCES[source].creditsPerRequest };
}
