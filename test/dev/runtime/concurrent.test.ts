// The runtime's concurrent mode: cells recalculated at the same moment run as separate executions
// on one virtual clock, sharing the document's cache, properties and lock, at most 30 at a time,
// deterministically — exercised with small fixture scripts and the fake API's rate limit.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeApiHandle, startFakeApiInWorker } from "../../../dev/fake-api/worker.js";
import { apiRoutes } from "../../../dev/runtime/runtime.js";
import { useFixtureRuntimes } from "./fixtureRuntime.js";

const runtime = useFixtureRuntimes(import.meta.dirname);

const SCRIPT = `
  function NAP(ms) { var t0 = Date.now(); Utilities.sleep(ms); return [[t0, Date.now()]]; }
  function HOLD(ms, wait) {
    var lock = LockService.getDocumentLock();
    var got = lock.tryLock(wait);
    var at = Date.now();
    if (got) { Utilities.sleep(ms); lock.releaseLock(); }
    return [[got ? "got" : "missed", at]];
  }
  function BUMP() {
    var cache = CacheService.getDocumentCache();
    var lock = LockService.getDocumentLock();
    lock.waitLock(10000);
    var n = Number(cache.get("n") || 0);
    Utilities.sleep(50);
    cache.put("n", String(n + 1), 600);
    PropertiesService.getDocumentProperties().setProperty("last", String(n + 1));
    lock.releaseLock();
    return n + 1;
  }
  function UNSAFE_BUMP() {
    var cache = CacheService.getDocumentCache();
    var n = Number(cache.get("n") || 0);
    Utilities.sleep(50);
    cache.put("n", String(n + 1), 600);
    return n + 1;
  }
  function FOREVER() { while (true) Utilities.sleep(1000); }
`;

describe("executions at once", { timeout: 60_000 }, () => {
  it("refuses a knob its execution threads do not model, rather than ignore it", () => {
    const rt = runtime(SCRIPT);
    rt.faults.set("Utilities.sleep", "We're sorry, a server error occurred.");
    expect(() => rt.customFunctionsAtOnce([{ name: "NAP", args: [10] }])).toThrow(
      "customFunctionsAtOnce does not model faults",
    );
    rt.faults.clear();
    rt.intlTimeZones = false;
    expect(() => rt.customFunctionsAtOnce([{ name: "NAP", args: [10] }])).toThrow(/intlTimeZones/);
  });

  it("starts every cell at the same virtual moment and ends each at its own time", () => {
    const rt = runtime(SCRIPT);
    const start = rt.clock.now();
    const cells = rt.customFunctionsAtOnce([
      { name: "NAP", args: [3000] },
      { name: "NAP", args: [1000] },
      { name: "NAP", args: [2000] },
    ]);
    expect(cells.map((cell) => cell.ok)).toEqual([true, true, true]);
    expect(cells.map((cell) => cell.startedAt - start)).toEqual([0, 0, 0]);
    expect(cells.map((cell) => (cell.value as number[][])[0]![1]! - start)).toEqual([
      3000, 1000, 2000,
    ]);
    // Run one after another they would take 6 s; at once, the longest.
    expect(rt.clock.now() - start).toBe(3000);
    expect(rt.executions.map((record) => record.functionName)).toEqual(["NAP", "NAP", "NAP"]);
  });

  it("runs at most 30 at once; the rest start as executions end", () => {
    const rt = runtime(SCRIPT);
    const start = rt.clock.now();
    const cells = rt.customFunctionsAtOnce(
      Array.from({ length: 32 }, () => ({ name: "NAP", args: [1000] })),
    );
    expect(cells.filter((cell) => cell.startedAt === start)).toHaveLength(30);
    expect(cells.slice(30).map((cell) => cell.startedAt - start)).toEqual([1000, 1000]);
    expect(rt.clock.now() - start).toBe(2000);
  });

  it("shares the document lock: a waiter gets it when it is released, a short wait misses", () => {
    const rt = runtime(SCRIPT);
    const start = rt.clock.now();
    const cells = rt.customFunctionsAtOnce([
      { name: "HOLD", args: [5000, 0] },
      { name: "HOLD", args: [100, 10_000] },
      { name: "HOLD", args: [100, 1_000] },
    ]);
    const seen = cells.map((cell) => (cell.value as unknown[][])[0]!);
    expect(seen[0]).toEqual(["got", expect.any(Number)]);
    expect(seen[1]![0]).toBe("got");
    // Released after 5 s of sleep (plus the lock calls' own time).
    expect((seen[1]![1] as number) - start).toBeGreaterThanOrEqual(5000);
    expect((seen[1]![1] as number) - start).toBeLessThan(5100);
    expect(seen[2]![0]).toBe("missed");
    expect(rt.locks.holder("document")).toBeNull();
  });

  it("shares the document's cache and properties: under the lock no update is lost, without it some are", () => {
    const rt = runtime(SCRIPT);
    const locked = rt.customFunctionsAtOnce(Array.from({ length: 10 }, () => ({ name: "BUMP" })));
    expect(locked.map((cell) => cell.value).sort((a, b) => Number(a) - Number(b))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(rt.caches.document.get("n")).toBe("10");
    expect(rt.properties.document.get("last")).toBe("10");

    rt.caches.document.remove("n");
    const racing = rt.customFunctionsAtOnce(
      Array.from({ length: 10 }, () => ({ name: "UNSAFE_BUMP" })),
    );
    expect(racing.every((cell) => cell.value === 1)).toBe(true);
  });

  it("ends a cell at 30 seconds, as Sheets does, while the others go on", () => {
    const rt = runtime(SCRIPT);
    const start = rt.clock.now();
    const cells = rt.customFunctionsAtOnce([{ name: "FOREVER" }, { name: "NAP", args: [500] }]);
    expect(cells[0]!.ok).toBe(false);
    expect(cells[0]!.error?.message).toBe("Exceeded maximum execution time");
    expect(cells[0]!.endedAt - start).toBe(30_000);
    expect(cells[1]!.ok).toBe(true);
  });

  it("is deterministic: the same cells give the same times", () => {
    const times = () => {
      const rt = runtime(SCRIPT);
      return rt
        .customFunctionsAtOnce(Array.from({ length: 6 }, () => ({ name: "BUMP" })))
        .map((cell) => [cell.value, cell.startedAt, cell.endedAt]);
    };
    expect(times()).toEqual(times());
  });
});

describe("fetches of executions at once", { timeout: 60_000 }, () => {
  let api: FakeApiHandle;
  beforeAll(async () => {
    api = await startFakeApiInWorker({});
  });
  afterAll(async () => {
    await api.close();
  });

  it("overlap in virtual time: waves of different cells meet the API's rate limit together", async () => {
    await api.reset();
    await api.configure({ latencyMs: 300, rateLimit: { keyapi: 10, fastmoss: null } });
    const rt = runtime(
      `function WAVE() {
        var requests = [];
        for (var i = 1; i <= 6; i++) requests.push({
          url: "https://api.keyapi.ai/v1/tiktok/influencer/list/analytics?region=US&page_size=10&page_num=" + i,
          headers: { Authorization: "Bearer demo-keyapi-key" }, muteHttpExceptions: true });
        return UrlFetchApp.fetchAll(requests).map(function (r) { return [r.getResponseCode()]; });
      }`,
      { routes: apiRoutes(api.url) },
    );
    const start = rt.clock.now();
    const cells = rt.customFunctionsAtOnce([{ name: "WAVE" }, { name: "WAVE" }]);
    const codes = cells.flatMap((cell) => (cell.value as number[][]).map((row) => row[0]));
    // 12 requests in the same virtual instant against 10 a second: two are refused.
    expect(codes.filter((code) => code === 200)).toHaveLength(10);
    expect(codes.filter((code) => code === 429)).toHaveLength(2);
    expect(rt.clock.now() - start).toBe(300);
    expect(rt.http.log.map((entry) => entry.virtualTime - start)).toEqual(Array(12).fill(0));
  });
});
