// validateQuery: source, region, limit, filter names, ranges, columns and headers, and that every
// issue is collected and names its parameter.

import { describe, expect, it } from "vitest";
import { catalogueOf, SEEN_KEYS } from "../../../src/shared/columns/index.js";
import { readSource, validateQuery } from "../../../src/shared/query/index.js";
import { CONTEXT, fastmoss, issuesOf, keyapi, messagesOf, onlyIssue, valid } from "./helpers.js";

describe("source", () => {
  it.each([
    ["keyapi", "keyapi"],
    ["KeyAPI", "keyapi"],
    [" FASTMOSS ", "fastmoss"],
    [[["fastmoss"]], "fastmoss"],
  ])("reads %j as %s", (value, source) => {
    expect(readSource(value)).toBe(source);
  });

  it.each([
    ["", "source.required", /source is required/],
    [null, "source.required", /source is required/],
    [undefined, "source.required", /source is required/],
    ["tiktok", "source.unknown", /not "tiktok"/],
    [42, "source.unknown", /not "42"/],
    [[["keyapi"], ["fastmoss"]], "argument.notSingle", /source must be a single value/],
  ])("refuses %j", (value, id, text) => {
    const result = validateQuery({ source: value, region: "US", limit: 10 }, CONTEXT);
    const issue = onlyIssue(result);
    expect(issue).toMatchObject({ parameter: "source", id });
    expect(messagesOf(result)[0]).toMatch(text);
  });
});

describe("region", () => {
  it.each([
    ["keyapi", "us", "US"],
    ["keyapi", " gb ", "GB"],
    ["keyapi", "ZZ", "ZZ"],
    ["keyapi", [["de"]], "DE"],
    ["fastmoss", "sg", "SG"],
    ["fastmoss", " Jp ", "JP"],
  ])("%s reads %j as %s", (source, region, expected) => {
    const result = validateQuery({ source, region, limit: 10 }, CONTEXT);
    expect(valid(result).query.region).toBe(expected);
  });

  it.each([
    ["keyapi", "", "region.required"],
    ["keyapi", null, "region.required"],
    ["keyapi", "USA", "region.keyapiSuggest"],
    ["keyapi", "USX", "region.keyapi"],
    ["keyapi", "U1", "region.keyapi"],
    ["keyapi", 12, "region.keyapi"],
    ["keyapi", true, "region.keyapi"],
    ["keyapi", [["US", "GB"]], "argument.notSingle"],
    ["fastmoss", "CN", "region.fastmoss"],
    ["fastmoss", "usa", "region.fastmossSuggest"],
    ["fastmoss", "CAN", "region.fastmoss"],
    ["fastmoss", undefined, "region.required"],
  ])("%s refuses %j", (source, region, id) => {
    const issue = onlyIssue(validateQuery({ source, region, limit: 10 }, CONTEXT));
    expect(issue).toMatchObject({ parameter: "region", id });
  });

  it("suggests the two-letter code for a three-letter or everyday one", () => {
    const [text] = messagesOf(
      validateQuery({ source: "keyapi", region: "USA", limit: 10 }, CONTEXT),
    );
    expect(text).toBe(
      'region must be a two-letter country or region code, not "USA" — did you mean "US"?',
    );
    const [uk] = messagesOf(fastmoss(undefined, { region: "uk" }));
    expect(uk).toMatch(/did you mean "GB"\?$/);
  });

  it("suggests a column by its label, and says where the keys are listed once", () => {
    const [one] = messagesOf(
      validateQuery({ source: "keyapi", region: "US", limit: 10, columns: "handle" }, CONTEXT),
    );
    expect(one).toBe(
      'unknown column "handle" for KeyAPI — did you mean "unique_id"? =TT_COLUMNS("keyapi") lists the column keys.',
    );
    const texts = messagesOf(
      validateQuery(
        { source: "keyapi", region: "US", limit: 10, columns: "handle, zzzzzz, 粉丝数x" },
        CONTEXT,
      ),
    );
    expect(texts).toHaveLength(3);
    expect(texts.join(" ").match(/lists the column keys/g)).toHaveLength(1);
    expect(texts[2]).toMatch(/did you mean "total_followers_cnt"\?.*TT_COLUMNS/);
  });

  it("lists FastMoss's regions when refusing one", () => {
    const [text] = messagesOf(fastmoss(undefined, { region: "CN" }));
    expect(text).toBe(
      'region must be one of the regions FastMoss covers (US GB MX ES DE IT FR ID VN MY TH PH BR JP SG), not "CN".',
    );
  });
});

describe("limit", () => {
  it.each([
    ["", 10],
    [null, 10],
    [undefined, 10],
    [50, 50],
    ["50", 50],
    [" 50 ", 50],
    ["1,000", 1000],
    [[[7]], 7],
    [100_000, 100_000],
  ])("KeyAPI reads %j as %d", (limit, expected) => {
    expect(valid(keyapi(undefined, { limit })).query.limit).toBe(expected);
  });

  it.each([
    [0, /limit must be a whole number from 1 to 100,000, not 0\./],
    [-5, /not -5\./],
    [1.5, /not 1\.5\./],
    ["abc", /not "abc"\./],
    [true, /not TRUE\./],
    ["5%", /not "5%"\./],
    [100_001, /from 1 to 100,000, not 100001\./],
  ])("KeyAPI refuses %j", (limit, text) => {
    const result = keyapi(undefined, { limit });
    expect(onlyIssue(result)).toMatchObject({ parameter: "limit", id: "limit.invalid" });
    expect(messagesOf(result)[0]).toMatch(text);
  });

  it.each([
    ["keyapi", 1000, 1000],
    ["fastmoss", 1000, 1000],
    ["fastmoss", "", 10],
  ])("%s in a formula takes %j", (source, limit, expected) => {
    const result = validateQuery(
      { source, region: "US", limit },
      { ...CONTEXT, limitContext: "formula" },
    );
    expect(valid(result).query.limit).toBe(expected);
  });

  it("over 1,000 in a formula points to the sidebar's Write to sheet", () => {
    const result = keyapi(undefined, { limit: 5000 }, { ...CONTEXT, limitContext: "formula" });
    expect(onlyIssue(result)).toMatchObject({ parameter: "limit", id: "limit.formula" });
    expect(messagesOf(result)[0]).toBe(
      'limit can be at most 1,000 in a formula, not 5000. To pull more rows, use "Write to sheet" in the sidebar (Extensions › TikTok Influencers › Open sidebar).',
    );
    expect(messagesOf(result, "zh")[0]).toContain("写入表格");
  });

  it.each([
    ["fastmoss", {}, 1001, "limit.invalid", "1,000"],
    ["fastmoss", { limitContext: "formula" as const }, 1001, "limit.invalid", "1,000"],
    ["keyapi", { maxLimit: 500 }, 501, "limit.invalid", "500"],
  ])("%s with %j refuses %d without pointing elsewhere", (source, extra, limit, id, max) => {
    const result = validateQuery({ source, region: "US", limit }, { ...CONTEXT, ...extra });
    expect(onlyIssue(result)).toMatchObject({ id, params: { max } });
  });
});

describe("filter names", () => {
  it("reads names trimmed and in any case", () => {
    const query = valid(
      keyapi([
        [" MIN_Total_Followers_CNT ", 5],
        ["Sort_Type", 1],
      ]),
    ).query;
    expect(query.filters).toEqual({ sort_type: 1, min_total_followers_cnt: 5 });
  });

  it.each([
    [
      "blank names",
      [
        ["", 5],
        [null, "x"],
        ["  ", 1],
      ],
    ],
    [
      "blank values",
      [
        ["gender", ""],
        ["sort_type", null],
        ["influencer_language", "   "],
      ],
    ],
    ["no filters", []],
  ])("ignores %s", (_, filters) => {
    expect(valid(keyapi(filters as [unknown, unknown][])).query.filters).toEqual({});
  });

  it("takes a record as the sidebar sends it", () => {
    const query = valid(keyapi({ sales_flag: "2", gender: "female" })).query;
    expect(query.filters).toEqual({ gender: "female", sales_flag: 2 });
  });

  it("orders filters as the specs do, so equal queries are equal", () => {
    const a = valid(
      keyapi([
        ["max_total_digg_cnt", 9],
        ["gender", "male"],
        ["sort_type", 0],
      ]),
    );
    const b = valid(
      keyapi([
        ["sort_type", 0],
        ["gender", "male"],
        ["max_total_digg_cnt", 9],
      ]),
    );
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("refuses a name given twice, in any case", () => {
    const result = keyapi([
      ["sort_type", 1],
      ["SORT_TYPE", 0],
      ["sort_type", 1],
    ]);
    expect(onlyIssue(result)).toMatchObject({ parameter: "sort_type", id: "filter.duplicate" });
    expect(messagesOf(result)[0]).toBe("sort_type is given more than once; give it once.");
  });

  it.each([
    ["keyapi", "min_followers", "min_total_followers_cnt"],
    ["keyapi", "max_interaction", "max_interaction_rate"],
    ["keyapi", "sort_typ", "sort_type"],
    ["keyapi", "colums", "columns"],
    ["fastmoss", "follower_count_minimum", "follower_count_min"],
    ["fastmoss", "ecommerce", "ecommerce_type"],
    ["fastmoss", "date", "date_type"],
  ])("%s: unknown %s suggests %s", (source, name, suggestion) => {
    const result = validateQuery(
      { source, region: "US", limit: 10, filters: [[name, 1]] },
      CONTEXT,
    );
    expect(onlyIssue(result)).toMatchObject({
      parameter: name,
      id: "filter.unknownSuggest",
      params: { suggestion },
    });
  });

  it("says which filter was meant, in both languages", () => {
    const result = keyapi([["min_followers", 1000]]);
    expect(messagesOf(result)[0]).toBe(
      'unknown filter "min_followers" for KeyAPI — did you mean "min_total_followers_cnt"?',
    );
    expect(messagesOf(result, "zh")[0]).toBe(
      'KeyAPI 没有名为 "min_followers" 的筛选条件，您是不是想用 "min_total_followers_cnt"？',
    );
  });

  it.each([
    ["keyapi", "xyz"],
    ["keyapi", "ecommerce_type"],
    ["fastmoss", "min_total_followers_cnt"],
  ])("%s: unknown %s without a close name", (source, name) => {
    const result = validateQuery(
      { source, region: "US", limit: 10, filters: [[name, 1]] },
      CONTEXT,
    );
    expect(onlyIssue(result)).toMatchObject({ parameter: name, id: "filter.unknown" });
  });

  it.each([
    ["keyapi", "region", "filter.argument", "region is not a filter: it has its own argument."],
    ["keyapi", "Limit", "filter.argument", "limit is not a filter: it has its own argument."],
    [
      "keyapi",
      "page_num",
      "filter.paging",
      "page_num is not a filter: paging is automatic, and limit sets how many rows you get.",
    ],
    ["keyapi", "page_size", "filter.paging", /^page_size is not a filter/],
    ["fastmoss", "pagesize", "filter.paging", /^pagesize is not a filter/],
    ["fastmoss", "region", "filter.argument", /^region is not a filter/],
  ])("%s: %s is explained", (source, name, id, text) => {
    const result = validateQuery(
      { source, region: "US", limit: 10, filters: [[name, "US"]] },
      CONTEXT,
    );
    expect(onlyIssue(result)).toMatchObject({ parameter: name, id });
    expect(messagesOf(result)[0]).toMatch(text);
  });

  it.each([
    [true, "TRUE"],
    [[["a", "b"]], "a,b"],
  ])("refuses the name %j", (name, shown) => {
    const issue = onlyIssue(keyapi([[name, 1]]));
    expect(issue).toMatchObject({
      parameter: "filters",
      id: "filter.name",
      params: { value: shown },
    });
  });
});

describe("ranges", () => {
  it.each([
    ["keyapi", "min_total_followers_cnt", 5000, "max_total_followers_cnt", 100],
    ["keyapi", "min_interaction_rate", "20%", "max_interaction_rate", 0.1],
    [
      "keyapi",
      "min_per_video_product_views_avg_7d_cnt",
      2,
      "max_per_video_product_views_avg_7d_cnt",
      1,
    ],
    ["fastmoss", "follower_count_min", "1,000,000", "follower_count_max", "500,000"],
  ])("%s refuses %s above %s", (source, min, minValue, max, maxValue) => {
    const result = validateQuery(
      {
        source,
        region: "US",
        limit: 10,
        filters: [
          [max, maxValue],
          [min, minValue],
        ],
      },
      CONTEXT,
    );
    const issue = onlyIssue(result);
    expect(issue).toMatchObject({ parameter: min, id: "filter.range", params: { min, max } });
    expect(messagesOf(result)[0]).toMatch(new RegExp(`^${min} \\(.+\\) is above ${max} \\(.+\\)`));
  });

  it("names both bounds and their values", () => {
    const result = fastmoss([
      ["follower_count_min", 900],
      ["follower_count_max", 100],
    ]);
    expect(messagesOf(result)[0]).toBe(
      "follower_count_min (900) is above follower_count_max (100): the minimum cannot be more than the maximum.",
    );
    expect(messagesOf(result, "zh")[0]).toBe(
      "follower_count_min（900）大于 follower_count_max（100）：最小值不能大于最大值。",
    );
  });

  it.each([
    [
      [
        ["min_total_digg_cnt", 5],
        ["max_total_digg_cnt", 5],
      ],
    ],
    [[["min_total_digg_cnt", 5]]],
    [[["max_total_digg_cnt", 0]]],
  ])("accepts %j", (filters) => {
    expect(keyapi(filters as [unknown, unknown][]).ok).toBe(true);
  });
});

describe("columns", () => {
  // `all` is every column of an API answer: the upsert-only seen columns must be named.
  const keys = (source: "keyapi" | "fastmoss") =>
    catalogueOf(source)
      .columns.map((c) => c.key)
      .filter((key) => !SEEN_KEYS.includes(key));

  it.each([
    [undefined, catalogueOf("keyapi").defaultKeys],
    ["", catalogueOf("keyapi").defaultKeys],
    [[[""], [""]], catalogueOf("keyapi").defaultKeys],
    ["all", keys("keyapi")],
    [" ALL ", keys("keyapi")],
    [[["all"]], keys("keyapi")],
    ["nick_name, user_id", ["nick_name", "user_id"]],
    [" nick_name ,user_id,, NICK_NAME ", ["nick_name", "user_id"]],
    [
      ["user_id", "nick_name"],
      ["user_id", "nick_name"],
    ],
    [
      [["nick_name"], ["user_id, region"]],
      ["nick_name", "user_id", "region"],
    ],
  ])("KeyAPI reads %j", (columns, expected) => {
    expect(valid(keyapi(undefined, { columns })).output.columns).toEqual(expected);
  });

  it("takes first_seen_at and last_seen_at when named, and refuses them in formulas", () => {
    expect(
      valid(keyapi(undefined, { columns: "user_id, first_seen_at, last_seen_at" })).output.columns,
    ).toEqual(["user_id", "first_seen_at", "last_seen_at"]);
    const formula = validateQuery(
      { source: "keyapi", region: "US", limit: 5, filters: {}, columns: "user_id, first_seen_at" },
      { now: Date.UTC(2026, 5, 1), timeZone: "Etc/UTC", limitContext: "formula" },
    );
    expect(formula.ok).toBe(false);
    if (!formula.ok) expect(formula.issues.map((i) => i.id)).toEqual(["seen.upsertOnly"]);
  });

  it("reads FastMoss's dotted keys and its all", () => {
    expect(
      valid(fastmoss(undefined, { columns: "creator.follower_ages.55+, uid" })).output.columns,
    ).toEqual(["creator.follower_ages.55+", "uid"]);
    expect(valid(fastmoss(undefined, { columns: "all" })).output.columns).toEqual(keys("fastmoss"));
    expect(valid(fastmoss()).output.columns).toEqual(catalogueOf("fastmoss").defaultKeys);
  });

  it("takes columns and headers from the filter pairs", () => {
    const output = valid(
      keyapi([
        ["Columns", "user_id"],
        ["HEADERS", "keys"],
      ]),
    ).output;
    expect(output).toEqual({ columns: ["user_id"], headers: "keys" });
  });

  it("refuses columns given both as an option and as a pair", () => {
    const result = keyapi([["columns", "user_id"]], { columns: "nick_name" });
    expect(onlyIssue(result)).toMatchObject({ parameter: "columns", id: "filter.duplicate" });
  });

  it.each([
    [
      "keyapi",
      "nick_nam",
      'unknown column "nick_nam" for KeyAPI — did you mean "nick_name"? =TT_COLUMNS("keyapi") lists the column keys.',
    ],
    [
      "fastmoss",
      "creator.nick_name",
      'unknown column "creator.nick_name" for FastMoss — did you mean "creator.nickname"? =TT_COLUMNS("fastmoss") lists the column keys.',
    ],
    [
      "keyapi",
      "zzzz",
      'unknown column "zzzz" for KeyAPI; =TT_COLUMNS("keyapi") lists the column keys.',
    ],
  ])("%s: unknown column %s", (source, columns, text) => {
    const result = validateQuery({ source, region: "US", limit: 10, columns }, CONTEXT);
    expect(onlyIssue(result).parameter).toBe("columns");
    expect(messagesOf(result)[0]).toBe(text);
    expect(messagesOf(result, "zh")[0]).toContain(`=TT_COLUMNS("${source}")`);
  });

  it("reports every unknown column", () => {
    expect(issuesOf(keyapi(undefined, { columns: "user_id, nope, nada" }))).toHaveLength(2);
  });

  it.each([[42], [true], [[["user_id", 3]]]])("refuses %j", (columns) => {
    expect(onlyIssue(keyapi(undefined, { columns }))).toMatchObject({
      parameter: "columns",
      id: "columns.invalid",
    });
  });
});

describe("headers", () => {
  it.each([
    [undefined, "labels"],
    ["", "labels"],
    ["labels", "labels"],
    ["KEYS", "keys"],
    [" None ", "none"],
    [[["keys"]], "keys"],
  ])("reads %j as %s", (headers, expected) => {
    expect(valid(keyapi(undefined, { headers })).output.headers).toBe(expected);
  });

  it.each([["label"], [false], [[["keys", "none"]]]])("refuses %j", (headers) => {
    expect(onlyIssue(keyapi(undefined, { headers })).parameter).toBe("headers");
  });

  it("explains what headers allows", () => {
    expect(messagesOf(keyapi(undefined, { headers: "x" }))).toEqual([
      'headers must be labels, keys or none, not "x".',
    ]);
  });
});

describe("the valid query", () => {
  it("KeyAPI: source, region, limit, filters, output", () => {
    const result = validateQuery(
      {
        source: "KeyAPI",
        region: "us",
        limit: "",
        filters: [
          ["min_total_followers_cnt", "10,000"],
          ["min_interaction_rate", "5%"],
          ["influencer_category_name", " Beauty "],
        ],
        columns: "unique_id, user_id",
        headers: "keys",
      },
      CONTEXT,
    );
    expect(valid(result)).toEqual({
      query: {
        source: "keyapi",
        region: "US",
        limit: 10,
        filters: {
          influencer_category_name: "Beauty",
          min_total_followers_cnt: 10000,
          min_interaction_rate: 0.05,
        },
      },
      output: { columns: ["unique_id", "user_id"], headers: "keys" },
    });
  });

  it("FastMoss: date always explicit, date_type and date_value not among the filters", () => {
    const result = fastmoss([
      ["date_type", "Month"],
      ["ecommerce_type", 2],
      ["follower_count_min", 500000],
      ["product_category_l1_id", "14"],
    ]);
    expect(valid(result).query).toEqual({
      source: "fastmoss",
      region: "US",
      limit: 10,
      filters: { product_category_l1_id: 14, ecommerce_type: 2, follower_count_min: 500000 },
      date: { type: "month", value: "2026-02" },
    });
  });
});

describe("issues", () => {
  it("are all collected, each naming its parameter", () => {
    const result = keyapi(
      [
        ["min_followers", 1],
        ["sort_type", 5],
        ["min_interaction_rate", 5],
        ["min_total_digg_cnt", "abc"],
        ["page_size", 3],
        ["headers", "x"],
      ],
      { region: "USA", limit: 0, columns: "nick_nam" },
    );
    expect(issuesOf(result).map((issue) => issue.parameter)).toEqual([
      "region",
      "limit",
      "min_followers",
      "sort_type",
      "min_interaction_rate",
      "min_total_digg_cnt",
      "page_size",
      "columns",
      "headers",
    ]);
  });

  it("never echo more than about 60 characters of a value", () => {
    const long = `${"x".repeat(300)}`;
    const texts = [
      ...messagesOf(keyapi([["gender", long]])),
      ...messagesOf(keyapi([[long, 1]])),
      ...messagesOf(keyapi(undefined, { region: long, columns: long })),
      ...messagesOf(validateQuery({ source: long, region: "US", limit: 1 }, CONTEXT)),
    ];
    expect(texts).toHaveLength(5);
    for (const text of texts) {
      expect(text).not.toContain("x".repeat(61));
      expect(text).toContain(`${"x".repeat(59)}…`);
    }
  });
});
