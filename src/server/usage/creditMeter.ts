// The ledger's store part: one document property, read and written under the document lock by
// the pacing budget's reservation of each wave, so every request sent — by formulas, previews,
// pulls, schedules, connection tests — is counted once, also when many executions count at once.
// It also keeps the daily credit cap: a wave that would pass it is cut, and an answer that must
// come whole sets its credits aside before its first request, or is refused having spent nothing.

import { message } from "../../shared/messages/index.js";
import type { SourceName } from "../../shared/query/types.js";
import { localDay } from "../../shared/timeZones.js";
import { AddonError } from "../errors.js";
import type { Clock, PropertyStore } from "../platform/types.js";
import {
  addRequests,
  heldByOthers,
  type Ledger,
  noteQueryRun,
  parseLedger,
  pruneHolds,
  requestsOn,
} from "./ledger.js";

export const LEDGER_KEY = "tt.usage";

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

  read(): Ledger {
    return parseLedger(this.#services.properties.get(LEDGER_KEY));
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
   * Call under the document lock, just before a wave is sent: how many of its requests may go.
   * Those are counted as sent today; the cap (KeyAPI only) cuts the wave, or refuses it whole.
   */
  admit(request: AdmitRequest): Admission {
    const now = this.#services.clock.now();
    const day = this.dayOf(now);
    const ledger = this.read();
    pruneHolds(ledger, now);
    const cap = request.source === "keyapi" ? this.cap : undefined;
    let allowed = request.count;
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
      if (rest > 0 || request.whole !== undefined) ledger.h[request.token] = [rest, request.until];
      else delete ledger.h[request.token];
    }
    addRequests(ledger, day, request.source, allowed);
    this.#write(ledger);
    return { allowed };
  }

  /** Requests counted that were never sent (Google refused the whole wave). */
  refund(source: SourceName, count: number, token: string): void {
    const ledger = this.read();
    addRequests(ledger, this.dayOf(this.#services.clock.now()), source, -count);
    // The hold they came from is not given back: the run ends with this failure.
    delete ledger.h[token];
    this.#write(ledger);
  }

  /** A run is over: what it set aside and did not spend is free again. */
  release(token: string): void {
    const ledger = this.read();
    if (!(token in ledger.h)) return;
    delete ledger.h[token];
    this.#write(ledger);
  }

  /** Notes the requests of a saved query's last run. */
  noteQueryRun(queryId: string, requests: number): void {
    const ledger = this.read();
    noteQueryRun(ledger, queryId, requests);
    this.#write(ledger);
  }

  #write(ledger: Ledger): void {
    try {
      this.#services.properties.set(LEDGER_KEY, JSON.stringify(ledger));
    } catch {
      // A full store must not stop a request already paid for; the count is lost, not the data.
    }
  }
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
