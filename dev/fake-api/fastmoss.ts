// FastMoss's potential creators ranking, as pure functions: the JSON body checked the way the API
// checks it, the ranking of a region for a completed period, its filters, and the answer's items.

import {
  CREATOR_CATEGORIES,
  FASTMOSS_REGIONS,
  isDataRegion,
  PRODUCT_CATEGORY_PATHS,
  REGION_PROFILES,
  type Region,
} from "./catalogue.js";
import { AGE_BUCKETS, type Creator, type CreatorDetails, type Dataset } from "./dataset.js";
import { LruMap } from "./lru.js";
import {
  isCompleted,
  latestCompletedDay,
  PERIOD_FORMATS,
  type PeriodType,
  parsePeriod,
  type RankingPeriod,
} from "./periods.js";
import { createRandom, fraction } from "./random.js";

export const FASTMOSS_HOST = "openapi.fastmoss.com";
export const FASTMOSS_PATH = "/creator/v1/rank/topPotential";
export const FASTMOSS_MAX_PAGESIZE = 100;
/** `page × pagesize` may not exceed this: only the first 1,000 of a ranking can be reached. */
export const FASTMOSS_MAX_REACHABLE = 1_000;

/** FastMoss body codes. */
export const FASTMOSS_CODES = {
  ok: 0,
  invalidParameter: 10001,
  notFound: 20001,
  noPermission: 30001,
  dataLimitExceeded: 30002,
  tooManyRequests: 30003,
  serviceError: 40001,
} as const;

export const FASTMOSS_MESSAGES: Readonly<Record<number, string>> = {
  10001: "invalid parameter",
  20001: "not found",
  30001: "no permission",
  30002: "data limit exceeded",
  30003: "too many requests",
  40001: "service error",
};

/** The HTTP status a body code travels with when the server sends errors as HTTP statuses. */
export const FASTMOSS_HTTP_STATUS: Readonly<Record<number, number>> = {
  10001: 400,
  20001: 404,
  30001: 403,
  30002: 403,
  30003: 429,
  40001: 500,
};

export interface FastMossQuery {
  readonly region: Region;
  readonly creatorCategoryId: number | null;
  readonly productCategoryL1Id: number | null;
  readonly productCategoryL2Id: number | null;
  readonly productCategoryL3Id: number | null;
  /** 1: creators selling on video (ecommerce_type 1 or 3); 2: on live (2 or 3). */
  readonly ecommerceType: 1 | 2 | null;
  readonly followerMin: number | null;
  readonly followerMax: number | null;
  readonly followerAgeType: 1 | 2 | 3 | null;
  readonly followerGenderType: 0 | 1 | null;
  readonly period: RankingPeriod;
  readonly page: number;
  readonly pagesize: number;
}

export type FastMossParseResult =
  | { ok: true; value: FastMossQuery }
  | { ok: false; message: string };

class BodyError extends Error {}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON integer field; null and absence both mean "not given". */
function integerField(object: Json, key: string, path: string): number | null {
  const value = object[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new BodyError(`${path} must be an integer`);
  }
  return value;
}

function oneOf<T extends number>(
  object: Json,
  key: string,
  path: string,
  allowed: readonly T[],
): T | null {
  const value = integerField(object, key, path);
  if (value !== null && !allowed.includes(value as T)) {
    throw new BodyError(`${path} must be one of ${allowed.join(", ")}`);
  }
  return value as T | null;
}

function positiveId(object: Json, key: string, path: string): number | null {
  const value = integerField(object, key, path);
  if (value !== null && value < 1) throw new BodyError(`${path} must be a positive id`);
  return value;
}

function readPeriod(filter: Json, nowMs: number): RankingPeriod {
  const dateInfo = filter.date_info;
  if (dateInfo === undefined || dateInfo === null) return latestCompletedDay(nowMs);
  if (!isObject(dateInfo)) throw new BodyError("filter.date_info must be an object {type, value}");
  const { type, value } = dateInfo;
  if (type !== "day" && type !== "week" && type !== "month") {
    throw new BodyError("filter.date_info.type must be day, week or month");
  }
  if (typeof value !== "string" || value === "") {
    throw new BodyError(
      `filter.date_info.value is required (${PERIOD_FORMATS[type as PeriodType]})`,
    );
  }
  const period = parsePeriod(type, value);
  if (period === null) {
    throw new BodyError(`filter.date_info.value must be ${PERIOD_FORMATS[type]}, got ${value}`);
  }
  if (!isCompleted(period, nowMs)) {
    throw new BodyError(
      `filter.date_info.value ${period.value} is not a completed ${type}: rankings exist for past periods only`,
    );
  }
  return period;
}

function readOrderBy(orderby: unknown): void {
  if (orderby === undefined || orderby === null) return;
  if (!Array.isArray(orderby)) throw new BodyError("orderby must be an array of {field, order}");
  for (const [i, entry] of orderby.entries()) {
    if (!isObject(entry) || entry.field !== "potential_index") {
      throw new BodyError(`orderby[${i}].field must be potential_index`);
    }
    if (entry.order !== undefined && entry.order !== "desc") {
      throw new BodyError(`orderby[${i}].order must be desc`);
    }
  }
}

/** Reads and checks a request body; the message names the first bad field. */
export function parseFastMossBody(body: unknown, nowMs: number): FastMossParseResult {
  try {
    if (!isObject(body)) throw new BodyError("the body must be a JSON object");
    const page = integerField(body, "page", "page") ?? 1;
    const pagesize = integerField(body, "pagesize", "pagesize") ?? 10;
    if (page < 1) throw new BodyError("page must be at least 1");
    if (pagesize < 1 || pagesize > FASTMOSS_MAX_PAGESIZE) {
      throw new BodyError(`pagesize must be between 1 and ${FASTMOSS_MAX_PAGESIZE}`);
    }
    if (page * pagesize > FASTMOSS_MAX_REACHABLE) {
      throw new BodyError(`page * pagesize must not exceed ${FASTMOSS_MAX_REACHABLE}`);
    }
    const filter = body.filter;
    if (!isObject(filter)) throw new BodyError("filter is required and must be an object");
    const region = filter.region;
    if (typeof region !== "string" || !isDataRegion(region)) {
      throw new BodyError(`filter.region must be one of ${FASTMOSS_REGIONS.join(", ")}`);
    }
    let followerMin: number | null = null;
    let followerMax: number | null = null;
    const range = filter.follower_count_range;
    if (range !== undefined && range !== null) {
      if (!isObject(range))
        throw new BodyError("filter.follower_count_range must be an object {min, max}");
      followerMin = integerField(range, "min", "filter.follower_count_range.min");
      followerMax = integerField(range, "max", "filter.follower_count_range.max");
      if ((followerMin ?? 0) < 0 || (followerMax ?? 0) < 0) {
        throw new BodyError("filter.follower_count_range bounds must not be negative");
      }
    }
    readOrderBy(body.orderby);
    return {
      ok: true,
      value: {
        region,
        creatorCategoryId: positiveId(filter, "creator_category_id", "filter.creator_category_id"),
        productCategoryL1Id: positiveId(
          filter,
          "product_category_l1_id",
          "filter.product_category_l1_id",
        ),
        productCategoryL2Id: positiveId(
          filter,
          "product_category_l2_id",
          "filter.product_category_l2_id",
        ),
        productCategoryL3Id: positiveId(
          filter,
          "product_category_l3_id",
          "filter.product_category_l3_id",
        ),
        ecommerceType: oneOf(filter, "ecommerce_type", "filter.ecommerce_type", [1, 2] as const),
        followerMin,
        followerMax,
        followerAgeType: oneOf(filter, "follower_age_type", "filter.follower_age_type", [
          1, 2, 3,
        ] as const),
        followerGenderType: oneOf(filter, "follower_gender_type", "filter.follower_gender_type", [
          0, 1,
        ] as const),
        period: readPeriod(filter, nowMs),
        page,
        pagesize,
      },
    };
  } catch (error) {
    if (error instanceof BodyError) return { ok: false, message: error.message };
    throw error;
  }
}

/** FastMoss `ecommerce_type` of a creator: 1 video, 2 live, 3 both (showcase sellers count as video). */
export function ecommerceTypeOf(creator: Creator): 1 | 2 | 3 | null {
  switch (creator.salesFlag) {
    case 1:
    case 4:
      return 1;
    case 2:
      return 2;
    case 3:
      return 3;
    default:
      return null;
  }
}

/** One creator's place in one period's ranking. */
export interface RankedCreator {
  readonly creator: Creator;
  readonly potentialIndex: number;
  readonly period: RankingPeriod;
}

/**
 * A region's ranking for a period: the creators who sold in it (not every seller every period),
 * by potential index descending, ties by uid ascending. The index moves with region and period.
 */
export function rankRegion(
  seed: number,
  creators: readonly Creator[],
  period: RankingPeriod,
): readonly RankedCreator[] {
  const key = `${period.type}:${period.value}`;
  const ranked: RankedCreator[] = [];
  for (const creator of creators) {
    if (creator.salesFlag === 0) continue;
    if (fraction(seed, "ranked", creator.region, key, creator.userId) >= 0.85) continue;
    const noise = (fraction(seed, "potential", creator.region, key, creator.userId) - 0.5) * 36;
    const potentialIndex = Math.min(100, Math.max(0, Math.round(creator.potentialBase + noise)));
    ranked.push({ creator, potentialIndex, period });
  }
  return ranked.sort(
    (a, b) =>
      b.potentialIndex - a.potentialIndex ||
      a.creator.userId.length - b.creator.userId.length ||
      (a.creator.userId < b.creator.userId ? -1 : a.creator.userId > b.creator.userId ? 1 : 0),
  );
}

export function matchesFastMossQuery(creator: Creator, query: FastMossQuery): boolean {
  if (query.creatorCategoryId !== null && creator.creatorCategoryId !== query.creatorCategoryId)
    return false;
  for (const id of [
    query.productCategoryL1Id,
    query.productCategoryL2Id,
    query.productCategoryL3Id,
  ]) {
    if (id !== null && !creator.productCategoryIds.includes(id)) return false;
  }
  const type = ecommerceTypeOf(creator);
  if (query.ecommerceType === 1 && type !== 1 && type !== 3) return false;
  if (query.ecommerceType === 2 && type !== 2 && type !== 3) return false;
  if (query.followerMin !== null && creator.followers < query.followerMin) return false;
  if (query.followerMax !== null && creator.followers > query.followerMax) return false;
  if (query.followerAgeType !== null && creator.ageGroup !== query.followerAgeType) return false;
  if (query.followerGenderType === 0 && creator.femaleShareBp <= 5_000) return false;
  if (query.followerGenderType === 1 && creator.femaleShareBp >= 5_000) return false;
  return true;
}

/** Rankings and filtered rankings, kept for the next pages of the same query. */
export class FastMossSearch {
  readonly #dataset: Dataset;
  readonly #rankings = new LruMap<string, readonly RankedCreator[]>(16);
  readonly #results = new LruMap<string, readonly RankedCreator[]>(48);

  constructor(dataset: Dataset) {
    this.#dataset = dataset;
  }

  results(query: FastMossQuery): readonly RankedCreator[] {
    const rankingKey = `${query.region}:${query.period.type}:${query.period.value}`;
    const { page: _page, pagesize: _pagesize, ...filters } = query;
    return this.#results.getOrCreate(JSON.stringify(filters), () =>
      this.#rankings
        .getOrCreate(rankingKey, () =>
          rankRegion(this.#dataset.seed, this.#dataset.creators(query.region), query.period),
        )
        .filter((entry) => matchesFastMossQuery(entry.creator, query)),
    );
  }
}

const shareText = (basisPoints: number): string => (basisPoints / 10_000).toFixed(4);
const round2 = (value: number): number => Math.round(value * 100) / 100;

/** One item of `data.list`, in the documented example's shape and order. */
export function fastMossItem(
  seed: number,
  entry: RankedCreator,
  details: CreatorDetails,
): Record<string, unknown> {
  const { creator, period } = entry;
  const random = createRandom(seed, "period-sales", creator.userId, period.type, period.value);
  const type = ecommerceTypeOf(creator) ?? 1;
  const usdGmv = round2((creator.gmv30d * period.days * random.logNormal(1, 0.5)) / 30);
  const price = details.avgPrice30d || 20;
  const unitsSold = Math.round(usdGmv / (price * random.between(0.7, 1.3)));
  const liveShare = type === 2 ? 1 : type === 3 ? random.between(0.1, 0.6) : 0;
  const liveUnits = Math.round(unitsSold * liveShare);
  const videosPerDay = Math.min(10, Math.max(0.05, creator.videos / 900));
  const categoryId = creator.creatorCategoryId ?? 0;
  const ageShares = details.ageSharesBp;
  return {
    creator: {
      uid: creator.userId,
      nickname: creator.nickname,
      unique_id: creator.uniqueId,
      avatar: `https://s.500fd.com/tt_author/${details.avatarKey}~tplv-tiktokx-cropcenter:100:100.jpeg`,
      region: creator.region,
      category: { id: categoryId, name: CREATOR_CATEGORIES.get(categoryId) ?? "" },
      follower_count: creator.followers,
      video_count: creator.videos,
      follower_genders: [
        { key: "female", value: shareText(creator.femaleShareBp) },
        { key: "male", value: shareText(10_000 - creator.femaleShareBp) },
      ],
      // Largest share first, as in the documented answer.
      follower_ages: AGE_BUCKETS.map((key, i) => ({ key, share: ageShares[i] ?? 0 }))
        .sort((a, b) => b.share - a.share)
        .map(({ key, share }) => ({ key, value: shareText(share) })),
    },
    uid: creator.userId,
    video_count:
      type === 2
        ? 0
        : Math.max(1, Math.round(videosPerDay * period.days * random.between(0.5, 1.5))),
    ecommerce_type: type,
    potential_index: entry.potentialIndex,
    gmv: round2(usdGmv * REGION_PROFILES[creator.region].usdRate),
    usd_gmv: usdGmv,
    units_sold: unitsSold,
    avg_play_count: Math.round(creator.avgViews * random.between(0.3, 1.5)),
    live_units_sold: liveUnits,
    video_units_sold: unitsSold - liveUnits,
    sales_category_l3: creator.productL3Ids.map((id) => ({
      id,
      name: PRODUCT_CATEGORY_PATHS.get(id)?.l3.name ?? "",
    })),
  };
}
