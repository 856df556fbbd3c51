// When saved queries are due: hourly at each firing, daily once per local calendar day, weekly once
// in seven days; the longest-waiting first.

import { describe, expect, it } from "vitest";
import { dueAt, dueInOrder, isDue } from "../../../src/server/schedules/due.js";
import { localDay } from "../../../src/shared/timeZones.js";

const H = 3_600_000;
const T = Date.UTC(2026, 10, 16, 9, 17); // a Monday, 09:17 UTC

describe("due times", () => {
  it("never-run queries are due at once; off ones never", () => {
    expect(isDue("hourly", undefined, T, "Etc/UTC")).toBe(true);
    expect(isDue("off", undefined, T, "Etc/UTC")).toBe(false);
    expect(dueAt("off", T, "Etc/UTC")).toBeUndefined();
  });

  it("hourly: at every firing, but not twice within half an hour", () => {
    expect(isDue("hourly", T, T + H, "Etc/UTC")).toBe(true);
    expect(isDue("hourly", T + 20 * 60_000, T + H, "Etc/UTC")).toBe(true);
    expect(isDue("hourly", T + 45 * 60_000, T + H, "Etc/UTC")).toBe(false);
  });

  it("daily: once per calendar day in the spreadsheet's time zone", () => {
    const evening = Date.UTC(2026, 10, 16, 15, 30); // 23:30 in Shanghai
    expect(isDue("daily", evening, evening + H, "Asia/Shanghai")).toBe(true);
    expect(isDue("daily", evening, evening + H, "Etc/UTC")).toBe(false);
    expect(dueAt("daily", evening, "Asia/Shanghai")).toBe(Date.UTC(2026, 10, 16, 16, 0));
    expect(dueAt("daily", evening, "America/New_York")).toBe(Date.UTC(2026, 10, 17, 5, 0));
  });

  it("daily: counts days correctly across a daylight-saving change", () => {
    const beforeChange = Date.UTC(2026, 2, 7, 12, 0); // New York, the day before clocks go forward
    expect(dueAt("daily", beforeChange, "America/New_York")).toBe(Date.UTC(2026, 2, 8, 5, 0));
    expect(dueAt("daily", Date.UTC(2026, 2, 8, 12, 0), "America/New_York")).toBe(
      Date.UTC(2026, 2, 9, 4, 0),
    );
  });

  it("weekly: once in seven days", () => {
    expect(isDue("weekly", T, T + 7 * 24 * H, "Etc/UTC")).toBe(true);
    expect(isDue("weekly", T, T + 6 * 24 * H, "Etc/UTC")).toBe(false);
  });

  it("orders due queries the longest-waiting first", () => {
    const queries = [
      { name: "hourly, ran an hour ago", schedule: "hourly" as const, lastRun: T - H },
      { name: "never ran", schedule: "daily" as const },
      { name: "weekly, ran 8 days ago", schedule: "weekly" as const, lastRun: T - 8 * 24 * H },
      { name: "off", schedule: "off" as const },
      { name: "daily, ran today", schedule: "daily" as const, lastRun: T - H },
    ];
    expect(dueInOrder(queries, T, "Etc/UTC").map((query) => query.name)).toEqual([
      "never ran",
      "weekly, ran 8 days ago",
      "hourly, ran an hour ago",
    ]);
  });

  it("names local days", () => {
    expect(localDay(Date.UTC(2026, 10, 16, 20), "Asia/Tokyo")).toBe("2026-11-17");
    expect(localDay(Date.UTC(2026, 10, 16, 20), "Etc/UTC")).toBe("2026-11-16");
  });
});
