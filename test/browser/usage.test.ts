// The Usage tab in chromium, in the playground: a month of requests made by formulas, pulls and a
// daily schedule, shown as today's and the month's totals, the cap's meter, a 30-day bar chart by
// source and each saved query's cost — in English and in Chinese (screenshots: usage-en.png,
// usage-zh.png); the cap saved from Settings, and the cost line saying when a run would hit it.

import type { Browser, Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Playground } from "../../dev/playground/server.js";
import { openPage, screenshot, sidebarFrame, usePlaygroundBrowser } from "./chromium.js";

const DAY = 86_400_000;

let playground: Playground;
let browser: Browser;
let page: Page;
let errors: string[];
let dailyId: string;

usePlaygroundBrowser(async (world) => {
  ({ playground, browser } = world);
  const { runtime } = playground;
  runtime.serverCall("saveSettings", [
    { keyapiKey: "demo-keyapi-key", fastmossToken: "demo-fastmoss-token" },
  ]);
  ({ id: dailyId } = runtime.serverCall("saveQuery", [
    {
      name: "US creators, daily",
      schedule: "daily",
      source: "keyapi",
      region: "US",
      limit: 30,
      sheet: "Daily",
      mode: "history",
      columns: ["user_id"],
    },
  ]) as { id: string });
  // Two weeks of formulas and pulls, a few days apart, while the daily schedule runs.
  for (let day = 0; day < 14; day++) {
    if (day % 3 === 0)
      runtime.customFunction("TT_INFLUENCERS", [
        "US",
        10 * (day + 1),
        "min_total_followers_cnt",
        day,
      ]);
    if (day % 2 === 0)
      runtime.customFunction("TT_TOP_POTENTIAL", ["US", 10, "follower_count_min", 100 + day]);
    runtime.advance(DAY);
  }
  runtime.serverCall("runQuery", [
    {
      source: "keyapi",
      region: "GB",
      limit: 120,
      sheet: "GB",
      mode: "replace",
      columns: ["user_id"],
    },
  ]);
  runtime.serverCall("saveSettings", [{ dailyCreditCap: 20 }]);
  ({ page, errors } = await openPage(browser, playground.url));
});

const sidebar = (): Promise<Frame> => sidebarFrame(page);

describe("the Usage tab", () => {
  it("shows the totals, the cap, a 30-day chart by source and each saved query's cost", async () => {
    const frame = await sidebar();
    await frame.getByTestId("tab-usage").click();
    const chart = frame.getByTestId("usage-chart");
    await chart.waitFor();
    const usage = playground.runtime.serverCall("getUsage") as {
      today: { keyapi: number };
      byDay: { day: string; keyapi: number; fastmoss: number }[];
    };
    expect(await frame.getByTestId("usage-day").count()).toBe(30);
    // One bar per source on each day that had requests, as tall as its share of the busiest day.
    const busy = usage.byDay.filter((day) => day.keyapi > 0).length;
    expect(busy).toBeGreaterThan(5);
    expect(await chart.locator(".bar-keyapi").count()).toBe(busy);
    expect(await chart.locator(".bar-fastmoss").count()).toBe(
      usage.byDay.filter((day) => day.fastmoss > 0).length,
    );
    const last = usage.byDay.at(-1)!;
    expect(await frame.getByTestId("usage-day").last().getAttribute("title")).toBe(
      `${last.day}: KeyAPI ${last.keyapi}, FastMoss ${last.fastmoss}`,
    );
    expect(await chart.locator("[role=img]").getAttribute("aria-label")).toMatch(
      /^Requests per day from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: KeyAPI \d+ in all/,
    );
    expect(await frame.getByTestId("usage-today").textContent()).toMatch(
      new RegExp(`KeyAPI ${usage.today.keyapi} credits`),
    );
    expect(await frame.getByTestId("usage-cap-text").textContent()).toMatch(
      new RegExp(`${usage.today.keyapi} of 20 KeyAPI credits used today`),
    );
    const row = frame.getByTestId(`usage-query-${dailyId}`);
    expect(await row.locator("td").allTextContents()).toEqual(["US creators, daily", "3", "90"]);
    // The column fits the 300 px sidebar: nothing scrolls sideways.
    const overflow = await frame.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "usage-en");
  });

  it("speaks Chinese", async () => {
    const frame = await sidebar();
    await frame.getByTestId("lang-zh").click();
    await expect.poll(() => frame.getByTestId("tab-usage").textContent()).toBe("用量");
    await frame.getByTestId("tab-usage").click();
    await frame.getByTestId("usage-chart").waitFor();
    expect(await frame.getByTestId("usage-chart").locator("figcaption").textContent()).toBe(
      "最近 30 天每日请求数",
    );
    expect(await frame.getByTestId("usage-cap-text").textContent()).toMatch(/今天已用 \d+ \/ 20/);
    expect(await frame.getByTestId("usage-day").count()).toBe(30);
    await screenshot(page, "usage-zh");
    await frame.getByTestId("lang-en").click();
    await expect.poll(() => frame.getByTestId("tab-usage").textContent()).toBe("Usage");
  });

  it("saves the cap from Settings, and the cost line says when a run would hit it", async () => {
    const frame = await sidebar();
    await frame.getByTestId("tab-settings").click();
    await expect
      .poll(() => frame.getByTestId("daily-cap-status").textContent())
      .toBe("Now: 20 credits a day.");
    await frame.getByTestId("daily-cap").fill("400");
    await frame.getByTestId("save-cap").click();
    await expect
      .poll(() => frame.getByTestId("cap-message").textContent())
      .toBe("Saved: at most 400 KeyAPI credits a day.");
    expect(playground.runtime.serverCall("getSettings")).toMatchObject({ dailyCreditCap: 400 });

    await frame.getByTestId("tab-search").click();
    await frame.getByTestId("source-keyapi").click();
    await frame.getByTestId("limit").fill("5000");
    await expect
      .poll(() => frame.getByTestId("cost-cap").textContent())
      .toMatch(/^Over today's cap: \d+ of 400 credits left\. A pull stops at the cap/);
    expect(await frame.getByTestId("cost-cap").getAttribute("class")).toContain("over");
    await frame.getByTestId("limit").fill("50");
    await expect
      .poll(() => frame.getByTestId("cost-cap").textContent())
      .toMatch(/^Today's cap leaves \d+ of 400 credits\.$/);
    await screenshot(page, "usage-cost-cap");
    expect(errors).toEqual([]);
  });
});
