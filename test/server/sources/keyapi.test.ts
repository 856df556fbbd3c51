// KeyAPI's request and answers: the URL of a page, and what every status and body code means.

import { describe, expect, it } from "vitest";
import {
  keyApiCredits,
  keyApiUrl,
  readKeyApiAnswer,
} from "../../../src/server/sources/keyapi/api.js";

const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
  readKeyApiAnswer({ status, headers, body });

describe("keyApiUrl", () => {
  it("puts region and paging first, then every filter that is set, encoded", () => {
    expect(
      keyApiUrl(
        {
          source: "keyapi",
          region: "US",
          limit: 50,
          filters: {
            min_total_followers_cnt: 100000,
            influencer_category_name: "Beauty & Care",
            min_interaction_rate: 0.05,
          },
        },
        3,
        10,
      ),
    ).toBe(
      "https://api.keyapi.ai/v1/tiktok/influencer/list/analytics?region=US&page_num=3&page_size=10" +
        "&min_total_followers_cnt=100000&influencer_category_name=Beauty%20%26%20Care&min_interaction_rate=0.05",
    );
  });
});

describe("readKeyApiAnswer", () => {
  it("reads a page, counting odd entries for paging but keeping only records", () => {
    expect(
      answer(200, '{"code":0,"message":"success","data":[{"user_id":"1"},null,{"user_id":"2"}]}'),
    ).toEqual({
      kind: "page",
      records: [{ user_id: "1" }, { user_id: "2" }],
      count: 3,
    });
    expect(answer(200, '{"code":"0","data":null}')).toEqual({
      kind: "page",
      records: [],
      count: 0,
    });
  });

  it.each([
    [
      400,
      '{"code":400,"data":null,"message":"page_size must be between 1 and 10"}',
      "fail",
      "API_REJECTED",
    ],
    [401, '{"code":401,"data":null,"message":"apiKey is null"}', "fail", "BAD_KEY"],
    [402, '{"code":402,"data":null,"message":"apiKey quota is not enough"}', "fail", "NO_CREDITS"],
    [403, '{"code":403,"data":null,"message":"key not allowed"}', "fail", "FORBIDDEN"],
    [429, '{"code":429,"data":null,"message":"qps limit exceeded"}', "retry", "rate-limited"],
    [500, '{"code":500,"data":null,"message":"Internal server error"}', "retry", "server-error"],
    [503, "<html><body>Service Unavailable</body></html>", "retry", "server-error"],
    [200, '{"code":402,"data":null,"message":"apiKey quota is not enough"}', "fail", "NO_CREDITS"],
    [200, '{"code":429,"data":null,"message":"qps limit exceeded"}', "retry", "rate-limited"],
    [200, '{"code":500,"data":null,"message":"Internal server error"}', "retry", "server-error"],
    [200, '{"code":0,"data":[{"user_id"', "retry", "bad-answer"],
    [200, "<html>oops</html>", "retry", "bad-answer"],
    [200, '{"code":0,"data":{"list":[]}}', "retry", "bad-answer"],
    [418, "I'm a teapot", "fail", "API_REJECTED"],
  ])("HTTP %i %s → %s %s", (status, body, kind, what) => {
    const outcome = answer(status, body);
    expect(outcome.kind).toBe(kind);
    expect(
      outcome.kind === "fail" ? outcome.code : outcome.kind === "retry" ? outcome.reason : "",
    ).toBe(what);
  });

  it("says what the API said, and honours Retry-After", () => {
    expect(
      answer(402, '{"code":402,"data":null,"message":"apiKey quota is not enough"}'),
    ).toMatchObject({
      detail: "HTTP 402: apiKey quota is not enough",
    });
    expect(answer(429, "{}", { "retry-after": "2" })).toMatchObject({ retryAfterMs: 2000 });
  });
});

describe("keyApiCredits", () => {
  it("counts a credit for every answer KeyAPI charges, including errors and 429s", () => {
    const outcome = (status: number) => ({ status, headers: {}, body: "" });
    expect([200, 400, 429, 500].map((status) => keyApiCredits(outcome(status)))).toEqual([
      1, 1, 1, 1,
    ]);
    expect([401, 402, 403].map((status) => keyApiCredits(outcome(status)))).toEqual([0, 0, 0]);
    expect(keyApiCredits({ transportError: "DNS error" })).toBe(0);
  });
});
