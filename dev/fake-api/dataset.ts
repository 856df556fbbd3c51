// The synthetic creator pool both fake APIs answer from: seeded, generated lazily per region and
// cached, with realistic distributions and a sprinkling of hostile values in fixed and random places.
//
// A creator is held as a compact core (what filters and sorts need, small integers where possible so
// that tens of thousands generate in a fraction of a second); the rest of the profile is derived on
// demand, for the few creators of an answered page, from a generator seeded by the creator's id.

import {
  CREATOR_CATEGORIES,
  CREATOR_CATEGORY_PRODUCTS,
  CREATOR_CATEGORY_WEIGHTS,
  FASTMOSS_REGIONS,
  isDataRegion,
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_PATHS,
  REGION_PROFILES,
  type Region,
} from "./catalogue.js";
import { HOSTILE_NAMES, HOSTILE_SIGNATURES, ordinaryNames, ordinarySignature } from "./names.js";
import { createRandom, type Random } from "./random.js";

/** KeyAPI's `sales_flag`: 0 none, 1 video, 2 live, 3 video and live, 4 showcase only. */
export type SalesFlag = 0 | 1 | 2 | 3 | 4;

/** FastMoss follower age buckets, in the documented answer's spelling. */
export const AGE_BUCKETS = ["18-24", "25-34", "35-44", "45-54", "55+"] as const;

/** FastMoss `follower_age_type`: the audience's largest group is 18-24 (1), 25-34 (2) or 35+ (3). */
export type AgeGroup = 1 | 2 | 3;

/** What filters and sorts of both APIs read. Ratios are held in basis points (1/10,000). */
export interface Creator {
  /** Position in the region's default order (KeyAPI's order when no sort field is given). */
  readonly index: number;
  readonly region: Region;
  readonly userId: string;
  readonly uniqueId: string;
  readonly nickname: string;
  readonly language: string;
  readonly gender: "" | "female" | "male";
  readonly creatorCategoryId: number | null;
  readonly followers: number;
  readonly followers30d: number;
  readonly videos: number;
  readonly views: number;
  readonly views7d: number;
  /** Average views per video: KeyAPI's sort field 4 (`per_views_avg_cnt`), never sent. */
  readonly avgViews: number;
  readonly digg: number;
  /** KeyAPI's `interaction_rate` × 10,000. */
  readonly interactionRateBp: number;
  readonly salesFlag: SalesFlag;
  readonly showCaseFlag: 0 | 1;
  readonly products: number;
  readonly productVideoAvgViews: number;
  readonly productVideoAvgViews7d: number;
  readonly gmv30d: number;
  /** l3 product categories the creator sells, best-selling first. */
  readonly productL3Ids: readonly number[];
  /** Every product category id (l1, l2 and l3) the creator sells. */
  readonly productCategoryIds: readonly number[];
  /** Female share of the audience × 10,000. */
  readonly femaleShareBp: number;
  readonly ageGroup: AgeGroup;
  /** Standing in FastMoss's potential ranking before a period's own noise (1–99). */
  readonly potentialBase: number;
}

/** The rest of a creator's profile, the same every time it is derived. */
export interface CreatorDetails {
  readonly signature: string;
  readonly avatarKey: string;
  readonly contactEmail: string;
  readonly following: number;
  readonly likesGiven: number;
  readonly comments: number;
  readonly shares: number;
  readonly followers1d: number;
  readonly followers7d: number;
  readonly followers90d: number;
  readonly digg1d: number;
  readonly digg7d: number;
  readonly digg30d: number;
  readonly digg90d: number;
  readonly products30d: number;
  readonly videoProducts30d: number;
  readonly liveCount: number;
  readonly gmvTotal: number;
  readonly liveGmv30d: number;
  readonly videoGmv30d: number;
  readonly salesCount: number;
  readonly videoSales30d: number;
  readonly avgPrice30d: number;
  readonly ecScore: number;
  readonly firstCrawlDt: number;
  readonly offMark: number;
  readonly mostViewsVideoId: string;
  /** KeyAPI number fields this record sends as strings even with drift off (the API's own drift). */
  readonly stringNumberFields: readonly string[];
  /** Audience age shares × 10,000, in AGE_BUCKETS order. */
  readonly ageSharesBp: readonly number[];
}

/** KeyAPI number fields that the real API has been seen sending as strings. */
export const KEYAPI_STRINGY_FIELDS = [
  "total_followers_cnt",
  "total_digg_cnt",
  "total_views_cnt",
  "total_sale_gmv_30d_amt",
  "ec_score",
  "total_post_video_cnt",
] as const;

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value));

/** Slots of each region's default order that always hold a hostile name, so first pages show them. */
const HOSTILE_NAME_SLOTS: ReadonlyMap<number, string> = new Map([
  [1, HOSTILE_NAMES[0]!],
  [3, "0012345"],
  [4, "王小美💄美妆分享"],
  [6, "+1 555 0100"],
  [8, "<img src=x onerror=alert(1)>"],
]);
const SHORT_ID_SLOT = 9;
const NO_FIELDS: readonly string[] = [];
const NO_PRODUCTS: readonly number[] = [];

const PRODUCT_COUNT_WEIGHTS = [
  [1, 25],
  [2, 25],
  [3, 20],
  [4, 15],
  [5, 15],
] as const;
const AGE_GROUP_WEIGHTS = [
  [1, 38],
  [2, 37],
  [3, 25],
] as const;
const SALES_FLAG_WEIGHTS = [
  [0, 42],
  [1, 30],
  [2, 5],
  [3, 12],
  [4, 11],
] as const;
const US_GENDER_WEIGHTS = [
  ["female", 55],
  ["male", 35],
  ["", 10],
] as const;
const FEMALE_BASE: ReadonlyMap<number, number> = new Map([
  [1, 0.75],
  [2, 0.4],
  [4, 0.82],
  [6, 0.3],
  [7, 0.86],
  [11, 0.22],
  [14, 0.18],
]);
const FIRST_CRAWL_FROM = Date.UTC(2020, 5, 1);
const FIRST_CRAWL_TO = Date.UTC(2025, 11, 31);

function pickProducts(random: Random, categoryId: number | null): number[] {
  const preferred =
    (categoryId === null ? undefined : CREATOR_CATEGORY_PRODUCTS.get(categoryId)) ?? [];
  const count = random.weighted(PRODUCT_COUNT_WEIGHTS);
  const chosen: number[] = [];
  for (let attempt = 0; chosen.length < count && attempt < count * 4; attempt++) {
    const l1Id =
      preferred.length > 0 && random.chance(0.8)
        ? random.pick(preferred)
        : random.pick(PRODUCT_CATEGORIES).id;
    const l1 = PRODUCT_CATEGORIES.find((category) => category.id === l1Id)!;
    const leaf = random.pick(random.pick(l1.children).children).id;
    if (!chosen.includes(leaf)) chosen.push(leaf);
  }
  return chosen;
}

/** Each l3 id with its parents' ids, so a creator's category ids are a lookup, not a walk. */
const LINEAGE: ReadonlyMap<number, readonly number[]> = new Map(
  [...PRODUCT_CATEGORY_PATHS].map(([leaf, path]) => [leaf, [path.l1.id, path.l2.id, leaf]]),
);

function categoryIdsOf(l3Ids: readonly number[]): readonly number[] {
  if (l3Ids.length === 0) return NO_PRODUCTS;
  const ids: number[] = [];
  for (const leaf of l3Ids) {
    for (const id of LINEAGE.get(leaf)!) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function ageGroupOf(sharesBp: readonly number[]): AgeGroup {
  const [young = 0, middle = 0, ...older] = sharesBp;
  const senior = older.reduce((sum, value) => sum + value, 0);
  if (young >= middle && young >= senior) return 1;
  return middle >= senior ? 2 : 3;
}

/**
 * Audience age shares in basis points, in AGE_BUCKETS order, summing to exactly 10,000, whose
 * largest group is `group` (drawn until it is: the core record fixes the group cheaply).
 */
export function ageSharesBp(random: Random, group: AgeGroup): number[] {
  for (;;) {
    const boosted = group === 1 ? 0 : group === 2 ? 1 : random.int(2, 4);
    const raw = AGE_BUCKETS.map(
      (_, bucket) =>
        random.between(0.05, 1) * (bucket === boosted ? 3 : group === 3 && bucket >= 2 ? 1.5 : 1),
    );
    const total = raw.reduce((sum, value) => sum + value, 0);
    const shares = raw.map((value) => Math.round((value / total) * 10_000));
    shares[boosted] =
      10_000 - shares.reduce((sum, value, i) => (i === boosted ? sum : sum + value), 0);
    if (ageGroupOf(shares) === group) return shares;
  }
}

function newUserId(random: Random, short: boolean, takenShortIds: Set<string>): string {
  // Long ids are 18 random digits: a collision among a few hundred thousand is not a practical risk.
  if (!short) return random.pick(["6", "7"]) + random.digits(18);
  for (;;) {
    const id = String(random.int(1_000_000, 1_099_999));
    if (!takenShortIds.has(id)) {
      takenShortIds.add(id);
      return id;
    }
  }
}

function uniqueHandle(handle: string, taken: Set<string>, random: Random): string {
  let candidate = handle;
  while (taken.has(candidate)) candidate = `${handle}${random.int(10, 999)}`;
  taken.add(candidate);
  return candidate;
}

interface RegionState {
  readonly random: Random;
  readonly takenShortIds: Set<string>;
  readonly takenHandles: Set<string>;
}

function generateCreator(state: RegionState, region: Region, index: number): Creator {
  const { random } = state;
  const profile = REGION_PROFILES[region];
  const names = ordinaryNames(random, profile.names);
  let nickname = names.nickname;
  let handle = names.uniqueId;
  const slotName = HOSTILE_NAME_SLOTS.get(index);
  if (slotName !== undefined) nickname = slotName;
  else if (random.chance(0.035)) nickname = random.pick(HOSTILE_NAMES);
  if (nickname === "0012345" || nickname === "1e5") handle = nickname;
  const uniqueId = uniqueHandle(handle, state.takenHandles, random);
  const short = index === SHORT_ID_SLOT || random.chance(0.004);
  const userId = newUserId(random, short, state.takenShortIds);

  const creatorCategoryId = random.chance(0.08) ? null : random.weighted(CREATOR_CATEGORY_WEIGHTS);
  const followers = Math.round(clamp(random.logNormal(12_000, 1.9), 120, 60_000_000));
  const videos = random.chance(0.03)
    ? 0
    : Math.round(clamp(random.logNormal(followers < 1_000 ? 25 : 180, 1), 1, 12_000));
  const avgViews =
    videos === 0
      ? 0
      : Math.round(Math.max(40, followers * clamp(random.logNormal(0.25, 0.9), 0.005, 20)));
  const views = videos * avgViews;
  const active = random.chance(0.9);
  const views7d = active ? Math.round(views * clamp(random.logNormal(0.015, 0.8), 0, 0.3)) : 0;
  const likeRate = clamp(random.logNormal(0.06, 0.5), 0.002, 0.4);
  const digg = Math.round(views * likeRate);
  // Comments and shares add 1.5 %–11 % on top of likes; the details derive them to match.
  const interactionRateBp =
    views === 0 ? 0 : Math.round(likeRate * random.between(1.015, 1.11) * 10_000);
  const growthRate = random.normal() * 0.04 + 0.015;
  const followers30d = active ? Math.round(followers * growthRate) : 0;

  const salesFlag: SalesFlag =
    followers < 1_000 && random.chance(0.8) ? 0 : random.weighted(SALES_FLAG_WEIGHTS);
  const sells = salesFlag > 0;
  const sellsOnVideo = salesFlag === 1 || salesFlag === 3 || salesFlag === 4;
  const showCaseFlag: 0 | 1 =
    salesFlag === 4 || (sells && random.chance(0.9)) || (!sells && random.chance(0.04)) ? 1 : 0;
  const products = sells ? Math.round(clamp(random.logNormal(25, 1.1), 1, 5_000)) : 0;
  const gmv30d = sells ? Math.round(random.logNormal(400, 2) * Math.sqrt(followers / 10_000)) : 0;
  const productVideoAvgViews =
    sellsOnVideo && videos > 0
      ? Math.round(avgViews * clamp(random.logNormal(0.6, 0.6), 0.01, 10))
      : 0;
  const productVideoAvgViews7d =
    views7d > 0 ? Math.round(productVideoAvgViews * random.between(0, 0.3)) : 0;
  const productL3Ids = sells ? pickProducts(random, creatorCategoryId) : NO_PRODUCTS;
  const femaleBase =
    (creatorCategoryId === null ? undefined : FEMALE_BASE.get(creatorCategoryId)) ?? 0.55;

  return {
    index,
    region,
    userId,
    uniqueId,
    nickname,
    language: random.weighted(profile.languages),
    gender: region === "US" ? random.weighted(US_GENDER_WEIGHTS) : "",
    creatorCategoryId,
    followers,
    followers30d,
    videos,
    views,
    views7d,
    avgViews,
    digg,
    interactionRateBp,
    salesFlag,
    showCaseFlag,
    products,
    productVideoAvgViews,
    productVideoAvgViews7d,
    gmv30d,
    productL3Ids,
    productCategoryIds: categoryIdsOf(productL3Ids),
    femaleShareBp: Math.round(clamp(femaleBase + random.normal() * 0.12, 0.03, 0.97) * 10_000),
    ageGroup: random.weighted(AGE_GROUP_WEIGHTS),
    potentialBase: Math.round(clamp(35 + random.normal() * 18 + growthRate * 300, 1, 99)),
  };
}

/** Generates one region's creators; pure, and the same for the same seed. */
export function generateRegion(seed: number, region: Region, scale = 1): readonly Creator[] {
  const state: RegionState = {
    random: createRandom(seed, "region", region),
    takenShortIds: new Set(),
    takenHandles: new Set(),
  };
  const creators: Creator[] = [];
  const count = REGION_PROFILES[region].creators * scale;
  for (let index = 0; index < count; index++) {
    creators.push(generateCreator(state, region, index));
  }
  return creators;
}

function yyyymmdd(epochMs: number): number {
  const date = new Date(epochMs);
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** The rest of a creator's profile, derived from the seed and the creator alone. */
export function creatorDetails(seed: number, creator: Creator): CreatorDetails {
  const random = createRandom(seed, "details", creator.userId);
  const { digg, followers30d, gmv30d, salesFlag } = creator;
  const sells = salesFlag > 0;
  const sellsOnVideo = salesFlag === 1 || salesFlag === 3 || salesFlag === 4;
  const sellsLive = salesFlag === 2 || salesFlag === 3;
  // interaction = (likes + comments + shares) / views, so comments and shares follow from the rate.
  const extra = Math.max(
    0,
    Math.round((creator.interactionRateBp / 10_000) * creator.views) - digg,
  );
  const commentShare = random.between(0.4, 0.7);
  const comments = Math.round(extra * commentShare);
  const hostileSignature = random.chance(0.025);
  const pool = REGION_PROFILES[creator.region].names;
  const signature = hostileSignature
    ? random.pick(HOSTILE_SIGNATURES)
    : ordinarySignature(random, pool);
  const digg30d = followers30d === 0 ? 0 : Math.round(digg * random.between(0, 0.12));
  const products30d = Math.round(creator.products * random.between(0.05, 0.6));
  const liveShare = salesFlag === 2 ? 1 : salesFlag === 3 ? random.between(0.1, 0.7) : 0;
  const liveGmv30d = Math.round(gmv30d * liveShare);
  const videoGmv30d = gmv30d - liveGmv30d;
  const avgPrice30d = sells ? random.int(5, 60) : 0;
  const gmvTotal = Math.round(gmv30d * random.between(4, 50));
  return {
    signature,
    avatarKey: random.hex(32),
    contactEmail: random.chance(0.15)
      ? `${creator.uniqueId.replace(/[^a-z0-9._]/gi, "") || "creator"}@${random.pick(["gmail.com", "outlook.com", "yahoo.com", "icloud.com"])}`
      : "",
    following: Math.round(clamp(random.logNormal(350, 1.2), 0, 10_000)),
    likesGiven: random.chance(0.08) ? 0 : Math.round(random.logNormal(1_500, 1.5)),
    comments,
    shares: extra - comments,
    followers1d: Math.round((followers30d / 30) * random.between(0.3, 1.7)),
    followers7d: Math.round(((followers30d * 7) / 30) * random.between(0.6, 1.4)),
    followers90d: Math.round(followers30d * random.between(2, 3.5)),
    digg1d: Math.round((digg30d / 30) * random.between(0, 2)),
    digg7d: Math.round(((digg30d * 7) / 30) * random.between(0.5, 1.5)),
    digg30d,
    digg90d: Math.round(digg30d * random.between(2, 3.2)),
    products30d,
    videoProducts30d: sellsOnVideo ? Math.round(products30d * random.between(0.5, 1)) : 0,
    liveCount: sellsLive
      ? Math.round(clamp(random.logNormal(40, 1), 1, 3_000))
      : random.chance(0.15)
        ? random.int(1, 20)
        : 0,
    gmvTotal,
    liveGmv30d,
    videoGmv30d,
    salesCount: sells ? Math.round(gmvTotal / (avgPrice30d * random.between(0.7, 1.3))) : 0,
    videoSales30d: sells ? Math.round(videoGmv30d / avgPrice30d) : 0,
    avgPrice30d,
    ecScore: Math.round((sells ? random.between(1, 5) : random.between(0, 2.5)) * 100) / 100,
    firstCrawlDt: yyyymmdd(random.between(FIRST_CRAWL_FROM, FIRST_CRAWL_TO)),
    offMark: random.chance(0.01) ? random.int(1, 3) : 0,
    mostViewsVideoId: creator.videos > 0 ? `7${random.digits(18)}` : "",
    stringNumberFields: random.chance(0.02)
      ? KEYAPI_STRINGY_FIELDS.filter(() => random.chance(0.5))
      : NO_FIELDS,
    ageSharesBp: ageSharesBp(random, creator.ageGroup),
  };
}

/** The creator pool of one seed, generated a region at a time on first use. */
export class Dataset {
  readonly seed: number;
  /** Creators per region, as a multiple of the region's profile (big pulls need more than 30,000). */
  readonly scale: number;
  readonly #regions = new Map<Region, readonly Creator[]>();

  constructor(seed: number, scale = 1) {
    this.seed = seed;
    this.scale = Math.max(1, Math.floor(scale));
  }

  /** The region's creators in default order; none for a region the APIs do not cover. */
  creators(regionCode: string): readonly Creator[] {
    const region = regionCode.toUpperCase();
    if (!isDataRegion(region)) return [];
    let creators = this.#regions.get(region);
    if (creators === undefined) {
      creators = generateRegion(this.seed, region, this.scale);
      this.#regions.set(region, creators);
    }
    return creators;
  }

  /** Every region's creators (generates all regions). */
  all(): readonly Creator[] {
    return FASTMOSS_REGIONS.flatMap((region) => this.creators(region));
  }

  details(creator: Creator): CreatorDetails {
    return creatorDetails(this.seed, creator);
  }
}

export function creatorCategoryName(creatorCategoryId: number | null): string {
  return creatorCategoryId === null ? "" : (CREATOR_CATEGORIES.get(creatorCategoryId) ?? "");
}
