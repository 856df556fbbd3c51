// How each API pages, shared by the server (which plans requests with it) and the sidebar (which
// shows their cost before running): the numbers must agree.

import type { SourceName } from "../columns/types.js";

export const KEYAPI_PAGE_SIZE = 10;
export const KEYAPI_MAX_PAGE = 10_000;
export const FASTMOSS_MAX_PAGE_SIZE = 100;
/** FastMoss serves a ranking's first 1,000 entries: page × pagesize ≤ 1000. */
export const FASTMOSS_MAX_ROWS = 1000;

export function pageSize(source: SourceName, limit: number): number {
  const cap = source === "keyapi" ? KEYAPI_PAGE_SIZE : FASTMOSS_MAX_PAGE_SIZE;
  return Math.min(cap, Math.max(1, limit));
}

export interface CostEstimate {
  /** Requests when at least `limit` rows exist; fewer if the data ends sooner. */
  readonly requests: number;
  /** KeyAPI charges a credit per request; FastMoss counts no credits. */
  readonly credits: number;
}

/** What a pull of `limit` rows costs at most (KeyAPI may add up to 3 requests past a short end). */
export function estimateCost(source: SourceName, limit: number): CostEstimate {
  const rows = Math.max(1, Math.floor(limit));
  const size = pageSize(source, rows);
  const maxPages = source === "keyapi" ? KEYAPI_MAX_PAGE : Math.floor(FASTMOSS_MAX_ROWS / size);
  const requests = Math.min(Math.ceil(rows / size), maxPages);
  return { requests, credits: source === "keyapi" ? requests : 0 };
}
