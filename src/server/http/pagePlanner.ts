// Decides which pages to request in each parallel wave without wasting requests.
//
// Pages hold `pageSize` records; the data ends at the first page shorter than that (E). A page
// known full proves E lies beyond it (lower bound L), a short or empty one bounds E from above (U).
// A request for a page above L may turn out to be past the end and wasted, so at most
// `speculation` such requests are ever made (KeyAPI: 3, the SPEC's bound; FastMoss: 0, because its
// first page tells the total). To go fast when data is plentiful, the last needed page is probed
// in the first wave: if it comes back full, every page before it exists and all are safe to ask.

export interface PagePlannerOptions {
  readonly pageSize: number;
  /** The first page of this run (a job resumes mid-way; pages before it are known to be full). */
  readonly firstPage: number;
  /** The last page the run may need: the limit's and the API's paging rules' bound. */
  readonly lastPage: number;
  /** Requests the planner may risk past the proven end of the data. */
  readonly speculation: number;
  /** Ask for the last needed page early, to prove the pages before it exist. */
  readonly probeLastPage: boolean;
}

export class PagePlanner {
  readonly #options: PagePlannerOptions;
  /** Record count of every answered page. */
  readonly #answered = new Map<number, number>();
  readonly #requested = new Set<number>();
  /** Every page up to here is proven to exist (E ≥ lower). */
  #lower: number;
  /** The data ends at or before this page (E ≤ upper). */
  #upper = Number.POSITIVE_INFINITY;
  #lastNeeded: number;

  constructor(options: PagePlannerOptions) {
    this.#options = options;
    this.#lower = options.firstPage;
    this.#lastNeeded = options.lastPage;
  }

  /** The pages to ask for now, at most `max`, most useful first. */
  next(max: number): number[] {
    if (max <= 0) return [];
    const end = this.#endBound();
    const wave: number[] = [];
    let risked = this.#risked();
    const take = (page: number, risky: boolean) => {
      if (wave.length >= max || this.#requested.has(page) || wave.includes(page)) return;
      if (risky) {
        if (risked >= this.#options.speculation) return;
        risked++;
      }
      wave.push(page);
    };
    for (let page = this.#options.firstPage; page <= Math.min(end, this.#lower); page++) {
      take(page, false);
    }
    const probe = this.#lastNeeded;
    if (this.#options.probeLastPage && probe > this.#lower + this.#options.speculation) {
      take(probe, probe > this.#lower);
    }
    for (let page = this.#lower + 1; page <= end && wave.length < max; page++) take(page, true);
    for (const page of wave) this.#requested.add(page);
    return wave.sort((a, b) => a - b);
  }

  /** A page's answer: how many records it held, and the total when the API tells it. */
  accept(page: number, count: number, total?: number): void {
    this.#requested.add(page);
    this.#answered.set(page, count);
    if (total !== undefined) {
      // A known total proves every page up to its last one exists.
      const pages = Math.max(1, Math.ceil(total / this.#options.pageSize));
      this.#lastNeeded = Math.min(this.#lastNeeded, pages);
      this.#lower = Math.max(this.#lower, this.#lastNeeded);
    }
    if (count >= this.#options.pageSize) {
      this.#lower = Math.max(this.#lower, page + 1);
    } else {
      this.#upper = Math.min(this.#upper, page);
      // A short page that still holds records is the last page: every page before it exists.
      if (count > 0) this.#lower = Math.max(this.#lower, page);
    }
  }

  /** A page whose answer failed and must be asked again. */
  retry(page: number): void {
    this.#requested.delete(page);
  }

  /** True once every page that can hold wanted records is answered. */
  done(): boolean {
    for (let page = this.#options.firstPage; page <= this.#endBound(); page++) {
      if (!this.#answered.has(page)) return false;
    }
    return true;
  }

  /** True when the data was seen to end (a short or empty page) within the pages needed. */
  endOfData(): boolean {
    return this.#upper <= this.#lastNeeded;
  }

  /** The last page answered without a gap since the first page. */
  contiguousThrough(): number {
    let page = this.#options.firstPage - 1;
    while (this.#answered.has(page + 1)) page++;
    return page;
  }

  #endBound(): number {
    return Math.min(this.#lastNeeded, this.#upper);
  }

  /** Requests made past the proven lower bound: each may be past the end of the data. */
  #risked(): number {
    let risked = 0;
    for (const page of this.#requested) if (page > this.#lower) risked++;
    return risked;
  }
}
