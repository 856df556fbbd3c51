// Paces requests to an API's rate limit before it has to say no: a sliding one-second window of
// what this run sent. KeyAPI charges a credit even for a 429, so hammering the limit costs money.

const WINDOW_MS = 1000;
/** Counting a little more than the window keeps clock skew and rounding from tipping a burst over. */
const SAFETY_MS = 50;
const MIN_RATE = 1;

/** What a run leaves for the next one: the pace it settled on and its sends still in the window. */
export interface PacerState {
  readonly rate: number;
  readonly sentAt: readonly number[];
}

export class RatePacer {
  #limit: number;
  readonly #sentAt: number[] = [];
  #recorded = 0;

  constructor(requestsPerSecond: number, previous?: PacerState) {
    this.#limit = Math.max(MIN_RATE, Math.floor(previous?.rate ?? requestsPerSecond));
    if (previous)
      this.#sentAt.push(...previous.sentAt.filter(Number.isFinite).sort((a, b) => a - b));
  }

  /** The state the next run (another execution) should start from. */
  state(now: number): PacerState {
    return {
      rate: this.#limit,
      sentAt: this.#sentAt.filter((time) => time > now - WINDOW_MS - SAFETY_MS),
    };
  }

  /** Requests allowed per second now. */
  get limit(): number {
    return this.#limit;
  }

  /** How many requests may go out at `now` without exceeding the limit. */
  capacity(now: number): number {
    return Math.max(0, this.#limit - this.#recent(now));
  }

  /** Milliseconds until at least one request may go out. */
  waitTime(now: number): number {
    if (this.capacity(now) > 0) return 0;
    const inWindow = this.#sentAt.filter((time) => time > now - WINDOW_MS - SAFETY_MS);
    // The oldest sends leave the window first; once enough have left, one slot is free.
    const leaving = inWindow.length - this.#limit;
    const freeAt = (inWindow[leaving] ?? now) + WINDOW_MS + SAFETY_MS;
    return Math.max(0, freeAt - now);
  }

  /** Requests this pacer let out (not counting a previous run's). */
  get recorded(): number {
    return this.#recorded;
  }

  record(now: number, count: number): void {
    this.#recorded += count;
    for (let index = 0; index < count; index++) this.#sentAt.push(now);
    const horizon = now - WINDOW_MS - SAFETY_MS;
    while (this.#sentAt.length > 0 && (this.#sentAt[0] ?? now) <= horizon) this.#sentAt.shift();
  }

  /** The API said "too many": halve the pace (never below one a second). */
  slowDown(): void {
    this.#limit = Math.max(MIN_RATE, Math.floor(this.#limit / 2));
  }

  #recent(now: number): number {
    let count = 0;
    for (const time of this.#sentAt) if (time > now - WINDOW_MS - SAFETY_MS) count++;
    return count;
  }
}
