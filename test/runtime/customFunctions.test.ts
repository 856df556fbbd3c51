// =TT_INFLUENCERS and =TT_TOP_POTENTIAL as Sheets calls them: the built dist/Code.js in the local
// runtime (read-only, 30 s, a fresh execution per call) against the fake APIs over loopback HTTP.
// Each sentence of the SPEC's "Custom functions" section has a test here that fails without it.

import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import { AppsScriptRuntime, apiRoutes } from "../../dev/runtime/runtime.js";
import { catalogueOf, SEEN_KEYS } from "../../src/shared/columns/index.js";
import { cellErrorOf, DEMO_KEYS, useAddonWorld } from "./addonWorld.js";

type Table = unknown[][];
const KEYS = DEMO_KEYS;

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const influencers = (...args: unknown[]) => rt.customFunction("TT_INFLUENCERS", args) as Table;
const topPotential = (...args: unknown[]) => rt.customFunction("TT_TOP_POTENTIAL", args) as Table;

/** The cell's error message, as hovering over #ERROR! shows it. */
const cellError = (name: string, ...args: unknown[]) => cellErrorOf(rt, name, args);

const requests = async () => {
  const stats = await api.stats();
  return stats.keyapi.requests + stats.fastmoss.requests;
};
const lastParams = async (which: "keyapi" | "fastmoss") =>
  (await api.stats())[which].log.at(-1)?.params as Record<string, unknown>;

describe("region", () => {
  it("is required", async () => {
    expect(cellError("TT_INFLUENCERS", "", 5)).toMatch(/^TT_INFLUENCERS: region is required/);
    expect(cellError("TT_TOP_POTENTIAL")).toMatch(/^TT_TOP_POTENTIAL: region is required/);
    expect(await requests()).toBe(0);
  });

  it("is case-insensitive", async () => {
    expect(influencers("us", 5)).toHaveLength(6);
    expect((await lastParams("keyapi")).region).toBe("US");
    expect(topPotential("de", 5)).toHaveLength(6);
    expect(((await lastParams("fastmoss")).filter as { region: string }).region).toBe("DE");
  });

  it("must be two letters for KeyAPI and one of FastMoss's regions for FastMoss", async () => {
    expect(cellError("TT_INFLUENCERS", "USA")).toMatch(/^TT_INFLUENCERS: region/);
    expect(cellError("TT_TOP_POTENTIAL", "CN")).toMatch(/^TT_TOP_POTENTIAL: region .*US GB MX/);
    expect(await requests()).toBe(0);
  });
});

describe("limit", () => {
  it("is the most rows to return; blank means 10", () => {
    expect(influencers("US", 25)).toHaveLength(26);
    expect(influencers("US", "")).toHaveLength(11);
    expect(influencers("US")).toHaveLength(11);
    expect(topPotential("US", "")).toHaveLength(11);
  });

  it("is at most 1000; above, an error points to the sidebar's Write to sheet", async () => {
    expect(cellError("TT_INFLUENCERS", "US", 1001)).toMatch(
      /^TT_INFLUENCERS: limit .*1,000.*Write to sheet/,
    );
    expect(cellError("TT_INFLUENCERS", "US", 0)).toMatch(/^TT_INFLUENCERS: limit/);
    expect(cellError("TT_INFLUENCERS", "US", 2.5)).toMatch(/^TT_INFLUENCERS: limit/);
    expect(await requests()).toBe(0);
    expect(influencers("US", 1000)).toHaveLength(1001);
  });
});

describe("filters", () => {
  it("come as name/value pairs, names in any case, and are sent to KeyAPI under their own names", async () => {
    const table = influencers(
      "US",
      20,
      "MIN_TOTAL_FOLLOWERS_CNT",
      100000,
      "min_interaction_rate",
      0.05, // a cell showing 5 % hands over 0.05
      "show_case_flag",
      1,
      "influencer_sort_field_v2",
      5,
      "sort_type",
      1,
    );
    const params = await lastParams("keyapi");
    expect(params).toMatchObject({
      min_total_followers_cnt: "100000",
      min_interaction_rate: "0.05",
      show_case_flag: "1",
      influencer_sort_field_v2: "5",
      sort_type: "1",
    });
    const header = table[0] as string[];
    const followers = header.indexOf("Followers");
    const rate = header.indexOf("Interaction rate");
    for (const row of table.slice(1)) {
      expect(row[followers] as number).toBeGreaterThanOrEqual(100000);
      expect(row[rate] as number).toBeGreaterThanOrEqual(0.05);
    }
    const rates = table.slice(1).map((row) => row[rate] as number);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it("come as one two-column range in place of the pairs, blank names ignored", async () => {
    const range = [
      ["influencer_category_name", "Beauty"],
      ["min_total_followers_cnt", 100000],
      ["", ""],
      ["", ""],
    ];
    const table = influencers("US", 10, range);
    expect(table.length).toBeGreaterThan(1);
    expect(await lastParams("keyapi")).toMatchObject({
      influencer_category_name: "Beauty",
      min_total_followers_cnt: "100000",
    });
  });

  it("accept every KeyAPI filter, each of its type", async () => {
    influencers(
      "US",
      5,
      "product_category_id",
      "14",
      "influencer_category_name",
      "Beauty",
      "influencer_sort_field_v2",
      1,
      "sort_type",
      0,
      "min_total_followers_cnt",
      1000,
      "max_total_followers_cnt",
      50_000_000,
      "min_total_digg_cnt",
      0,
      "max_total_digg_cnt",
      9e9,
      "min_interaction_rate",
      0,
      "max_interaction_rate",
      1,
      "min_total_views_cnt",
      0,
      "max_total_views_cnt",
      9e10,
      "min_total_views_7d_cnt",
      0,
      "max_total_views_7d_cnt",
      9e10,
      "min_per_video_product_views_avg_cnt",
      0,
      "max_per_video_product_views_avg_cnt",
      9e9,
      "min_per_video_product_views_avg_7d_cnt",
      0,
      "max_per_video_product_views_avg_7d_cnt",
      9e9,
      "gender",
      "female",
      "influencer_language",
      "en",
      "show_case_flag",
      0,
      "sales_flag",
      0,
    );
    const params = await lastParams("keyapi");
    expect(Object.keys(params).sort()).toEqual(
      [
        "region",
        "page_num",
        "page_size",
        "product_category_id",
        "influencer_category_name",
        "influencer_sort_field_v2",
        "sort_type",
        "min_total_followers_cnt",
        "max_total_followers_cnt",
        "min_total_digg_cnt",
        "max_total_digg_cnt",
        "min_interaction_rate",
        "max_interaction_rate",
        "min_total_views_cnt",
        "max_total_views_cnt",
        "min_total_views_7d_cnt",
        "max_total_views_7d_cnt",
        "min_per_video_product_views_avg_cnt",
        "max_per_video_product_views_avg_cnt",
        "min_per_video_product_views_avg_7d_cnt",
        "max_per_video_product_views_avg_7d_cnt",
        "gender",
        "influencer_language",
        "show_case_flag",
        "sales_flag",
      ].sort(),
    );
  });

  it("accept every FastMoss filter, mapped to FastMoss's body", async () => {
    topPotential(
      "US",
      5,
      "creator_category_id",
      4,
      "product_category_l1_id",
      14,
      "ecommerce_type",
      1,
      "follower_count_min",
      10000,
      "follower_count_max",
      5_000_000,
      "follower_age_type",
      2,
      "follower_gender_type",
      0,
      "date_type",
      "month",
      "date_value",
      "2026-10",
    );
    expect((await lastParams("fastmoss")).filter).toEqual({
      region: "US",
      creator_category_id: 4,
      product_category_l1_id: 14,
      ecommerce_type: 1,
      follower_count_range: { min: 10000, max: 5_000_000 },
      follower_age_type: 2,
      follower_gender_type: 0,
      date_info: { type: "month", value: "2026-10" },
    });
    topPotential(
      "US",
      5,
      "product_category_l2_id",
      1401,
      "product_category_l3_id",
      601554,
      "date_type",
      "week",
    );
    const filter = (await lastParams("fastmoss")).filter as Record<string, unknown>;
    expect(filter).toMatchObject({ product_category_l2_id: 1401, product_category_l3_id: 601554 });
    expect(filter.date_info).toEqual({ type: "week", value: "2026-45" });
  });

  it("read a date cell for date_value in the spreadsheet's time zone", async () => {
    topPotential("US", 5, "date_type", "day", "date_value", new Date("2026-11-10T05:00:00Z"));
    expect(((await lastParams("fastmoss")).filter as { date_info: unknown }).date_info).toEqual({
      type: "day",
      value: "2026-11-10",
    });
  });

  it.each([
    [
      ["min_followers", 100],
      /unknown filter "min_followers" for KeyAPI — did you mean "min_total_followers_cnt"\?/,
    ],
    [["min_total_followers_cnt", "lots"], /min_total_followers_cnt must be a whole number/],
    [["min_total_followers_cnt", true], /min_total_followers_cnt/],
    [["min_interaction_rate", 5], /min_interaction_rate is a ratio from 0 to 1/],
    [["sort_type", 3], /sort_type/],
    [
      ["min_total_followers_cnt", 500000, "max_total_followers_cnt", 1000],
      /min_total_followers_cnt .* max_total_followers_cnt/,
    ],
    [["page_size", 10], /page_size/],
    [["min_total_followers_cnt", 1, "min_total_followers_cnt", 2], /min_total_followers_cnt/],
    [["min_total_followers_cnt"], /filter "min_total_followers_cnt" has no value/],
    [[[["a", "b", "c"]]], /two columns/],
  ])(
    "refuse %j with an error that names the parameter, and make no request",
    async (filters, problem) => {
      expect(cellError("TT_INFLUENCERS", "US", 10, ...filters)).toMatch(problem);
      expect(cellError("TT_INFLUENCERS", "US", 10, ...filters)).toMatch(/^TT_INFLUENCERS: /);
      expect(await requests()).toBe(0);
    },
  );

  it.each([
    [
      ["follower_count_min", 5000, "follower_count_max", 10],
      /follower_count_min .* follower_count_max/,
    ],
    [["date_value", "2026-10"], /date_type/],
    [["date_type", "month", "date_value", "2099-01"], /date_value/],
    [["date_type", "year"], /date_type/],
    [["ecommerce_type", 3], /ecommerce_type/],
    [["min_total_followers_cnt", 10], /unknown filter "min_total_followers_cnt" for FastMoss/],
  ])("refuse FastMoss's %j naming the parameter, with no request", async (filters, problem) => {
    expect(cellError("TT_TOP_POTENTIAL", "US", 10, ...filters)).toMatch(problem);
    expect(await requests()).toBe(0);
  });
});

describe("columns and headers", () => {
  it("default to the source's default set, with labels", () => {
    const [header] = influencers("US", 3);
    const catalogue = catalogueOf("keyapi");
    const labels = new Map(catalogue.columns.map((spec) => [spec.key, spec.label.en]));
    expect(header).toEqual(catalogue.defaultKeys.map((key) => labels.get(key)));
  });

  it("take column keys separated by commas, or all", () => {
    expect(
      influencers(
        "US",
        3,
        "columns",
        "unique_id, total_followers_cnt, profile_url",
        "headers",
        "keys",
      )[0],
    ).toEqual(["unique_id", "total_followers_cnt", "profile_url"]);
    // `all` is every column of an answer: the upsert-only first/last seen columns are left out.
    expect(influencers("US", 3, "columns", "all")[0]).toHaveLength(
      catalogueOf("keyapi").columns.length - SEEN_KEYS.length,
    );
    expect(topPotential("US", 3, "columns", "all", "headers", "keys")[0]).toEqual(
      catalogueOf("fastmoss")
        .columns.map((spec) => spec.key)
        .filter((key) => !SEEN_KEYS.includes(key)),
    );
  });

  it("answer no header row with headers none", () => {
    const table = influencers("US", 3, "columns", "user_id", "headers", "none");
    expect(table).toHaveLength(3);
    expect(table.every((row) => /^\d+$/.test(String(row[0])))).toBe(true);
  });

  it("refuse an unknown column key, pointing to TT_COLUMNS", () => {
    expect(cellError("TT_INFLUENCERS", "US", 3, "columns", "folowers")).toMatch(
      /folowers.*TT_COLUMNS\("keyapi"\)/,
    );
  });
});

describe("the answer", () => {
  it("is a header row then one row per creator in the API's order", async () => {
    const table = influencers("US", 30, "columns", "user_id", "headers", "keys");
    expect(table).toHaveLength(31);
    const pageOne = await fetch(
      `${api.url}/v1/tiktok/influencer/list/analytics?region=US&page_num=1&page_size=10`,
      {
        headers: { Authorization: "Bearer demo-keyapi-key" },
      },
    ).then((response) => response.json() as Promise<{ data: { user_id: string }[] }>);
    expect(table.slice(1, 11).map((row) => row[0])).toEqual(
      pageOne.data.map((creator) => creator.user_id),
    );
  });

  it("has numbers as numbers, missing values as empty cells, dates as dates, ids exactly as sent", async () => {
    await api.configure({ drift: { numbersAsStrings: true, nullNumbers: true } });
    const table = influencers(
      "US",
      100,
      "columns",
      "user_id, nick_name, total_followers_cnt, interaction_rate, first_crawl_dt, seller_id",
      "headers",
      "keys",
    );
    const rows = table.slice(1);
    expect(rows.every((row) => typeof row[2] === "number" || row[2] === "")).toBe(true);
    expect(rows.some((row) => typeof row[2] === "number")).toBe(true);
    expect(rows.every((row) => row[5] === "")).toBe(true);
    expect(rows.every((row) => row[4] instanceof Date || row[4] === "")).toBe(true);
    const longIds = rows.map((row) => row[0] as string).filter((id) => id.length === 19);
    expect(longIds.length).toBeGreaterThan(0);
    expect(longIds.every((id) => typeof id === "string" && /^\d{19}$/.test(id))).toBe(true);
  });

  it("keeps nasty names exactly as text", () => {
    const names = influencers("US", 1000, "columns", "nick_name", "headers", "none").map(
      (row) => row[0] as string,
    );
    expect(names.some((name) => /^[=+\-@]/.test(name))).toBe(true);
    expect(names.some((name) => /[\u4e00-\u9fff]/.test(name))).toBe(true);
  });

  it("is a header only when nothing matches, and a blank cell with headers none", () => {
    expect(influencers("ZZ", 10)).toHaveLength(1);
    expect(rt.customFunction("TT_INFLUENCERS", ["ZZ", 10, "headers", "none"])).toBe("");
  });
});

describe("requests and credits", () => {
  it("follow the pull rules: ⌈n/10⌉ KeyAPI requests, FastMoss pages of up to 100", async () => {
    influencers("US", 95);
    let stats = await api.stats();
    expect(stats.keyapi.requests).toBe(10);
    expect(stats.keyapi.credits).toBe(10);
    topPotential("US", 250);
    stats = await api.stats();
    expect(stats.fastmoss.requests).toBe(3);
    expect(stats.fastmoss.log.map((entry) => entry.pageSize)).toEqual([100, 100, 100]);
  });

  it("cost nothing for the same call again within 6 hours", async () => {
    const first = influencers("US", 50, "min_total_followers_cnt", 10000);
    const spent = await requests();
    rt.advance(5.9 * 3_600_000);
    expect(influencers("US", 50, "min_total_followers_cnt", 10000)).toEqual(first);
    topPotential("GB", 20);
    const afterFastMoss = await requests();
    topPotential("GB", 20);
    expect(await requests()).toBe(afterFastMoss);
    expect(afterFastMoss).toBe(spent + 1);
  });

  it("are not paid again after a failure for the pages already fetched", async () => {
    await api.configure({ credits: 30 });
    expect(cellError("TT_INFLUENCERS", "US", 500)).toMatch(
      /^TT_INFLUENCERS: KeyAPI says the key is out of credits/,
    );
    await api.configure({ credits: null });
    influencers("US", 500);
    const stats = await api.stats();
    const paid = stats.keyapi.log
      .filter((entry) => entry.status === 200)
      .map((entry) => entry.page);
    expect(new Set(paid).size).toBe(paid.length);
  });
});

describe("time", () => {
  it("stops before 30 seconds with a message that says so and what to do; recalculating finishes", async () => {
    await api.configure({ latencyMs: 4_000 });
    const start = rt.clock.now();
    const message = cellError("TT_INFLUENCERS", "US", 1000);
    expect(message).toMatch(
      /^TT_INFLUENCERS: ran out of time after \d+ of 1000 rows .* a recalculation will finish it/,
    );
    expect(rt.clock.now() - start).toBeLessThan(30_000);
    let table: Table | undefined;
    for (let attempt = 0; attempt < 10 && !table; attempt++) {
      try {
        table = influencers("US", 1000);
      } catch (error) {
        expect((error as Error).message).toMatch(/ran out of time/);
      }
    }
    expect(table).toHaveLength(1001);
    const stats = await api.stats();
    const pages = stats.keyapi.log
      .filter((entry) => entry.status === 200)
      .map((entry) => entry.page);
    expect(new Set(pages).size).toBe(pages.length);
  });

  it("finishes 1,000 rows well within 30 seconds at 300 ms latency and a 10/s rate limit", async () => {
    await api.configure({ latencyMs: 300, rateLimit: { keyapi: 10, fastmoss: 10 } });
    const start = rt.clock.now();
    expect(influencers("US", 1000)).toHaveLength(1001);
    expect(rt.clock.now() - start).toBeLessThan(15_000);
  });
});

describe("errors", () => {
  it("name the function and say what to do when no key is set — and make no request", async () => {
    rt.serverCall("saveSettings", [{ keyapiKey: "", fastmossToken: "" }]);
    expect(cellError("TT_INFLUENCERS", "US", 10)).toBe(
      "TT_INFLUENCERS: no KeyAPI key is set — open Extensions › TikTok Influencers › Settings and paste it there.",
    );
    expect(cellError("TT_TOP_POTENTIAL", "US", 10)).toBe(
      "TT_TOP_POTENTIAL: no FastMoss key is set — open Extensions › TikTok Influencers › Settings and paste it there.",
    );
    expect(await requests()).toBe(0);
  });

  it("say when a key is refused, never showing it", async () => {
    rt.serverCall("saveSettings", [
      { keyapiKey: "wrong-key-0123456789", fastmossToken: "wrong-token-0123456789" },
    ]);
    const keyapi = cellError("TT_INFLUENCERS", "US", 10);
    expect(keyapi).toMatch(/^TT_INFLUENCERS: KeyAPI refused the key .* Settings/);
    expect(keyapi).not.toContain("wrong-key");
    const fastmoss = cellError("TT_TOP_POTENTIAL", "US", 10);
    expect(fastmoss).toMatch(/^TT_TOP_POTENTIAL: FastMoss refused the key/);
    expect(fastmoss).not.toContain("wrong-token");
  });

  it.each([
    [{ forbiddenKeys: { keyapi: ["demo-keyapi-key"], fastmoss: [] } }, /does not allow this key/],
    [
      {
        failures: [1, 2, 3].map(() => ({
          api: "keyapi" as const,
          page: 1,
          status: 500,
          message: "Internal server error",
        })),
      },
      /KeyAPI failed 3 times/,
    ],
    [
      {
        failures: [1, 2].map(() => ({
          api: "keyapi" as const,
          page: 1,
          status: 200,
          rawBody: "{not json",
        })),
      },
      /can't be read/,
    ],
    [
      {
        failures: [
          {
            api: "keyapi" as const,
            page: 1,
            status: 400,
            message: "page_size must be between 1 and 10",
          },
        ],
      },
      /KeyAPI refused the request: HTTP 400: page_size/,
    ],
  ])("turn an API failure into a message a person can act on: %j", async (config, problem) => {
    await api.configure(config);
    expect(cellError("TT_INFLUENCERS", "US", 10)).toMatch(problem);
  });

  it.each([
    [{ fastmossQuota: 0 }, /data allowance is used up/],
    [
      { failures: [{ api: "fastmoss" as const, page: 1, code: 20001, message: "not found" }] },
      /found no ranking/,
    ],
    [
      {
        failures: [
          { api: "fastmoss" as const, page: 1, code: 10001, message: "invalid parameter: region" },
        ],
      },
      /FastMoss refused the request/,
    ],
  ])("turn a FastMoss failure into a message: %j", async (config, problem) => {
    await api.configure(config);
    expect(cellError("TT_TOP_POTENTIAL", "US", 10)).toMatch(problem);
  });

  it("say when the API can't be reached", () => {
    const offline = new AppsScriptRuntime({ routes: apiRoutes("http://127.0.0.1:9") });
    try {
      offline.serverCall("saveSettings", [KEYS]);
      expect(() => offline.customFunction("TT_INFLUENCERS", ["US", 10])).toThrow(
        /^TT_INFLUENCERS: KeyAPI could not be reached \(Address unavailable: .*\)\. Try again later\.$/,
      );
    } finally {
      offline.close();
    }
  });

  it("wait out rate limiting and drift without failing", async () => {
    await api.configure({
      latencyMs: 200,
      rateLimit: { keyapi: 3, fastmoss: 2 },
      drift: { numbersAsStrings: true, extraFields: true, fastmossMsgField: true },
    });
    expect(influencers("US", 100)).toHaveLength(101);
    expect(topPotential("US", 300)).toHaveLength(301);
  });
});
