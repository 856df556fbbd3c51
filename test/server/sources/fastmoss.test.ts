// FastMoss's request body and answers: the SPEC's body mapping, and what every code means.

import { describe, expect, it } from "vitest";
import { fastMossBody, readFastMossAnswer } from "../../../src/server/sources/fastmoss/api.js";

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  readFastMossAnswer({
    status,
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("fastMossBody", () => {
  it("maps the filters to the API's body: follower range, date, order, paging", () => {
    const body = fastMossBody(
      {
        source: "fastmoss",
        region: "US",
        limit: 250,
        filters: {
          creator_category_id: 4,
          product_category_l1_id: 14,
          follower_count_min: 500000,
          follower_count_max: 1000000,
        },
        date: { type: "month", value: "2026-03" },
      },
      2,
      100,
    );
    expect(JSON.parse(body)).toEqual({
      filter: {
        region: "US",
        creator_category_id: 4,
        product_category_l1_id: 14,
        follower_count_range: { min: 500000, max: 1000000 },
        date_info: { type: "month", value: "2026-03" },
      },
      orderby: [{ field: "potential_index", order: "desc" }],
      page: 2,
      pagesize: 100,
    });
  });

  it("sends only the bound given for the follower range, and no range without bounds", () => {
    const base = {
      source: "fastmoss",
      region: "DE",
      limit: 10,
      date: { type: "day", value: "2026-11-15" },
    } as const;
    expect(
      JSON.parse(fastMossBody({ ...base, filters: { follower_count_min: 1000 } }, 1, 10)).filter
        .follower_count_range,
    ).toEqual({ min: 1000 });
    expect(JSON.parse(fastMossBody({ ...base, filters: {} }, 1, 10)).filter).not.toHaveProperty(
      "follower_count_range",
    );
  });
});

describe("readFastMossAnswer", () => {
  it("reads the list and the total", () => {
    expect(
      answer(200, { code: 0, data: { list: [{ uid: "1" }, 7], total: 17 }, message: "" }),
    ).toEqual({
      kind: "page",
      records: [{ uid: "1" }],
      count: 2,
      total: 17,
    });
  });

  it.each([
    [200, { code: 10001, msg: "invalid parameter: pagesize" }, "fail", "API_REJECTED"],
    [200, { code: 20001, message: "not found" }, "fail", "NOT_FOUND"],
    [200, { code: 30001, message: "no permission" }, "fail", "FORBIDDEN"],
    [200, { code: 30002, message: "data limit exceeded" }, "fail", "DATA_LIMIT"],
    [200, { code: 30003, message: "too many requests" }, "retry", "rate-limited"],
    [200, { code: 40001, message: "service error" }, "retry", "server-error"],
    [200, { code: 99999, message: "something new" }, "fail", "API_REJECTED"],
    [401, { code: 30001, message: "invalid token" }, "fail", "BAD_KEY"],
    [429, { code: 30003, message: "too many requests" }, "retry", "rate-limited"],
    [500, "<html>Internal Server Error</html>", "retry", "server-error"],
    [500, { code: 40001, message: "service error" }, "retry", "server-error"],
    [200, '{"code":0,"data":{"list":[', "retry", "bad-answer"],
    [200, { code: 0, data: null }, "retry", "bad-answer"],
  ])("HTTP %i %j → %s %s", (status, body, kind, what) => {
    const outcome = answer(status, body);
    expect(outcome.kind).toBe(kind);
    expect(
      outcome.kind === "fail" ? outcome.code : outcome.kind === "retry" ? outcome.reason : "",
    ).toBe(what);
  });

  it("reads the message from msg when message is absent", () => {
    expect(answer(200, { code: 10001, msg: "page * pagesize must be <= 1000" })).toMatchObject({
      detail: "HTTP 200: page * pagesize must be <= 1000",
    });
  });
});
