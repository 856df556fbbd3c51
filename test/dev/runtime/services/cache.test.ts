// CacheService: values as strings, the key and value limits, expiry on the virtual clock,
// first-in-first-out eviction past about 1,000 items, and whose cache each call reaches.

import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../dev/runtime/clock.js";
import {
  CACHE_LIMITS,
  CacheStores,
  createCacheService,
} from "../../../../dev/runtime/services/cache.js";
import { makeExec, OWNER, START, thrown } from "./helpers.js";

function setup(options: Parameters<typeof makeExec>[0] = {}, caches?: CacheStores) {
  const clock = options.clock ?? new VirtualClock(START);
  const stores = caches ?? new CacheStores(clock);
  const exec = makeExec({ ...options, clock });
  return { clock, exec, caches: stores, service: createCacheService(stores, exec) };
}

describe("a cache", () => {
  it("stores strings, coerces other values, and reads several at once", () => {
    const { service } = setup();
    const cache = service.getScriptCache();
    cache.put("a", "1");
    cache.put("n", 42 as unknown as string);
    cache.putAll({ b: "2", c: "3" });
    expect(cache.get("a")).toBe("1");
    expect(cache.get("n")).toBe("42");
    expect(cache.get("missing")).toBeNull();
    expect(cache.getAll(["a", "b", "missing"])).toEqual({ a: "1", b: "2" });
    cache.remove("a");
    cache.removeAll(["b", "c"]);
    expect(cache.getAll(["a", "b", "c", "n"])).toEqual({ n: "42" });
  });

  it("refuses a value over 100 KB and a key over 250 characters", () => {
    const { service } = setup();
    const cache = service.getScriptCache();
    cache.put("max", "v".repeat(CACHE_LIMITS.valueBytes));
    expect(thrown(() => cache.put("big", "v".repeat(CACHE_LIMITS.valueBytes + 1)))).toEqual({
      name: "Exception",
      message: "Argument too large: value",
    });
    // Counted in bytes: 34,134 three-byte characters are over the limit.
    expect(thrown(() => cache.put("cjk", "字".repeat(34_134))).message).toBe(
      "Argument too large: value",
    );
    cache.put("k".repeat(250), "ok");
    expect(thrown(() => cache.put("k".repeat(251), "x")).message).toBe("Argument too large: key");
    expect(thrown(() => cache.get("k".repeat(251))).message).toBe("Argument too large: key");
    expect(cache.get("big")).toBeNull();
  });

  it("refuses a whole putAll when one item is too large", () => {
    const { service } = setup();
    const cache = service.getScriptCache();
    expect(
      thrown(() => cache.putAll({ fine: "1", big: "v".repeat(CACHE_LIMITS.valueBytes + 1) }))
        .message,
    ).toBe("Argument too large: value");
    expect(cache.get("fine")).toBeNull();
  });

  it("expires entries on the virtual clock: 600 s by default, at most 6 hours", () => {
    const { service, clock, caches } = setup();
    const cache = service.getScriptCache();
    const putAt: Record<string, number> = {};
    for (const [key, seconds] of [
      ["default", undefined],
      ["short", 10],
      ["long", 100_000],
      ["negative", -5],
    ] as const) {
      cache.put(key, key, seconds);
      putAt[key] = clock.now();
    }
    // Read straight from the store, so reading costs no virtual time.
    const liveAt = (key: string, ms: number) => {
      clock.advanceTo(putAt[key]! + ms);
      return caches.script.get(key) !== null;
    };
    expect(liveAt("short", 9_999)).toBe(true);
    expect(liveAt("short", 10_000)).toBe(false);
    expect(liveAt("default", 599_999)).toBe(true);
    expect(liveAt("negative", 599_999)).toBe(true);
    expect(liveAt("default", 600_000)).toBe(false);
    expect(liveAt("negative", 600_000)).toBe(false);
    expect(liveAt("long", 21_600_000 - 1)).toBe(true);
    expect(liveAt("long", 21_600_000)).toBe(false);
  });

  it("evicts the oldest tenth, by creation, past 1,000 items", () => {
    const { service, caches } = setup();
    const cache = service.getScriptCache();
    for (let index = 0; index < 1_000; index++) cache.put(`key-${index}`, String(index));
    // Reading an old entry does not save it: eviction goes by creation time.
    expect(cache.get("key-0")).toBe("0");
    expect(caches.script.size()).toBe(1_000);
    cache.put("key-1000", "1000");
    expect(caches.script.size()).toBe(901);
    expect(cache.get("key-0")).toBeNull();
    expect(cache.get("key-99")).toBeNull();
    expect(cache.get("key-100")).toBe("100");
    expect(cache.get("key-1000")).toBe("1000");
  });

  it("charges each call to the clock and counts it", () => {
    const { service, clock, exec } = setup();
    const cache = service.getDocumentCache();
    cache.put("a", "1");
    cache.get("a");
    expect(clock.now() - START).toBe(3 * 3);
    expect(exec.calls.get("Cache.get")).toBe(1);
  });
});

describe("CacheService", () => {
  it("keeps caches across executions, one per user, the owner's in custom functions", () => {
    const clock = new VirtualClock(START);
    const caches = new CacheStores(clock);
    setup({ clock }, caches).service.getScriptCache().put("shared", "s");
    setup({ clock, user: "editor@example.com" }, caches)
      .service.getUserCache()
      .put("mine", "editor's");
    setup({ clock }, caches).service.getUserCache().put("mine", "owner's");
    expect(setup({ clock }, caches).service.getScriptCache().get("shared")).toBe("s");
    expect(
      setup({ clock, user: "editor@example.com" }, caches).service.getUserCache().get("mine"),
    ).toBe("editor's");
    const inCustomFunction = setup(
      { clock, kind: "customFunction", user: "editor@example.com" },
      caches,
    );
    expect(inCustomFunction.service.getUserCache().get("mine")).toBe("owner's");
    expect(caches.user(OWNER).get("mine")).toBe("owner's");
  });

  it("is refused in AuthMode.NONE and allowed in LIMITED", () => {
    expect(
      thrown(() => setup({ authMode: "NONE", kind: "simpleTrigger" }).service.getScriptCache()),
    ).toEqual({
      name: "Exception",
      message: "You do not have permission to call CacheService.getScriptCache",
    });
    setup({ authMode: "LIMITED", kind: "simpleTrigger" }).service.getDocumentCache().put("a", "1");
  });
});
