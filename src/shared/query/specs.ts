// The filters of both sources as data — the single source of truth that validation, its
// schemas and the sidebar's search form are all built from.

import type { Localized, SourceName } from "../columns/types.js";

/**
 * text: trimmed, 1 to TEXT_MAX characters; count: a whole number ≥ 0; id: a whole number ≥ 1;
 * ratio: 0 to 1 (0.05 = 5 %); enum: one of `options`; date: FastMoss's period, read with date_type.
 */
export type FilterKind = "text" | "count" | "id" | "ratio" | "enum" | "date";

export interface FilterOption {
  readonly value: number | string;
  readonly label: Localized;
}

export interface FilterSpec {
  readonly name: string;
  readonly kind: FilterKind;
  /** enum only, in the order the form lists them. */
  readonly options?: readonly FilterOption[];
  /** A range bound: which end it is and the filter at the other end. */
  readonly range?: { readonly bound: "min" | "max"; readonly partner: string };
  readonly label: Localized;
  readonly help: Localized;
}

export const TEXT_MAX = 200;

type Pair = readonly [en: string, zh: string];
type Options = readonly (readonly [value: number | string, en: string, zh: string])[];

const loc = ([en, zh]: Pair): Localized => ({ en, zh });

function filter(name: string, kind: FilterKind, label: Pair, help: Pair, options?: Options) {
  const spec: FilterSpec = { name, kind, label: loc(label), help: loc(help) };
  return options
    ? { ...spec, options: options.map(([value, en, zh]) => ({ value, label: { en, zh } })) }
    : spec;
}

/** Both bounds of a range, each naming the other. */
function range(
  [min, max]: Pair,
  kind: "count" | "ratio",
  [en, zh]: Pair,
  help: Pair,
): FilterSpec[] {
  return [
    {
      ...filter(min, kind, [`${en}, at least`, `${zh}下限`], help),
      range: { bound: "min", partner: max },
    },
    {
      ...filter(max, kind, [`${en}, at most`, `${zh}上限`], help),
      range: { bound: "max", partner: min },
    },
  ];
}

const keyApiRange = (field: string, kind: "count" | "ratio", label: Pair, help: Pair) =>
  range([`min_${field}`, `max_${field}`], kind, label, help);

/** KeyAPI's optional query parameters, in the order of its documentation. */
export const KEYAPI_FILTERS: readonly FilterSpec[] = [
  filter(
    "product_category_id",
    "text",
    ["Product category ID", "商品类目 ID"],
    ["Category id of the products the creator sells.", "达人所售商品的类目 ID。"],
  ),
  filter(
    "influencer_category_name",
    "text",
    ["Creator category", "达人类目"],
    ["The creator's category name, e.g. Beauty.", "达人类目名称，例如 Beauty。"],
  ),
  filter(
    "influencer_sort_field_v2",
    "enum",
    ["Sort by", "排序字段"],
    ["What the list is sorted by.", "列表的排序依据。"],
    [
      [1, "Followers", "粉丝数"],
      [2, "Follower growth in 30 days", "近 30 天涨粉数"],
      [3, "Videos", "视频数"],
      [4, "Average views", "平均播放量"],
      [5, "Interaction rate", "互动率"],
      [6, "Products", "带货商品数"],
    ],
  ),
  filter(
    "sort_type",
    "enum",
    ["Sort order", "排序方向"],
    ["Ascending or descending.", "升序或降序。"],
    [
      [0, "Ascending", "升序"],
      [1, "Descending", "降序"],
    ],
  ),
  ...keyApiRange(
    "total_followers_cnt",
    "count",
    ["Followers", "粉丝数"],
    ["Number of followers.", "粉丝数量。"],
  ),
  ...keyApiRange("total_digg_cnt", "count", ["Likes", "点赞数"], ["Total likes.", "总点赞数。"]),
  ...keyApiRange(
    "interaction_rate",
    "ratio",
    ["Interaction rate", "互动率"],
    ["A ratio from 0 to 1: 0.05 (or 5%) means 5 %.", "0 到 1 之间的比例：0.05（或 5%）表示 5%。"],
  ),
  ...keyApiRange(
    "total_views_cnt",
    "count",
    ["Video views", "视频播放量"],
    ["Total views of all videos.", "所有视频的总播放量。"],
  ),
  ...keyApiRange(
    "total_views_7d_cnt",
    "count",
    ["Views gained in 7 days", "近 7 天播放增量"],
    ["Views gained in the last 7 days.", "近 7 天新增的播放量。"],
  ),
  ...keyApiRange(
    "per_video_product_views_avg_cnt",
    "count",
    ["Average views of product videos", "带货视频平均播放量"],
    ["Average views of the videos that promote products.", "带货视频的平均播放量。"],
  ),
  ...keyApiRange(
    "per_video_product_views_avg_7d_cnt",
    "count",
    ["Product-video views gained in 7 days", "近 7 天带货视频播放增量"],
    [
      "Average views gained in the last 7 days by product videos.",
      "带货视频近 7 天平均新增的播放量。",
    ],
  ),
  filter(
    "gender",
    "text",
    ["Gender", "性别"],
    ["Judged from avatar and videos; US only.", "根据头像和视频判断，仅限美国。"],
  ),
  filter(
    "influencer_language",
    "text",
    ["Language", "语言"],
    ["The creator's language, e.g. en.", "达人使用的语言，例如 en。"],
  ),
  filter(
    "show_case_flag",
    "enum",
    ["Product showcase", "商品橱窗"],
    ["Whether the showcase is open.", "是否开通商品橱窗。"],
    [
      [0, "Closed", "未开通"],
      [1, "Open", "已开通"],
    ],
  ),
  filter(
    "sales_flag",
    "enum",
    ["Sales", "带货方式"],
    ["How the creator sells products.", "达人的带货方式。"],
    [
      [0, "No sales", "不带货"],
      [1, "Video", "视频带货"],
      [2, "Live", "直播带货"],
      [3, "Video and live", "视频和直播带货"],
      [4, "Showcase open", "已开通商品橱窗"],
    ],
  ),
];

const fastMossCategory = (level: 1 | 2 | 3, zh: string) =>
  filter(
    `product_category_l${level}_id`,
    "id",
    [`Product category ID (level ${level})`, `商品${zh}级分类 ID`],
    [`FastMoss's level-${level} product category id.`, `FastMoss 的商品${zh}级分类 ID。`],
  );

/** FastMoss's filters by the names users type; date_type and date_value become the query's date. */
export const FASTMOSS_FILTERS: readonly FilterSpec[] = [
  filter(
    "creator_category_id",
    "id",
    ["Creator category ID", "达人分类 ID"],
    ["FastMoss's creator category id.", "FastMoss 的达人分类 ID。"],
  ),
  fastMossCategory(1, "一"),
  fastMossCategory(2, "二"),
  fastMossCategory(3, "三"),
  filter(
    "ecommerce_type",
    "enum",
    ["Sales channel", "带货方式"],
    ["Creators who sell through videos or live.", "通过视频或直播带货的达人。"],
    [
      [1, "Video", "视频带货"],
      [2, "Live", "直播带货"],
    ],
  ),
  ...range(
    ["follower_count_min", "follower_count_max"],
    "count",
    ["Followers", "粉丝数"],
    ["Number of followers.", "粉丝数量。"],
  ),
  filter(
    "follower_age_type",
    "enum",
    ["Follower age", "粉丝年龄"],
    ["The age most followers have.", "粉丝的主要年龄段。"],
    [
      [1, "18-24", "18-24 岁"],
      [2, "25-34", "25-34 岁"],
      [3, "35+", "35 岁以上"],
    ],
  ),
  filter(
    "follower_gender_type",
    "enum",
    ["Follower gender", "粉丝性别"],
    ["The gender most followers have.", "粉丝的主要性别。"],
    [
      [0, "Female", "女"],
      [1, "Male", "男"],
    ],
  ),
  filter(
    "date_type",
    "enum",
    ["Period", "榜单周期"],
    ["Rank by day, week or month.", "按日、周或月排名。"],
    [
      ["day", "Day", "日"],
      ["week", "Week", "周"],
      ["month", "Month", "月"],
    ],
  ),
  filter(
    "date_value",
    "date",
    ["Period date", "周期日期"],
    [
      "Day 2026-03-01, ISO week 2026-08 or month 2026-03; blank: the latest complete period.",
      "日 2026-03-01、ISO 周 2026-08 或月 2026-03；留空则为最近一个已结束的周期。",
    ],
  ),
];

export const FILTER_SPECS: Readonly<Record<SourceName, readonly FilterSpec[]>> = {
  keyapi: KEYAPI_FILTERS,
  fastmoss: FASTMOSS_FILTERS,
};

/** The spec of a filter by name, any case; undefined when the source has no such filter. */
export function filterSpec(source: SourceName, name: string): FilterSpec | undefined {
  const key = name.trim().toLowerCase();
  return FILTER_SPECS[source].find((spec) => spec.name === key);
}
