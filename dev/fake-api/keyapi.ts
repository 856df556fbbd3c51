// KeyAPI's influencer list analytics, as pure functions: the query string checked the way the API
// checks it, filters and sort orders applied to the creator pool, and creators projected onto the
// documented record (with the drift the real API shows).

import { PRODUCT_CATEGORY_PATHS } from "./catalogue.js";
import { type Creator, type CreatorDetails, creatorCategoryName, type Dataset } from "./dataset.js";
import { LruMap } from "./lru.js";
import { createRandom } from "./random.js";

export const KEYAPI_HOST = "api.keyapi.ai";
export const KEYAPI_PATH = "/v1/tiktok/influencer/list/analytics";
export const KEYAPI_MAX_PAGE_NUM = 10_000;
export const KEYAPI_MAX_PAGE_SIZE = 10;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The number-range filters, keyed by the name after `min_`/`max_`. */
export const KEYAPI_RANGE_FIELDS = {
  total_followers_cnt: { kind: "integer", value: (c: Creator) => c.followers },
  total_digg_cnt: { kind: "integer", value: (c: Creator) => c.digg },
  interaction_rate: { kind: "ratio", value: (c: Creator) => c.interactionRateBp / 10_000 },
  total_views_cnt: { kind: "integer", value: (c: Creator) => c.views },
  total_views_7d_cnt: { kind: "integer", value: (c: Creator) => c.views7d },
  per_video_product_views_avg_cnt: {
    kind: "integer",
    value: (c: Creator) => c.productVideoAvgViews,
  },
  per_video_product_views_avg_7d_cnt: {
    kind: "integer",
    value: (c: Creator) => c.productVideoAvgViews7d,
  },
} as const satisfies Record<
  string,
  { kind: "integer" | "ratio"; value: (creator: Creator) => number }
>;

export type KeyApiRangeField = keyof typeof KEYAPI_RANGE_FIELDS;

/** `influencer_sort_field_v2`: 0 is the API's own order; the others sort by one value. */
export const KEYAPI_SORT_FIELDS: Readonly<Record<1 | 2 | 3 | 4 | 5 | 6, (c: Creator) => number>> = {
  1: (c) => c.followers,
  2: (c) => c.followers30d,
  3: (c) => c.videos,
  4: (c) => c.avgViews,
  5: (c) => c.interactionRateBp,
  6: (c) => c.products,
};

export type KeyApiSortField = 0 | keyof typeof KEYAPI_SORT_FIELDS;

export interface KeyApiRange {
  readonly field: KeyApiRangeField;
  readonly min: number | null;
  readonly max: number | null;
}

export interface KeyApiQuery {
  readonly region: string;
  readonly pageNum: number;
  readonly pageSize: number;
  readonly productCategoryId: number | null;
  readonly influencerCategoryName: string | null;
  readonly sortField: KeyApiSortField;
  readonly sortType: 0 | 1;
  readonly ranges: readonly KeyApiRange[];
  readonly gender: "female" | "male" | null;
  readonly language: string | null;
  readonly showCaseFlag: 0 | 1 | null;
  readonly salesFlag: 0 | 1 | 2 | 3 | 4 | null;
}

class QueryError extends Error {}

/** A query parameter's value; an empty one counts as absent, as in the documented example. */
function optional(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value === null || value === "" ? null : value;
}

function required(params: URLSearchParams, name: string): string {
  const value = optional(params, name);
  if (value === null) throw new QueryError(`Missing required parameter: ${name}`);
  return value;
}

function integerIn(name: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new QueryError(`${name} must be an integer`);
  const value = Number(text);
  if (value < min || value > max) throw new QueryError(`${name} must be between ${min} and ${max}`);
  return value;
}

function enumValue<T extends number>(
  name: string,
  text: string | null,
  allowed: readonly T[],
): T | null {
  if (text === null) return null;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !allowed.includes(value as T)) {
    throw new QueryError(`${name} must be one of ${allowed.join(", ")}`);
  }
  return value as T;
}

function rangeBound(name: string, text: string | null, kind: "integer" | "ratio"): number | null {
  if (text === null) return null;
  const trimmed = text.trim();
  if (kind === "integer" && !/^\d+$/.test(trimmed)) {
    throw new QueryError(`${name} must be a non-negative integer`);
  }
  if (kind === "ratio" && !/^(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) {
    throw new QueryError(`${name} must be a non-negative number (a ratio: 0.05 = 5%)`);
  }
  return Number(trimmed);
}

/** Reads and checks the query string; the message names the first bad parameter. */
export function parseKeyApiQuery(params: URLSearchParams): ParseResult<KeyApiQuery> {
  try {
    const regionText = required(params, "region");
    const pageNumText = required(params, "page_num");
    const pageSizeText = required(params, "page_size");
    if (!/^[A-Za-z]{2}$/.test(regionText)) {
      throw new QueryError("region must be a two-letter region code, e.g. US");
    }
    const pageNum = integerIn("page_num", pageNumText, 1, KEYAPI_MAX_PAGE_NUM);
    const pageSize = integerIn("page_size", pageSizeText, 1, KEYAPI_MAX_PAGE_SIZE);

    const categoryText = optional(params, "product_category_id");
    if (categoryText !== null && !/^\d{1,12}$/.test(categoryText.trim())) {
      throw new QueryError("product_category_id must be a numeric category id");
    }
    const sortField = enumValue(
      "influencer_sort_field_v2",
      optional(params, "influencer_sort_field_v2"),
      [0, 1, 2, 3, 4, 5, 6] as const,
    );
    const sortType = enumValue("sort_type", optional(params, "sort_type"), [0, 1] as const);
    const ranges: KeyApiRange[] = [];
    for (const [field, { kind }] of Object.entries(KEYAPI_RANGE_FIELDS)) {
      const min = rangeBound(`min_${field}`, optional(params, `min_${field}`), kind);
      const max = rangeBound(`max_${field}`, optional(params, `max_${field}`), kind);
      if (min !== null || max !== null) ranges.push({ field: field as KeyApiRangeField, min, max });
    }
    const genderText = optional(params, "gender")?.trim().toLowerCase() ?? null;
    if (genderText !== null && genderText !== "female" && genderText !== "male") {
      throw new QueryError("gender must be female or male");
    }
    const languageText = optional(params, "influencer_language")?.trim() ?? null;
    if (languageText !== null && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(languageText)) {
      throw new QueryError("influencer_language must be a language code, e.g. en");
    }
    return {
      ok: true,
      value: {
        region: regionText.toUpperCase(),
        pageNum,
        pageSize,
        productCategoryId: categoryText === null ? null : Number(categoryText.trim()),
        influencerCategoryName: optional(params, "influencer_category_name")?.trim() || null,
        sortField: sortField ?? 0,
        sortType: sortType ?? 0,
        ranges,
        gender: genderText,
        language: languageText?.toLowerCase() ?? null,
        showCaseFlag: enumValue("show_case_flag", optional(params, "show_case_flag"), [
          0, 1,
        ] as const),
        salesFlag: enumValue("sales_flag", optional(params, "sales_flag"), [
          0, 1, 2, 3, 4,
        ] as const),
      },
    };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * Whether a creator passes every filter of the query. A minimum above its maximum matches nobody
 * (the answer is then an empty page, as a database range would give), never an error.
 */
export function matchesKeyApiQuery(creator: Creator, query: KeyApiQuery): boolean {
  if (
    query.productCategoryId !== null &&
    !creator.productCategoryIds.includes(query.productCategoryId)
  )
    return false;
  if (
    query.influencerCategoryName !== null &&
    creatorCategoryName(creator.creatorCategoryId).toLowerCase() !==
      query.influencerCategoryName.toLowerCase()
  )
    return false;
  if (query.gender !== null && creator.gender !== query.gender) return false;
  if (query.language !== null && creator.language !== query.language) return false;
  if (query.showCaseFlag !== null && creator.showCaseFlag !== query.showCaseFlag) return false;
  if (query.salesFlag !== null && creator.salesFlag !== query.salesFlag) return false;
  for (const range of query.ranges) {
    const value = KEYAPI_RANGE_FIELDS[range.field].value(creator);
    if (range.min !== null && value < range.min) return false;
    if (range.max !== null && value > range.max) return false;
  }
  return true;
}

/** The region's creators in the query's order; ties keep the default order, in both directions. */
export function sortCreators(
  creators: readonly Creator[],
  field: KeyApiSortField,
  type: 0 | 1,
): readonly Creator[] {
  if (field === 0) return creators;
  const value = KEYAPI_SORT_FIELDS[field];
  const direction = type === 1 ? -1 : 1;
  return [...creators].sort((a, b) => direction * (value(a) - value(b)) || a.index - b.index);
}

/** Everything of a query except its page: the key of a cached result list. */
function filterKey(query: KeyApiQuery): string {
  const { pageNum: _pageNum, pageSize: _pageSize, ...filters } = query;
  return JSON.stringify(filters);
}

/** Pages through filtered, sorted creators, keeping recent result lists for the next pages. */
export class KeyApiSearch {
  readonly #dataset: Dataset;
  readonly #sorted = new LruMap<string, readonly Creator[]>(24);
  readonly #results = new LruMap<string, readonly Creator[]>(48);

  constructor(dataset: Dataset) {
    this.#dataset = dataset;
  }

  results(query: KeyApiQuery): readonly Creator[] {
    return this.#results.getOrCreate(filterKey(query), () => {
      const sortKey = `${query.region}:${query.sortField}:${query.sortType}`;
      const sorted = this.#sorted.getOrCreate(sortKey, () =>
        sortCreators(this.#dataset.creators(query.region), query.sortField, query.sortType),
      );
      return sorted.filter((creator) => matchesKeyApiQuery(creator, query));
    });
  }

  /** One page: full pages, then one shorter page, then empty pages. */
  page(query: KeyApiQuery): readonly Creator[] {
    const start = (query.pageNum - 1) * query.pageSize;
    return this.results(query).slice(start, start + query.pageSize);
  }
}

const AVATAR_HOSTS: Readonly<Record<string, string>> = {
  US: "p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068",
  GB: "p16-sign-useast2a.tiktokcdn.com/tos-useast2a-avt-0068-euttp",
};
const DEFAULT_AVATAR_HOST = "p16-sign-sg.tiktokcdn.com/tos-alisg-avt-0068";

export function keyApiAvatar(creator: Creator, details: CreatorDetails): string {
  const host = AVATAR_HOSTS[creator.region] ?? DEFAULT_AVATAR_HOST;
  return `https://${host}/${details.avatarKey}~tplv-tiktokx-cropcenter:100:100.jpeg?dr=10399&refresh_token=${details.avatarKey.slice(0, 8)}&x-expires=1756242000&x-signature=${details.avatarKey.slice(8, 20)}%3D&idc=no1a`;
}

/** Shares of a whole, as the API's distribution strings hold them (two decimals). */
function distribution(keys: readonly string[], seed: string): Record<string, number> {
  const random = createRandom("distribution", seed);
  const weights = keys.map(() => random.next() ** 2);
  const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  return Object.fromEntries(
    keys.map((key, i) => [key, Math.round((weights[i]! / total) * 100) / 100]),
  );
}

const DURATION_LEVELS = ["<15s", "15-30s", "30-60s", "1-3min", ">3min"] as const;
const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour));

/** The `most_category_product` string: JSON of the best-selling product categories. */
function mostCategoryProduct(creator: Creator): string {
  if (creator.productL3Ids.length === 0) return "[]";
  return JSON.stringify(
    creator.productL3Ids.slice(0, 3).map((id, rank) => {
      const path = PRODUCT_CATEGORY_PATHS.get(id)!;
      return {
        category_id: String(path.l1.id),
        category_name: path.l1.name,
        category_l3_id: String(id),
        category_l3_name: path.l3.name,
        product_cnt: Math.max(1, Math.round(creator.products / (rank + 2))),
      };
    }),
  );
}

/**
 * The documented record, field for field in the example's order, with KeyAPI's real drift:
 * `interaction_rate` a ratio, `seller_id` null, distributions as JSON in strings, `first_crawl_dt`
 * a yyyymmdd number, and for a few creators some numbers sent as strings.
 */
export function keyApiRecord(creator: Creator, details: CreatorDetails): Record<string, unknown> {
  const hasVideos = creator.videos > 0;
  const record: Record<string, unknown> = {
    avatar: keyApiAvatar(creator, details),
    avg_30d_price: details.avgPrice30d,
    category: creatorCategoryName(creator.creatorCategoryId),
    contact_email: details.contactEmail,
    ec_score: details.ecScore,
    first_crawl_dt: details.firstCrawlDt,
    gender: creator.gender,
    influencer_video_duration_level: hasVideos
      ? JSON.stringify(distribution(DURATION_LEVELS, `${creator.userId}:duration`))
      : "{}",
    influencer_video_publish_hour: hasVideos
      ? JSON.stringify(distribution(HOURS, `${creator.userId}:hour`))
      : "{}",
    influencer_video_publish_week: hasVideos
      ? JSON.stringify(distribution(WEEKDAYS, `${creator.userId}:week`))
      : "{}",
    interaction_rate: creator.interactionRateBp / 10_000,
    language: creator.language,
    most_category_product: mostCategoryProduct(creator),
    most_views_video: details.mostViewsVideoId,
    nick_name: creator.nickname,
    off_mark: details.offMark,
    per_video_product_views_avg_7d_cnt: creator.productVideoAvgViews7d,
    region: creator.region,
    sales_flag: creator.salesFlag,
    seller_id: null,
    show_case_flag: creator.showCaseFlag,
    signature: details.signature,
    total_comments_cnt: details.comments,
    total_digg_1d_cnt: details.digg1d,
    total_digg_30d_cnt: details.digg30d,
    total_digg_7d_cnt: details.digg7d,
    total_digg_90d_cnt: details.digg90d,
    total_digg_cnt: creator.digg,
    total_followers_1d_cnt: details.followers1d,
    total_followers_30d_cnt: creator.followers30d,
    total_followers_7d_cnt: details.followers7d,
    total_followers_90d_cnt: details.followers90d,
    total_followers_cnt: creator.followers,
    total_following_cnt: details.following,
    total_likes_cnt: details.likesGiven,
    total_live_cnt: details.liveCount,
    total_live_sale_gmv_30d_amt: details.liveGmv30d,
    total_post_video_cnt: creator.videos,
    total_product_30d_cnt: details.products30d,
    total_product_cnt: creator.products,
    total_sale_cnt: details.salesCount,
    total_sale_gmv_30d_amt: creator.gmv30d,
    total_sale_gmv_amt: details.gmvTotal,
    total_shares_cnt: details.shares,
    total_video_product_30d_cnt: details.videoProducts30d,
    total_video_sale_30d_cnt: details.videoSales30d,
    total_video_sale_gmv_30d_amt: details.videoGmv30d,
    total_views_cnt: creator.views,
    unique_id: creator.uniqueId,
    user_id: creator.userId,
  };
  for (const field of details.stringNumberFields) record[field] = String(record[field]);
  return record;
}
