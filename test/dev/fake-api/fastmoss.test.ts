// The fake FastMoss ranking over HTTP: the seed's example, body checks, tokens, periods, filters,
// order and paging, and the data allowance.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PRODUCT_CATEGORY_PATHS } from "../../../dev/fake-api/catalogue.js";
import {
  AGE_KEYS,
  allRankingItems,
  fastMossAnswerSchema,
  fastMossErrorSchema,
  postFastMoss,
  rankingBody,
  type Started,
  startApi,
  T0,
} from "./helpers.js";

let server: Started;

beforeAll(async () => {
  server = await startApi({ seed: 5 });
});
afterAll(async () => {
  await server.api.close();
});
beforeEach(() => {
  server.api.reset();
});

const SEED_EXAMPLE = {
  filter: {
    region: "US",
    creator_category_id: 4,
    product_category_l1_id: 14,
    date_info: { type: "month", value: "2026-03" },
    follower_count_range: { min: 500000, max: 1000000 },
  },
  orderby: [{ field: "potential_index", order: "desc" }],
  page: 1,
  pagesize: 10,
};

/** A completed month relative to T0, for filter tests that do not care about the period. */
const APRIL = { type: "month", value: "2026-04" };

describe("the seed's example request", () => {
  it("answers a non-empty list of the documented shape after March 2026", async () => {
    const answer = await postFastMoss(server.url, SEED_EXAMPLE, { time: Date.UTC(2026, 3, 1) });
    expect(answer.status).toBe(200);
    const body = fastMossAnswerSchema.parse(answer.body);
    expect(body.data.list.length).toBeGreaterThan(0);
    expect(body.data.total).toBeGreaterThanOrEqual(body.data.list.length);
    expect([body.data.date_type, body.data.date_value]).toEqual(["month", "2026-03"]);
    expect(body.timestamp).toBe(Math.floor(Date.UTC(2026, 3, 1) / 1000));
    for (const item of body.data.list) {
      expect(item.creator.category).toEqual({ id: 4, name: "Beauty" });
      expect(item.creator.follower_count).toBeGreaterThanOrEqual(500_000);
      expect(item.creator.follower_count).toBeLessThanOrEqual(1_000_000);
      expect(item.uid).toBe(item.creator.uid);
      expect(
        item.sales_category_l3.some((c) => PRODUCT_CATEGORY_PATHS.get(c.id)?.l1.id === 14),
      ).toBe(true);
      expect(item.live_units_sold + item.video_units_sold).toBe(item.units_sold);
      const genders = item.creator.follower_genders.map((g) => Number(g.value));
      expect(genders[0]! + genders[1]!).toBeCloseTo(1, 4);
      const ages = item.creator.follower_ages.map((a) => Number(a.value));
      expect(ages.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 4);
      expect([...ages].sort((a, b) => b - a)).toEqual(ages);
      expect(new Set(item.creator.follower_ages.map((a) => a.key))).toEqual(new Set(AGE_KEYS));
    }
  });

  it("the same request in March 2026 itself is refused: the month is not over", async () => {
    const answer = await postFastMoss(server.url, SEED_EXAMPLE, {
      time: Date.UTC(2026, 2, 31, 23),
    });
    expect(answer.status).toBe(200);
    expect(fastMossErrorSchema.parse(answer.body).code).toBe(10001);
  });
});

describe("body checks answer 10001 naming the field", () => {
  const valid = rankingBody({ region: "US", date_info: APRIL }, 1, 10);
  const cases: [string, unknown, RegExp][] = [
    ["pagesize 101", { ...valid, pagesize: 101 }, /pagesize must be between 1 and 100/],
    ["pagesize 0", { ...valid, pagesize: 0 }, /pagesize/],
    ["pagesize as text", { ...valid, pagesize: "10" }, /pagesize must be an integer/],
    ["page 0", { ...valid, page: 0 }, /page must be at least 1/],
    [
      "page 11 × 100",
      { ...valid, page: 11, pagesize: 100 },
      /page \* pagesize must not exceed 1000/,
    ],
    ["page 101 × 10", { ...valid, page: 101, pagesize: 10 }, /page \* pagesize/],
    ["region XX", rankingBody({ region: "XX" }), /filter\.region must be one of US, GB/],
    ["region lowercase", rankingBody({ region: "us" }), /filter\.region/],
    ["no region", rankingBody({}), /filter\.region/],
    ["no filter", { page: 1, pagesize: 10 }, /filter is required/],
    [
      "category text",
      rankingBody({ region: "US", creator_category_id: "4" }),
      /filter\.creator_category_id/,
    ],
    ["ecommerce 3", rankingBody({ region: "US", ecommerce_type: 3 }), /filter\.ecommerce_type/],
    ["age 4", rankingBody({ region: "US", follower_age_type: 4 }), /filter\.follower_age_type/],
    [
      "gender 2",
      rankingBody({ region: "US", follower_gender_type: 2 }),
      /filter\.follower_gender_type/,
    ],
    [
      "follower min text",
      rankingBody({ region: "US", follower_count_range: { min: "5" } }),
      /follower_count_range\.min/,
    ],
    [
      "orderby field",
      { ...valid, orderby: [{ field: "gmv", order: "desc" }] },
      /orderby\[0\]\.field/,
    ],
    [
      "orderby asc",
      { ...valid, orderby: [{ field: "potential_index", order: "asc" }] },
      /orderby\[0\]\.order/,
    ],
    [
      "date type",
      rankingBody({ region: "US", date_info: { type: "year", value: "2026" } }),
      /date_info\.type/,
    ],
    [
      "date format",
      rankingBody({ region: "US", date_info: { type: "day", value: "2026/03/01" } }),
      /date_info\.value must be YYYY-MM-DD/,
    ],
    [
      "not a date",
      rankingBody({ region: "US", date_info: { type: "day", value: "2026-02-30" } }),
      /date_info\.value/,
    ],
    [
      "week 53 of 2025",
      rankingBody({ region: "US", date_info: { type: "week", value: "2025-53" } }),
      /date_info\.value/,
    ],
    ["body an array", [1, 2], /JSON object/],
  ];
  it.each(cases)("%s", async (_, body, message) => {
    const answer = await postFastMoss(server.url, body);
    expect(answer.status).toBe(200);
    const error = fastMossErrorSchema.parse(answer.body);
    expect(error.code).toBe(10001);
    expect(error.message).toMatch(/^invalid parameter: /);
    expect(error.message).toMatch(message);
  });

  it("the last reachable page is allowed: page 10 × 100, page 1000 × 1", async () => {
    for (const [page, pagesize] of [
      [10, 100],
      [1000, 1],
    ] as const) {
      const answer = await postFastMoss(
        server.url,
        rankingBody({ region: "US", date_info: APRIL }, page, pagesize),
      );
      expect(answer.body.code).toBe(0);
      expect(answer.body.data.list).toHaveLength(pagesize);
    }
  });

  it("a wrong content type or a body that is not JSON is 10001", async () => {
    const text = await postFastMoss(server.url, valid, { contentType: "text/plain" });
    expect(text.body.code).toBe(10001);
    expect(text.body.message).toMatch(/Content-Type/);
    const broken = await postFastMoss(server.url, null, { rawBody: '{"filter": {"region": "US"' });
    expect(broken.body.code).toBe(10001);
    expect(broken.body.message).toMatch(/not valid JSON/);
  });

  it("with fastmossErrorsAsHttpStatus the same error travels as HTTP 400", async () => {
    server.api.configure({ fastmossErrorsAsHttpStatus: true });
    const answer = await postFastMoss(server.url, { ...valid, pagesize: 101 });
    expect([answer.status, answer.body.code]).toEqual([400, 10001]);
  });
});

describe("periods", () => {
  const at = (type: string, value: string) =>
    postFastMoss(server.url, rankingBody({ region: "US", date_info: { type, value } }, 1, 10), {
      time: T0,
    });

  it.each([
    ["day", "2026-05-15", false],
    ["day", "2026-05-14", true],
    ["day", "2026-06-01", false],
    ["week", "2026-20", false],
    ["week", "2026-19", true],
    ["week", "2026-08", true],
    ["month", "2026-05", false],
    ["month", "2026-04", true],
    ["month", "2026-03", true],
  ] as const)("%s %s completed: %s", async (type, value, completed) => {
    const answer = await at(type, value);
    expect(answer.body.code).toBe(completed ? 0 : 10001);
    if (completed)
      expect([answer.body.data.date_type, answer.body.data.date_value]).toEqual([type, value]);
    else expect(answer.body.message).toMatch(/not a completed/);
  });

  it("without date_info: the latest completed day", async () => {
    const answer = await postFastMoss(server.url, rankingBody({ region: "US" }, 1, 10), {
      time: T0,
    });
    expect([answer.body.data.date_type, answer.body.data.date_value]).toEqual([
      "day",
      "2026-05-14",
    ]);
  });

  it("the ranking differs from one period to the next", async () => {
    const first = await at("day", "2026-03-01");
    const second = await at("day", "2026-03-02");
    const uids = (answer: typeof first) => answer.body.data.list.map((i: { uid: string }) => i.uid);
    expect(uids(first)).not.toEqual(uids(second));
    expect(first.body.data.total).not.toBe(second.body.data.total);
    expect(uids(await at("day", "2026-03-01"))).toEqual(uids(first));
  });

  it("period sales scale with the period's length", async () => {
    const sum = async (type: string, value: string) => {
      const { items } = await allRankingItems(server.url, {
        region: "SG",
        date_info: { type, value },
      });
      return items.reduce((total, item) => total + item.usd_gmv, 0);
    };
    const day = await sum("day", "2026-03-10");
    const month = await sum("month", "2026-03");
    expect(month).toBeGreaterThan(day * 10);
  });
});

describe("tokens", () => {
  const body = rankingBody({ region: "US", date_info: APRIL }, 1, 10);

  it("HTTP 401 with 30001 without a token or with a wrong one", async () => {
    for (const key of [null, "wrong-token"]) {
      const answer = await postFastMoss(server.url, body, { key });
      expect(answer.status).toBe(401);
      expect(fastMossErrorSchema.parse(answer.body).code).toBe(30001);
    }
  });

  it("a forbidden token: 30001 with HTTP 200 (403 with the status knob)", async () => {
    server.api.configure({ forbiddenKeys: { fastmoss: ["blocked-token"] } });
    const answer = await postFastMoss(server.url, body, { key: "blocked-token" });
    expect([answer.status, answer.body.code]).toEqual([200, 30001]);
    server.api.configure({ fastmossErrorsAsHttpStatus: true });
    const strict = await postFastMoss(server.url, body, { key: "blocked-token" });
    expect([strict.status, strict.body.code]).toEqual([403, 30001]);
  });
});

describe("ranking order, paging and total", () => {
  it("orders by potential index descending, ties by uid, over disjoint pages", async () => {
    const { items, total } = await allRankingItems(server.url, { region: "US", date_info: APRIL });
    expect(total).toBeGreaterThan(1_000);
    expect(items).toHaveLength(1_000);
    expect(new Set(items.map((i) => i.uid)).size).toBe(1_000);
    for (let i = 1; i < items.length; i++) {
      const [before, after] = [items[i - 1], items[i]];
      expect(after.potential_index).toBeLessThanOrEqual(before.potential_index);
      if (after.potential_index === before.potential_index) {
        expect(BigInt(after.uid) > BigInt(before.uid)).toBe(true);
      }
    }
    const small = await postFastMoss(
      server.url,
      rankingBody({ region: "US", date_info: APRIL }, 3, 7),
    );
    expect(small.body.data.list.map((i: { uid: string }) => i.uid)).toEqual(
      items.slice(14, 21).map((i) => i.uid),
    );
  });

  it("a page past the end answers an empty list with the total", async () => {
    const { items, total } = await allRankingItems(server.url, { region: "SG", date_info: APRIL });
    expect(total).toBe(items.length);
    expect(total).toBeLessThan(900);
    const past = await postFastMoss(
      server.url,
      rankingBody({ region: "SG", date_info: APRIL }, 10, 100),
    );
    expect([past.body.code, past.body.data.list, past.body.data.total]).toEqual([0, [], total]);
  });

  it("follower_count_range with min above max matches nobody", async () => {
    const answer = await postFastMoss(
      server.url,
      rankingBody({
        region: "US",
        date_info: APRIL,
        follower_count_range: { min: 10_000, max: 5_000 },
      }),
    );
    expect([answer.body.code, answer.body.data.total, answer.body.data.list]).toEqual([0, 0, []]);
  });
});

describe("filters", () => {
  // ES's ranking fits in the 1,000 reachable rows, so totals can be checked against whole lists.
  const base = { region: "ES", date_info: APRIL };
  let everyone: Awaited<ReturnType<typeof allRankingItems>>;
  beforeAll(async () => {
    everyone = await allRankingItems(server.url, base);
  });

  const shareOf = (pairs: { key: string; value: string }[], key: string) =>
    Number(pairs.find((pair) => pair.key === key)!.value);
  const ageGroup = (ages: { key: string; value: string }[]) => {
    const young = shareOf(ages, "18-24");
    const middle = shareOf(ages, "25-34");
    const senior = shareOf(ages, "35-44") + shareOf(ages, "45-54") + shareOf(ages, "55+");
    if (young >= middle && young >= senior) return 1;
    return middle >= senior ? 2 : 3;
  };

  it("the unfiltered ES ranking is complete within the reachable rows", () => {
    expect(everyone.total).toBe(everyone.items.length);
    expect(everyone.total).toBeGreaterThan(300);
  });

  // biome-ignore lint/suspicious/noExplicitAny: items as sent.
  const cases: [string, Record<string, unknown>, (item: any) => boolean][] = [
    ["creator category", { creator_category_id: 4 }, (i) => i.creator.category.id === 4],
    [
      "product l1",
      { product_category_l1_id: 14 },
      (i) =>
        i.sales_category_l3.some(
          (c: { id: number }) => PRODUCT_CATEGORY_PATHS.get(c.id)?.l1.id === 14,
        ),
    ],
    [
      "product l2",
      { product_category_l2_id: 1402 },
      (i) =>
        i.sales_category_l3.some(
          (c: { id: number }) => PRODUCT_CATEGORY_PATHS.get(c.id)?.l2.id === 1402,
        ),
    ],
    [
      "product l3",
      { product_category_l3_id: 601554 },
      (i) => i.sales_category_l3.some((c: { id: number }) => c.id === 601554),
    ],
    [
      "video sellers",
      { ecommerce_type: 1 },
      (i) => i.ecommerce_type === 1 || i.ecommerce_type === 3,
    ],
    [
      "live sellers",
      { ecommerce_type: 2 },
      (i) => i.ecommerce_type === 2 || i.ecommerce_type === 3,
    ],
    [
      "followers range",
      { follower_count_range: { min: 20_000, max: 200_000 } },
      (i) => i.creator.follower_count >= 20_000 && i.creator.follower_count <= 200_000,
    ],
    [
      "followers min only",
      { follower_count_range: { min: 100_000 } },
      (i) => i.creator.follower_count >= 100_000,
    ],
    ["age 18-24", { follower_age_type: 1 }, (i) => ageGroup(i.creator.follower_ages) === 1],
    ["age 25-34", { follower_age_type: 2 }, (i) => ageGroup(i.creator.follower_ages) === 2],
    ["age 35+", { follower_age_type: 3 }, (i) => ageGroup(i.creator.follower_ages) === 3],
    [
      "female audience",
      { follower_gender_type: 0 },
      (i) => shareOf(i.creator.follower_genders, "female") > 0.5,
    ],
    [
      "male audience",
      { follower_gender_type: 1 },
      (i) => shareOf(i.creator.follower_genders, "male") > 0.5,
    ],
  ];

  it.each(cases)(
    "%s: exactly the ranked creators that match, in ranking order",
    async (_, filter, matches) => {
      const { items, total } = await allRankingItems(server.url, { ...base, ...filter });
      const expected = everyone.items.filter(matches);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(everyone.items.length);
      expect(total).toBe(items.length);
      expect(items.map((i) => i.uid)).toEqual(expected.map((i) => i.uid));
    },
  );

  it("filters combine", async () => {
    const filter = { creator_category_id: 4, follower_gender_type: 0, ecommerce_type: 1 };
    const { items } = await allRankingItems(server.url, { ...base, ...filter });
    const expected = everyone.items.filter(
      (i) =>
        i.creator.category.id === 4 &&
        shareOf(i.creator.follower_genders, "female") > 0.5 &&
        i.ecommerce_type !== 2,
    );
    expect(items.map((i) => i.uid)).toEqual(expected.map((i) => i.uid));
  });
});

describe("data allowance", () => {
  it("30002 when a page would exceed the rows left; nothing is spent then", async () => {
    server.api.configure({ fastmossQuota: 25 });
    const page = (n: number) =>
      postFastMoss(server.url, rankingBody({ region: "US", date_info: APRIL }, n, 10));
    expect((await page(1)).body.code).toBe(0);
    expect((await page(2)).body.code).toBe(0);
    const over = await page(3);
    expect([over.status, over.body.code, over.body.message]).toEqual([
      200,
      30002,
      "data limit exceeded: 5 rows left in the data allowance",
    ]);
    expect(server.api.stats().fastmossQuotaRemaining).toBe(5);
    const small = await postFastMoss(
      server.url,
      rankingBody({ region: "US", date_info: APRIL }, 1, 5),
    );
    expect(small.body.data.list).toHaveLength(5);
    expect(server.api.stats().fastmossQuotaRemaining).toBe(0);
    expect(server.api.stats().fastmoss.rows).toBe(25);
  });
});
