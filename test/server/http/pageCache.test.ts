// The page cache: pages round-trip, big ones are split across keys, lost chunks are misses, and
// reads and writes are batched.

import { describe, expect, it } from "vitest";
import { PageCache } from "../../../src/server/http/pageCache.js";
import { FakeCache } from "./fakes.js";

const record = (i: number) => ({
  uid: `67875806887977134${i}`,
  nickname: `达人 ${i} 😀`,
  bio: "x".repeat(1200),
});

describe("PageCache", () => {
  it("round-trips pages and keeps scopes apart", () => {
    const store = new FakeCache();
    const cache = new PageCache(store, "scope-a");
    cache.write(
      new Map([
        [1, { records: [record(1)], count: 1, total: 17 }],
        [2, { records: [], count: 0 }],
      ]),
    );
    expect(cache.read([1, 2, 3])).toEqual(
      new Map([
        [1, { records: [record(1)], count: 1, total: 17 }],
        [2, { records: [], count: 0 }],
      ]),
    );
    expect(new PageCache(store, "scope-b").read([1, 2]).size).toBe(0);
  });

  it("splits a page over 100 KB across keys and reads it back whole, in two batched calls", () => {
    const store = new FakeCache();
    const cache = new PageCache(store, "big");
    const records = Array.from({ length: 100 }, (_, i) => record(i));
    cache.write(new Map([[1, { records, count: 100 }]]));
    expect(store.calls.putAll).toBe(1);
    for (const value of store.values.values())
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(102_400);
    expect(store.values.size).toBeGreaterThan(2);
    store.calls.getAll = 0;
    expect(cache.read([1]).get(1)?.records).toEqual(records);
    expect(store.calls.getAll).toBe(2);
  });

  it("treats a page with an evicted chunk, or a damaged entry, as not cached", () => {
    const store = new FakeCache();
    const cache = new PageCache(store, "s");
    cache.write(
      new Map([[1, { records: Array.from({ length: 100 }, (_, i) => record(i)), count: 100 }]]),
    );
    store.remove([...store.values.keys()].find((key) => key.endsWith("#1"))!);
    expect(cache.read([1]).size).toBe(0);
    store.values.set("tt1|s|2", "{not json");
    expect(cache.read([2]).size).toBe(0);
  });
});
