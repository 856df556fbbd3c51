// Shared by the fake API tests: a server on 127.0.0.1:0, requests the way the runtime sends them
// (bearer key, X-Virtual-Time), and zod schemas of the seeds' documented answers.

import * as z from "zod";
import {
  createFakeApi,
  DEMO_FASTMOSS_TOKEN,
  DEMO_KEYAPI_KEY,
  type FakeApi,
  type FakeApiOptions,
} from "../../../dev/fake-api/server.js";

export const KEYAPI = "/v1/tiktok/influencer/list/analytics";
export const FASTMOSS = "/creator/v1/rank/topPotential";

/** The tests' virtual now: mid-May 2026, so March 2026 is a completed month. */
export const T0 = Date.UTC(2026, 4, 15, 12, 0, 0);

export interface Started {
  readonly api: FakeApi;
  readonly url: string;
}

export async function startApi(options: FakeApiOptions = {}): Promise<Started> {
  const api = createFakeApi(options);
  const { url } = await api.listen(0, "127.0.0.1");
  return { api, url };
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body; undefined when it is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the server sent.
  readonly body: any;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export interface RequestOptions {
  /** The bearer key; null sends no Authorization header. */
  key?: string | null;
  time?: number;
  headers?: Record<string, string>;
}

export async function getKeyApi(
  url: string,
  params: Record<string, string | number>,
  options: RequestOptions = {},
): Promise<Answer> {
  const query = new URLSearchParams(
    Object.entries(params).map(([name, value]) => [name, String(value)]),
  );
  const key = options.key === undefined ? DEMO_KEYAPI_KEY : options.key;
  const headers: Record<string, string> = {
    "X-Virtual-Time": String(options.time ?? T0),
    ...options.headers,
  };
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  return answerOf(await fetch(`${url}${KEYAPI}?${query}`, { headers }));
}

export interface PostOptions extends RequestOptions {
  contentType?: string;
  /** Sent as is instead of JSON.stringify(body). */
  rawBody?: string;
}

export async function postFastMoss(
  url: string,
  body: unknown,
  options: PostOptions = {},
): Promise<Answer> {
  const token = options.key === undefined ? DEMO_FASTMOSS_TOKEN : options.key;
  const headers: Record<string, string> = {
    "Content-Type": options.contentType ?? "application/json",
    "X-Virtual-Time": String(options.time ?? T0),
    ...options.headers,
  };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return answerOf(
    await fetch(`${url}${FASTMOSS}`, {
      method: "POST",
      headers,
      body: options.rawBody ?? JSON.stringify(body),
    }),
  );
}

/** A FastMoss body with the given filter and paging. */
export function rankingBody(filter: Record<string, unknown>, page = 1, pagesize = 100) {
  return {
    filter,
    orderby: [{ field: "potential_index", order: "desc" }],
    page,
    pagesize,
  };
}

/** Every page of a KeyAPI query, up to the first short page. */
export async function allKeyApiPages(
  url: string,
  params: Record<string, string | number>,
  pageSize = 10,
  // biome-ignore lint/suspicious/noExplicitAny: records as sent.
): Promise<any[]> {
  const records = [];
  for (let page = 1; page <= 1_000; page++) {
    const answer = await getKeyApi(url, { ...params, page_num: page, page_size: pageSize });
    if (answer.status !== 200 || answer.body.code !== 0) {
      throw new Error(`page ${page}: ${answer.status} ${answer.text}`);
    }
    records.push(...answer.body.data);
    if (answer.body.data.length < pageSize) return records;
  }
  throw new Error("no short page within 1,000 pages");
}

/** Every reachable item of a FastMoss ranking query (pages of 100, at most 1,000 items). */
export async function allRankingItems(
  url: string,
  filter: Record<string, unknown>,
  // biome-ignore lint/suspicious/noExplicitAny: items as sent.
): Promise<{ items: any[]; total: number }> {
  const items = [];
  let total = 0;
  for (let page = 1; page <= 10; page++) {
    const answer = await postFastMoss(url, rankingBody(filter, page, 100));
    if (answer.status !== 200 || answer.body.code !== 0) {
      throw new Error(`page ${page}: ${answer.status} ${answer.text}`);
    }
    total = answer.body.data.total;
    items.push(...answer.body.data.list);
    if (answer.body.data.list.length < 100) break;
  }
  return { items, total };
}

// ---- Schemas of the documented answers -------------------------------------------------------

/** A documented integer; the API's own drift sends some as strings of digits. */
const integer = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]);
const decimal = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);
/** JSON held in a string (the `influencer_video_*` and `most_category_product` drift). */
const jsonText = (kind: "object" | "array") =>
  z.string().refine((text) => {
    try {
      const value = JSON.parse(text);
      return kind === "array"
        ? Array.isArray(value)
        : typeof value === "object" && !Array.isArray(value);
    } catch {
      return false;
    }
  }, `JSON ${kind} in a string`);

/** Every field of the seed's example record, with its documented kind and KeyAPI's known drift. */
export const keyApiRecordShape = {
  avatar: z.url(),
  avg_30d_price: integer,
  category: z.string(),
  contact_email: z.string(),
  ec_score: decimal,
  first_crawl_dt: z.number().int().min(20_000_101).max(20_991_231),
  gender: z.string(),
  influencer_video_duration_level: jsonText("object"),
  influencer_video_publish_hour: jsonText("object"),
  influencer_video_publish_week: jsonText("object"),
  // Documented as an integer; really a ratio.
  interaction_rate: z.number().min(0),
  language: z.string(),
  most_category_product: jsonText("array"),
  most_views_video: z.string(),
  nick_name: z.string(),
  off_mark: integer,
  per_video_product_views_avg_7d_cnt: integer,
  region: z.string().regex(/^[A-Z]{2}$/),
  sales_flag: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  // Documented as text; really null.
  seller_id: z.null(),
  show_case_flag: z.union([z.literal(0), z.literal(1)]),
  signature: z.string(),
  total_comments_cnt: integer,
  total_digg_1d_cnt: integer,
  total_digg_30d_cnt: integer,
  total_digg_7d_cnt: integer,
  total_digg_90d_cnt: integer,
  total_digg_cnt: integer,
  total_followers_1d_cnt: integer,
  total_followers_30d_cnt: integer,
  total_followers_7d_cnt: integer,
  total_followers_90d_cnt: integer,
  total_followers_cnt: integer,
  total_following_cnt: integer,
  total_likes_cnt: integer,
  total_live_cnt: integer,
  total_live_sale_gmv_30d_amt: integer,
  total_post_video_cnt: integer,
  total_product_30d_cnt: integer,
  total_product_cnt: integer,
  total_sale_cnt: integer,
  total_sale_gmv_30d_amt: integer,
  total_sale_gmv_amt: integer,
  total_shares_cnt: integer,
  total_video_product_30d_cnt: integer,
  total_video_sale_30d_cnt: integer,
  total_video_sale_gmv_30d_amt: integer,
  total_views_cnt: integer,
  unique_id: z.string(),
  user_id: z.string().regex(/^\d+$/),
};

export const keyApiRecordSchema = z.strictObject(keyApiRecordShape);

export const keyApiAnswerSchema = z.strictObject({
  code: z.literal(0),
  message: z.literal("success"),
  data: z.array(keyApiRecordSchema),
  requestId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
});

export const keyApiErrorSchema = z.strictObject({
  code: z.number().int(),
  data: z.null(),
  message: z.string().min(1),
});

const share = z.string().regex(/^(0\.\d{4}|1\.0000)$/);
export const AGE_KEYS = ["18-24", "25-34", "35-44", "45-54", "55+"] as const;

export const fastMossItemSchema = z.strictObject({
  creator: z.strictObject({
    uid: z.string().regex(/^\d+$/),
    nickname: z.string(),
    unique_id: z.string(),
    avatar: z.url(),
    region: z.string().regex(/^[A-Z]{2}$/),
    category: z.strictObject({ id: z.number().int(), name: z.string() }),
    follower_count: z.number().int().nonnegative(),
    video_count: z.number().int().nonnegative(),
    follower_genders: z
      .array(z.strictObject({ key: z.enum(["female", "male"]), value: share }))
      .length(2),
    follower_ages: z.array(z.strictObject({ key: z.enum(AGE_KEYS), value: share })).length(5),
  }),
  uid: z.string().regex(/^\d+$/),
  video_count: z.number().int().nonnegative(),
  ecommerce_type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  potential_index: z.number().int().min(0).max(100),
  gmv: z.number().nonnegative(),
  usd_gmv: z.number().nonnegative(),
  units_sold: z.number().int().nonnegative(),
  avg_play_count: z.number().int().nonnegative(),
  live_units_sold: z.number().int().nonnegative(),
  video_units_sold: z.number().int().nonnegative(),
  sales_category_l3: z.array(z.strictObject({ id: z.number().int(), name: z.string().min(1) })),
});

export const fastMossAnswerSchema = z.strictObject({
  code: z.literal(0),
  data: z.strictObject({
    list: z.array(fastMossItemSchema),
    total: z.number().int().nonnegative(),
    date_type: z.enum(["day", "week", "month"]),
    date_value: z.string(),
  }),
  message: z.literal(""),
  timestamp: z.number().int(),
  request_id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
});

export const fastMossErrorSchema = z.strictObject({
  code: z.number().int(),
  data: z.null(),
  message: z.string().min(1),
  timestamp: z.number().int(),
  request_id: z.string(),
});

/** A record's number field, whether sent as a number or as a string. */
export function num(value: unknown): number {
  const parsed = typeof value === "string" ? Number(value) : value;
  if (typeof parsed !== "number" || Number.isNaN(parsed)) throw new Error(`not a number: ${value}`);
  return parsed;
}
