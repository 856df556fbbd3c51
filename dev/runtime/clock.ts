// The virtual clock of the local Apps Script runtime: time moves only when the emulated platform
// says so (sleeps, simulated network and service time), so minutes of limits are tested in seconds.

export class VirtualClock {
  #now: number;

  constructor(startMs: number) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock cannot move by ${ms} ms`);
    this.#now += ms;
  }

  /** Moves the clock forward to `epochMs`; never backwards. */
  advanceTo(epochMs: number): void {
    if (epochMs > this.#now) this.#now = epochMs;
  }
}
