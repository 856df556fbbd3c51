// Reading the parts of an HTTP answer both APIs share: a short description for messages, and a
// rate limit with its Retry-After header.

import type { PageOutcome } from "../http/fetchPages.js";
import { isRecord } from "../http/json.js";
import type { HttpResponse } from "../platform/types.js";

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
