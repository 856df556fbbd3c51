// KeyAPI's GET endpoint end to end: key, credits, rate limit, scripted failures, parameter checks,
// then a page of creators — in that order, with the API's statuses and `{code, data, message}` bodies.

import type { FailureRule } from "./config.js";
import { driftRecord } from "./drift.js";
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
import { type KeyApiSearch, keyApiRecord, parseKeyApiQuery } from "./keyapi.js";
import { uuidFrom } from "./random.js";

export const KEYAPI_MESSAGES: Readonly<Record<number, string>> = {
  400: "Bad request",
  401: "apiKey is null",
  402: "apiKey quota is not enough",
  403: "key not allowed",
  404: "Not Found",
  429: "qps limit exceeded",
  500: "Internal server error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** Statuses that cost no credit: the key was not accepted, or had no credit to pay with. */
const FREE_STATUSES = new Set([401, 402, 403]);

/** Query parameters that look like secrets never reach the log. */
const SECRET_PARAM = /key|token|secret|auth|sign/i;

export interface KeyApiRequest {
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly now: number;
}

function pageParam(query: URLSearchParams, name: string): number | null {
  const text = query.get(name);
  return text !== null && /^\d+$/.test(text) ? Number(text) : null;
}

export function answerKeyApi(
  context: EndpointContext,
  search: KeyApiSearch,
  request: KeyApiRequest,
): ApiReply {
  const { config, seed } = context;
  const { query, now } = request;
  const params = Object.fromEntries(
    [...query.entries()].filter(([name]) => !SECRET_PARAM.test(name)),
  );
  const page = pageParam(query, "page_num");
  const pageSize = pageParam(query, "page_size");
  const requestKey = `keyapi?${[...query.entries()].sort().join("&")}@${now}`;
  const requestId = uuidFrom(seed, "keyapi", context.nextRequestNumber(), now);

  const reply = (
    status: number,
    body: unknown,
    extra: {
      headers?: Record<string, string>;
      latencyMs?: number;
      rows?: number;
      rule?: FailureRule;
    } = {},
  ): ApiReply => {
    const credits = FREE_STATUSES.has(status) ? 0 : 1;
    if (credits > 0 && config.credits !== null) config.credits -= 1;
    const rawBody = extra.rule?.rawBody;
    return {
      status,
      contentType:
        rawBody === undefined
          ? (extra.rule?.contentType ?? JSON_CONTENT_TYPE)
          : rawBodyContentType(extra.rule!, rawBody),
      body: rawBody ?? JSON.stringify(body),
      headers: extra.headers ?? {},
      code:
        rawBody === undefined ? ((body as { code: number }).code ?? null) : codeOfRawBody(rawBody),
      latencyMs: simulatedLatency(
        seed,
        config.latencyMs,
        config.jitterMs,
        requestKey,
        extra.latencyMs,
      ),
      credits,
      rows: extra.rows ?? 0,
      page,
      pageSize,
      params,
    };
  };
  const error = (
    status: number,
    message = KEYAPI_MESSAGES[status] ?? "error",
    headers?: Record<string, string>,
  ) => reply(status, { code: status, data: null, message }, headers ? { headers } : {});

  const key = bearerKey(request.authorization);
  const keyCheck = checkKey(key, config.keys.keyapi, config.forbiddenKeys.keyapi);
  if (keyCheck === "missing") return error(401, "apiKey is null");
  if (keyCheck === "unknown") return error(401, "apiKey is invalid");
  if (keyCheck === "forbidden") return error(403);
  if (config.credits === 0) return error(402);

  const admission = context.rateWindows.keyapi.admit(now, config.rateLimit.keyapi);
  if (!admission.ok) {
    return error(429, undefined, { "Retry-After": String(admission.retryAfterSeconds) });
  }

  const rule = context.failures.next("keyapi", page);
  if (rule !== null && !isDelayOnly(rule)) {
    const status = rule.status ?? 500;
    const code = rule.code ?? (status === 200 ? 500 : status);
    const message = rule.message ?? KEYAPI_MESSAGES[code] ?? "Internal server error";
    return reply(status, { code, data: null, message }, { rule, latencyMs: rule.latencyMs ?? 0 });
  }
  const delay = { latencyMs: rule?.latencyMs ?? 0 };

  const parsed = parseKeyApiQuery(query);
  if (!parsed.ok) return reply(400, { code: 400, data: null, message: parsed.message }, delay);

  const records = search.page(parsed.value).map((creator) => {
    const record = keyApiRecord(creator, context.dataset.details(creator));
    if (config.growth !== null) {
      const grown = grownFollowers(seed, creator.userId, creator.followers, config.growth, now);
      // A count the API sends as text stays text.
      record.total_followers_cnt =
        typeof record.total_followers_cnt === "string" ? String(grown) : grown;
    }
    driftRecord(record, config.drift, seed, creator.userId, ["user_id"]);
    return record;
  });
  return reply(
    200,
    { code: 0, message: "success", data: records, requestId },
    { ...delay, rows: records.length },
  );
}
