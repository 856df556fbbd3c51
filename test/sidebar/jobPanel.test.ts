// The words of a pull's progress and outcome.

import { describe, expect, it } from "vitest";
import { outcomeText, progressText } from "../../src/sidebar/jobs/jobPanel.js";

const summary = {
  status: "running" as const,
  rows: 1200,
  requests: 120,
  sheet: "Creators",
  jobId: "j",
};

describe("progress and outcome", () => {
  it("says how far the pull got", () => {
    expect(progressText({ phase: "running", origin: "search", summary }, "en")).toBe(
      "1,200 rows fetched · 120 requests so far",
    );
    expect(progressText({ phase: "starting", origin: "search" }, "zh")).toBe("正在开始拉取…");
  });

  it("says how it ended: the server's message, a stop, or lost touch", () => {
    const done = { ...summary, status: "done" as const, message: "Wrote 1,200 rows." };
    expect(outcomeText({ phase: "ended", origin: "search", summary: done }, "en")).toEqual({
      text: "Wrote 1,200 rows.",
      failed: false,
    });
    const failed = { ...summary, status: "failed" as const, message: undefined };
    expect(outcomeText({ phase: "ended", origin: "search", summary: failed }, "en")).toEqual({
      text: "The pull failed.",
      failed: true,
    });
    expect(outcomeText({ phase: "stopped", origin: "saved", summary }, "en").text).toContain(
      "“Running pulls” above says when the hourly trigger will finish it",
    );
    expect(
      outcomeText({ phase: "lost", origin: "saved", summary, error: "timeout" }, "zh").text,
    ).toContain("timeout");
  });
});
