// FastMoss's potential-creators ranking as a paged API: the POST body for a page, and what each
// answer means. The HTTP status is checked first, then the body's code, which often carries the
// error with HTTP 200.

import type { FastMossQuery } from "../../../shared/query/types.js";
import type { PagedApi, PageOutcome } from "../../http/fetchPages.js";
import { isRecord, parseApiJson } from "../../http/json.js";
import type { HttpResponse } from "../../platform/types.js";
import { answerDetail, type PageRange, rateLimited, sourcePagedApi } from "../answers.js";

export const FASTMOSS_URL = "https://openapi.fastmoss.com/creator/v1/rank/topPotential";

export function fastMossBody(query: FastMossQuery, page: number, pageSize: number): string {
  const { follower_count_min: min, follower_count_max: max, ...filters } = query.filters;
  const range =
    min === undefined && max === undefined
      ? {}
      : {
          follower_count_range: {
            ...(min === undefined ? {} : { min }),
            ...(max === undefined ? {} : { max }),
          },
        };
  return JSON.stringify({
    filter: {
      region: query.region,
      ...filters,
      ...range,
      date_info: { type: query.date.type, value: query.date.value },
    },
    orderby: [{ field: "potential_index", order: "desc" }],
    page,
    pagesize: pageSize,
  });
}

export function readFastMossAnswer(response: HttpResponse): PageOutcome {
  const body = parseApiJson(response.body);
  const detail = answerDetail(response, body);
  if (response.status === 401) return { kind: "fail", code: "BAD_KEY", detail };
  if (response.status === 429) return rateLimited(response, detail);
  if (!isRecord(body)) {
    if (response.status >= 500) return { kind: "retry", reason: "server-error", detail };
    if (response.status !== 200) return { kind: "fail", code: "API_REJECTED", detail };
    return { kind: "retry", reason: "bad-answer", detail };
  }
  const code = Number(body.code);
  switch (code) {
    case 0:
      break;
    case 10001:
      return { kind: "fail", code: "API_REJECTED", detail };
    case 20001:
      return { kind: "fail", code: "NOT_FOUND", detail };
    case 30001:
      return { kind: "fail", code: "FORBIDDEN", detail };
    case 30002:
      return { kind: "fail", code: "DATA_LIMIT", detail };
    case 30003:
      return { kind: "retry", reason: "rate-limited", detail };
    case 40001:
      return { kind: "retry", reason: "server-error", detail };
    default:
      if (response.status >= 500) return { kind: "retry", reason: "server-error", detail };
      return { kind: "fail", code: "API_REJECTED", detail };
  }
  const data = body.data;
  if (!isRecord(data) || !Array.isArray(data.list)) {
    return { kind: "retry", reason: "bad-answer", detail: `${detail}: no ranking list` };
  }
  const total = Number(data.total);
  return {
    kind: "page",
    records: data.list.filter(isRecord),
    count: data.list.length,
    ...(Number.isFinite(total) && total >= 0 ? { total } : {}),
  };
}

export function fastMossPagedApi(query: FastMossQuery, token: string, pages: PageRange): PagedApi {
  return sourcePagedApi("fastmoss", query.limit, token, pages, {
    speculation: 0,
    probeLastPage: false,
    request: (page, pageSize) => ({
      url: FASTMOSS_URL,
      method: "post",
      contentType: "application/json",
      payload: fastMossBody(query, page, pageSize),
    }),
    read: readFastMossAnswer,
    creditsFor: () => 0,
  });
}
