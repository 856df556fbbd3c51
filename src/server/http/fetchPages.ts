// Fetches the pages a run needs: cached pages first, the rest in parallel waves through fetchAll,
// each wave's slots reserved in the document's shared pacing budget, pages that an identical run
// is fetching at the same moment awaited instead of bought twice, failures retried a bounded number
// of times with jittered backoff, every wait within the deadline. Pages fetched are cached before
// any failure is raised, so a retry never pays twice.

import { clipText } from "../../shared/text.js";
import type { AddonError, ErrorCode } from "../errors.js";
import type {
  Clock,
  HttpClient,
  HttpOutcome,
  HttpRequest,
  HttpResponse,
} from "../platform/types.js";
import { isTransportError } from "../platform/types.js";
import { apiError } from "./apiErrors.js";
import type { PacingBudget } from "./pacingBudget.js";
import type { CachedPage, PageCache } from "./pageCache.js";
import { PagePlanner } from "./pagePlanner.js";

export type RetryReason = "rate-limited" | "server-error" | "bad-answer" | "transport";

/** What one answer means for the run. */
export type PageOutcome =
  | {
      readonly kind: "page";
      readonly records: readonly unknown[];
      readonly count: number;
      readonly total?: number;
    }
  | {
      readonly kind: "retry";
      readonly reason: RetryReason;
      readonly detail: string;
      readonly retryAfterMs?: number;
    }
  | { readonly kind: "fail"; readonly code: ErrorCode; readonly detail: string };

/** A paged API as the engine sees it; sources/ implements one per API. */
export interface PagedApi {
  /** The API's name in messages: "KeyAPI". */
  readonly label: string;
  readonly pageSize: number;
  readonly firstPage: number;
  readonly lastPage: number;
  readonly speculation: number;
  readonly probeLastPage: boolean;
  request(page: number): HttpRequest;
  read(response: HttpResponse): PageOutcome;
  /** Credits the answer cost (KeyAPI charges every request it accepts). */
  creditsFor(outcome: HttpOutcome): number;
}

export interface FetchStats {
  requests: number;
  credits: number;
  cachedPages: number;
  /** Pages another execution fetched for the same query while this one waited for them. */
  sharedPages: number;
  retries: number;
  rateLimited: number;
  waves: number;
  waitedMs: number;
}

export interface FetchedPages {
  /** Records of the pages answered without a gap from the first page, in the API's order. */
  readonly records: unknown[];
  /** The last page those records come from (firstPage − 1 when none). */
  readonly lastPage: number;
  /** Every page that can hold wanted records was fetched. */
  readonly complete: boolean;
  /** A short or empty page showed where the data ends. */
  readonly endOfData: boolean;
  /** Why the run ended before completing: the deadline, or answers that contradict each other. */
  readonly stoppedBy?: "deadline" | "inconsistent-data";
  /** The error that ended the run, when the caller asked to keep the pages fetched before it. */
  readonly failure?: AddonError;
  readonly stats: FetchStats;
}

export interface FetchPagesOptions {
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly pacer: PacingBudget;
  /** Epoch ms after which no wave or wait may end. */
  readonly deadline: number;
  readonly cache?: PageCache;
  /** Removes secrets (the key) from any text that could reach a message. */
  readonly redact: (text: string) => string;
  /** On a failure, answer the pages fetched so far with the error instead of throwing it. */
  readonly keepPartial?: boolean;
  /**
   * The answer is worth only whole (a formula): under a credit cap, every page it needs is set
   * aside before the first is sent, or nothing is sent.
   */
  readonly whole?: boolean;
}

const MAX_WAVE = 50;
/** Google renews a daily quota at most 24 hours after the window opened. */
const QUOTA_WINDOW_MS = 24 * 3_600_000;
const DETAIL_CHARS = 160;
const ATTEMPTS: Readonly<Record<RetryReason, number>> = {
  "rate-limited": 6,
  "server-error": 3,
  "bad-answer": 2,
  transport: 2,
};
const BACKOFF_MS: Readonly<Record<RetryReason, number>> = {
  "rate-limited": 1000,
  "server-error": 700,
  "bad-answer": 500,
  transport: 1000,
};
/** Before the first answer, assume a slow wave: better to stop early than be cut off mid-wave. */
const FIRST_WAVE_ESTIMATE_MS = 1500;

export function emptyStats(): FetchStats {
  return {
    requests: 0,
    credits: 0,
    cachedPages: 0,
    sharedPages: 0,
    retries: 0,
    rateLimited: 0,
    waves: 0,
    waitedMs: 0,
  };
}

export function fetchPages(api: PagedApi, options: FetchPagesOptions): FetchedPages {
  const { http, clock, pacer, cache } = options;
  const stats = emptyStats();
  // A probed last page is only worth its request if the run gets that far before the deadline:
  // a run cut short throws the probe away with the gap before it.
  const pagesWanted = api.lastPage - api.firstPage + 1;
  const secondsNeeded = pagesWanted / pacer.limit + 2;
  // Nor when the credit cap stops the run before it: the gap would be paid for again later.
  const probeLastPage =
    api.probeLastPage &&
    secondsNeeded * 2000 < options.deadline - clock.now() &&
    pagesWanted <= (pacer.creditsLeft() ?? Number.POSITIVE_INFINITY);
  const planner = new PagePlanner({ ...api, probeLastPage });
  const pages = new Map<number, CachedPage>();
  const attempts = new Map<string, number>();
  let waveEstimate = FIRST_WAVE_ESTIMATE_MS;
  let notBefore = 0;

  if (cache) {
    const wanted = Array.from(
      { length: api.lastPage - api.firstPage + 1 },
      (_, i) => api.firstPage + i,
    );
    for (const [page, content] of cache.read(wanted)) {
      planner.accept(page, content.count, content.total);
      pages.set(page, content);
      stats.cachedPages++;
    }
  }

  const finish = (stoppedBy?: FetchedPages["stoppedBy"], failure?: AddonError): FetchedPages => {
    const lastPage = planner.contiguousThrough();
    const records: unknown[] = [];
    for (let page = api.firstPage; page <= lastPage; page++)
      records.push(...(pages.get(page)?.records ?? []));
    return {
      records,
      lastPage,
      complete: planner.done(),
      endOfData: planner.endOfData(),
      ...(stoppedBy ? { stoppedBy } : {}),
      ...(failure ? { failure } : {}),
      stats,
    };
  };

  /** Pages an identical run is fetching: when to look for them in the cache. */
  const awaited = new Map<number, number>();
  let slotsLeft = true;
  while (!planner.done()) {
    const due = [...awaited].filter(([, at]) => at <= clock.now()).map(([page]) => page);
    if (cache && due.length > 0) {
      for (const [page, content] of cache.read(due)) {
        planner.accept(page, content.count, content.total);
        pages.set(page, content);
        stats.sharedPages++;
      }
      for (const page of due) {
        awaited.delete(page);
        // Not there: its fetcher failed or is late; the next claim says which.
        if (!pages.has(page)) planner.retry(page);
      }
      continue;
    }
    const wanted = slotsLeft ? planner.next(Math.min(pacer.limit, MAX_WAVE)) : [];
    if (wanted.length === 0) {
      const look = Math.min(...awaited.values());
      if (awaited.size === 0 || look > options.deadline) {
        return finish(slotsLeft ? "inconsistent-data" : "deadline");
      }
      const wait = Math.max(0, look - clock.now());
      clock.sleep(wait);
      stats.waitedMs += wait;
      continue;
    }
    const claim = pacer.claim({
      pages: wanted,
      earliest: notBefore,
      latest: options.deadline - waveEstimate,
      expectedMs: waveEstimate,
      ...(cache ? { flightKey: (page: number) => cache.flightKey(page) } : {}),
      ...(options.whole ? { whole: pagesWanted - stats.cachedPages } : {}),
    });
    if (claim.refusal) {
      for (const page of wanted) planner.retry(page);
      if (options.keepPartial) return finish(undefined, claim.refusal);
      throw claim.refusal;
    }
    for (const page of wanted) {
      if (claim.elsewhere.has(page)) awaited.set(page, claim.elsewhere.get(page)!);
      else if (!claim.send.includes(page)) planner.retry(page);
    }
    if (claim.noSlot) slotsLeft = false;
    if (claim.at === undefined) continue;
    const wave = claim.send;
    const wait = Math.max(0, claim.at - clock.now());
    if (wait > 0) {
      clock.sleep(wait);
      stats.waitedMs += wait;
    }

    const sentAt = clock.now();
    stats.requests += wave.length;
    stats.waves++;
    const outcomes = http.fetchAll(wave.map((page) => api.request(page)));
    waveEstimate = Math.max(clock.now() - sentAt, 200) * 1.25 + 100;
    if (outcomes.some((outcome) => isTransportError(outcome) && outcome.dailyQuota)) {
      // Google sent none of them: nothing was paid, and nothing will be until the quota renews.
      stats.requests -= wave.length;
      stats.waves--;
      pacer.refund(wave.length);
      const renews = new Date(clock.now() + QUOTA_WINDOW_MS).toISOString();
      const failure = apiError("QUOTA", api.label, "", {
        time: `${renews.slice(0, 10)} ${renews.slice(11, 16)} UTC`,
      });
      if (options.keepPartial) return finish(undefined, failure);
      throw failure;
    }

    const fresh = new Map<number, CachedPage>();
    let failure: AddonError | undefined;
    let delay = 0;
    let rateLimited = false;
    let pause = 0;
    outcomes.forEach((outcome, index) => {
      const page = wave[index]!;
      stats.credits += api.creditsFor(outcome);
      const result: PageOutcome = isTransportError(outcome)
        ? { kind: "retry", reason: "transport", detail: outcome.transportError }
        : api.read(outcome);
      if (result.kind === "page") {
        const content: CachedPage = {
          records: result.records,
          count: result.count,
          ...(result.total === undefined ? {} : { total: result.total }),
        };
        planner.accept(page, result.count, result.total);
        pages.set(page, content);
        fresh.set(page, content);
        return;
      }
      // Redact the whole detail first: cut first, and a cut key would no longer be found.
      const detail = clipDetail(options.redact(result.detail));
      if (result.kind === "fail") {
        failure ??= apiError(result.code, api.label, detail, { pages: pages.size });
        return;
      }
      const key = `${result.reason}:${page}`;
      const tries = (attempts.get(key) ?? 1) + 1;
      attempts.set(key, tries);
      if (tries > ATTEMPTS[result.reason]) {
        failure ??= apiError(exhaustedCode(result.reason), api.label, detail, {
          attempts: tries - 1,
        });
        return;
      }
      planner.retry(page);
      stats.retries++;
      if (result.reason === "rate-limited") rateLimited = true;
      const backoff = BACKOFF_MS[result.reason] * 2 ** (tries - 2);
      delay = Math.max(delay, result.retryAfterMs ?? backoff);
      if (result.reason === "rate-limited") pause = Math.max(pause, result.retryAfterMs ?? backoff);
    });

    if (cache && fresh.size > 0) cache.write(fresh);
    if (failure) {
      if (options.keepPartial) return finish(undefined, failure);
      throw failure;
    }
    if (rateLimited) {
      stats.rateLimited++;
      // Everyone pauses; this run comes back after a jittered wait, apart from the others.
      delay = Math.max(delay, pacer.rateLimited(pause));
    } else if (delay > 0) {
      delay = pacer.jittered(delay);
    }
    notBefore = delay > 0 ? clock.now() + delay : 0;
  }
  return finish();
}

/** An API's words in a message: enough to act on, never a page of HTML. */
function clipDetail(text: string): string {
  return clipText(text, DETAIL_CHARS);
}

function exhaustedCode(reason: RetryReason): ErrorCode {
  switch (reason) {
    case "rate-limited":
      return "RATE_LIMITED";
    case "server-error":
      return "SERVICE_ERROR";
    case "bad-answer":
      return "BAD_ANSWER";
    case "transport":
      return "NETWORK";
  }
}
