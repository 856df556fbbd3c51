// KeyAPI's influencer list analytics as a paged API: the GET request for a page, and what each
// answer means — records, a retry, or an error — with errors that may also come as HTTP 200.

import { pageSize as sharedPageSize } from "../../../shared/query/paging.js";
import type { KeyApiQuery } from "../../../shared/query/types.js";
import type { PagedApi, PageOutcome } from "../../http/fetchPages.js";
import { isRecord, parseApiJson } from "../../http/json.js";
import type { HttpOutcome, HttpResponse } from "../../platform/types.js";
import { isTransportError } from "../../platform/types.js";
import { answerDetail, type PageRange, rateLimited, sourcePagedApi } from "../answers.js";

export const KEYAPI_URL = "https://api.keyapi.ai/v1/tiktok/influencer/list/analytics";
/** The SPEC's bound on requests past the last page when the data ends before the limit. */
export const KEYAPI_SPECULATION = 3;

/** The query string of a page: region, paging, then the filters that are set. */
export function keyApiUrl(query: KeyApiQuery, page: number, pageSize: number): string {
  const params: [string, string | number][] = [
    ["region", query.region],
    ["page_num", page],
    ["page_size", pageSize],
    ...Object.entries(query.filters).filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined,
    ),
  ];
  return `${KEYAPI_URL}?${params.map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join("&")}`;
}

/** UrlFetch refuses a URL over 2 KB; the SPEC keeps KeyAPI's under 2,000 characters. */
export const MAX_URL_CHARS = 2_000;

/**
 * The query's longest request address (its last page has the most digits) when it would pass
 * UrlFetch's limit, with the filter that makes it longest — else undefined.
 */
export function keyApiUrlTooLong(
  query: KeyApiQuery,
  lastPage: number,
): { readonly length: number; readonly longest: string } | undefined {
  const length = keyApiUrl(query, lastPage, sharedPageSize("keyapi", query.limit)).length;
  if (length <= MAX_URL_CHARS) return undefined;
  const [longest] = Object.entries(query.filters)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => [name, encodeURIComponent(String(value)).length] as const)
    .sort((a, b) => b[1] - a[1])[0] ?? ["region"];
  return { length, longest };
}

/** What a KeyAPI status or body code means. */
function outcomeOfCode(code: number, response: HttpResponse, detail: string): PageOutcome {
  if (code === 429) return rateLimited(response, detail);
  if (code >= 500) return { kind: "retry", reason: "server-error", detail };
  if (code === 401) return { kind: "fail", code: "BAD_KEY", detail };
  if (code === 402) return { kind: "fail", code: "NO_CREDITS", detail };
  if (code === 403) return { kind: "fail", code: "FORBIDDEN", detail };
  return { kind: "fail", code: "API_REJECTED", detail };
}

export function readKeyApiAnswer(response: HttpResponse): PageOutcome {
  const body = parseApiJson(response.body);
  const detail = answerDetail(response, body);
  if (response.status !== 200) return outcomeOfCode(response.status, response, detail);
  if (!isRecord(body)) return { kind: "retry", reason: "bad-answer", detail };
  const code = Number(body.code ?? 0);
  if (code !== 0) return outcomeOfCode(Number.isNaN(code) ? 400 : code, response, detail);
  const data = body.data ?? [];
  if (!Array.isArray(data))
    return { kind: "retry", reason: "bad-answer", detail: `${detail}: data is not a list` };
  // The page's length decides where the data ends, so odd entries count even though they're dropped.
  return { kind: "page", records: data.filter(isRecord), count: data.length };
}

/** KeyAPI charges a credit for every request it accepts, whatever it answers. */
export function keyApiCredits(outcome: HttpOutcome): number {
  if (isTransportError(outcome)) return 0;
  return outcome.status === 401 || outcome.status === 402 || outcome.status === 403 ? 0 : 1;
}

export function keyApiPagedApi(query: KeyApiQuery, key: string, pages: PageRange): PagedApi {
  return sourcePagedApi("keyapi", query.limit, key, pages, {
    speculation: KEYAPI_SPECULATION,
    probeLastPage: true,
    request: (page, pageSize) => ({ url: keyApiUrl(query, page, pageSize), method: "get" }),
    read: readKeyApiAnswer,
    creditsFor: keyApiCredits,
  });
}
