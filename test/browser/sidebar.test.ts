// The sidebar in chromium, in the playground against the built dist/ and the fake APIs: a person
// fills a search, sees the cost, previews, writes to a sheet and sees the rows in the grid, switches
// to Chinese, saves a scheduled query, follows a long pull, manages keys, and reads errors in plain
// words. Screenshots are kept in test-results/screenshots.

import type { Browser, Frame, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import type { Playground } from "../../dev/playground/server.js";
import { openPage, screenshot, sidebarFrame, usePlaygroundBrowser } from "./chromium.js";

let playground: Playground;
let browser: Browser;
let page: Page;
let errors: string[];
const dialogs: string[] = [];

usePlaygroundBrowser(async (world) => {
  ({ playground, browser } = world);
});

beforeEach(async () => {
  await playground.api.reset();
  playground.runtime.serverCall("saveSettings", [
    { keyapiKey: "demo-keyapi-key", fastmossToken: "demo-fastmoss-token" },
  ]);
  await page?.context().close();
  ({ page, errors } = await openPage(browser, playground.url));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

const sidebar = (): Promise<Frame> => sidebarFrame(page);

const cell = (a1: string) => page.locator(`[data-testid=grid] td[data-cell="${a1}"]`);

async function showSheet(name: string): Promise<void> {
  await page.getByTestId(`sheet-tab-${name}`).click();
  await expect
    .poll(() => page.getByTestId(`sheet-tab-${name}`).getAttribute("aria-selected"))
    .toBe("true");
}

async function fillSearch(frame: Frame): Promise<void> {
  await frame.getByTestId("source-keyapi").click();
  await frame.getByTestId("region").fill("US");
  await frame.getByTestId("limit").fill("50");
  await frame.getByTestId("filter-min_total_followers_cnt").fill("100000");
}

describe("searching", () => {
  it("validates as the user types, naming the field, and shows the cost before running", async () => {
    const frame = await sidebar();
    await fillSearch(frame);
    await expect
      .poll(() => frame.getByTestId("cost").textContent())
      .toMatch(/5 requests.*5 credits/);
    await frame.getByTestId("filter-min_total_followers_cnt").fill("lots");
    await expect
      .poll(() => frame.getByTestId("error-min_total_followers_cnt").textContent())
      .toMatch(/whole number/);
    await frame.getByTestId("filter-min_total_followers_cnt").fill("500000");
    await frame.getByTestId("filter-max_total_followers_cnt").fill("1000");
    await expect
      .poll(async () =>
        [
          await frame
            .getByTestId("error-min_total_followers_cnt")
            .textContent()
            .catch(() => ""),
          await frame
            .getByTestId("error-max_total_followers_cnt")
            .textContent()
            .catch(() => ""),
        ].join(" "),
      )
      .toMatch(/above/);
    await frame.getByTestId("limit").fill("100001");
    await expect.poll(() => frame.getByTestId("error-limit").textContent()).toMatch(/100,000/);
    expect((await playground.api.stats()).keyapi.requests).toBe(0);
  });

  it("previews the first rows for one request, with creators' names as text", async () => {
    const frame = await sidebar();
    await fillSearch(frame);
    await frame.getByTestId("preview-button").click();
    await frame.getByTestId("preview-table").waitFor();
    await expect.poll(() => frame.locator("[data-testid=preview-table] tbody tr").count()).toBe(10);
    expect((await playground.api.stats()).keyapi.requests).toBe(1);
    expect(await frame.locator("[data-testid=preview-table] img").count()).toBe(0);
    await screenshot(page, "sidebar-preview");
    expect(dialogs).toEqual([]);
  });

  it("searches FastMoss's ranking by a completed month, and previews it", async () => {
    const frame = await sidebar();
    await frame.getByTestId("source-fastmoss").click();
    await frame.getByTestId("region").selectOption("DE");
    await frame.getByTestId("limit").fill("20");
    await frame.getByTestId("filter-date_type").selectOption("month");
    const months = await frame.getByTestId("filter-date_value").locator("option").allTextContents();
    expect(months.length).toBeGreaterThan(0);
    await frame.getByTestId("filter-date_value").selectOption({ index: 0 });
    await expect.poll(() => frame.getByTestId("cost").textContent()).toMatch(/1 request/);
    await frame.getByTestId("preview-button").click();
    await frame.getByTestId("preview-table").waitFor();
    await expect.poll(() => frame.locator("[data-testid=preview-table] tbody tr").count()).toBe(10);
    const body = (await playground.api.stats()).fastmoss.log[0]?.params as {
      filter: { region: string; date_info: { type: string } };
    };
    expect(body.filter.region).toBe("DE");
    expect(body.filter.date_info.type).toBe("month");
  });

  it("writes to a sheet and the rows appear in the grid", async () => {
    const frame = await sidebar();
    await fillSearch(frame);
    await frame.getByTestId("sheet-name").fill("Creators");
    await frame.getByTestId("mode-replace").check();
    await frame.getByTestId("write-button").click();
    await expect
      .poll(() => frame.getByTestId("summary").textContent(), { timeout: 30_000 })
      .toMatch(/Wrote 50 rows to “Creators”/);
    await showSheet("Creators");
    await expect.poll(() => cell("A1").textContent()).toBe("Handle");
    await expect.poll(() => cell("A51").textContent()).not.toBe("");
    expect(playground.runtime.spreadsheet.sheet("Creators").values()).toHaveLength(51);
    await screenshot(page, "sidebar-written");
  });

  it("follows a long pull to its end, calling resumeJob back to back", async () => {
    await playground.api.configure({ latencyMs: 300, rateLimit: { keyapi: 4, fastmoss: 4 } });
    const frame = await sidebar();
    await frame.getByTestId("source-keyapi").click();
    await frame.getByTestId("region").fill("US");
    await frame.getByTestId("limit").fill("12000");
    await frame.getByTestId("sheet-name").fill("Big");
    await frame.getByTestId("write-button").click();
    // The progress panel may come and go faster than a poll sees it: what must hold is that the
    // sidebar drove the job with resumeJob until it was done.
    await expect
      .poll(() => frame.getByTestId("summary").textContent(), { timeout: 90_000 })
      .toMatch(/Wrote 12,000 rows/);
    expect(playground.runtime.spreadsheet.sheet("Big").values()).toHaveLength(12_001);
    const resumes = playground.runtime.executions.filter(
      (record) => record.functionName === "resumeJob",
    );
    expect(resumes.length).toBeGreaterThan(0);
  });
});

describe("progress", () => {
  it("shows a waiting pull's progress, and can stop driving it, leaving it to the trigger", async () => {
    const runtime = playground.runtime;
    runtime.locks.holdByOther("document", runtime.clock.now() + 24 * 3_600_000);
    const frame = await sidebar();
    await fillSearch(frame);
    await frame.getByTestId("sheet-name").fill("Waiting");
    await frame.getByTestId("write-button").click();
    await frame.getByTestId("progress").waitFor({ state: "visible" });
    await expect.poll(() => frame.getByTestId("progress").textContent()).toMatch(/\S/);
    await screenshot(page, "sidebar-progress");
    await frame.getByTestId("stop-button").click();
    await frame.getByTestId("progress").waitFor({ state: "hidden" });
    await expect.poll(() => frame.getByTestId("summary").textContent()).toMatch(/trigger|hour/i);
    const driven = runtime.executions.filter(
      (record) => record.functionName === "resumeJob",
    ).length;
    await page.waitForTimeout(500);
    expect(runtime.executions.filter((record) => record.functionName === "resumeJob").length).toBe(
      driven,
    );
    expect(runtime.triggers.list()).toHaveLength(1);
    // Let the job finish, so its trigger doesn't outlive this test.
    runtime.locks.holdByOther("document", 0);
    const started = runtime.executions
      .filter((record) => record.functionName === "runQuery")
      .at(-1);
    let summary = started?.value as { status: string; jobId?: string };
    while (summary.status === "running")
      summary = runtime.serverCall("resumeJob", [summary.jobId]) as typeof summary;
    expect(summary.status).toBe("done");
  });
});

describe("errors in plain words", () => {
  it("says a key is missing when it is, without sending a request", async () => {
    playground.runtime.serverCall("saveSettings", [{ keyapiKey: "" }]);
    const frame = await sidebar();
    await fillSearch(frame);
    await frame.getByTestId("preview-button").click();
    await expect
      .poll(async () => {
        const texts = await Promise.all(
          ["error", "missing-key", "preview-info"].map((id) =>
            frame
              .getByTestId(id)
              .textContent({ timeout: 200 })
              .catch(() => ""),
          ),
        );
        return texts.join(" ");
      })
      .toMatch(/KeyAPI key/);
    expect((await playground.api.stats()).keyapi.requests).toBe(0);
    await screenshot(page, "sidebar-missing-key");
  });

  it("shows an API failure as the API's words, never the key", async () => {
    await playground.api.configure({ credits: 0 });
    const frame = await sidebar();
    await fillSearch(frame);
    await frame.getByTestId("sheet-name").fill("Creators");
    await frame.getByTestId("write-button").click();
    await expect
      .poll(() => frame.getByTestId("summary").textContent(), { timeout: 30_000 })
      .toMatch(/out of credits/);
    expect(await frame.locator("body").textContent()).not.toContain("demo-keyapi-key");
  });
});

describe("Chinese", () => {
  it("switches the whole sidebar to Simplified Chinese, and the server answers in it", async () => {
    const frame = await sidebar();
    await frame.getByTestId("lang-zh").click();
    await expect
      .poll(() => frame.getByTestId("tab-search").textContent())
      .toMatch(/[\u4e00-\u9fff]/);
    await fillSearch(frame);
    await frame.getByTestId("sheet-name").fill("达人");
    await frame.getByTestId("write-button").click();
    await expect
      .poll(() => frame.getByTestId("summary").textContent(), { timeout: 30_000 })
      .toMatch(/已将 50 行写入“达人”/);
    await screenshot(page, "sidebar-chinese");
    await frame.getByTestId("lang-en").click();
    await expect.poll(() => frame.getByTestId("tab-search").textContent()).toMatch(/Search/);
  });
});

describe("saved queries", () => {
  it("saves a scheduled query, lists it, runs it now, and deletes it", async () => {
    const frame = await sidebar();
    await fillSearch(frame);
    await frame.getByTestId("sheet-name").fill("Daily creators");
    await frame.getByTestId("save-name").fill("US creators, daily");
    await frame.getByTestId("save-schedule").selectOption("daily");
    await frame.getByTestId("save-button").click();
    await expect.poll(() => playground.runtime.serverCall("listQueries")).toHaveLength(1);
    expect(playground.runtime.triggers.list()).toHaveLength(1);

    await frame.getByTestId("tab-saved").click();
    const [saved] = playground.runtime.serverCall("listQueries") as { id: string }[];
    const row = frame.getByTestId(`saved-${saved!.id}`);
    await expect.poll(() => row.textContent()).toMatch(/US creators, daily/);
    await row.getByTestId("run-now").click();
    await expect
      .poll(() => frame.getByTestId("summary").textContent(), { timeout: 30_000 })
      .toMatch(/Wrote 50 rows/);
    await expect.poll(() => row.textContent()).toMatch(/done|Done|50/);
    await screenshot(page, "sidebar-saved");

    await row.getByTestId("delete").click();
    await row.getByTestId("confirm-delete").click();
    await expect.poll(() => playground.runtime.serverCall("listQueries")).toHaveLength(0);
    expect(playground.runtime.triggers.list()).toHaveLength(0);
  });
});

describe("settings", () => {
  it("shows keys masked, saves a new one, and tests the connection with one request", async () => {
    const frame = await sidebar();
    await frame.getByTestId("tab-settings").click();
    await expect
      .poll(() => frame.getByTestId("key-status-keyapiKey").textContent())
      .toMatch(/-key/);
    expect(await frame.locator("body").textContent()).not.toContain("demo-keyapi-key");
    await frame.getByTestId("key-keyapiKey").fill("a-brand-new-key-9876");
    await frame.getByTestId("save-keys").click();
    await expect
      .poll(() => frame.getByTestId("key-status-keyapiKey").textContent())
      .toMatch(/9876/);
    expect(await frame.getByTestId("key-keyapiKey").getAttribute("type")).toBe("password");
    await frame.getByTestId("test-keyapi").click();
    await expect
      .poll(() => frame.getByTestId("connection-message-keyapi").textContent())
      .toMatch(/refused the key/);
    expect((await playground.api.stats()).keyapi.requests).toBe(1);
    await screenshot(page, "sidebar-settings");
  });

  it("opens on Settings from the menu's Settings item", async () => {
    playground.runtime.menuItem("showSettings");
    await page.reload();
    const frame = await sidebar();
    await expect
      .poll(() => frame.getByTestId("tab-settings").getAttribute("aria-selected"))
      .toBe("true");
  });
});

describe("the page itself", () => {
  it("raises no script errors and is usable from the keyboard", async () => {
    const frame = await sidebar();
    await frame.getByTestId("tab-search").focus();
    await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("tab-saved");
    const unlabeled = await frame.evaluate(
      () =>
        [...document.querySelectorAll("input, select, textarea")].filter((field) => {
          const element = field as HTMLInputElement;
          if (element.type === "hidden" || element.type === "radio") return false;
          return (
            !element.labels?.length &&
            !element.getAttribute("aria-label") &&
            !element.getAttribute("aria-labelledby")
          );
        }).length,
    );
    expect(unlabeled).toBe(0);
    expect(errors).toEqual([]);
  });
});
