// The fake KeyAPI over HTTP: the seed's example, parameter checks, keys and credits, paging, and
// every filter and sort order proved on the answers.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Creator, Dataset } from "../../../dev/fake-api/dataset.js";
import {
  allKeyApiPages,
  getKeyApi,
  keyApiAnswerSchema,
  keyApiErrorSchema,
  num,
  type Started,
  startApi,
} from "./helpers.js";

const SEED = 11;
let server: Started;
const dataset = new Dataset(SEED);
const byId = (region: string) => new Map(dataset.creators(region).map((c) => [c.userId, c]));

beforeAll(async () => {
  server = await startApi({ seed: SEED });
});
afterAll(async () => {
  await server.api.close();
});
beforeEach(() => {
  server.api.reset();
});

describe("the seed's example request", () => {
  it("answers 10 records of the documented shape", async () => {
    const answer = await getKeyApi(server.url, {
      product_category_id: "",
      influencer_category_name: "",
      influencer_sort_field_v2: 0,
      sort_type: 0,
      min_total_views_cnt: 0,
      gender: "",
      region: "US",
      page_num: 1,
      page_size: 10,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    const parsed = keyApiAnswerSchema.parse(answer.body);
    expect(parsed.data).toHaveLength(10);
    expect(parsed.data.every((record) => record.region === "US")).toBe(true);
  });

  it("shows the documented drift: ratio interaction rate, null seller_id, JSON strings", async () => {
    const records = (await getKeyApi(server.url, { region: "US", page_num: 1, page_size: 10 })).body
      .data;
    expect(
      records.some(
        (r: { interaction_rate: number }) => r.interaction_rate > 0 && r.interaction_rate < 1,
      ),
    ).toBe(true);
    expect(records.every((r: { seller_id: unknown }) => r.seller_id === null)).toBe(true);
    expect(
      records.every((r: { first_crawl_dt: unknown }) => typeof r.first_crawl_dt === "number"),
    ).toBe(true);
  });

  it("lowercase regions are the same region", async () => {
    const upper = await getKeyApi(server.url, { region: "GB", page_num: 2, page_size: 10 });
    const lower = await getKeyApi(server.url, { region: "gb", page_num: 2, page_size: 10 });
    expect(lower.body.data).toEqual(upper.body.data);
  });

  it("a region without creators answers code 0 and no data", async () => {
    const answer = await getKeyApi(server.url, { region: "ZZ", page_num: 1, page_size: 10 });
    expect(answer.status).toBe(200);
    expect(answer.body.code).toBe(0);
    expect(answer.body.data).toEqual([]);
  });
});

describe("parameter checks answer 400 naming the parameter", () => {
  const base = { region: "US", page_num: 1, page_size: 10 };
  const cases: [string, Record<string, string | number>, RegExp][] = [
    ["page_size 11", { ...base, page_size: 11 }, /^page_size must be between 1 and 10$/],
    ["page_size 0", { ...base, page_size: 0 }, /page_size must be between 1 and 10/],
    ["page_size 2.5", { ...base, page_size: "2.5" }, /page_size must be an integer/],
    ["page_num 0", { ...base, page_num: 0 }, /page_num must be between 1 and 10000/],
    ["page_num 10001", { ...base, page_num: 10_001 }, /page_num must be between 1 and 10000/],
    ["page_num abc", { ...base, page_num: "abc" }, /page_num must be an integer/],
    ["region USA", { ...base, region: "USA" }, /region/],
    ["sort field 7", { ...base, influencer_sort_field_v2: 7 }, /influencer_sort_field_v2/],
    ["sort type 2", { ...base, sort_type: 2 }, /sort_type/],
    ["followers abc", { ...base, min_total_followers_cnt: "abc" }, /min_total_followers_cnt/],
    ["followers -5", { ...base, max_total_followers_cnt: -5 }, /max_total_followers_cnt/],
    ["followers 1.5", { ...base, min_total_followers_cnt: 1.5 }, /min_total_followers_cnt/],
    ["rate abc", { ...base, min_interaction_rate: "abc" }, /min_interaction_rate/],
    ["views 7d x", { ...base, max_total_views_7d_cnt: "x" }, /max_total_views_7d_cnt/],
    ["gender x", { ...base, gender: "x" }, /gender/],
    ["show case 2", { ...base, show_case_flag: 2 }, /show_case_flag/],
    ["sales flag 5", { ...base, sales_flag: 5 }, /sales_flag/],
    ["category abc", { ...base, product_category_id: "abc" }, /product_category_id/],
    ["language", { ...base, influencer_language: "english!" }, /influencer_language/],
  ];
  it.each(cases)("%s", async (_, params, message) => {
    const answer = await getKeyApi(server.url, params);
    expect(answer.status).toBe(400);
    const body = keyApiErrorSchema.parse(answer.body);
    expect(body.code).toBe(400);
    expect(body.message).toMatch(message);
  });

  it.each(["region", "page_num", "page_size"])("missing %s", async (name) => {
    const params: Record<string, string | number> = { ...base };
    delete params[name];
    const answer = await getKeyApi(server.url, params);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: 400,
      data: null,
      message: `Missing required parameter: ${name}`,
    });
  });

  it("an empty required parameter is a missing one", async () => {
    const answer = await getKeyApi(server.url, { ...base, region: "" });
    expect(answer.body.message).toBe("Missing required parameter: region");
  });

  it("accepts the bounds themselves", async () => {
    expect((await getKeyApi(server.url, { ...base, page_size: 1 })).body.data).toHaveLength(1);
    const last = await getKeyApi(server.url, { ...base, page_num: 10_000 });
    expect(last.status).toBe(200);
    expect(last.body.data).toEqual([]);
  });
});

describe("keys and credits", () => {
  const params = { region: "US", page_num: 1, page_size: 10 };

  it("401 without a key, 401 with a wrong one, 403 with a forbidden one — all free", async () => {
    server.api.configure({ credits: 10, forbiddenKeys: { keyapi: ["blocked-key"] } });
    const none = await getKeyApi(server.url, params, { key: null });
    expect([none.status, none.body]).toEqual([
      401,
      { code: 401, data: null, message: "apiKey is null" },
    ]);
    const wrong = await getKeyApi(server.url, params, { key: "nope" });
    expect([wrong.status, wrong.body]).toEqual([
      401,
      { code: 401, data: null, message: "apiKey is invalid" },
    ]);
    const forbidden = await getKeyApi(server.url, params, { key: "blocked-key" });
    expect([forbidden.status, forbidden.body]).toEqual([
      403,
      { code: 403, data: null, message: "key not allowed" },
    ]);
    const stats = server.api.stats();
    expect(stats.keyapi.credits).toBe(0);
    expect(stats.creditsRemaining).toBe(10);
    expect(stats.keyapi.byStatus).toEqual({ 401: 2, 403: 1 });
  });

  it("accepts any configured key", async () => {
    server.api.configure({ keys: { keyapi: ["other-key"] } });
    expect((await getKeyApi(server.url, params, { key: "other-key" })).status).toBe(200);
    expect((await getKeyApi(server.url, params)).status).toBe(401);
  });

  it("charges 1 credit for 200, 400, 429 and 500 alike; 402 when exhausted, charged nothing", async () => {
    server.api.configure({
      credits: 4,
      rateLimit: { keyapi: 2 },
      failures: [{ api: "keyapi", page: 7, status: 500 }],
    });
    const t = 5_000_000;
    expect((await getKeyApi(server.url, params, { time: t })).status).toBe(200);
    expect((await getKeyApi(server.url, { ...params, page_size: 11 }, { time: t })).status).toBe(
      400,
    );
    expect((await getKeyApi(server.url, params, { time: t })).status).toBe(429);
    expect(
      (await getKeyApi(server.url, { ...params, page_num: 7 }, { time: t + 5_000 })).status,
    ).toBe(500);
    expect(server.api.stats().creditsRemaining).toBe(0);
    const broke = await getKeyApi(server.url, params, { time: t + 10_000 });
    expect([broke.status, broke.body]).toEqual([
      402,
      { code: 402, data: null, message: "apiKey quota is not enough" },
    ]);
    const stats = server.api.stats();
    expect(stats.keyapi.credits).toBe(4);
    expect(stats.keyapi.log.map((entry) => entry.credits)).toEqual([1, 1, 1, 1, 0]);
    expect(stats.keyapi.byStatus).toEqual({ 200: 1, 400: 1, 429: 1, 500: 1, 402: 1 });
  });

  it("never logs the key", async () => {
    await getKeyApi(server.url, params, { key: "demo-keyapi-key" });
    expect(JSON.stringify(server.api.stats())).not.toContain("demo-keyapi-key");
  });
});

describe("paging", () => {
  it("pages are disjoint, in a stable order", async () => {
    const ids: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const answer = await getKeyApi(server.url, { region: "US", page_num: page, page_size: 10 });
      ids.push(...answer.body.data.map((r: { user_id: string }) => r.user_id));
    }
    expect(new Set(ids).size).toBe(50);
    const again = await getKeyApi(server.url, { region: "US", page_num: 3, page_size: 10 });
    expect(again.body.data.map((r: { user_id: string }) => r.user_id)).toEqual(ids.slice(20, 30));
    const bigPage = await getKeyApi(server.url, { region: "US", page_num: 2, page_size: 5 });
    expect(bigPage.body.data.map((r: { user_id: string }) => r.user_id)).toEqual(ids.slice(5, 10));
  });

  it("ends with a short page, then empty pages", async () => {
    const count = dataset.creators("SG").length;
    const pageSize = 7;
    const lastPage = Math.ceil(count / pageSize);
    expect(count % pageSize).not.toBe(0);
    const full = await getKeyApi(server.url, {
      region: "SG",
      page_num: lastPage - 1,
      page_size: pageSize,
    });
    expect(full.body.data).toHaveLength(pageSize);
    const short = await getKeyApi(server.url, {
      region: "SG",
      page_num: lastPage,
      page_size: pageSize,
    });
    expect(short.body.data).toHaveLength(count % pageSize);
    for (const page of [lastPage + 1, lastPage + 2, 10_000]) {
      const empty = await getKeyApi(server.url, {
        region: "SG",
        page_num: page,
        page_size: pageSize,
      });
      expect([empty.status, empty.body.code, empty.body.data]).toEqual([200, 0, []]);
    }
    const all = await allKeyApiPages(server.url, { region: "SG" }, pageSize);
    expect(new Set(all.map((r) => r.user_id)).size).toBe(count);
  });

  it("a minimum above its maximum matches nobody: code 0, no data", async () => {
    const answer = await getKeyApi(server.url, {
      region: "US",
      page_num: 1,
      page_size: 10,
      min_total_followers_cnt: 5_000,
      max_total_followers_cnt: 1_000,
    });
    expect([answer.status, answer.body.code, answer.body.data]).toEqual([200, 0, []]);
  });
});

describe("filters", () => {
  // SG is small: every page of every filter can be read and compared with the pool itself.
  const region = "SG";
  const pool = () => dataset.creators(region);

  const filters: [string, Record<string, string | number>, (c: Creator) => boolean][] = [
    ["min followers", { min_total_followers_cnt: 50_000 }, (c) => c.followers >= 50_000],
    ["max followers", { max_total_followers_cnt: 2_000 }, (c) => c.followers <= 2_000],
    [
      "followers range",
      { min_total_followers_cnt: 10_000, max_total_followers_cnt: 40_000 },
      (c) => c.followers >= 10_000 && c.followers <= 40_000,
    ],
    ["min likes", { min_total_digg_cnt: 1_000_000 }, (c) => c.digg >= 1_000_000],
    ["max likes", { max_total_digg_cnt: 5_000 }, (c) => c.digg <= 5_000],
    ["min rate", { min_interaction_rate: 0.08 }, (c) => c.interactionRateBp >= 800],
    ["max rate", { max_interaction_rate: "0.04" }, (c) => c.interactionRateBp <= 400],
    ["min views", { min_total_views_cnt: 5_000_000 }, (c) => c.views >= 5_000_000],
    ["max views", { max_total_views_cnt: 100_000 }, (c) => c.views <= 100_000],
    ["min views 7d", { min_total_views_7d_cnt: 50_000 }, (c) => c.views7d >= 50_000],
    ["max views 7d", { max_total_views_7d_cnt: 100 }, (c) => c.views7d <= 100],
    [
      "min product video views",
      { min_per_video_product_views_avg_cnt: 3_000 },
      (c) => c.productVideoAvgViews >= 3_000,
    ],
    [
      "max product video views",
      { max_per_video_product_views_avg_cnt: 0 },
      (c) => c.productVideoAvgViews <= 0,
    ],
    [
      "min product video views 7d",
      { min_per_video_product_views_avg_7d_cnt: 200 },
      (c) => c.productVideoAvgViews7d >= 200,
    ],
    [
      "max product video views 7d",
      { max_per_video_product_views_avg_7d_cnt: 50 },
      (c) => c.productVideoAvgViews7d <= 50,
    ],
    ["product category l1", { product_category_id: 14 }, (c) => c.productCategoryIds.includes(14)],
    [
      "product category l3",
      { product_category_id: 601554 },
      (c) => c.productL3Ids.includes(601554),
    ],
    [
      "influencer category",
      { influencer_category_name: "beauty" },
      (c) => c.creatorCategoryId === 4,
    ],
    ["language", { influencer_language: "zh" }, (c) => c.language === "zh"],
    ["show case 1", { show_case_flag: 1 }, (c) => c.showCaseFlag === 1],
    ["show case 0", { show_case_flag: 0 }, (c) => c.showCaseFlag === 0],
    ...[0, 1, 2, 3, 4].map((flag): [string, Record<string, number>, (c: Creator) => boolean] => [
      `sales flag ${flag}`,
      { sales_flag: flag },
      (c) => c.salesFlag === flag,
    ]),
  ];

  it.each(filters)(
    "%s: exactly the matching creators, in default order",
    async (_, params, matches) => {
      const expected = pool().filter(matches);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(pool().length);
      const records = await allKeyApiPages(server.url, { region, ...params });
      expect(records.map((r) => r.user_id)).toEqual(expected.map((c) => c.userId));
    },
  );

  it("visible fields agree with the filters", async () => {
    const records = await allKeyApiPages(server.url, {
      region,
      min_total_followers_cnt: 20_000,
      min_interaction_rate: 0.05,
      sales_flag: 1,
      influencer_category_name: "Beauty",
    });
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(num(record.total_followers_cnt)).toBeGreaterThanOrEqual(20_000);
      expect(record.interaction_rate).toBeGreaterThanOrEqual(0.05);
      expect(record.sales_flag).toBe(1);
      expect(record.category).toBe("Beauty");
    }
  });

  it("gender applies to US creators (and to nobody elsewhere)", async () => {
    const records = await allKeyApiPages(server.url, {
      region: "US",
      gender: "male",
      min_total_followers_cnt: 2_000_000,
    });
    const expected = dataset
      .creators("US")
      .filter((c) => c.gender === "male" && c.followers >= 2_000_000);
    expect(records.map((r) => r.user_id)).toEqual(expected.map((c) => c.userId));
    expect(records.every((r) => r.gender === "male")).toBe(true);
    const elsewhere = await getKeyApi(server.url, {
      region,
      gender: "female",
      page_num: 1,
      page_size: 10,
    });
    expect(elsewhere.body.data).toEqual([]);
  });
});

describe("sort orders", () => {
  const region = "SG";
  const fields: [number, string, (record: Record<string, unknown>, creator: Creator) => number][] =
    [
      [1, "followers", (r) => num(r.total_followers_cnt)],
      [2, "follower growth 30 d", (r) => num(r.total_followers_30d_cnt)],
      [3, "videos", (r) => num(r.total_post_video_cnt)],
      [4, "average views", (_, c) => c.avgViews],
      [5, "interaction rate", (r) => num(r.interaction_rate)],
      [6, "products", (r) => num(r.total_product_cnt)],
    ];
  const cases = fields.flatMap(([field, name, value]) =>
    [0, 1].map((type) => [`${name} ${type === 1 ? "desc" : "asc"}`, field, type, value] as const),
  );

  it.each(cases)("%s", async (_, field, type, value) => {
    const creators = byId(region);
    const records = await allKeyApiPages(server.url, {
      region,
      influencer_sort_field_v2: field,
      sort_type: type,
    });
    expect(records).toHaveLength(creators.size);
    const values = records.map((r) => value(r, creators.get(r.user_id)!));
    for (let i = 1; i < values.length; i++) {
      if (type === 1) expect(values[i]).toBeLessThanOrEqual(values[i - 1]!);
      else expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
      // Ties keep the default order, whatever the direction: paging stays stable.
      if (values[i] === values[i - 1]) {
        expect(creators.get(records[i].user_id)!.index).toBeGreaterThan(
          creators.get(records[i - 1].user_id)!.index,
        );
      }
    }
    expect(values[0]).not.toBe(values[values.length - 1]);
  });

  it("sort field 0 keeps the default order in both directions", async () => {
    const asc = await getKeyApi(server.url, {
      region,
      influencer_sort_field_v2: 0,
      sort_type: 0,
      page_num: 1,
      page_size: 10,
    });
    const desc = await getKeyApi(server.url, {
      region,
      influencer_sort_field_v2: 0,
      sort_type: 1,
      page_num: 1,
      page_size: 10,
    });
    const defaults = dataset
      .creators(region)
      .slice(0, 10)
      .map((c) => c.userId);
    expect(asc.body.data.map((r: { user_id: string }) => r.user_id)).toEqual(defaults);
    expect(desc.body.data.map((r: { user_id: string }) => r.user_id)).toEqual(defaults);
  });

  it("sorts and filters together", async () => {
    const records = await allKeyApiPages(server.url, {
      region,
      influencer_sort_field_v2: 1,
      sort_type: 1,
      max_total_followers_cnt: 10_000,
    });
    const followers = records.map((r) => num(r.total_followers_cnt));
    expect(followers.length).toBeGreaterThan(10);
    expect(followers.every((f) => f <= 10_000)).toBe(true);
    expect([...followers].sort((a, b) => b - a)).toEqual(followers);
  });
});
