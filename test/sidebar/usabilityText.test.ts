// Small pure pieces of the sidebar as a person uses it: one date-time format in the spreadsheet's
// zone, the preview's columns in the order a narrow sidebar needs, and the Running pulls lines.

import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../src/sidebar/i18n.js";
import { runningEstimate, runningProgress } from "../../src/sidebar/jobs/runningPulls.js";
import { filterColumn, previewOrder } from "../../src/sidebar/preview/previewTable.js";
import { withLabels } from "../../src/sidebar/search/problems.js";
import type { RunningPull } from "../../src/sidebar/state.js";

describe("formatDateTime", () => {
  it("writes an instant as the sheets do, in the spreadsheet's time zone", () => {
    const iso = "2026-11-16T13:05:00.000Z";
    expect(formatDateTime(iso, "UTC")).toBe("2026-11-16 13:05");
    expect(formatDateTime(iso, "Asia/Shanghai")).toBe("2026-11-16 21:05");
    expect(formatDateTime(iso, "America/Los_Angeles")).toBe("2026-11-16 05:05");
    expect(formatDateTime("2026-11-16T00:30:00.000Z", "UTC")).toBe("2026-11-16 00:30");
    expect(formatDateTime(iso, "Not/AZone")).toBe("2026-11-16 13:05");
    expect(formatDateTime("soon", "UTC")).toBe("soon");
  });
});

describe("the preview's column order", () => {
  const keyapi = [
    "unique_id",
    "nick_name",
    "profile_url",
    "total_followers_cnt",
    "interaction_rate",
  ];

  it("finds the column a filter is about", () => {
    expect(filterColumn("min_total_followers_cnt", keyapi)).toBe("total_followers_cnt");
    expect(filterColumn("max_interaction_rate", keyapi)).toBe("interaction_rate");
    expect(
      filterColumn("follower_count_min", ["creator.unique_id", "creator.follower_count"]),
    ).toBe("creator.follower_count");
    expect(filterColumn("sort_type", keyapi)).toBeUndefined();
  });

  it("keeps the first column, then the filtered-on ones, then the rest", () => {
    expect(previewOrder(keyapi, ["max_interaction_rate", "min_total_followers_cnt"])).toEqual([
      0, 3, 4, 1, 2,
    ]);
    expect(previewOrder(keyapi, [])).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("messages with labels", () => {
  it("replaces whole parameter names only, in the sidebar's language", () => {
    expect(withLabels('limit must be a whole number, not "limit".', "keyapi", "en")).toBe(
      'Rows must be a whole number, not "limit".',
    );
    expect(withLabels("date_value needs date_type.", "fastmoss", "zh")).not.toMatch(/date_/);
  });
});

describe("Running pulls", () => {
  const pull = {
    status: "running",
    jobId: "j1",
    sheet: "Big",
    rows: 4800,
    requests: 480,
    startedAt: "2026-11-16T09:00:00.000Z",
    limit: 20_000,
    source: "keyapi",
    triggerRuns: 4,
    triggerDoneBy: "2026-11-16T13:00:00.000Z",
  } as RunningPull;

  it("says the progress and when the hourly trigger alone would finish", () => {
    expect(runningProgress(pull, "en")).toBe("“Big”: 4,800 of 20,000 rows · 480 requests so far");
    expect(runningEstimate(pull, "en", "Asia/Shanghai")).toBe(
      "Left alone, the hourly trigger runs it on once an hour: about 4 more runs, done by about 2026-11-16 21:00.",
    );
    expect(runningEstimate({ ...pull, triggerRuns: 1 }, "zh", "UTC")).toMatch(
      /大约还需 1 次，预计 2026-11-16 13:00 左右完成/,
    );
  });
});
