// Job states stay well under the 9 KB a property value may hold, whatever the query.

import { describe, expect, it } from "vitest";
import type { JobState } from "../../../src/server/pulls/jobStore.js";
import { readPullRequest } from "../../../src/server/pulls/pullRequest.js";

describe("job state", () => {
  it("fits in one property value with every column, every filter and a long sheet name", () => {
    const request = readPullRequest(
      {
        source: "keyapi",
        region: "US",
        limit: 100_000,
        columns: "all",
        sheet: "x".repeat(100),
        mode: "history",
        filters: {
          product_category_id: "9".repeat(200),
          influencer_category_name: "名".repeat(200),
          influencer_sort_field_v2: 1,
          sort_type: 1,
          min_total_followers_cnt: 1,
          max_total_followers_cnt: 9e12,
          min_total_digg_cnt: 1,
          max_total_digg_cnt: 9e12,
          min_interaction_rate: 0.01,
          max_interaction_rate: 0.99,
          min_total_views_cnt: 1,
          max_total_views_cnt: 9e12,
          min_total_views_7d_cnt: 1,
          max_total_views_7d_cnt: 9e12,
          min_per_video_product_views_avg_cnt: 1,
          max_per_video_product_views_avg_cnt: 9e12,
          min_per_video_product_views_avg_7d_cnt: 1,
          max_per_video_product_views_avg_7d_cnt: 9e12,
          gender: "female",
          influencer_language: "e".repeat(200),
          show_case_flag: 1,
          sales_flag: 4,
        },
      },
      { now: Date.UTC(2026, 10, 16), timeZone: "Etc/UTC" },
    );
    if (Array.isArray(request)) throw new Error(JSON.stringify(request));
    const job: JobState = {
      id: "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
      request,
      status: "running",
      phase: "fetching",
      nextPage: 10_000,
      rowsStaged: 99_990,
      rowsWritten: 0,
      requests: 10_003,
      credits: 10_003,
      executions: 40,
      startedAt: Date.now(),
      updatedAt: Date.now(),
      staging: "TT staging 1b4e28ba2fa1",
      commitRow: 1_000_000,
      message: "m".repeat(300),
    };
    expect(Buffer.byteLength(JSON.stringify(job))).toBeLessThan(9 * 1024);
  });
});
