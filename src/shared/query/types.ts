// The query model both sources share — what to fetch (source, region, limit, filters) and how to
// show it (columns, headers) — as validated, normalised values ready to turn into requests.

import type { SourceName } from "../columns/types.js";

export type HeadersMode = "labels" | "keys" | "none";

/** FastMoss answers these regions only; KeyAPI takes any two-letter code. */
export const FASTMOSS_REGIONS = [
  "US",
  "GB",
  "MX",
  "ES",
  "DE",
  "IT",
  "FR",
  "ID",
  "VN",
  "MY",
  "TH",
  "PH",
  "BR",
  "JP",
  "SG",
] as const;
export type FastMossRegion = (typeof FASTMOSS_REGIONS)[number];

/** KeyAPI's optional query parameters, by their own names. */
export interface KeyApiFilters {
  readonly product_category_id?: string;
  readonly influencer_category_name?: string;
  readonly influencer_sort_field_v2?: 1 | 2 | 3 | 4 | 5 | 6;
  readonly sort_type?: 0 | 1;
  readonly min_total_followers_cnt?: number;
  readonly max_total_followers_cnt?: number;
  readonly min_total_digg_cnt?: number;
  readonly max_total_digg_cnt?: number;
  /** A ratio: 0.05 = 5 %. */
  readonly min_interaction_rate?: number;
  readonly max_interaction_rate?: number;
  readonly min_total_views_cnt?: number;
  readonly max_total_views_cnt?: number;
  readonly min_total_views_7d_cnt?: number;
  readonly max_total_views_7d_cnt?: number;
  readonly min_per_video_product_views_avg_cnt?: number;
  readonly max_per_video_product_views_avg_cnt?: number;
  readonly min_per_video_product_views_avg_7d_cnt?: number;
  readonly max_per_video_product_views_avg_7d_cnt?: number;
  readonly gender?: string;
  readonly influencer_language?: string;
  readonly show_case_flag?: 0 | 1;
  readonly sales_flag?: 0 | 1 | 2 | 3 | 4;
}

export type FastMossDateType = "day" | "week" | "month";

/** FastMoss's filters by the names users type (SPEC); the request maps them to the API's body. */
export interface FastMossFilters {
  readonly creator_category_id?: number;
  readonly product_category_l1_id?: number;
  readonly product_category_l2_id?: number;
  readonly product_category_l3_id?: number;
  /** 1 video, 2 live. */
  readonly ecommerce_type?: 1 | 2;
  readonly follower_count_min?: number;
  readonly follower_count_max?: number;
  /** 1: 18-24, 2: 25-34, 3: 35+. */
  readonly follower_age_type?: 1 | 2 | 3;
  /** 0 female, 1 male. */
  readonly follower_gender_type?: 0 | 1;
}

/** The ranking period FastMoss is asked for; always explicit, so that caching is exact. */
export interface FastMossDate {
  readonly type: FastMossDateType;
  /** day "2026-03-01", week "2026-08" (ISO week), month "2026-03". */
  readonly value: string;
}

export interface KeyApiQuery {
  readonly source: "keyapi";
  /** Two letters, upper case. */
  readonly region: string;
  /** The most rows to return. */
  readonly limit: number;
  readonly filters: KeyApiFilters;
}

export interface FastMossQuery {
  readonly source: "fastmoss";
  readonly region: FastMossRegion;
  readonly limit: number;
  readonly filters: FastMossFilters;
  readonly date: FastMossDate;
}

/** What to fetch. Equal queries fetch equal pages, whatever columns they show. */
export type SourceQuery = KeyApiQuery | FastMossQuery;

/** How to show what was fetched. */
export interface OutputOptions {
  /** Column keys of the source's catalogue, in order. */
  readonly columns: readonly string[];
  readonly headers: HeadersMode;
  /** The language of the header labels a pull writes (the sidebar's); English when absent. */
  readonly labelLocale?: "en" | "zh";
}

export interface ValidQuery {
  readonly query: SourceQuery;
  readonly output: OutputOptions;
}

export type { SourceName };
