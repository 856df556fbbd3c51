// fetchRecords over an in-memory KeyAPI: requests and credits, pacing, the end of the data, the
// page cache, deadlines, and every kind of failure — with a virtual clock.

import { describe, expect, it } from "vitest";
import { AddonError } from "../../../src/server/errors.js";
import type { DataServices } from "../../../src/server/platform/types.js";
import { fetchRecords, type RecordsRequest } from "../../../src/server/sources/fetchRecords.js";
import type { KeyApiQuery } from "../../../src/shared/query/types.js";
import { FakeCache, FakeClock, type FakeServerOptions, fakePagedServer } from "../http/fakes.js";

const KEY = "secret-key-1234";

function setup(options: FakeServerOptions) {
  const clock = new FakeClock();
  const cache = new FakeCache();
  const server = fakePagedServer(clock, options);
  const services: DataServices = {
    http: server.http,
    clock,
    cache,
    hash: (text) => `h${text.length}${text.slice(0, 40)}`,
  };
  const run = (limit: number, overrides: Partial<RecordsRequest> = {}) => {
    const query: KeyApiQuery = { source: "keyapi", region: "US", limit, filters: {} };
    return fetchRecords(
      { query, key: KEY, deadline: clock.now() + 360_000, ...overrides },
      services,
    );
  };
  return { clock, cache, server, services, run };
}

function failure(action: () => unknown): AddonError {
  try {
    action();
  } catch (error) {
    if (error instanceof AddonError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("fetchRecords: cost and speed", () => {
  it("pulls 1,000 rows in exactly 100 requests and 100 credits, paced under 10/s, near the floor", () => {
    const { run, server, clock } = setup({ total: 30_000, latencyMs: 300, rateLimit: 10 });
    const start = clock.now();
    const result = run(1000);
    expect(result.records).toHaveLength(1000);
    expect(result.stats.requests).toBe(100);
    expect(result.stats.credits).toBe(100);
    expect(server.log.filter((entry) => entry.status === 429)).toEqual([]);
    const floor = Math.max(100 / 10, result.stats.waves * 0.3) * 1000;
    expect(clock.now() - start).toBeLessThanOrEqual(floor * 1.3);
    expect((result.records[0] as { user_id: string }).user_id).toBe("7000000000000000000");
  });

  it("stops within 3 requests of the end when the data ends before the limit", () => {
    const { run, server } = setup({ total: 235 });
    const result = run(1000);
    expect(result.records).toHaveLength(235);
    expect(result.endOfData).toBe(true);
    const pastEnd = server.log.filter((entry) => entry.page > 24);
    expect(pastEnd.length).toBeLessThanOrEqual(3);
  });

  it("answers an empty region with no rows after at most 4 requests", () => {
    const { run, server } = setup({ total: 0 });
    expect(run(50).records).toEqual([]);
    expect(server.log.length).toBeLessThanOrEqual(4);
  });
});

describe("fetchRecords: probing the last page", () => {
  it("probes only when the run can get that far before its deadline", () => {
    const generous = setup({ total: 30_000, latencyMs: 300, rateLimit: 10 });
    generous.run(1000);
    expect(generous.server.log.slice(0, 4).map((entry) => entry.page)).toEqual([1, 2, 3, 100]);
    const hurried = setup({ total: 30_000, latencyMs: 300, rateLimit: 10 });
    const cut = hurried.run(1000, { deadline: hurried.clock.now() + 5_000 });
    expect(cut.stoppedBy).toBe("deadline");
    expect(hurried.server.log.map((entry) => entry.page)).not.toContain(100);
  });
});

describe("fetchRecords: the page cache", () => {
  it("pays nothing for a repeat, and nothing for the pages a smaller limit already fetched", () => {
    const { run, server } = setup({ total: 5_000 });
    const first = run(100);
    const requests = server.log.length;
    const again = run(100);
    expect(server.log.length).toBe(requests);
    expect(again.records).toEqual(first.records);
    expect(again.stats).toMatchObject({ requests: 0, credits: 0, cachedPages: 10 });
    run(150);
    expect(server.log.length - requests).toBe(5);
  });

  it("stops at the deadline with what it has, and the next run fetches no page twice", () => {
    const { run, server, clock } = setup({ total: 5_000, latencyMs: 400, rateLimit: 10 });
    const partial = run(1000, { deadline: clock.now() + 4_000 });
    expect(partial.stoppedBy).toBe("deadline");
    expect(partial.complete).toBe(false);
    expect(partial.records.length).toBeGreaterThan(0);
    expect(clock.now()).toBeLessThanOrEqual(1_000_000 + 4_000);
    const rest = run(1000);
    expect(rest.records).toHaveLength(1000);
    const pages = server.log.filter((entry) => entry.status === 200).map((entry) => entry.page);
    expect(new Set(pages).size).toBe(pages.length);
  });
});

describe("fetchRecords: failures", () => {
  it("makes no request without a key", () => {
    const { services, server, clock } = setup({ total: 100 });
    const query: KeyApiQuery = { source: "keyapi", region: "US", limit: 10, filters: {} };
    const error = failure(() =>
      fetchRecords({ query, key: " ", deadline: clock.now() + 1000 }, services),
    );
    expect(error.code).toBe("MISSING_KEY");
    expect(error.message).toBe(
      "no KeyAPI key is set — open Extensions › TikTok Influencers › Settings and paste it there.",
    );
    expect(server.log).toEqual([]);
  });

  it("retries a 500 and goes on", () => {
    const { run } = setup({
      total: 500,
      failures: [
        {
          page: 3,
          status: 500,
          body: '{"code":500,"data":null,"message":"Internal server error"}',
        },
      ],
    });
    const result = run(50);
    expect(result.records).toHaveLength(50);
    expect(result.stats.retries).toBe(1);
  });

  it("gives up on repeated 500s with a message, keeping the pages it fetched", () => {
    const body = '{"code":500,"data":null,"message":"Internal server error"}';
    const { run, server } = setup({
      total: 500,
      failures: [1, 2, 3].map(() => ({ page: 4, status: 500, body })),
    });
    const error = failure(() => run(50));
    expect(error.code).toBe("SERVICE_ERROR");
    expect(error.message).toBe(
      "KeyAPI failed 3 times (HTTP 500: Internal server error). Try again later; pages already fetched are kept.",
    );
    const before = server.log.length;
    run(50);
    expect(server.log.slice(before).map((entry) => entry.page)).toEqual([4]);
  });

  it("stops at a 402 in the middle of a pull, and a rerun pays only for the missing pages", () => {
    const { run, server } = setup({
      total: 5_000,
      failures: [
        {
          page: 7,
          status: 402,
          body: '{"code":402,"data":null,"message":"apiKey quota is not enough"}',
        },
      ],
    });
    const error = failure(() => run(100));
    expect(error.code).toBe("NO_CREDITS");
    expect(error.message).toMatch(
      /out of credits \(HTTP 402: apiKey quota is not enough\)\. Top up/,
    );
    const before = server.log.length;
    expect(run(100).records).toHaveLength(100);
    const refetched = server.log.slice(before).map((entry) => entry.page);
    expect(refetched).toContain(7);
    expect(refetched.length).toBeLessThan(10);
  });

  it.each([
    ["malformed JSON", 200, '{"code":0,"data":[{"user_id"'],
    [
      "an HTML error page",
      502,
      "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
    ],
    [
      "an error sent as HTTP 200",
      200,
      '{"code":500,"data":null,"message":"Internal server error"}',
    ],
  ])("retries %s once and goes on", (_case, status, body) => {
    const { run } = setup({ total: 500, failures: [{ page: 2, status, body }] });
    expect(run(30).records).toHaveLength(30);
  });

  it("reports an HTML page that keeps coming back in words, not markup", () => {
    const body = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    const { run } = setup({
      total: 500,
      failures: [1, 2, 3].map(() => ({ page: 1, status: 502, body })),
    });
    expect(failure(() => run(10)).message).toContain("(HTTP 502: 502 Bad Gateway nginx)");
  });

  it("turns a refused key into a message without the key", () => {
    const { run } = setup({
      total: 500,
      failures: [
        {
          page: 1,
          status: 401,
          body: `{"code":401,"data":null,"message":"apiKey ${KEY} is invalid"}`,
        },
      ],
    });
    const error = failure(() => run(10));
    expect(error.code).toBe("BAD_KEY");
    expect(error.message).not.toContain(KEY);
    expect(error.message).toContain("apiKey ••• is invalid");
  });

  it("waits out a 429 as long as Retry-After says, slows down, and remembers the rate", () => {
    const { run, server, cache, clock } = setup({ total: 5_000, latencyMs: 100, rateLimit: 5 });
    const start = clock.now();
    const result = run(200);
    expect(result.records).toHaveLength(200);
    expect(result.stats.rateLimited).toBeGreaterThan(0);
    const first429 = server.log.find((entry) => entry.status === 429)!;
    const retried = server.log.find(
      (entry) => entry.time > first429.time && entry.page === first429.page,
    )!;
    expect(retried.time - first429.time).toBeGreaterThanOrEqual(1000);
    const paceKey = [...cache.values.keys()].find((name) => name.startsWith("tt1|pace|keyapi|"));
    expect(JSON.parse(cache.values.get(paceKey!)!).rate).toBe(5);
    // The next run, right after, starts at the learned pace and isn't refused at all.
    const before = server.log.length;
    run(400, { deadline: clock.now() + 360_000 });
    expect(server.log.slice(before).filter((entry) => entry.status === 429)).toEqual([]);
    expect(clock.now()).toBeGreaterThan(start);
  });

  it("gives up when rate limiting outlasts the deadline, without a bare timeout", () => {
    const { run, clock } = setup({ total: 5_000, latencyMs: 100, rateLimit: 1 });
    const result = run(500, { deadline: clock.now() + 5_000 });
    expect(result.stoppedBy).toBe("deadline");
    expect(clock.now()).toBeLessThanOrEqual(1_000_000 + 5_000);
  });
});
