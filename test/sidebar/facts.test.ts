// What a saved query's row says.

import { describe, expect, it } from "vitest";
import { savedFacts } from "../../src/sidebar/saved/facts.js";
import type { SavedQuery } from "../../src/sidebar/state.js";

const NOW = Date.UTC(2026, 2, 10, 13);
const base: SavedQuery = {
  id: "q1",
  name: "US daily",
  schedule: "daily",
  query: { source: "keyapi", region: "US", limit: 200, sheet: "Creators", mode: "upsert" },
};

describe("savedFacts", () => {
  it("describes a query that never ran", () => {
    expect(savedFacts({ ...base, nextRun: new Date(NOW).toISOString() }, "en", NOW)).toEqual({
      target: "KeyAPI · US · 200 rows → “Creators” (Update or add)",
      schedule: "Daily",
      lastRun: "Never",
      status: "",
      failed: false,
      error: "",
      nextRun: "At the next hourly run",
    });
  });

  it("tells a failed run and its error in plain words", () => {
    const facts = savedFacts(
      {
        ...base,
        lastRun: "2026-03-10T08:04:00.000Z",
        lastStatus: "failed",
        lastRows: 0,
        lastError: "KeyAPI refused the key.",
        nextRun: "2026-03-11T00:00:00.000Z",
      },
      "zh",
      NOW,
    );
    expect(facts).toMatchObject({
      status: "失败 · 0 行",
      failed: true,
      error: "KeyAPI refused the key.",
    });
    expect(facts.lastRun).toContain("2026");
    expect(facts.nextRun).toContain("2026");
  });

  it("says when a query isn't scheduled", () => {
    expect(savedFacts({ ...base, schedule: "off" }, "en", NOW).nextRun).toBe("Not scheduled");
  });
});
