// Keeps fetched pages for 6 hours (CacheService's maximum), so a repeated formula, or a
// recalculation after a timeout or a failure, pays nothing for pages already fetched. A page too
// big for one cache value (100 KB) is split across several keys. Reads and writes are batched:
// at most two getAll calls and one putAll per wave.

import type { KeyValueCache } from "../platform/types.js";
import { splitByUtf8Bytes, utf8Length } from "./utf8.js";

export const PAGE_TTL_SECONDS = 21_600;
/** CacheService refuses values over 102,400 bytes; leave room. */
const MAX_VALUE_BYTES = 100_000;
const CHUNKED = "#chunks:";
const FORMAT = "tt1";

export interface CachedPage {
  readonly records: readonly unknown[];
  /** How many entries the page held, odd ones included: it decides where the data ends. */
  readonly count: number;
  readonly total?: number;
}

export class PageCache {
  readonly #store: KeyValueCache;
  readonly #scope: string;

  /** `scope` identifies the query and page size: equal scopes hold equal pages. */
  constructor(store: KeyValueCache, scope: string) {
    this.#store = store;
    this.#scope = scope;
  }

  read(pages: readonly number[]): Map<number, CachedPage> {
    const found = new Map<number, CachedPage>();
    if (pages.length === 0) return found;
    const heads = this.#store.getAll(pages.map((page) => this.#key(page)));
    const chunked = new Map<number, number>();
    for (const page of pages) {
      const head = heads[this.#key(page)];
      if (head === undefined) continue;
      if (head.startsWith(CHUNKED)) chunked.set(page, Number(head.slice(CHUNKED.length)));
      else this.#decode(head, page, found);
    }
    if (chunked.size > 0) {
      const chunkKeys = [...chunked].flatMap(([page, count]) =>
        Array.from({ length: count }, (_, index) => this.#chunkKey(page, index)),
      );
      const chunks = this.#store.getAll(chunkKeys);
      for (const [page, count] of chunked) {
        const parts = Array.from(
          { length: count },
          (_, index) => chunks[this.#chunkKey(page, index)],
        );
        // A chunk evicted on its own makes the page unreadable: fetch it again.
        if (parts.every((part) => part !== undefined)) this.#decode(parts.join(""), page, found);
      }
    }
    return found;
  }

  write(pages: ReadonlyMap<number, CachedPage>): void {
    const values: Record<string, string> = {};
    for (const [page, content] of pages) {
      const json = JSON.stringify(content);
      if (utf8Length(json) <= MAX_VALUE_BYTES) {
        values[this.#key(page)] = json;
        continue;
      }
      const parts = splitByUtf8Bytes(json, MAX_VALUE_BYTES);
      parts.forEach((part, index) => {
        values[this.#chunkKey(page, index)] = part;
      });
      values[this.#key(page)] = `${CHUNKED}${parts.length}`;
    }
    this.#store.putAll(values, PAGE_TTL_SECONDS);
  }

  /** Where a run marks a page it is fetching, for an identical run to wait on. */
  flightKey(page: number): string {
    return `${this.#key(page)}|fly`;
  }

  #decode(json: string, page: number, into: Map<number, CachedPage>): void {
    try {
      const content = JSON.parse(json) as CachedPage;
      if (Array.isArray(content.records) && typeof content.count === "number")
        into.set(page, content);
    } catch {
      // A damaged entry is a miss, not a failure.
    }
  }

  #key(page: number): string {
    return `${FORMAT}|${this.#scope}|${page}`;
  }

  #chunkKey(page: number, index: number): string {
    return `${this.#key(page)}#${index}`;
  }
}
