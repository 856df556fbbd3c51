// The FastMoss periods the form offers are complete, and the server's own rules accept them.

import { describe, expect, it } from "vitest";
import { validateQuery } from "../../src/shared/query/index.js";
import { latestDay, recentMonths, recentWeeks } from "../../src/sidebar/search/periods.js";

/** Tuesday 10 March 2026, 13:00 UTC. */
const NOW = Date.UTC(2026, 2, 10, 13);

const accepted = (type: string, value: string) =>
  validateQuery(
    {
      source: "fastmoss",
      region: "US",
      limit: 10,
      filters: { date_type: type, date_value: value },
    },
    { now: NOW, timeZone: "UTC" },
  ).ok;

describe("periods", () => {
  it("offers days up to the latest complete everywhere", () => {
    expect(latestDay(NOW)).toBe("2026-03-09");
    expect(accepted("day", latestDay(NOW))).toBe(true);
  });

  it("offers complete ISO weeks, latest first, labelled with their days", () => {
    const weeks = recentWeeks(NOW, "en", 4);
    expect(weeks.map((w) => w.value)).toEqual(["2026-10", "2026-09", "2026-08", "2026-07"]);
    expect(weeks[0]?.label).toBe("2026-10 · Mar 2 – Mar 8");
    for (const week of recentWeeks(NOW, "en")) expect(accepted("week", week.value)).toBe(true);
    expect(recentWeeks(NOW, "zh", 1)[0]?.label).toBe("2026-10 · 3月2日 – 3月8日");
  });

  it("offers complete months, latest first, across the turn of the year", () => {
    const months = recentMonths(NOW, "en", 4);
    expect(months.map((m) => m.value)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
    expect(months[0]?.label).toBe("2026-02 · February 2026");
    for (const month of recentMonths(NOW, "en")) expect(accepted("month", month.value)).toBe(true);
  });
});
