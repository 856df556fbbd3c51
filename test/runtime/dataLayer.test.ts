// The data layer running in the local Apps Script runtime against the fake APIs over real loopback
// HTTP: speed and credits, rate limits, the end of the data, drift, failures and the page cache.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeApiHandle, startFakeApiInWorker } from "../../dev/fake-api/worker.js";
import { HARNESS_CODE } from "../../dev/harness/build.js";
import type { HarnessResult } from "../../dev/harness/entrypoints.js";
import { AppsScriptRuntime, apiRoutes } from "../../dev/runtime/runtime.js";
import type { FastMossQuery, KeyApiQuery } from "../../src/shared/query/types.js";

const KEYAPI_KEY = "demo-keyapi-key";
const FASTMOSS_TOKEN = "demo-fastmoss-token";

let api: FakeApiHandle;
let rt: AppsScriptRuntime;

beforeAll(async () => {
  api = await startFakeApiInWorker({});
});

afterAll(async () => {
  rt?.close();
  await api.close();
});

beforeEach(async () => {
  rt?.close();
  await api.reset();
  rt = new AppsScriptRuntime({ codePath: HARNESS_CODE, routes: apiRoutes(api.url) });
});

const keyApi = (
  limit: number,
  filters: KeyApiQuery["filters"] = {},
  region = "US",
): KeyApiQuery => ({
  source: "keyapi",
  region,
  limit,
  filters,
});

const fastMoss = (limit: number, filters: FastMossQuery["filters"] = {}): FastMossQuery => ({
  source: "fastmoss",
  region: "US",
  limit,
  filters,
  date: { type: "month", value: "2026-10" },
});

function pull(query: KeyApiQuery | FastMossQuery, budgetMs = 360_000): HarnessResult {
  const key = query.source === "keyapi" ? KEYAPI_KEY : FASTMOSS_TOKEN;
  return rt.serverCall("harnessPull", [query, key, budgetMs]) as HarnessResult;
}

describe("speed and credits", () => {
  it("pulls 1,000 KeyAPI rows in exactly 100 requests, unrefused, near the floor, at 300 ms and 10/s", async () => {
    await api.configure({ latencyMs: 300, rateLimit: { keyapi: 10, fastmoss: 10 } });
    const start = rt.clock.now();
    const result = pull(keyApi(1000));
    const stats = await api.stats();
    expect(result.rows).toBe(1000);
    expect(new Set(result.ids).size).toBe(1000);
    expect(stats.keyapi.requests).toBe(100);
    expect(stats.keyapi.credits).toBe(100);
    expect(result.stats.credits).toBe(stats.keyapi.credits);
    expect(stats.keyapi.byStatus).toEqual({ 200: 100 });
    expect(rt.clock.now() - start).toBeLessThanOrEqual(10_000 * 1.3);
  });

  it("pulls 1,000 FastMoss rows in 10 requests: the first page, then the other nine together", async () => {
    await api.configure({ latencyMs: 300, rateLimit: { keyapi: 10, fastmoss: 10 } });
    const start = rt.clock.now();
    const result = pull(fastMoss(1000));
    const stats = await api.stats();
    expect(result.rows).toBe(1000);
    expect(stats.fastmoss.requests).toBe(10);
    expect(result.stats.waves).toBe(2);
    // Two waves of 300 ms, plus a few cache calls.
    expect(rt.clock.now() - start).toBeGreaterThanOrEqual(600);
    expect(rt.clock.now() - start).toBeLessThan(700);
  });

  it("adapts to a stricter rate limit than it assumed and reports the credits KeyAPI charged", async () => {
    await api.configure({ latencyMs: 100, rateLimit: { keyapi: 4, fastmoss: null } });
    const result = pull(keyApi(300));
    const stats = await api.stats();
    expect(result.rows).toBe(300);
    expect(result.stats.credits).toBe(stats.keyapi.credits);
    // Refused requests cost credits too: the pacer must learn quickly, not hammer.
    expect(stats.keyapi.byStatus[429] ?? 0).toBeLessThanOrEqual(12);
    expect(result.stats.rateLimited).toBeGreaterThan(0);
  });

  it("waits out FastMoss's 30003 and goes on", async () => {
    await api.configure({ rateLimit: { keyapi: null, fastmoss: 3 } });
    const result = pull(fastMoss(1000));
    const stats = await api.stats();
    expect(result.rows).toBe(1000);
    expect(stats.fastmoss.byCode["30003"]).toBeGreaterThan(0);
  });
});

describe("the end of the data", () => {
  it("makes at most 3 requests past the last page when the data ends before the limit", async () => {
    const result = pull(keyApi(1000, { min_total_followers_cnt: 2_000_000 }));
    const stats = await api.stats();
    expect(result.rows).toBeLessThan(1000);
    expect(result.endOfData).toBe(true);
    const lastPage = Math.floor(result.rows / 10) + 1;
    const pastEnd = stats.keyapi.log.filter((entry) => (entry.page ?? 0) > lastPage);
    expect(pastEnd.length).toBeLessThanOrEqual(3);
  });

  it("answers an empty region with no rows", () => {
    const result = pull(keyApi(50, {}, "ZZ"));
    expect(result.rows).toBe(0);
    expect(result.error).toBeUndefined();
  });
});

describe("drift", () => {
  it("reads numbers sent as strings, nulls, unknown and missing fields without failing", async () => {
    await api.configure({
      drift: {
        numbersAsStrings: true,
        extraFields: true,
        missingFields: true,
        nullNumbers: true,
        fastmossMsgField: true,
      },
    });
    const keyapi = pull(keyApi(200));
    expect(keyapi.rows).toBe(200);
    const header = keyapi.table[0] as string[];
    const followers = header.indexOf("total_followers_cnt");
    const values = keyapi.table.slice(1).map((row) => row[followers]);
    expect(values.every((value) => typeof value === "number" || value === "")).toBe(true);
    expect(values.some((value) => typeof value === "number")).toBe(true);
    const ids = keyapi.table.slice(1).map((row) => row[header.indexOf("user_id")]);
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    expect(pull(fastMoss(300)).rows).toBe(300);
  });
});

describe("failures", () => {
  it("stops at a 402 in the middle of a pull, and after a top-up fetches no page twice", async () => {
    await api.configure({ credits: 35 });
    const failed = pull(keyApi(1000));
    expect(failed.error?.code).toBe("NO_CREDITS");
    expect(failed.error?.message).toContain("out of credits");
    await api.configure({ credits: null });
    const result = pull(keyApi(1000));
    expect(result.rows).toBe(1000);
    const stats = await api.stats();
    const paid = stats.keyapi.log
      .filter((entry) => entry.status === 200)
      .map((entry) => entry.page);
    expect(new Set(paid).size).toBe(paid.length);
  });

  it("retries malformed JSON, an HTML error page and an error sent as HTTP 200, and finishes", async () => {
    await api.configure({
      failures: [
        {
          api: "keyapi",
          page: 2,
          rawBody: '{"code":0,"data":[{"user_id":',
          contentType: "application/json",
        },
        {
          api: "keyapi",
          page: 3,
          status: 502,
          rawBody: "<html><body><h1>502 Bad Gateway</h1></body></html>",
          contentType: "text/html",
        },
        { api: "keyapi", page: 4, code: 500, message: "Internal server error" },
        { api: "fastmoss", page: 1, code: 40001, message: "service error" },
      ],
    });
    expect(pull(keyApi(50)).rows).toBe(50);
    expect(pull(fastMoss(100)).rows).toBe(100);
  });

  it("turns a wrong key into a clear error without the key", async () => {
    const result = rt.serverCall("harnessPull", [
      keyApi(10),
      "wrong-key-123456",
      60_000,
    ]) as HarnessResult;
    expect(result.error?.code).toBe("BAD_KEY");
    expect(result.error?.message).not.toContain("wrong-key-123456");
  });
});

describe("the page cache", () => {
  it("makes no request for a repeat within 6 hours", async () => {
    const first = pull(keyApi(100));
    const before = (await api.stats()).keyapi.requests;
    rt.advance(5 * 3_600_000);
    const again = pull(keyApi(100));
    expect((await api.stats()).keyapi.requests).toBe(before);
    expect(again.ids).toEqual(first.ids);
    rt.advance(2 * 3_600_000);
    pull(keyApi(100));
    expect((await api.stats()).keyapi.requests).toBeGreaterThan(before);
  });

  it("fetches no page twice when a slow pull is cut off and run again", async () => {
    await api.configure({ latencyMs: 3_000 });
    const cut = pull(keyApi(1000), 25_000);
    expect(cut.stoppedBy).toBe("deadline");
    expect(cut.rows).toBeGreaterThan(0);
    const rest = pull(keyApi(1000), 120_000);
    expect(rest.rows).toBe(1000);
    const stats = await api.stats();
    const pages = stats.keyapi.log
      .filter((entry) => entry.status === 200)
      .map((entry) => entry.page);
    expect(new Set(pages).size).toBe(pages.length);
  });

  it("splits a FastMoss page over 100 KB across cache keys and reads it back", async () => {
    const first = pull(fastMoss(100));
    const requests = (await api.stats()).fastmoss.requests;
    const again = pull(fastMoss(100));
    expect((await api.stats()).fastmoss.requests).toBe(requests);
    expect(again.ids).toEqual(first.ids);
  });
});
