// Filter values as Sheets and the sidebar hand them, per kind, with their messages; the filter
// specs themselves; and the zod schemas and field-by-field validation the sidebar uses.

import { describe, expect, it } from "vitest";
import {
  FASTMOSS_FILTERS,
  FILTER_SPECS,
  filterSchema,
  filterSpec,
  issueMessage,
  KEYAPI_FILTERS,
  validateFilterValue,
} from "../../../src/shared/query/index.js";
import { fastmoss, keyapi, messagesOf, onlyIssue, valid } from "./helpers.js";

/** KeyApiFilters in src/shared/query/types.ts: KeyAPI's optional query parameters. */
const KEYAPI_NAMES = [
  "product_category_id",
  "influencer_category_name",
  "influencer_sort_field_v2",
  "sort_type",
  ...[
    "total_followers_cnt",
    "total_digg_cnt",
    "interaction_rate",
    "total_views_cnt",
    "total_views_7d_cnt",
    "per_video_product_views_avg_cnt",
    "per_video_product_views_avg_7d_cnt",
  ].flatMap((field) => [`min_${field}`, `max_${field}`]),
  "gender",
  "influencer_language",
  "show_case_flag",
  "sales_flag",
];
const FASTMOSS_NAMES = [
  "creator_category_id",
  "product_category_l1_id",
  "product_category_l2_id",
  "product_category_l3_id",
  "ecommerce_type",
  "follower_count_min",
  "follower_count_max",
  "follower_age_type",
  "follower_gender_type",
  "date_type",
  "date_value",
];

describe("filter specs", () => {
  it("name exactly the filters of each source", () => {
    expect(KEYAPI_FILTERS.map((spec) => spec.name).sort()).toEqual([...KEYAPI_NAMES].sort());
    expect(FASTMOSS_FILTERS.map((spec) => spec.name).sort()).toEqual([...FASTMOSS_NAMES].sort());
  });

  it.each([...KEYAPI_FILTERS, ...FASTMOSS_FILTERS].map((spec) => [spec.name, spec] as const))(
    "%s: labelled and explained in both languages, complete for its kind",
    (_, spec) => {
      for (const text of [spec.label.en, spec.label.zh, spec.help.en, spec.help.zh]) {
        expect(text.trim()).not.toBe("");
      }
      expect(spec.label.zh).not.toBe(spec.label.en);
      if (spec.kind === "enum") {
        expect(spec.options?.length).toBeGreaterThan(1);
        for (const option of spec.options ?? []) expect(option.label.zh).not.toBe("");
      } else {
        expect(spec.options).toBeUndefined();
      }
    },
  );

  it.each(
    Object.entries(FILTER_SPECS).flatMap(([source, specs]) =>
      specs.filter((spec) => spec.range).map((spec) => [source, spec.name, spec] as const),
    ),
  )("%s %s: its range partner points back, with the same kind", (source, _, spec) => {
    const partner = filterSpec(source as "keyapi" | "fastmoss", spec.range!.partner)!;
    expect(partner.range).toEqual({
      bound: spec.range!.bound === "min" ? "max" : "min",
      partner: spec.name,
    });
    expect(partner.kind).toBe(spec.kind);
  });

  it("enums carry their documented values and meanings", () => {
    const options = (name: string) =>
      [...KEYAPI_FILTERS, ...FASTMOSS_FILTERS]
        .find((spec) => spec.name === name)!
        .options!.map((option) => option.value);
    expect(options("influencer_sort_field_v2")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(options("sort_type")).toEqual([0, 1]);
    expect(options("show_case_flag")).toEqual([0, 1]);
    expect(options("sales_flag")).toEqual([0, 1, 2, 3, 4]);
    expect(options("ecommerce_type")).toEqual([1, 2]);
    expect(options("follower_age_type")).toEqual([1, 2, 3]);
    expect(options("follower_gender_type")).toEqual([0, 1]);
    expect(options("date_type")).toEqual(["day", "week", "month"]);
    expect(filterSpec("keyapi", "sort_type")!.options![0]!.label).toEqual({
      en: "Ascending",
      zh: "升序",
    });
  });
});

describe("counts: whole numbers of 0 or more", () => {
  it.each([
    [100000, 100000],
    ["100000", 100000],
    [" 5 ", 5],
    ["1,000,000", 1000000],
    [0, 0],
    ["1e3", 1000],
    [[[42]], 42],
  ])("read %j as %d", (value, expected) => {
    expect(valid(keyapi([["min_total_followers_cnt", value]])).query.filters).toEqual({
      min_total_followers_cnt: expected,
    });
  });

  it.each([
    ["abc", '"abc"'],
    [-1, "-1"],
    [1.5, "1.5"],
    [true, "TRUE"],
    ["5%", '"5%"'],
    ["1,00", '"1,00"'],
    [new Date(Date.UTC(2026, 0, 2)), "2026-01-02"],
  ])("refuse %j", (value, shown) => {
    const result = keyapi([["min_total_followers_cnt", value]]);
    expect(onlyIssue(result)).toMatchObject({
      parameter: "min_total_followers_cnt",
      id: "filter.count",
    });
    expect(messagesOf(result)[0]).toBe(
      `min_total_followers_cnt must be a whole number of 0 or more, not ${shown}.`,
    );
  });

  it("say so in Chinese too", () => {
    expect(messagesOf(keyapi([["min_total_followers_cnt", "abc"]]), "zh")[0]).toBe(
      'min_total_followers_cnt 必须是不小于 0 的整数，而不是 "abc"。',
    );
  });

  it.each([
    ["creator_category_id", 4, 4],
    ["product_category_l3_id", "601554", 601554],
    ["follower_count_max", 0, 0],
  ])("FastMoss %s reads %j", (name, value, expected) => {
    expect(valid(fastmoss([[name, value]])).query.filters).toEqual({ [name]: expected });
  });

  it.each([
    ["creator_category_id", 0],
    ["product_category_l1_id", -3],
    ["product_category_l2_id", "x"],
  ])("FastMoss ids are 1 or more: %s refuses %j", (name, value) => {
    expect(messagesOf(fastmoss([[name, value]]))[0]).toMatch(
      new RegExp(`^${name} must be a whole number of 1 or more`),
    );
  });
});

describe("interaction rate: a ratio from 0 to 1", () => {
  it.each([
    [0.05, 0.05],
    ["0.05", 0.05],
    ["5%", 0.05],
    [" 12.3 % ", 0.123],
    ["100%", 1],
    [0, 0],
    [1, 1],
  ])("reads %j as %d", (value, expected) => {
    expect(valid(keyapi([["min_interaction_rate", value]])).query.filters).toEqual({
      min_interaction_rate: expected,
    });
  });

  it.each([
    [5, "5"],
    [-0.1, "-0.1"],
    ["150%", '"150%"'],
    ["abc", '"abc"'],
    [false, "FALSE"],
  ])("refuses %j, explaining that 0.05 means 5 %", (value, shown) => {
    const result = keyapi([["max_interaction_rate", value]]);
    expect(messagesOf(result)[0]).toBe(
      `max_interaction_rate is a ratio from 0 to 1 (0.05 means 5 %), not ${shown}.`,
    );
  });

  it("says so in Chinese too", () => {
    expect(messagesOf(keyapi([["min_interaction_rate", 5]]), "zh")[0]).toBe(
      "min_interaction_rate 是 0 到 1 之间的比例（0.05 表示 5%），而不是 5。",
    );
  });
});

describe("enums", () => {
  it.each([
    ["keyapi", "sort_type", "1", 1],
    ["keyapi", "sort_type", 0, 0],
    ["keyapi", "influencer_sort_field_v2", " 6 ", 6],
    ["keyapi", "show_case_flag", 1, 1],
    ["keyapi", "sales_flag", "4", 4],
    ["fastmoss", "ecommerce_type", 2, 2],
    ["fastmoss", "follower_age_type", "3", 3],
    ["fastmoss", "follower_gender_type", 0, 0],
  ])("%s %s reads %j", (source, name, value, expected) => {
    const result = source === "keyapi" ? keyapi([[name, value]]) : fastmoss([[name, value]]);
    expect(valid(result).query.filters).toEqual({ [name]: expected });
  });

  it.each([
    ["keyapi", "influencer_sort_field_v2", 0],
    ["keyapi", "sort_type", 2],
    ["keyapi", "show_case_flag", true],
    ["keyapi", "sales_flag", 5],
    ["keyapi", "sales_flag", 1.5],
    ["fastmoss", "ecommerce_type", 3],
    ["fastmoss", "follower_age_type", "18-24"],
    ["fastmoss", "follower_gender_type", "female"],
    ["fastmoss", "date_type", "year"],
  ])("%s %s refuses %j", (source, name, value) => {
    const result = source === "keyapi" ? keyapi([[name, value]]) : fastmoss([[name, value]]);
    expect(onlyIssue(result)).toMatchObject({ parameter: name, id: "filter.enum" });
  });

  it.each([
    [
      "sort_type",
      5,
      "sort_type must be one of 0 (Ascending), 1 (Descending), not 5.",
      "sort_type 必须是以下值之一：0（升序）、1（降序），而不是 5。",
    ],
    [
      "sales_flag",
      "x",
      'sales_flag must be one of 0 (No sales), 1 (Video), 2 (Live), 3 (Video and live), 4 (Showcase open), not "x".',
      'sales_flag 必须是以下值之一：0（不带货）、1（视频带货）、2（直播带货）、3（视频和直播带货）、4（已开通商品橱窗），而不是 "x"。',
    ],
  ])("%s lists its values with their meanings", (name, value, en, zh) => {
    expect(messagesOf(keyapi([[name, value]]))).toEqual([en]);
    expect(messagesOf(keyapi([[name, value]]), "zh")).toEqual([zh]);
  });

  it("date_type lists its values", () => {
    expect(messagesOf(fastmoss([["date_type", "year"]]))).toEqual([
      'date_type must be one of day, week, month, not "year".',
    ]);
  });
});

describe("text", () => {
  it.each([
    ["  Beauty  ", "Beauty"],
    [601450, "601450"],
    [[["en"]], "en"],
    ["x".repeat(200), "x".repeat(200)],
  ])("reads %j", (value, expected) => {
    expect(valid(keyapi([["product_category_id", value]])).query.filters).toEqual({
      product_category_id: expected,
    });
  });

  it.each([
    ["y".repeat(201), `"${"y".repeat(59)}…"`],
    [true, "TRUE"],
    [new Date(Date.UTC(2026, 0, 2)), "2026-01-02"],
  ])("refuses %j", (value, shown) => {
    expect(messagesOf(keyapi([["influencer_language", value]]))).toEqual([
      `influencer_language must be text of at most 200 characters, not ${shown}.`,
    ]);
  });
});

describe("a range where a single value is expected", () => {
  it.each([
    ["gender", [["a", "b"]]],
    ["min_total_digg_cnt", [[1], [2]]],
    ["sort_type", []],
  ])("%s refuses %j", (name, value) => {
    const result = keyapi([[name, value]]);
    expect(onlyIssue(result)).toMatchObject({ parameter: name, id: "argument.notSingle" });
    expect(messagesOf(result)[0]).toBe(`${name} must be a single value, not a range.`);
  });
});

describe("validateFilterValue and the zod schemas, for the sidebar", () => {
  it.each([
    ["keyapi", "min_interaction_rate", "5%", 0.05],
    ["keyapi", "MIN_TOTAL_VIEWS_CNT", "1,500", 1500],
    ["keyapi", "gender", " female ", "female"],
    ["keyapi", "sort_type", "", undefined],
    ["fastmoss", "date_type", "Week", "week"],
    ["fastmoss", "date_value", " 2026-03 ", "2026-03"],
    ["fastmoss", "follower_count_min", null, undefined],
  ])("%s %s: %j → %j", (source, name, value, expected) => {
    expect(validateFilterValue(source as "keyapi", name, value)).toEqual({
      ok: true,
      value: expected,
    });
  });

  it.each([
    ["keyapi", "sort_type", "3", "filter.enum"],
    ["keyapi", "min_followers", 1, "filter.unknown"],
    ["fastmoss", "date_value", "March", "date.any"],
    ["fastmoss", "creator_category_id", "0", "filter.count"],
  ])("%s %s: %j → %s", (source, name, value, id) => {
    const result = validateFilterValue(source as "keyapi", name, value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue).toMatchObject({ parameter: name, id });
      expect(issueMessage(result.issue, "zh")).not.toBe(issueMessage(result.issue, "en"));
    }
  });

  it("builds each schema once and validates with zod", () => {
    const spec = filterSpec("keyapi", "max_total_views_cnt")!;
    expect(filterSchema(spec)).toBe(filterSchema(spec));
    expect(filterSchema(spec).safeParse("2,000")).toMatchObject({ success: true, data: 2000 });
    expect(filterSchema(spec).safeParse(-2).success).toBe(false);
  });
});
