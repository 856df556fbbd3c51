// The fake server's knobs: their defaults, the schema a patch must satisfy (the admin endpoint gets
// them as JSON), and how a patch merges into the current configuration.

import * as z from "zod";
import { type DriftFlags, NO_DRIFT } from "./drift.js";

export type ApiName = "keyapi" | "fastmoss";

/** A scripted fault: consumed in list order by the requests it matches. */
export interface FailureRule {
  api: ApiName;
  /** Only requests for this page (KeyAPI `page_num`, FastMoss `page`). */
  page?: number;
  /** HTTP status. Default: 500 for KeyAPI; 200 for FastMoss (or the code's status, see knob). */
  status?: number;
  /** Body code. Default: KeyAPI the status (500 if the status is 200); FastMoss 40001. */
  code?: number;
  message?: string;
  /** Sent verbatim instead of a JSON body: malformed JSON, an HTML error page. */
  rawBody?: string;
  contentType?: string;
  /** Added to the simulated latency (70,000 simulates a hang). Alone, it only slows the request. */
  latencyMs?: number;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Matching requests to let through before failing. Default 0. */
  afterRequests?: number;
}

export interface FakeApiConfig {
  /** Simulated latency of every response, in ms. */
  latencyMs: number;
  /** Up to this much more, per request, fixed by the seed and the request. */
  jitterMs: number;
  /** Really wait the simulated latency before answering (a playground for humans). */
  realDelay: boolean;
  /** Requests per second, as a sliding window over virtual time; null means no limit. */
  rateLimit: { keyapi: number | null; fastmoss: number | null };
  /** KeyAPI credits left; null means unlimited. */
  credits: number | null;
  /** FastMoss rows left in the data allowance; null means unlimited. */
  fastmossQuota: number | null;
  keys: { keyapi: string[]; fastmoss: string[] };
  /** Keys the server knows but refuses (KeyAPI 403, FastMoss 30001). */
  forbiddenKeys: { keyapi: string[]; fastmoss: string[] };
  failures: FailureRule[];
  drift: DriftFlags;
  /** FastMoss errors travel as HTTP statuses (400, 403, 429, 500) instead of 200. */
  fastmossErrorsAsHttpStatus: boolean;
}

export const DEMO_KEYAPI_KEY = "demo-keyapi-key";
export const DEMO_FASTMOSS_TOKEN = "demo-fastmoss-token";

export function defaultConfig(): FakeApiConfig {
  return {
    latencyMs: 0,
    jitterMs: 0,
    realDelay: false,
    rateLimit: { keyapi: null, fastmoss: null },
    credits: null,
    fastmossQuota: null,
    keys: { keyapi: [DEMO_KEYAPI_KEY], fastmoss: [DEMO_FASTMOSS_TOKEN] },
    forbiddenKeys: { keyapi: [], fastmoss: [] },
    failures: [],
    drift: { ...NO_DRIFT },
    fastmossErrorsAsHttpStatus: false,
  };
}

const count = z.number().int().nonnegative();
const perApi = <T extends z.ZodType>(value: T) =>
  z.strictObject({ keyapi: value, fastmoss: value }).partial();

export const failureRuleSchema = z.strictObject({
  api: z.enum(["keyapi", "fastmoss"]),
  page: z.number().int().positive().optional(),
  status: z.number().int().min(100).max(599).optional(),
  code: z.number().int().optional(),
  message: z.string().optional(),
  rawBody: z.string().optional(),
  contentType: z.string().optional(),
  latencyMs: count.optional(),
  times: z.number().int().positive().optional(),
  afterRequests: count.optional(),
});

/** What `configure` and `POST /__admin/config` accept: any subset of the knobs. */
export const configPatchSchema = z.strictObject({
  latencyMs: count.optional(),
  jitterMs: count.optional(),
  realDelay: z.boolean().optional(),
  rateLimit: perApi(z.number().int().positive().nullable()).optional(),
  credits: count.nullable().optional(),
  fastmossQuota: count.nullable().optional(),
  keys: perApi(z.array(z.string())).optional(),
  forbiddenKeys: perApi(z.array(z.string())).optional(),
  failures: z.array(failureRuleSchema).optional(),
  drift: z
    .strictObject({
      numbersAsStrings: z.boolean(),
      extraFields: z.boolean(),
      missingFields: z.boolean(),
      nullNumbers: z.boolean(),
      fastmossMsgField: z.boolean(),
      longNames: z.boolean(),
    })
    .partial()
    .optional(),
  fastmossErrorsAsHttpStatus: z.boolean().optional(),
});

export type FakeApiConfigPatch = z.input<typeof configPatchSchema>;

/**
 * The configuration after a patch. Nested per-API objects and drift flags merge key by key;
 * `failures` replaces the whole list.
 */
export function mergeConfig(config: FakeApiConfig, patch: FakeApiConfigPatch): FakeApiConfig {
  const valid = configPatchSchema.parse(patch);
  const merged: FakeApiConfig = structuredClone(config);
  if (valid.latencyMs !== undefined) merged.latencyMs = valid.latencyMs;
  if (valid.jitterMs !== undefined) merged.jitterMs = valid.jitterMs;
  if (valid.realDelay !== undefined) merged.realDelay = valid.realDelay;
  if (valid.credits !== undefined) merged.credits = valid.credits;
  if (valid.fastmossQuota !== undefined) merged.fastmossQuota = valid.fastmossQuota;
  if (valid.fastmossErrorsAsHttpStatus !== undefined)
    merged.fastmossErrorsAsHttpStatus = valid.fastmossErrorsAsHttpStatus;
  if (valid.failures !== undefined) merged.failures = valid.failures;
  assignDefined(merged.rateLimit, valid.rateLimit);
  assignDefined(merged.keys, valid.keys);
  assignDefined(merged.forbiddenKeys, valid.forbiddenKeys);
  assignDefined(merged.drift, valid.drift);
  return merged;
}

function assignDefined<T extends object>(target: T, patch: Partial<T> | undefined): void {
  if (patch === undefined) return;
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}
