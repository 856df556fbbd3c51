// "Chart growth" in the playground, in chromium: a history sheet built by pulls days apart while
// the fake API grows followers, the sidebar's button on the saved history query, and the growth
// sheet shown with its line chart drawn over the grid (screenshot: growth-chart.png).

import type { Browser, Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Playground } from "../../dev/playground/server.js";
import { openPage, screenshot, sidebarFrame, usePlaygroundBrowser } from "./chromium.js";

const DAY = 86_400_000;
const HISTORY = {
  source: "keyapi",
  region: "US",
  limit: 30,
  sheet: "Creators history",
  mode: "history",
};

let playground: Playground;
let browser: Browser;
let page: Page;
let errors: string[];
let savedId: string;

usePlaygroundBrowser(async (world) => {
  ({ playground, browser } = world);
  const { runtime, api } = playground;
  await api.configure({ growth: { since: runtime.clock.now() } });
  for (let run = 0; run < 4; run++) {
    if (run > 0) runtime.advance(3 * DAY);
    runtime.serverCall("runQuery", [HISTORY]);
  }
  ({ id: savedId } = runtime.serverCall("saveQuery", [
    { ...HISTORY, name: "US creators, history", schedule: "off" },
  ]) as { id: string });
  ({ page, errors } = await openPage(browser, playground.url));
});

const sidebar = (): Promise<Frame> => sidebarFrame(page);

describe("Chart growth in the playground", () => {
  it("charts the saved history query's sheet from the sidebar and draws the line chart", async () => {
    const frame = await sidebar();
    await frame.getByTestId("tab-saved").click();
    const row = frame.getByTestId(`saved-${savedId}`);
    await expect.poll(() => row.textContent()).toMatch(/US creators, history/);
    await row.getByTestId("chart-growth").click();
    await expect
      .poll(() => frame.getByTestId("growth-status").textContent(), { timeout: 30_000 })
      .toMatch(/Wrote “Creators history growth”: 30 creators/);

    // The growth sheet is shown, its table in the grid and its chart over it.
    await expect
      .poll(() =>
        page
          .locator("[data-testid='sheet-tab-Creators history growth']")
          .getAttribute("aria-selected"),
      )
      .toBe("true");
    await expect
      .poll(() => page.locator('[data-testid=grid] td[data-cell="A1"]').textContent())
      .toBe("User ID");
    const chart = page.getByTestId("embedded-chart");
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute("data-chart-type")).toBe("LINE");
    expect(await chart.locator("polyline.chart-line").count()).toBe(10);
    expect(await chart.locator(".chart-title").textContent()).toMatch(
      /Followers over time: the 10 creators who grew most in 7 days/,
    );
    // Each line has a point per snapshot: four runs, so four points for a creator seen in each.
    const points = await chart
      .locator("polyline.chart-line")
      .evaluateAll((lines) => lines.map((line) => line.getAttribute("points")!.split(" ").length));
    expect(Math.max(...points)).toBe(4);
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(400);
    await screenshot(page, "growth-chart");

    // Run again: still one growth sheet and one chart.
    await row.getByTestId("chart-growth").click();
    await expect
      .poll(() => frame.getByTestId("growth-status").textContent(), { timeout: 30_000 })
      .toMatch(/Wrote “Creators history growth”/);
    expect(
      playground.runtime.spreadsheet.sheetNames().filter((name) => name.endsWith("growth")),
    ).toEqual(["Creators history growth"]);
    await expect.poll(() => page.getByTestId("embedded-chart").count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("offers Chart growth for the current sheet when it is a history sheet", async () => {
    await page.locator("[data-testid='sheet-tab-Creators history']").click();
    const frame = await sidebar();
    await frame.getByTestId("tab-search").click();
    await frame.getByTestId("tab-saved").click();
    const current = frame.getByTestId("growth-current");
    await expect.poll(() => current.isVisible()).toBe(true);
    expect(await current.textContent()).toMatch(/“Creators history” holds history snapshots/);
    expect(errors).toEqual([]);
  });
});
