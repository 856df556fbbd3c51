// What both APIs' paged definitions share: the frame of a PagedApi (label and page size from the
// registry, the pages, the key as a bearer token), and in their answers a short description for
// messages and a rate limit with its Retry-After header.

import type { SourceName } from "../../shared/columns/types.js";
import { pageSize } from "../../shared/query/paging.js";
import { sourceLabel } from "../../shared/sources.js";
import type { PagedApi, PageOutcome } from "../http/fetchPages.js";
import { isRecord } from "../http/json.js";
import type { HttpRequest, HttpResponse } from "../platform/types.js";

/** Pages first … last, 1-based. */
export interface PageRange {
  readonly first: number;
  readonly last: number;
}

/** What a source's paged API says for itself: its paging hints, a page's request, its answers. */
export interface SourceRequests
  extends Pick<PagedApi, "speculation" | "probeLastPage" | "read" | "creditsFor"> {
  /** A page's request, but its key: both APIs take the key as a bearer token. */
  request(page: number, pageSize: number): Omit<HttpRequest, "headers">;
}

/** A source's PagedApi: label and page size as the registry has them, the key on every request. */
export function sourcePagedApi(
  source: SourceName,
  limit: number,
  key: string,
  pages: PageRange,
  api: SourceRequests,
): PagedApi {
  const size = pageSize(source, limit);
  return {
    label: sourceLabel(source),
    pageSize: size,
    firstPage: pages.first,
    lastPage: pages.last,
    speculation: api.speculation,
    probeLastPage: api.probeLastPage,
    request: (page) => ({
      ...api.request(page, size),
      headers: { Authorization: `Bearer ${key}` },
    }),
    read: api.read,
    creditsFor: api.creditsFor,
  };
}

/** Characters of an HTML page's text kept for a message: redaction runs on them before any cut. */
const PAGE_TEXT = 2_000;

/**
 * "HTTP 402: apiKey quota is not enough", or the start of an HTML page's text — long enough that a
 * key the page echoes is still whole (or in pieces of 6+ characters) when the caller redacts it.
 */
export function answerDetail(response: HttpResponse, body: unknown): string {
  const said = isRecord(body) ? (body.message ?? body.msg) : undefined;
  if (typeof said === "string" && said.trim() !== "")
    return `HTTP ${response.status}: ${said.trim()}`;
  if (body === undefined) {
    const text = response.body
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return text === ""
      ? `HTTP ${response.status}`
      : `HTTP ${response.status}: ${text.slice(0, PAGE_TEXT)}`;
  }
  return `HTTP ${response.status}`;
}

/** A 429 of either API: try again, after the Retry-After the answer asks for, if any. */
export function rateLimited(response: HttpResponse, detail: string): PageOutcome {
  const retryAfter = retryAfterMs(response);
  return {
    kind: "retry",
    reason: "rate-limited",
    detail,
    ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
  };
}

/** Retry-After in milliseconds (seconds or an HTTP date), if the answer has one. */
export function retryAfterMs(response: HttpResponse, now = Date.now()): number | undefined {
  const value = response.headers["retry-after"];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
