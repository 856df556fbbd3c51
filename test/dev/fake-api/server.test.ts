// The fake server's knobs over HTTP: routing by host, rate limits on virtual time, latency and
// jitter, scripted failures, drift, real delay, the admin endpoints and determinism.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  FASTMOSS,
  getKeyApi,
  KEYAPI,
  keyApiRecordShape,
  postFastMoss,
  rankingBody,
  type Started,
  startApi,
  T0,
} from "./helpers.js";

let server: Started;

beforeAll(async () => {
  server = await startApi({ seed: 3 });
});
afterAll(async () => {
  await server.api.close();
});
beforeEach(() => {
  server.api.reset();
});

const US_PAGE = { region: "US", page_num: 1, page_size: 10 };
const APRIL_RANKING = rankingBody(
  { region: "US", date_info: { type: "month", value: "2026-04" } },
  1,
  10,
);

describe("routing", () => {
  it("with X-Forwarded-Host, each path exists on its own API's host only", async () => {
    const keyApiHost = { "X-Forwarded-Host": "api.keyapi.ai" };
    const fastMossHost = { "X-Forwarded-Host": "openapi.fastmoss.com" };
    expect((await getKeyApi(server.url, US_PAGE, { headers: keyApiHost })).status).toBe(200);
    expect((await getKeyApi(server.url, US_PAGE, { headers: fastMossHost })).status).toBe(404);
    expect((await postFastMoss(server.url, APRIL_RANKING, { headers: fastMossHost })).status).toBe(
      200,
    );
    const wrongHost = await postFastMoss(server.url, APRIL_RANKING, { headers: keyApiHost });
    expect(wrongHost.status).toBe(404);
    expect(wrongHost.body).toMatchObject({ code: 404, data: null });
    expect(
      (await getKeyApi(server.url, US_PAGE, { headers: { "X-Forwarded-Host": "evil.example" } }))
        .status,
    ).toBe(404);
  });

  it("unknown paths answer 404 with a JSON body; wrong methods 405", async () => {
    const unknown = await fetch(`${server.url}/v2/whatever`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      code: 404,
      data: null,
      message: "Not Found: GET /v2/whatever",
    });
    const post = await fetch(`${server.url}${KEYAPI}`, { method: "POST" });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET"]);
    const get = await fetch(`${server.url}${FASTMOSS}`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect(server.api.stats().keyapi.requests + server.api.stats().fastmoss.requests).toBe(0);
  });
});

describe("rate limits over virtual time", () => {
  it("KeyAPI: 12 requests at one instant with a limit of 10 → 10 accepted, 2 × 429", async () => {
    server.api.configure({ rateLimit: { keyapi: 10 } });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        getKeyApi(server.url, { ...US_PAGE, page_num: i + 1 }, { time: T0 }),
      ),
    );
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    expect(refused).toHaveLength(2);
    for (const answer of refused) {
      expect(answer.body).toEqual({ code: 429, data: null, message: "qps limit exceeded" });
      expect(answer.headers.get("retry-after")).toBe("1");
    }
    const stillFull = await getKeyApi(server.url, US_PAGE, { time: T0 + 999 });
    expect(stillFull.status).toBe(429);
    const later = await Promise.all(
      Array.from({ length: 10 }, () => getKeyApi(server.url, US_PAGE, { time: T0 + 1_000 })),
    );
    expect(later.map((a) => a.status)).toEqual(Array(10).fill(200));
  });

  it("Retry-After counts whole seconds until a slot frees", async () => {
    server.api.configure({ rateLimit: { keyapi: 2 } });
    await getKeyApi(server.url, US_PAGE, { time: T0 });
    await getKeyApi(server.url, US_PAGE, { time: T0 + 600 });
    const refused = await getKeyApi(server.url, US_PAGE, { time: T0 + 700 });
    expect([refused.status, refused.headers.get("retry-after")]).toEqual([429, "1"]);
    expect((await getKeyApi(server.url, US_PAGE, { time: T0 + 1_000 })).status).toBe(200);
    // Refused requests did not count: the window holds T0 + 600 and T0 + 1000 only.
    expect((await getKeyApi(server.url, US_PAGE, { time: T0 + 1_600 })).status).toBe(200);
  });

  it("FastMoss: 30003 with HTTP 200, or HTTP 429 with the status knob", async () => {
    server.api.configure({ rateLimit: { fastmoss: 10 } });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => postFastMoss(server.url, APRIL_RANKING, { time: T0 })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(answers.filter((a) => a.body.code === 0)).toHaveLength(10);
    expect(answers.filter((a) => a.body.code === 30003)).toHaveLength(2);
    expect((await postFastMoss(server.url, APRIL_RANKING, { time: T0 + 1_000 })).body.code).toBe(0);

    server.api.configure({ fastmossErrorsAsHttpStatus: true });
    const burst = await Promise.all(
      Array.from({ length: 12 }, () =>
        postFastMoss(server.url, APRIL_RANKING, { time: T0 + 5_000 }),
      ),
    );
    const refused = burst.filter((a) => a.status === 429);
    expect(refused).toHaveLength(2);
    expect(
      refused.every((a) => a.body.code === 30003 && a.headers.get("retry-after") === "1"),
    ).toBe(true);
  });

  it("each API has its own window", async () => {
    server.api.configure({ rateLimit: { keyapi: 1, fastmoss: 1 } });
    expect((await getKeyApi(server.url, US_PAGE, { time: T0 })).status).toBe(200);
    expect((await postFastMoss(server.url, APRIL_RANKING, { time: T0 })).body.code).toBe(0);
    expect((await getKeyApi(server.url, US_PAGE, { time: T0 })).status).toBe(429);
  });
});

describe("simulated latency", () => {
  const latency = (answer: { headers: Headers }) =>
    Number(answer.headers.get("x-simulated-latency-ms"));

  it("declares the configured latency on every answer, errors included", async () => {
    expect(latency(await getKeyApi(server.url, US_PAGE))).toBe(0);
    server.api.configure({ latencyMs: 250 });
    expect(latency(await getKeyApi(server.url, US_PAGE))).toBe(250);
    expect(latency(await getKeyApi(server.url, { ...US_PAGE, page_size: 11 }))).toBe(250);
    expect(latency(await postFastMoss(server.url, APRIL_RANKING))).toBe(250);
    expect(server.api.stats().keyapi.log.map((entry) => entry.latencyMs)).toEqual([0, 250, 250]);
  });

  it("adds jitter fixed by the seed and the request", async () => {
    const other = await startApi({ seed: 3 });
    const differentSeed = await startApi({ seed: 4 });
    try {
      const config = { latencyMs: 100, jitterMs: 50 };
      for (const api of [server.api, other.api, differentSeed.api]) api.configure(config);
      const sample = async (url: string) => {
        const values = [];
        for (let i = 0; i < 8; i++)
          values.push(latency(await getKeyApi(url, US_PAGE, { time: T0 + i * 10 })));
        return values;
      };
      const first = await sample(server.url);
      expect(await sample(other.url)).toEqual(first);
      expect(first.every((value) => value >= 100 && value <= 150)).toBe(true);
      expect(new Set(first).size).toBeGreaterThan(1);
      expect(await sample(differentSeed.url)).not.toEqual(first);
    } finally {
      await other.api.close();
      await differentSeed.api.close();
    }
  });

  it("does not really wait by default; realDelay does", async () => {
    server.api.configure({ latencyMs: 5_000 });
    let started = performance.now();
    expect(latency(await getKeyApi(server.url, US_PAGE))).toBe(5_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    server.api.configure({ latencyMs: 300, realDelay: true });
    started = performance.now();
    await getKeyApi(server.url, US_PAGE);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe("scripted failures", () => {
  it("KeyAPI 500 once on page 3; the retry succeeds", async () => {
    server.api.configure({ failures: [{ api: "keyapi", page: 3, status: 500 }] });
    const statuses = [];
    for (const page of [1, 2, 3, 3, 4]) {
      statuses.push((await getKeyApi(server.url, { ...US_PAGE, page_num: page })).status);
    }
    expect(statuses).toEqual([200, 200, 500, 200, 200]);
    const failed = server.api.stats().keyapi.log[2]!;
    expect([failed.page, failed.status, failed.code]).toEqual([3, 500, 500]);
    expect(server.api.stats().failuresPending).toBe(0);
  });

  it("KeyAPI 402 in the middle of a pull, by credits", async () => {
    server.api.configure({ credits: 3 });
    const statuses = [];
    for (let page = 1; page <= 5; page++) {
      statuses.push((await getKeyApi(server.url, { ...US_PAGE, page_num: page })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 402, 402]);
  });

  it("an error inside HTTP 200", async () => {
    server.api.configure({
      failures: [{ api: "keyapi", status: 200, code: 500, message: "Internal server error" }],
    });
    const answer = await getKeyApi(server.url, US_PAGE);
    expect([answer.status, answer.body]).toEqual([
      200,
      { code: 500, data: null, message: "Internal server error" },
    ]);
    expect(server.api.stats().keyapi.credits).toBe(1);
  });

  it("an HTML 502 page and truncated JSON, sent verbatim", async () => {
    const html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    const truncated = '{"code":0,"message":"success","data":[{"user_id":"12';
    server.api.configure({
      failures: [
        { api: "keyapi", status: 502, rawBody: html },
        { api: "keyapi", status: 200, rawBody: truncated },
      ],
    });
    const gateway = await getKeyApi(server.url, US_PAGE);
    expect([gateway.status, gateway.text, gateway.headers.get("content-type")]).toEqual([
      502,
      html,
      "text/html; charset=utf-8",
    ]);
    const cut = await getKeyApi(server.url, US_PAGE);
    expect([cut.status, cut.text, cut.body]).toEqual([200, truncated, undefined]);
    expect(server.api.stats().keyapi.log.map((entry) => entry.code)).toEqual([null, null]);
  });

  it("FastMoss 40001 with HTTP 200", async () => {
    server.api.configure({ failures: [{ api: "fastmoss", code: 40001 }] });
    const answer = await postFastMoss(server.url, APRIL_RANKING);
    expect([answer.status, answer.body.code, answer.body.message, answer.body.data]).toEqual([
      200,
      40001,
      "service error",
      null,
    ]);
    expect((await postFastMoss(server.url, APRIL_RANKING)).body.code).toBe(0);
  });

  it("a hang: the answer comes, declaring 70 s", async () => {
    server.api.configure({ latencyMs: 100, failures: [{ api: "keyapi", latencyMs: 70_000 }] });
    const slow = await getKeyApi(server.url, US_PAGE);
    expect([slow.status, slow.headers.get("x-simulated-latency-ms")]).toEqual([200, "70100"]);
    expect(slow.body.data).toHaveLength(10);
    expect((await getKeyApi(server.url, US_PAGE)).headers.get("x-simulated-latency-ms")).toBe(
      "100",
    );
  });

  it("times and afterRequests; rules are consumed in order", async () => {
    server.api.configure({
      failures: [
        { api: "keyapi", status: 503, times: 2, afterRequests: 1 },
        { api: "keyapi", status: 500 },
        { api: "fastmoss", code: 30001 },
      ],
    });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await getKeyApi(server.url, US_PAGE)).status);
    // Request 1 passes the first rule but triggers the second, which is due at once.
    expect(statuses).toEqual([500, 503, 503, 200, 200, 200]);
    expect(server.api.stats().failuresPending).toBe(1);
  });

  it("a page-bound rule waits for its page", async () => {
    server.api.configure({
      failures: [{ api: "fastmoss", page: 2, code: 40001, afterRequests: 1 }],
    });
    const page = (n: number) => postFastMoss(server.url, { ...APRIL_RANKING, page: n });
    expect((await page(1)).body.code).toBe(0);
    expect((await page(2)).body.code).toBe(0);
    expect((await page(1)).body.code).toBe(0);
    expect((await page(2)).body.code).toBe(40001);
  });
});

describe("drift", () => {
  // biome-ignore lint/suspicious/noExplicitAny: records as sent.
  async function keyApiRecords(pages = 10): Promise<any[]> {
    const records = [];
    for (let page = 1; page <= pages; page++) {
      records.push(...(await getKeyApi(server.url, { ...US_PAGE, page_num: page })).body.data);
    }
    return records;
  }
  const documented = new Set(Object.keys(keyApiRecordShape));
  const numberishFields = [
    "total_following_cnt",
    "total_comments_cnt",
    "total_shares_cnt",
    "off_mark",
  ];

  it("off: every documented field, no unknown one, documented numbers as numbers", async () => {
    const records = await keyApiRecords();
    for (const record of records) expect(new Set(Object.keys(record))).toEqual(documented);
    for (const field of numberishFields) {
      expect(records.every((r) => typeof r[field] === "number")).toBe(true);
    }
  });

  it("the API's own drift: a few records send some numbers as strings", async () => {
    const records = await keyApiRecords(30);
    const stringy = records.filter((r) => typeof r.total_followers_cnt === "string");
    expect(stringy.length).toBeGreaterThan(0);
    expect(stringy.length).toBeLessThan(records.length * 0.05);
    expect(stringy.every((r) => /^\d+$/.test(r.total_followers_cnt))).toBe(true);
  });

  it("numbersAsStrings", async () => {
    server.api.configure({ drift: { numbersAsStrings: true } });
    const records = await keyApiRecords();
    const drifted = records.filter((r) => typeof r.total_following_cnt === "string");
    expect(drifted.length).toBeGreaterThan(records.length * 0.15);
    expect(drifted.every((r) => /^-?\d+(\.\d+)?$/.test(r.total_following_cnt))).toBe(true);
    const ranked = (await postFastMoss(server.url, { ...APRIL_RANKING, pagesize: 100 })).body.data
      .list;
    expect(ranked.some((item: { gmv: unknown }) => typeof item.gmv === "string")).toBe(true);
  });

  it("extraFields", async () => {
    server.api.configure({ drift: { extraFields: true } });
    const records = await keyApiRecords();
    const extra = records.filter((r) => "new_metric_v3" in r);
    expect(extra.length).toBeGreaterThan(records.length * 0.1);
    expect(extra.length).toBeLessThan(records.length);
    const ranked = (await postFastMoss(server.url, { ...APRIL_RANKING, pagesize: 100 })).body.data
      .list;
    expect(ranked.some((item: object) => "new_metric_v3" in item)).toBe(true);
  });

  it("missingFields (never the id)", async () => {
    server.api.configure({ drift: { missingFields: true } });
    const records = await keyApiRecords();
    const missing = records.filter((r) => Object.keys(r).length < documented.size);
    expect(missing.length).toBeGreaterThan(records.length * 0.1);
    expect(records.every((r) => typeof r.user_id === "string")).toBe(true);
    const ranked = (await postFastMoss(server.url, { ...APRIL_RANKING, pagesize: 100 })).body.data
      .list;
    expect(
      ranked.every(
        (item: { uid: unknown; creator: { uid: unknown } }) => item.uid && item.creator.uid,
      ),
    ).toBe(true);
    // A complete item has 12 fields (see the seed's example).
    expect(ranked.some((item: object) => Object.keys(item).length < 12)).toBe(true);
  });

  it("nullNumbers", async () => {
    server.api.configure({ drift: { nullNumbers: true } });
    const records = await keyApiRecords();
    const nulls = records.filter((r) =>
      Object.entries(r).some(([key, value]) => value === null && key !== "seller_id"),
    );
    expect(nulls.length).toBeGreaterThan(records.length * 0.1);
  });

  it("fastmossMsgField: msg instead of message, errors included", async () => {
    server.api.configure({ drift: { fastmossMsgField: true } });
    const ok = await postFastMoss(server.url, APRIL_RANKING);
    expect(ok.body).toHaveProperty("msg", "");
    expect(ok.body).not.toHaveProperty("message");
    const bad = await postFastMoss(server.url, { ...APRIL_RANKING, pagesize: 101 });
    expect(bad.body.msg).toMatch(/pagesize/);
  });

  it("drift is the same for the same records every time", async () => {
    server.api.configure({ drift: { numbersAsStrings: true, missingFields: true } });
    expect(await keyApiRecords(3)).toEqual(await keyApiRecords(3));
  });
});

describe("admin endpoints", () => {
  it("configure, stats and reset over HTTP", async () => {
    const configured = await fetch(`${server.url}/__admin/config`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ latencyMs: 42, rateLimit: { keyapi: 5 } }),
    });
    expect(configured.status).toBe(200);
    expect(await configured.json()).toMatchObject({
      latencyMs: 42,
      rateLimit: { keyapi: 5, fastmoss: null },
    });
    await getKeyApi(server.url, US_PAGE);
    const stats = await (await fetch(`${server.url}/__admin/stats`)).json();
    expect(stats.keyapi).toMatchObject({
      requests: 1,
      credits: 1,
      byStatus: { 200: 1 },
      byCode: { 0: 1 },
    });
    expect(stats.keyapi.log[0]).toMatchObject({
      api: "keyapi",
      virtualTime: T0,
      page: 1,
      pageSize: 10,
      status: 200,
      code: 0,
      latencyMs: 42,
      params: { region: "US", page_num: "1", page_size: "10" },
    });
    expect((await fetch(`${server.url}/__admin/reset`, { method: "POST" })).status).toBe(200);
    expect(server.api.stats().keyapi.requests).toBe(0);
    expect(server.api.config().latencyMs).toBe(0);
  });

  it("refuses an invalid patch with 400 and changes nothing", async () => {
    const answer = await fetch(`${server.url}/__admin/config`, {
      method: "POST",
      body: JSON.stringify({ latencyMs: -1, bogus: true }),
    });
    expect(answer.status).toBe(400);
    expect(server.api.config().latencyMs).toBe(0);
  });

  it("reset restores the knobs given at creation", async () => {
    const custom = await startApi({ seed: 3, config: { credits: 2 } });
    try {
      await getKeyApi(custom.url, US_PAGE);
      expect(custom.api.stats().creditsRemaining).toBe(1);
      custom.api.reset();
      expect(custom.api.stats().creditsRemaining).toBe(2);
    } finally {
      await custom.api.close();
    }
  });
});

describe("determinism", () => {
  it("the same seed answers identically; another seed differs", async () => {
    const twin = await startApi({ seed: 3 });
    const other = await startApi({ seed: 99 });
    try {
      const ask = async (url: string) => [
        (await getKeyApi(url, { ...US_PAGE, influencer_sort_field_v2: 1, sort_type: 1 })).text,
        (await postFastMoss(url, APRIL_RANKING)).text,
      ];
      const mine = await ask(server.url);
      expect(await ask(twin.url)).toEqual(mine);
      const theirs = await ask(other.url);
      expect(theirs[0]).not.toEqual(mine[0]);
      expect(theirs[1]).not.toEqual(mine[1]);
    } finally {
      await twin.api.close();
      await other.api.close();
    }
  });
});
