// The columns of FastMoss's potential-creators ranking: the answer's field paths joined with dots,
// one numeric column per audience share, the L3 sales categories as one column, and profile_url.

import { profileColumn } from "./profile.js";
import { SEEN_COLUMNS } from "./seen.js";
import { type ColumnCatalogue, type ColumnSpec, column } from "./types.js";

/** The audience age buckets of the documented answer, in order. */
export const FASTMOSS_AGE_BUCKETS = ["18-24", "25-34", "35-44", "45-54", "55+"] as const;
export const FASTMOSS_GENDERS = ["female", "male"] as const;

const genderLabels: Record<(typeof FASTMOSS_GENDERS)[number], readonly [string, string]> = {
  female: ["Female audience", "女性粉丝占比"],
  male: ["Male audience", "男性粉丝占比"],
};

const audienceColumns: ColumnSpec[] = [
  ...FASTMOSS_GENDERS.map((gender) =>
    column(`creator.follower_genders.${gender}`, "ratio", genderLabels[gender], [
      `Share of followers who are ${gender}.`,
      `${gender === "female" ? "女性" : "男性"}粉丝所占比例。`,
    ]),
  ),
  ...FASTMOSS_AGE_BUCKETS.map((bucket) =>
    column(
      `creator.follower_ages.${bucket}`,
      "ratio",
      [`Audience ${bucket}`, `${bucket} 岁粉丝占比`],
      [`Share of followers aged ${bucket}.`, `${bucket} 岁粉丝所占比例。`],
    ),
  ),
];

export const FASTMOSS_COLUMNS: ColumnCatalogue = {
  source: "fastmoss",
  idKey: "uid",
  defaultKeys: [
    "creator.unique_id",
    "creator.nickname",
    "profile_url",
    "creator.region",
    "creator.category.name",
    "creator.follower_count",
    "potential_index",
    "usd_gmv",
    "units_sold",
    "avg_play_count",
    "ecommerce_type",
    "sales_category_l3",
    "uid",
  ],
  columns: [
    column(
      "uid",
      "text",
      ["Creator ID", "达人 ID"],
      ["FastMoss's id of the creator, kept as text.", "FastMoss 的达人 ID，以文本保存。"],
    ),
    column(
      "potential_index",
      "count",
      ["Potential index", "潜力指数"],
      [
        "FastMoss's potential score, 0 to 100; the ranking's order.",
        "FastMoss 潜力指数（0–100），榜单按此排序。",
      ],
    ),
    column(
      "gmv",
      "money",
      ["GMV (local)", "销售额（本币）"],
      ["Sales in the period, local currency.", "统计周期内销售额（当地货币）。"],
    ),
    column(
      "usd_gmv",
      "money",
      ["GMV (USD)", "销售额（美元）"],
      ["Sales in the period, in US dollars.", "统计周期内销售额（美元）。"],
    ),
    column(
      "units_sold",
      "count",
      ["Units sold", "销量"],
      ["Units sold in the period.", "统计周期内销量。"],
    ),
    column(
      "avg_play_count",
      "count",
      ["Avg views", "平均播放量"],
      ["Average views per video in the period.", "统计周期内视频平均播放量。"],
    ),
    column(
      "video_count",
      "count",
      ["Videos (period)", "周期视频数"],
      ["Videos published in the period.", "统计周期内发布的视频数。"],
    ),
    column(
      "live_units_sold",
      "count",
      ["Live units sold", "直播销量"],
      ["Units sold through live streams.", "通过直播售出的件数。"],
    ),
    column(
      "video_units_sold",
      "count",
      ["Video units sold", "视频销量"],
      ["Units sold through videos.", "通过视频售出的件数。"],
    ),
    column(
      "ecommerce_type",
      "count",
      ["Sales type", "带货方式"],
      ["1 video, 2 live, 3 video and live.", "1 视频带货，2 直播带货，3 视频和直播。"],
    ),
    column(
      "creator.uid",
      "text",
      ["Creator UID", "达人 UID"],
      ["The creator's id inside the creator record.", "达人信息中的 ID。"],
    ),
    profileColumn("creator.unique_id", "handle"),
    profileColumn("creator.nickname", "name"),
    profileColumn("profile_url", "profile"),
    profileColumn("creator.avatar", "avatar"),
    profileColumn("creator.region", "region"),
    profileColumn("creator.category.name", "category"),
    profileColumn("creator.follower_count", "followers"),
    column(
      "creator.video_count",
      "count",
      ["Videos", "视频数"],
      ["Videos published in total.", "累计发布视频数。"],
    ),
    ...audienceColumns,
    column(
      "sales_category_l3",
      "text",
      ["Sales categories", "带货类目"],
      ["Level-3 product categories sold, joined with commas.", "售出商品的三级类目，以逗号分隔。"],
    ),
    ...SEEN_COLUMNS,
  ],
};
