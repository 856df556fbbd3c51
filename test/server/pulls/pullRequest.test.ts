// runQuery's argument: the query plus sheet and mode, every issue naming its parameter.

import { describe, expect, it } from "vitest";
import { readPullRequest } from "../../../src/server/pulls/pullRequest.js";

const context = { now: Date.UTC(2026, 10, 16), timeZone: "Etc/UTC" };
const base = { source: "keyapi", region: "us", limit: 500, sheet: " Creators ", mode: "Upsert" };

describe("readPullRequest", () => {
  it("reads a valid pull, normalising sheet and mode", () => {
    expect(
      readPullRequest({ ...base, filters: { min_total_followers_cnt: "1,000" } }, context),
    ).toMatchObject({
      query: {
        source: "keyapi",
        region: "US",
        limit: 500,
        filters: { min_total_followers_cnt: 1000 },
      },
      sheet: "Creators",
      mode: "upsert",
    });
  });

  it("allows sheets 100,000 rows for KeyAPI and 1,000 for FastMoss", () => {
    expect(readPullRequest({ ...base, limit: 100_000 }, context)).not.toBeInstanceOf(Array);
    expect(readPullRequest({ ...base, source: "fastmoss", limit: 1001 }, context)).toBeInstanceOf(
      Array,
    );
  });

  it.each([
    [null, ["query"]],
    [{ ...base, sheet: "" }, ["sheet"]],
    [{ ...base, sheet: "x".repeat(101) }, ["sheet"]],
    [{ ...base, sheet: "TT staging 123" }, ["sheet"]],
    [{ ...base, mode: "merge" }, ["mode"]],
    [{ ...base, headers: "none" }, ["headers"]],
    [{ ...base, region: "", mode: "merge" }, ["region", "mode"]],
  ])("collects the issues of %j", (input, parameters) => {
    const issues = readPullRequest(input, context);
    expect(Array.isArray(issues) ? issues.map((issue) => issue.parameter) : issues).toEqual(
      parameters,
    );
  });
});
