// What stands in front of both fake APIs: bearer keys, the per-second rate limit over virtual time,
// scripted failures consumed in order, and the simulated latency each answer declares.

import type { ApiName, FailureRule, FakeApiConfig } from "./config.js";
import type { Dataset } from "./dataset.js";
import { fraction } from "./random.js";

/** The server's state as the endpoints see it; they spend credits and quota from `config`. */
export interface EndpointContext {
  readonly seed: number;
  readonly dataset: Dataset;
  readonly config: FakeApiConfig;
  readonly rateWindows: Readonly<Record<ApiName, RateWindow>>;
  readonly failures: FailureScript;
  /** Numbers the answers' request ids. */
  nextRequestNumber(): number;
}

/** One answer, ready for the HTTP layer, with what the stats need to know about it. */
export interface ApiReply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly code: number | null;
  readonly latencyMs: number;
  readonly credits: number;
  readonly rows: number;
  readonly page: number | null;
  readonly pageSize: number | null;
  readonly params: unknown;
}

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** The body code of a raw scripted body, when it is JSON that has one. */
export function codeOfRawBody(rawBody: string): number | null {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    if (typeof parsed === "object" && parsed !== null && "code" in parsed) {
      return typeof parsed.code === "number" ? parsed.code : null;
    }
  } catch {
    // Malformed on purpose: no code to count.
  }
  return null;
}

export function rawBodyContentType(rule: FailureRule, rawBody: string): string {
  return (
    rule.contentType ??
    (rawBody.trimStart().startsWith("<") ? "text/html; charset=utf-8" : JSON_CONTENT_TYPE)
  );
}

/** The key of an `Authorization: Bearer <key>` header; null when there is none. */
export function bearerKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^\s*Bearer\s+(.*?)\s*$/i.exec(header);
  const key = match ? match[1]! : header.trim();
  return key === "" ? null : key;
}

export type KeyCheck = "missing" | "unknown" | "forbidden" | "accepted";

export function checkKey(
  key: string | null,
  accepted: readonly string[],
  forbidden: readonly string[],
): KeyCheck {
  if (key === null) return "missing";
  if (forbidden.includes(key)) return "forbidden";
  return accepted.includes(key) ? "accepted" : "unknown";
}

const WINDOW_MS = 1_000;

/**
 * A sliding one-second window over virtual time: a request at t is refused when the requests
 * accepted in (t − 1000, t] already number `limit`. Refused requests do not count.
 */
export class RateWindow {
  #accepted: number[] = [];

  /** Admits the request at `t` (and counts it), or says how many whole seconds to wait. */
  admit(t: number, limit: number | null): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (limit === null) {
      this.#accepted.push(t);
      this.#prune(t);
      return { ok: true };
    }
    const inWindow = this.#accepted
      .filter((at) => at > t - WINDOW_MS && at <= t)
      .sort((a, b) => a - b);
    if (inWindow.length < limit) {
      this.#accepted.push(t);
      this.#prune(t);
      return { ok: true };
    }
    // A slot frees when enough of the oldest accepted requests leave the window.
    const freeingAt = inWindow[inWindow.length - limit]! + WINDOW_MS;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeingAt - t) / 1_000)) };
  }

  /** Old entries cannot matter again unless a client's clock runs a minute backwards. */
  #prune(t: number): void {
    if (this.#accepted.length > 4_096)
      this.#accepted = this.#accepted.filter((at) => at > t - 60_000);
  }
}

interface ScriptedFailure {
  readonly rule: FailureRule;
  timesLeft: number;
  skipsLeft: number;
}

/**
 * The `failures` knob at work. Every rule counts the requests that match it (its API, and its page
 * when it names one): the first `afterRequests` pass, the next `times` fail. When several rules are
 * due for one request, the first in the list wins and the others stay due.
 */
export class FailureScript {
  #failures: ScriptedFailure[] = [];

  load(rules: readonly FailureRule[]): void {
    this.#failures = rules.map((rule) => ({
      rule,
      timesLeft: rule.times ?? 1,
      skipsLeft: rule.afterRequests ?? 0,
    }));
  }

  /** The rule this request triggers, if any (and uses it up once). */
  next(api: ApiName, page: number | null): FailureRule | null {
    let chosen: ScriptedFailure | null = null;
    for (const failure of this.#failures) {
      if (failure.timesLeft === 0 || failure.rule.api !== api) continue;
      if (failure.rule.page !== undefined && failure.rule.page !== page) continue;
      if (failure.skipsLeft > 0) failure.skipsLeft -= 1;
      else if (chosen === null) chosen = failure;
    }
    if (chosen === null) return null;
    chosen.timesLeft -= 1;
    return chosen.rule;
  }

  pending(): number {
    return this.#failures.filter((failure) => failure.timesLeft > 0).length;
  }
}

/** A rule that only delays: the request is answered normally, just slowly. */
export function isDelayOnly(rule: FailureRule): boolean {
  return (
    rule.status === undefined &&
    rule.code === undefined &&
    rule.message === undefined &&
    rule.rawBody === undefined
  );
}

/**
 * The latency a response declares: base + jitter + the failure's own delay. The jitter depends on
 * the seed and the request (API, parameters, virtual time), not on arrival order, so parallel
 * requests get the same jitter however the server happens to receive them.
 */
export function simulatedLatency(
  seed: number,
  base: number,
  jitter: number,
  requestKey: string,
  extra = 0,
): number {
  const jitterMs = jitter > 0 ? Math.floor(fraction(seed, "jitter", requestKey) * (jitter + 1)) : 0;
  return base + jitterMs + extra;
}
