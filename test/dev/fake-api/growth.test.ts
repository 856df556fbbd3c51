// The fake API's growth knob: each creator's followers compound at a daily rate of its own from
// `since`, the same for the same seed and id, and nothing moves while the knob is off.

import { describe, expect, it } from "vitest";
import { defaultConfig, mergeConfig } from "../../../dev/fake-api/config.js";
import { dailyGrowthRate, grownFollowers } from "../../../dev/fake-api/growth.js";

const DAY = 86_400_000;
const SINCE = Date.UTC(2026, 0, 1);

describe("growth knob", () => {
  it("compounds each creator's own daily rate from `since`", () => {
    const knob = { since: SINCE };
    const rate = dailyGrowthRate(7, "123", knob);
    expect(rate).toBeGreaterThanOrEqual(-0.02);
    expect(rate).toBeLessThanOrEqual(0.08);
    expect(grownFollowers(7, "123", 10_000, knob, SINCE)).toBe(10_000);
    expect(grownFollowers(7, "123", 10_000, knob, SINCE - 5 * DAY)).toBe(10_000);
    expect(grownFollowers(7, "123", 10_000, knob, SINCE + 3 * DAY)).toBe(
      Math.round(10_000 * (1 + rate) ** 3),
    );
    expect(grownFollowers(7, "123", 10_000, null, SINCE + 3 * DAY)).toBe(10_000);
  });

  it("gives creators different rates, some shrinking, most growing", () => {
    const rates = Array.from({ length: 500 }, (_, id) =>
      dailyGrowthRate(7, String(id), { since: SINCE }),
    );
    expect(new Set(rates).size).toBe(500);
    expect(rates.some((rate) => rate < 0)).toBe(true);
    expect(rates.filter((rate) => rate > 0).length).toBeGreaterThan(300);
  });

  it("is a knob like the others: set, narrowed, and turned off", () => {
    const on = mergeConfig(defaultConfig(), { growth: { since: SINCE, maxRate: 0.01 } });
    expect(on.growth).toEqual({ since: SINCE, maxRate: 0.01 });
    expect(mergeConfig(on, { latencyMs: 5 }).growth).toEqual(on.growth);
    expect(mergeConfig(on, { growth: null }).growth).toBeNull();
    expect(() => mergeConfig(on, { growth: { since: SINCE, maxRate: 3 } })).toThrow();
  });
});
