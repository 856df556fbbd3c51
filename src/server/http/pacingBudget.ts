// One pacing budget per document and API, shared by every execution (formulas, pulls, schedules):
// the request slots of the sliding second, kept in the document's cache under the document lock.
// An execution reserves a wave's slots with one lock acquisition (LockService is rate-limited too),
// and marks the pages it is about to fetch, so an identical query running at the same moment waits
// for them instead of paying again. A 429 lowers the shared rate and pauses every execution.

import type { SourceName } from "../../shared/query/types.js";
import { spendsCredits } from "../../shared/sources.js";
import type { AddonError } from "../errors.js";
import type { CreditMeter } from "../platform/creditMeter.js";
import type { Clock, DocumentLock, KeyValueCache } from "../platform/types.js";

const WINDOW_MS = 1000;
const MIN_RATE = 1;
/** A rate taught by a 429 is trusted for ten minutes, then the default is tried again. */
const RATE_MEMORY_MS = 600_000;
/** How long to wait for the document lock before reserving without it. */
const LOCK_WAIT_MS = 2_000;
/** Once the lock was not to be had (a pull holds it), later waves only glance at it. */
const LOCK_GLANCE_MS = 200;
/** Reserving a slot takes a few service calls; a slot before they end would be sent late. */
const FIRST_CLAIM_MS = 25;
/** A page another execution fetches is looked for again this often once it is late. */
const POLL_MS = 500;
/** A mark outlives its wave by this much; after it, the page is fetched by whoever needs it. */
const FLIGHT_GRACE_MS = 5_000;
/** Credits a run set aside lapse this long after its last wave could start. */
const HOLD_GRACE_MS = 60_000;

interface BudgetState {
  /** Requests per second everyone keeps to. */
  rate: number;
  /** When a rate lowered by a 429 gives way to the default again. */
  rateUntil: number;
  /** When the rate was last lowered: several 429s of one wave lower it once. */
  loweredAt: number;
  /** No slot before this (the API asked everyone to wait). */
  pauseUntil: number;
  /** Send times reserved, oldest first, from one second ago on. */
  slots: number[];
}

export interface PacingServices {
  readonly cache: KeyValueCache;
  readonly clock: Clock;
  /** The document lock; without one (tests, a single run) reservations are made unlocked. */
  readonly lock?: DocumentLock;
  /** 0 ≤ x < 1; Math.random by default. */
  readonly random?: () => number;
  /** Counts every request sent into the document's ledger and keeps the daily credit cap. */
  readonly meter?: CreditMeter;
}

export interface ClaimRequest {
  /** Pages the run would send now, most useful first. */
  readonly pages: readonly number[];
  /** No slot before this time (a retry's backoff). */
  readonly earliest: number;
  /** A wave starting after this could not end before the deadline: reserve nothing then. */
  readonly latest: number;
  /** How long the wave is expected to take (for others waiting on its pages). */
  readonly expectedMs: number;
  /** Cache key of a page's in-flight mark; absent when pages are not shared. */
  readonly flightKey?: (page: number) => string;
  /**
   * The answer must come whole: the requests it may need in all. Under a credit cap they are set
   * aside at the first wave — or, when the cap can't cover them, nothing is sent.
   */
  readonly whole?: number;
}

export interface WaveClaim {
  /** When the wave goes; undefined when it does not. */
  readonly at?: number;
  /** The pages this run sends at `at` (a prefix of what it asked for, at most the rate). */
  readonly send: readonly number[];
  /** Pages another execution is fetching, and when to look for them in the cache. */
  readonly elsewhere: ReadonlyMap<number, number>;
  /** No slot before `latest`: the run cannot send again before its deadline. */
  readonly noSlot: boolean;
  /** The daily credit cap lets none of the pages go. */
  readonly refusal?: AddonError;
}

export class PacingBudget {
  readonly #key: string;
  readonly #source: SourceName;
  readonly #defaultRate: number;
  readonly #services: PacingServices;
  readonly #token: string;
  #rate: number;
  #claimMs = FIRST_CLAIM_MS;
  #lockWait = LOCK_WAIT_MS;
  /** Credits of this run are set aside in the ledger (released when the run ends). */
  #holding = false;
  /** Lock acquisitions so far (LockService has its own rate limit). */
  locks = 0;

  constructor(source: SourceName, api: string, defaultRate: number, services: PacingServices) {
    this.#source = source;
    this.#key = `tt1|pace|${api}`;
    this.#defaultRate = Math.max(MIN_RATE, Math.floor(defaultRate));
    this.#rate = this.#defaultRate;
    this.#services = services;
    // Tells this run's marks from an identical run's; never the injected (test) randomness.
    this.#token = Math.floor(Math.random() * 2 ** 40).toString(36);
  }

  /** Requests per second, as last read from the shared budget. */
  get limit(): number {
    return this.#rate;
  }

  /**
   * Reserves the slots of one wave: the earliest time at which the pages this run should send
   * keep every sliding second of the document within the rate. Pages another execution is
   * fetching are left to it. One lock acquisition, one cache read, one cache write.
   */
  claim(request: ClaimRequest): WaveClaim {
    const started = this.#services.clock.now();
    const result = this.#underLock((locked) => {
      const flightKeys = request.flightKey ? request.pages.map(request.flightKey) : [];
      const stored = this.#services.cache.getAll([this.#key, ...flightKeys]);
      const now = this.#services.clock.now();
      const state = this.#read(stored[this.#key], now);
      const elsewhere = new Map<number, number>();
      const mine: number[] = [];
      request.pages.forEach((page, index) => {
        const mark = readMark(stored[flightKeys[index] ?? ""]);
        if (mark && mark.token !== this.#token && mark.until > now) {
          elsewhere.set(page, Math.max(mark.readyAt, now + (mark.readyAt <= now ? POLL_MS : 0)));
        } else {
          mine.push(page);
        }
      });
      if (mine.length === 0) return { send: [], elsewhere, noSlot: false };
      const from = Math.max(request.earliest, now + this.#claimMs, state.pauseUntil);
      const slot = earliestSlot(state.slots, state.rate, Math.min(mine.length, state.rate), from);
      const { at } = slot;
      if (at > request.latest) return { send: [], elsewhere, noSlot: true };
      let send = mine.slice(0, slot.count);
      const meter = this.#services.meter;
      if (meter) {
        // Counted as sent now, under the lock that every execution of the document takes.
        const admission = meter.admit(
          {
            source: this.#source,
            token: this.#token,
            count: send.length,
            ...(request.whole === undefined ? {} : { whole: request.whole }),
            until: request.latest + HOLD_GRACE_MS,
          },
          locked,
        );
        if (admission.refusal) {
          return { send: [], elsewhere, noSlot: false, refusal: admission.refusal };
        }
        // Only a hold under a cap needs releasing: without a cap nothing is set aside.
        if (admission.holding) this.#holding = true;
        send = send.slice(0, admission.allowed);
      }
      for (let index = 0; index < send.length; index++) state.slots.push(at);
      state.slots.sort((a, b) => a - b);
      const writes: Record<string, string> = { [this.#key]: JSON.stringify(state) };
      if (request.flightKey) {
        const readyAt = at + request.expectedMs;
        for (const page of send) {
          writes[request.flightKey(page)] =
            `${this.#token}:${readyAt}:${readyAt + FLIGHT_GRACE_MS}`;
        }
      }
      this.#services.cache.putAll(writes, ttlSeconds(state, now));
      return { at, send, elsewhere, noSlot: false };
    });
    this.#claimMs = Math.max(1, this.#services.clock.now() - started);
    return result;
  }

  /**
   * The API said "too many": everyone halves the rate (once per second, never below one a
   * second) and waits `pauseMs`. Answers this run's own wait, with jitter so that executions
   * refused together do not come back together.
   */
  rateLimited(pauseMs: number): number {
    this.#underLock(() => {
      const now = this.#services.clock.now();
      const state = this.#read(this.#services.cache.getAll([this.#key])[this.#key], now);
      if (now - state.loweredAt >= WINDOW_MS) {
        state.rate = Math.max(MIN_RATE, Math.floor(state.rate / 2));
        state.loweredAt = now;
        state.rateUntil = now + RATE_MEMORY_MS;
      }
      state.pauseUntil = Math.max(state.pauseUntil, now + pauseMs);
      // Slots reserved before the refusal were counted on the old rate: they stay taken.
      this.#rate = state.rate;
      this.#services.cache.putAll({ [this.#key]: JSON.stringify(state) }, ttlSeconds(state, now));
    });
    return this.jittered(pauseMs);
  }

  /** KeyAPI credits today's cap leaves (undefined: no cap, or a source without credits). */
  creditsLeft(): number | undefined {
    const meter = this.#services.meter;
    return meter && spendsCredits(this.#source) ? meter.leftToday() : undefined;
  }

  /** Requests counted by `claim` that were never sent (Google refused the whole wave). */
  refund(count: number): void {
    const meter = this.#services.meter;
    if (!meter || count === 0) return;
    this.#underLock((locked) => meter.refund(this.#source, count, this.#token, locked));
    this.#holding = false;
  }

  /** The run is over: credits it set aside and did not spend are free for others. */
  release(): void {
    const meter = this.#services.meter;
    if (!meter || !this.#holding) return;
    this.#holding = false;
    this.#underLock((locked) => meter.release(this.#token, locked));
  }

  /** A wait spread over half again as long, so executions refused together come back apart. */
  jittered(ms: number): number {
    return jitter(ms, this.#random());
  }

  #read(json: string | undefined, now: number): BudgetState {
    let state: BudgetState | undefined;
    try {
      const parsed = JSON.parse(json ?? "null") as Partial<BudgetState> | null;
      if (parsed && Number(parsed.rate) >= MIN_RATE && Array.isArray(parsed.slots)) {
        state = {
          rate: Math.floor(Number(parsed.rate)),
          rateUntil: Number(parsed.rateUntil) || 0,
          loweredAt: Number(parsed.loweredAt) || 0,
          pauseUntil: Number(parsed.pauseUntil) || 0,
          slots: parsed.slots.filter((slot): slot is number => Number.isFinite(slot)),
        };
      }
    } catch {
      // A damaged budget is a fresh one.
    }
    state ??= { rate: this.#defaultRate, rateUntil: 0, loweredAt: 0, pauseUntil: 0, slots: [] };
    if (state.rateUntil <= now) state.rate = this.#defaultRate;
    state.slots = state.slots.filter((slot) => slot > now - WINDOW_MS);
    this.#rate = state.rate;
    return state;
  }

  /** Runs `work` under the document lock when it can be had; `locked` says whether it was. */
  #underLock<T>(work: (locked: boolean) => T): T {
    const lock = this.#services.lock;
    // Without a lock service (one execution at a time, as in unit tests) nothing can interleave.
    if (!lock) return work(true);
    // A pull holds the lock for its whole execution: its waves reserve under it as they are.
    if (lock.holds?.()) return work(true);
    this.locks++;
    const locked = lock.tryLock(this.#lockWait);
    if (!locked) this.#lockWait = LOCK_GLANCE_MS;
    try {
      return work(locked);
    } finally {
      if (locked) lock.release();
    }
  }

  #random(): number {
    return (this.#services.random ?? Math.random)();
  }
}

/** Waits of executions refused together spread over half again as long. */
export function jitter(ms: number, random: number): number {
  return Math.round(ms * (1 + random * 0.5));
}

/**
 * The earliest time ≥ `from` at which more requests keep every sliding second — the window
 * (t − 1000, t] the APIs count in — within `rate`, given the slots already reserved, and how many
 * (at most `count`) fit then. Free capacity is used at once: a second left half-used is lost.
 */
export function earliestSlot(
  slots: readonly number[],
  rate: number,
  count: number,
  from: number,
): { at: number; count: number } {
  const candidates = [from, ...slots.map((slot) => slot + WINDOW_MS).filter((t) => t > from)];
  candidates.sort((a, b) => a - b);
  const inWindow = (end: number) =>
    slots.reduce((sum, slot) => sum + (slot > end - WINDOW_MS && slot <= end ? 1 : 0), 0);
  for (const at of candidates) {
    // Every window that would hold the new requests: those ending at `at` or at a later slot.
    const ends = [at, ...slots.filter((slot) => slot >= at && slot < at + WINDOW_MS)];
    const free = Math.min(...ends.map((end) => rate - inWindow(end)));
    if (free > 0) return { at, count: Math.min(count, free) };
  }
  return { at: Math.max(from, (slots[slots.length - 1] ?? from) + WINDOW_MS), count };
}

function readMark(
  value: string | undefined,
): { token: string; readyAt: number; until: number } | undefined {
  const parts = value?.split(":");
  if (parts?.length !== 3) return undefined;
  const readyAt = Number(parts[1]);
  const until = Number(parts[2]);
  return Number.isFinite(readyAt) && Number.isFinite(until)
    ? { token: parts[0] ?? "", readyAt, until }
    : undefined;
}

/** Keep the budget while it matters: its reservations, its pause, a lowered rate. */
function ttlSeconds(state: BudgetState, now: number): number {
  const last = Math.max(
    state.slots[state.slots.length - 1] ?? now,
    state.pauseUntil,
    state.rateUntil,
  );
  return Math.min(21_600, Math.max(60, Math.ceil((last - now) / 1000) + 60));
}
