// FastMoss's POST endpoint end to end: token, rate limit, scripted failures, body checks, data
// allowance, then a page of the ranking — errors as body codes, with HTTP 200 unless told otherwise.

import type { FailureRule } from "./config.js";
import { driftRecord } from "./drift.js";
import {
  FASTMOSS_CODES,
  FASTMOSS_HTTP_STATUS,
  FASTMOSS_MESSAGES,
  type FastMossSearch,
  fastMossItem,
  parseFastMossBody,
} from "./fastmoss.js";
import {
  type ApiReply,
  bearerKey,
  checkKey,
  codeOfRawBody,
  type EndpointContext,
  isDelayOnly,
  JSON_CONTENT_TYPE,
  rawBodyContentType,
  simulatedLatency,
} from "./gateway.js";
import { grownFollowers } from "./growth.js";
import { uuidFrom } from "./random.js";

export interface FastMossRequest {
  readonly contentType: string | undefined;
  readonly body: string;
  readonly authorization: string | undefined;
  readonly now: number;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function integerOrNull(object: unknown, key: string): number | null {
  if (typeof object !== "object" || object === null) return null;
  const value = (object as Record<string, unknown>)[key];
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

export function answerFastMoss(
  context: EndpointContext,
  search: FastMossSearch,
  request: FastMossRequest,
): ApiReply {
  const { config, seed } = context;
  const { now } = request;
  const json = parseJson(request.body);
  const params = json.ok ? json.value : null;
  const page = json.ok ? (integerOrNull(json.value, "page") ?? 1) : null;
  const pageSize = json.ok ? (integerOrNull(json.value, "pagesize") ?? 10) : null;
  const requestKey = `fastmoss:${request.body}@${now}`;
  const messageField = config.drift.fastmossMsgField ? "msg" : "message";
  const envelope = (code: number, data: unknown, message: string) => ({
    code,
    data,
    [messageField]: message,
    timestamp: Math.floor(now / 1000),
    request_id: uuidFrom(seed, "fastmoss", context.nextRequestNumber(), now),
  });

  const reply = (
    status: number,
    body: { code: number },
    extra: {
      headers?: Record<string, string>;
      latencyMs?: number;
      rows?: number;
      rule?: FailureRule;
    } = {},
  ): ApiReply => {
    const rawBody = extra.rule?.rawBody;
    return {
      status,
      contentType:
        rawBody === undefined
          ? (extra.rule?.contentType ?? JSON_CONTENT_TYPE)
          : rawBodyContentType(extra.rule!, rawBody),
      body: rawBody ?? JSON.stringify(body),
      headers: extra.headers ?? {},
      code: rawBody === undefined ? body.code : codeOfRawBody(rawBody),
      latencyMs: simulatedLatency(
        seed,
        config.latencyMs,
        config.jitterMs,
        requestKey,
        extra.latencyMs,
      ),
      credits: 0,
      rows: extra.rows ?? 0,
      page,
      pageSize,
      params,
    };
  };
  /** A body-code error: HTTP 200 as FastMoss sends it, or its HTTP status when the knob says so. */
  const failure = (
    code: number,
    detail?: string,
    extra: { headers?: Record<string, string>; latencyMs?: number; status?: number } = {},
  ) => {
    const base = FASTMOSS_MESSAGES[code] ?? "service error";
    const status =
      extra.status ??
      (config.fastmossErrorsAsHttpStatus ? (FASTMOSS_HTTP_STATUS[code] ?? 500) : 200);
    return reply(status, envelope(code, null, detail ? `${base}: ${detail}` : base), {
      ...(status === 429 && extra.headers ? { headers: extra.headers } : {}),
      latencyMs: extra.latencyMs ?? 0,
    });
  };

  const key = bearerKey(request.authorization);
  const keyCheck = checkKey(key, config.keys.fastmoss, config.forbiddenKeys.fastmoss);
  if (keyCheck === "missing")
    return failure(FASTMOSS_CODES.noPermission, "missing token", { status: 401 });
  if (keyCheck === "unknown")
    return failure(FASTMOSS_CODES.noPermission, "invalid token", { status: 401 });
  if (keyCheck === "forbidden") return failure(FASTMOSS_CODES.noPermission, "token not allowed");

  const admission = context.rateWindows.fastmoss.admit(now, config.rateLimit.fastmoss);
  if (!admission.ok) {
    return failure(FASTMOSS_CODES.tooManyRequests, undefined, {
      headers: { "Retry-After": String(admission.retryAfterSeconds) },
    });
  }

  const rule = context.failures.next("fastmoss", page);
  if (rule !== null && !isDelayOnly(rule)) {
    const code = rule.code ?? FASTMOSS_CODES.serviceError;
    const status =
      rule.status ??
      (config.fastmossErrorsAsHttpStatus ? (FASTMOSS_HTTP_STATUS[code] ?? 500) : 200);
    const message = rule.message ?? FASTMOSS_MESSAGES[code] ?? "service error";
    return reply(status, envelope(code, null, message), { rule, latencyMs: rule.latencyMs ?? 0 });
  }
  const latencyMs = rule?.latencyMs ?? 0;

  if (!/^application\/json\b/i.test(request.contentType?.trim() ?? "")) {
    return failure(FASTMOSS_CODES.invalidParameter, "Content-Type must be application/json", {
      latencyMs,
    });
  }
  if (!json.ok) {
    return failure(FASTMOSS_CODES.invalidParameter, "the body is not valid JSON", { latencyMs });
  }
  const parsed = parseFastMossBody(json.value, now);
  if (!parsed.ok) return failure(FASTMOSS_CODES.invalidParameter, parsed.message, { latencyMs });

  const query = parsed.value;
  const results = search.results(query);
  const start = (query.page - 1) * query.pagesize;
  const entries = results.slice(start, start + query.pagesize);
  if (config.fastmossQuota !== null && entries.length > config.fastmossQuota) {
    return failure(
      FASTMOSS_CODES.dataLimitExceeded,
      `${config.fastmossQuota} rows left in the data allowance`,
      { latencyMs },
    );
  }
  if (config.fastmossQuota !== null) config.fastmossQuota -= entries.length;

  const list = entries.map((entry) => {
    const item = fastMossItem(seed, entry, context.dataset.details(entry.creator));
    const id = entry.creator.userId;
    if (config.growth !== null) {
      (item.creator as Record<string, unknown>).follower_count = grownFollowers(
        seed,
        id,
        entry.creator.followers,
        config.growth,
        now,
      );
    }
    driftRecord(item, config.drift, seed, id, ["uid", "creator"]);
    if (typeof item.creator === "object" && item.creator !== null) {
      driftRecord(item.creator as Record<string, unknown>, config.drift, seed, `${id}:creator`, [
        "uid",
      ]);
    }
    return item;
  });
  const data = {
    list,
    total: results.length,
    date_type: query.period.type,
    date_value: query.period.value,
  };
  return reply(200, envelope(0, data, ""), { latencyMs, rows: list.length });
}
