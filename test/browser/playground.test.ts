// The playground in chromium: the page shows the grid and the sidebar iframe, typing a custom
// function into a cell spills its answer, the add-on menu reopens the sidebar, "+1 hour" moves the
// virtual clock — all against the built dist/ and the fake API, started in-process.

import { statSync } from "node:fs";
import type { Browser, Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Playground } from "../../dev/playground/server.js";
import { openPage, screenshot, usePlaygroundBrowser } from "./chromium.js";

let playground: Playground;
let browser: Browser;
let page: Page;
let errors: string[];

usePlaygroundBrowser(async (world) => {
  ({ playground, browser } = world);
  ({ page, errors } = await openPage(browser, playground.url));
});

function cell(a1: string) {
  return page.locator(`[data-testid=grid] td[data-cell="${a1}"]`);
}

async function sidebarFrame(): Promise<Frame> {
  const frame = await page.locator("[data-testid=sidebar-frame]").elementHandle();
  const content = await frame?.contentFrame();
  if (!content) throw new Error("The sidebar iframe has no document.");
  return content;
}

async function typeInto(a1: string, text: string): Promise<void> {
  await cell(a1).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

describe("the playground page", () => {
  it("shows the grid, the sheet tabs, the clock, the demo keys and the 300 px sidebar", async () => {
    await cell("A1").waitFor();
    await expect.poll(() => page.locator("thead th").nth(1).textContent()).toBe("A");
    expect(
      await page.locator("[data-testid='sheet-tab-Sheet1']").getAttribute("aria-selected"),
    ).toBe("true");
    await expect.poll(() => page.getByTestId("clock").textContent()).toContain("09:00");
    expect(await page.getByTestId("demo-keys").textContent()).toContain("demo-keyapi-key");

    const box = await page.getByTestId("sidebar-frame").boundingBox();
    expect(box?.width).toBe(300);
    const frame = await sidebarFrame();
    await expect
      .poll(() => frame.evaluate(() => typeof window.google?.script?.run?.withSuccessHandler))
      .toBe("function");
  });

  it("carries google.script.run calls to the runtime, refusing a Date as Apps Script does", async () => {
    const frame = await sidebarFrame();
    const call = (useDate: boolean) =>
      frame.evaluate(
        (withDate) =>
          new Promise<unknown>((resolve) => {
            const runner = window.google.script.run
              .withSuccessHandler((value: unknown, user: unknown) => resolve({ value, user }))
              .withFailureHandler((error: Error, user: unknown) =>
                resolve({ isError: error instanceof Error, message: error.message, user }),
              )
              .withUserObject("mine");
            if (withDate) runner.saveSettings!(new Date());
            else runner.getSettings!();
          }),
        useDate,
      );
    expect(await call(false)).toEqual({
      value: { keyapiKey: { set: true, hint: "-key" }, fastmossToken: { set: true, hint: "oken" } },
      user: "mine",
    });
    expect(await call(true)).toEqual({
      isError: true,
      message: "google.script.run cannot send arguments[0] (Date).",
      user: "mine",
    });
  });

  it('fills 6 rows when =TT_INFLUENCERS("US", 5) is typed into a cell', async () => {
    await typeInto("A1", '=TT_INFLUENCERS("US", 5)');
    await expect.poll(() => cell("A1").textContent(), { timeout: 30_000 }).toBe("Handle");
    for (const row of [2, 3, 4, 5, 6]) expect(await cell(`A${row}`).textContent()).not.toBe("");
    expect(await cell("A7").textContent()).toBe("");
    expect(playground.runtime.spreadsheet.sheet("Sheet1").lastRow()).toBe(6);

    await cell("A1").click();
    expect(await page.getByTestId("formula-bar").inputValue()).toBe('=TT_INFLUENCERS("US", 5)');
    expect(await page.getByTestId("name-box").textContent()).toBe("A1");
  });

  it("shows a failing formula as #ERROR! with its message on hover", async () => {
    await typeInto("A10", '=TT_COLUMNS("nope")');
    await expect.poll(() => cell("A10").textContent(), { timeout: 30_000 }).toBe("#ERROR!");
    expect(await cell("A10").getAttribute("title")).toContain(
      'TT_COLUMNS: source must be "keyapi" or "fastmoss"',
    );
  });

  it("runs Check setup from the menu: the sidebar lists every check, each ok", async () => {
    await page.getByTestId("menu-extensions").click();
    await page.getByTestId("menu-addon").click();
    await page.getByTestId("menu-item-showDiagnostics").click();
    await expect
      .poll(async () => {
        const frame = await sidebarFrame();
        return frame
          .locator("[data-testid=diagnostics-summary]")
          .textContent({ timeout: 1_000 })
          .catch(() => "");
      })
      .toBe("7 of 7 checks ok. The results are also in the sheet “TT Diagnostics”.");
    const frame = await sidebarFrame();
    expect(await frame.locator("[data-testid=diagnostic-copyTo]").textContent()).toContain(
      "✓ Range.copyTo between sheets — ok",
    );
    await expect
      .poll(() => page.locator("[data-testid='sheet-tab-TT Diagnostics']").count())
      .toBe(1);
  });

  it("opens a second spreadsheet of the same user and switches back", async () => {
    await page.getByTestId("new-spreadsheet").click();
    await expect.poll(() => page.getByTestId("doc-title").textContent()).toBe("Spreadsheet 2");
    expect(await page.locator("[data-testid='sheet-tab-TT Diagnostics']").count()).toBe(0);
    const picker = page.getByTestId("spreadsheet-picker");
    expect(await picker.locator("option").count()).toBe(2);
    await picker.selectOption({ index: 0 });
    await expect.poll(() => page.getByTestId("doc-title").textContent()).not.toBe("Spreadsheet 2");
    await expect
      .poll(() => page.locator("[data-testid='sheet-tab-TT Diagnostics']").count())
      .toBe(1);
  });

  it("reloads the sidebar iframe when the menu's Open sidebar runs", async () => {
    const before = await sidebarFrame();
    await before.evaluate(() => {
      (window as unknown as { beforeReload: boolean }).beforeReload = true;
    });
    await page.getByTestId("menu-extensions").click();
    await page.getByTestId("menu-addon").click();
    await page.getByTestId("menu-item-showSidebar").click();

    await expect
      .poll(async () => {
        const frame = await sidebarFrame();
        return frame.evaluate(() => ({
          reloaded: !(window as unknown as { beforeReload?: boolean }).beforeReload,
          startView: (window as unknown as { TT_START_VIEW?: string }).TT_START_VIEW,
        }));
      })
      .toEqual({ reloaded: true, startView: "search" });
    expect(await page.getByTestId("sidebar-title").textContent()).toBe("TikTok Influencers");
    expect(await page.getByTestId("menu-item-showSidebar").isVisible()).toBe(false);
  });

  it("follows the script's writes live: a pull's sheet shows with its bold, frozen header", async () => {
    const summary = playground.formulas.whileScriptRuns(() =>
      playground.runtime.serverCall("runQuery", [
        { source: "keyapi", region: "US", limit: 30, sheet: "Creators", mode: "replace" },
      ]),
    );
    expect(summary).toMatchObject({ status: "done", rows: 30 });
    await page.getByTestId("sheet-tab-Creators").click();
    await expect.poll(() => cell("A31").textContent()).not.toBe("");
    expect(await cell("A1").getAttribute("class")).toContain("bold");
    expect(await cell("A1").getAttribute("class")).toContain("frozen-row");
    await page.getByTestId("sheet-tab-Sheet1").click();
    await expect.poll(() => cell("A1").textContent()).toBe("Handle");
  });

  it("shows the script's alerts as notices that can be dismissed", async () => {
    await page.getByTestId("menu-extensions").click();
    await page.getByTestId("menu-addon").click();
    await page.getByTestId("menu-item-refreshAllSavedQueries").click();
    const notice = page.getByTestId("notice");
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain("no saved queries");
    await notice.getByTestId("notice-dismiss").click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it("is usable from the keyboard: the grid, its editor and the menu", async () => {
    await cell("A1").click();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    expect(await page.getByTestId("name-box").textContent()).toBe("B2");
    await page.keyboard.press("Enter");
    const editor = page.getByTestId("cell-editor");
    expect(await editor.inputValue()).toBe(await cell("B2").textContent());
    await page.keyboard.press("Escape");
    expect(await editor.count()).toBe(0);

    await cell("C20").click();
    await page.keyboard.type("typed");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell("C20").textContent()).toBe("typed");
    expect(await page.getByTestId("name-box").textContent()).toBe("C21");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Delete");
    await expect.poll(() => cell("C20").textContent()).toBe("");

    await page.getByTestId("menu-extensions").focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowRight");
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    expect(await focused()).toBe("Open sidebar");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("Refresh all saved queries");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    expect(await page.getByTestId("menu-item-showSidebar").isVisible()).toBe(false);
  });

  it('moves the virtual clock an hour with "+1 hour"', async () => {
    const start = playground.runtime.clock.now();
    await page.getByTestId("advance-hour").click();
    await expect.poll(() => page.getByTestId("clock").textContent()).toContain("10:00");
    expect(playground.runtime.clock.now()).toBeGreaterThanOrEqual(start + 3_600_000);
  });

  it("takes a screenshot, with no error on the page", async () => {
    await cell("B2").click();
    const file = await screenshot(page, "playground");
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(errors.filter((error) => !error.includes("/sidebar"))).toEqual([]);
  });
});

declare global {
  interface Window {
    google: { script: { run: import("../../dev/playground/client/script-run.js").ScriptRun } };
  }
}
