// The ledger's store part: one document property, read and written under the document lock by
// the pacing budget's reservation of each wave, so every request sent — by formulas, previews,
// pulls, schedules, connection tests — is counted once, also when many executions count at once.
// An execution that could not take the lock (a pull holds it for its whole run) writes its count
// as a property of its own, which the next count under the lock folds into the ledger.
// It also keeps the daily credit cap: a wave that would pass it is cut, and an answer that must
// come whole sets its credits aside before its first request, or is refused having spent nothing.

import { AddonError } from "../../shared/errors.js";
import { message } from "../../shared/messages/index.js";
import type { SourceName } from "../../shared/query/types.js";
import { spendsCredits } from "../../shared/sources.js";
import { localDay } from "../../shared/timeZones.js";
import {
  applyEntry,
  heldByOthers,
  type Ledger,
  type LedgerEntry,
  noteQueryRun,
  parseEntry,
  parseLedger,
  pruneHolds,
  requestsOn,
} from "../../shared/usage/ledger.js";
import type { Clock, PropertyStore } from "./types.js";

export const LEDGER_KEY = "tt.usage";
/** Counts made without the lock, one property each: `tt.usage+<token>.<n>`. */
const PENDING_PREFIX = `${LEDGER_KEY}+`;

export interface CreditMeterServices {
  readonly properties: PropertyStore;
  readonly clock: Clock;
  readonly timeZone: string;
  /** KeyAPI credits a day; undefined when no cap is set. */
  readonly dailyCap: () => number | undefined;
}

export interface Admission {
  /** How many of the wave's requests may go (and are counted as sent). */
  readonly allowed: number;
  /** The run has credits set aside now (to release when it ends). */
  readonly holding?: boolean;
  /** Why none may go: the cap. */
  readonly refusal?: AddonError;
}

export interface AdmitRequest {
  readonly source: SourceName;
  /** The run asking (its holds are its own). */
  readonly token: string;
  /** Requests of the wave. */
  readonly count: number;
  /** An answer that must come whole: the requests it may still need in all (first wave only). */
  readonly whole?: number;
  /** When the run is over at the latest: its hold lapses then. */
  readonly until: number;
}

export class CreditMeter {
  readonly #services: CreditMeterServices;
  #cap: number | undefined | null = null;
  /** Counts this run wrote without the lock so far (each under a property name of its own). */
  #pendingWritten = 0;

  constructor(services: CreditMeterServices) {
    this.#services = services;
  }

  /** The day's KeyAPI cap, read once per meter (one run). */
  get cap(): number | undefined {
    if (this.#cap === null) this.#cap = this.#services.dailyCap();
    return this.#cap;
  }

  /** The calendar day of an instant in the spreadsheet's time zone. */
  dayOf(instant: number): string {
    return localDay(instant, this.#services.timeZone);
  }

  /** The ledger with the counts not folded in yet applied. */
  read(): Ledger {
    return this.#view().ledger;
  }

  #view(): { ledger: Ledger; pending: string[] } {
    // One read: "tt.usage" and the counts waiting beside it ("tt.usage+…") share the prefix.
    const stored = this.#services.properties.list(LEDGER_KEY);
    const ledger = parseLedger(stored[LEDGER_KEY]);
    const pending = Object.keys(stored)
      .filter((name) => name.startsWith(PENDING_PREFIX))
      .sort(byTokenThenNumber);
    for (const name of pending) {
      const entry = parseEntry(stored[name] ?? "");
      if (entry) applyEntry(ledger, entry);
    }
    return { ledger, pending };
  }

  /** KeyAPI credits left today under the cap (holds of running answers taken off); undefined without a cap. */
  leftToday(ledger = this.read()): number | undefined {
    const cap = this.cap;
    if (cap === undefined) return undefined;
    const now = this.#services.clock.now();
    pruneHolds(ledger, now);
    return Math.max(
      0,
      cap - requestsOn(ledger, this.dayOf(now), "keyapi") - heldByOthers(ledger, ""),
    );
  }

  /**
   * Call just before a wave is sent, under the document lock (`locked`) when it could be taken:
   * how many of its requests may go. Those are counted as sent today; the cap (KeyAPI only) cuts
   * the wave, or refuses it whole.
   */
  admit(request: AdmitRequest, locked = true): Admission {
    const now = this.#services.clock.now();
    const day = this.dayOf(now);
    const cap = spendsCredits(request.source) ? this.cap : undefined;
    if (cap === undefined && !locked) {
      // Nothing to check and nothing to fold: the count waits beside the ledger as it is.
      this.#record(
        undefined,
        { day, source: request.source, requests: request.count, token: request.token },
        false,
      );
      return { allowed: request.count };
    }
    const view = this.#view();
    const { ledger } = view;
    pruneHolds(ledger, now);
    let allowed = request.count;
    let hold: LedgerEntry["hold"];
    if (cap !== undefined) {
      const used = requestsOn(ledger, day, "keyapi");
      const others = heldByOthers(ledger, request.token);
      let mine = ledger.h[request.token]?.[0] ?? 0;
      if (request.whole !== undefined && !(request.token in ledger.h)) {
        const left = Math.max(0, cap - used - others);
        if (request.whole > left) {
          return {
            allowed: 0,
            refusal: capError("credits.capWhole", cap, used, left, request.whole),
          };
        }
        mine = request.whole;
      }
      const fromHold = Math.min(request.count, mine);
      const room = Math.max(0, cap - used - others - mine);
      allowed = fromHold + Math.min(request.count - fromHold, room);
      if (allowed === 0) {
        return { allowed: 0, refusal: capError("credits.capReached", cap, used, 0, request.count) };
      }
      const rest = mine - fromHold;
      hold = rest > 0 || request.whole !== undefined ? [rest, request.until] : null;
    }
    this.#record(
      view,
      {
        day,
        source: request.source,
        requests: allowed,
        token: request.token,
        ...(hold === undefined ? {} : { hold }),
      },
      locked,
    );
    return hold ? { allowed, holding: true } : { allowed };
  }

  /** Requests counted that were never sent (Google refused the whole wave). */
  refund(source: SourceName, count: number, token: string, locked = true): void {
    const day = this.dayOf(this.#services.clock.now());
    // The hold they came from is not given back: the run ends with this failure.
    this.#record(this.#view(), { day, source, requests: -count, token, hold: null }, locked);
  }

  /** A run is over: what it set aside and did not spend is free again. */
  release(token: string, locked = true): void {
    const view = this.#view();
    if (!(token in view.ledger.h)) return;
    const day = this.dayOf(this.#services.clock.now());
    this.#record(view, { day, source: "keyapi", requests: 0, token, hold: null }, locked);
  }

  /** Notes the requests of a saved query's last run (a pull's end: under the document lock). */
  noteQueryRun(queryId: string, requests: number): void {
    const view = this.#view();
    noteQueryRun(view.ledger, queryId, requests);
    this.#fold(view);
  }

  /**
   * Under the lock the change goes into the ledger with every count waiting beside it; without,
   * it waits as a property of its own, which no other execution writes.
   */
  #record(
    view: { ledger: Ledger; pending: string[] } | undefined,
    entry: LedgerEntry,
    locked: boolean,
  ): void {
    if (locked && view) {
      applyEntry(view.ledger, entry);
      this.#fold(view);
      return;
    }
    this.#pendingWritten++;
    this.#save(`${PENDING_PREFIX}${entry.token}.${this.#pendingWritten}`, JSON.stringify(entry));
  }

  #fold({ ledger, pending }: { ledger: Ledger; pending: string[] }): void {
    if (!this.#save(LEDGER_KEY, JSON.stringify(ledger))) return;
    for (const name of pending) this.#services.properties.delete(name);
  }

  #save(name: string, value: string): boolean {
    try {
      this.#services.properties.set(name, value);
      return true;
    } catch {
      // A full store must not stop a request already paid for; the count is lost, not the data.
      return false;
    }
  }
}

/** "tt.usage+abc.2" before "tt.usage+abc.10": one run's changes in the order it made them. */
function byTokenThenNumber(a: string, b: string): number {
  const [tokenA = "", numberA = "0"] = a.split(/\.(?=\d+$)/);
  const [tokenB = "", numberB = "0"] = b.split(/\.(?=\d+$)/);
  return tokenA < tokenB ? -1 : tokenA > tokenB ? 1 : Number(numberA) - Number(numberB);
}

function capError(
  id: "credits.capWhole" | "credits.capReached",
  cap: number,
  used: number,
  left: number,
  needed: number,
): AddonError {
  return new AddonError("CREDIT_CAP", message(id, { cap, used, left, needed }));
}
