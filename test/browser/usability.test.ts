// The sidebar as a person uses it, in chromium against the playground at 300 px, in English and
// in Chinese: the actions in reach at every scroll position, targets that don't fit refused as
// the sheet name is typed (before anything is sent), pulls still running found again when the
// sidebar reopens, messages that name fields by their labels, header labels in the sidebar's
// language, the written sheet shown with its credits, a preview's page not paid twice, and
// saving that leaves the search a search. Screenshots of each state: test-results/screenshots.

import type { Browser, Frame, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import type { Playground } from "../../dev/playground/server.js";
import { openPage, screenshot, usePlaygroundBrowser } from "./chromium.js";

type Locale = "en" | "zh";

let playground: Playground;
let browser: Browser;
let page: Page;
let errors: string[];

usePlaygroundBrowser(async (world) => {
  ({ playground, browser } = world);
});

beforeEach(async () => {
  await playground.api.reset();
  playground.runtime.locks.holdByOther("document", 0);
  playground.runtime.serverCall("saveSettings", [
    { keyapiKey: "demo-keyapi-key", fastmossToken: "demo-fastmoss-token" },
  ]);
  await page?.context().close();
  ({ page, errors } = await openPage(browser, playground.url));
});

/** A name no other test uses: the playground's spreadsheet lives for the whole file. */
let serial = 0;
const unique = (base: string) => `${base} ${++serial}`;

async function sidebar(locale: Locale = "en"): Promise<Frame> {
  await page.getByTestId("sidebar-frame").waitFor();
  const handle = await page.getByTestId("sidebar-frame").elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("The sidebar iframe has no document.");
  await frame.getByTestId("tab-search").waitFor();
  await frame.getByTestId(`lang-${locale}`).click();
  await expect
    .poll(() => frame.getByTestId(`lang-${locale}`).getAttribute("aria-pressed"))
    .toBe("true");
  return frame;
}

const text = async (frame: Frame, testid: string): Promise<string> =>
  (await frame
    .getByTestId(testid)
    .first()
    .textContent({ timeout: 500 })
    .catch(() => "")) ?? "";

const executions = (name: string) =>
  playground.runtime.executions.filter((record) => record.functionName === name).length;

const requests = async () => {
  const stats = await playground.api.stats();
  return stats.keyapi.requests + stats.fastmoss.requests;
};

const values = (sheet: string) => playground.runtime.spreadsheet.sheet(sheet).values();

async function keyapiSearch(frame: Frame, limit: number, followers?: number): Promise<void> {
  await frame.getByTestId("source-keyapi").click();
  await frame.getByTestId("region").fill("US");
  await frame.getByTestId("limit").fill(String(limit));
  if (followers !== undefined)
    await frame.getByTestId("filter-min_total_followers_cnt").fill(String(followers));
}

async function target(frame: Frame, sheet: string, mode: string): Promise<void> {
  await frame.getByTestId("sheet-name").fill(sheet);
  await frame.getByTestId(`mode-${mode}`).check();
}

async function writeAndWait(frame: Frame, done: RegExp): Promise<string> {
  await frame.getByTestId("write-button").click();
  await expect.poll(() => text(frame, "summary"), { timeout: 60_000 }).toMatch(done);
  return text(frame, "summary");
}

const WORDS = {
  en: {
    reserved: /add-on's own sheet/,
    otherSource: /holds KeyAPI rows .* FastMoss rows can't go into it/,
    notHistory: /is not a history sheet/,
    wrote:
      /Wrote (\d[\d,]*) rows to “([^”]+)” \((replace|append|update or add|history)\): ([\d,]+) requests?, ([\d,]+) credits?\./,
    followers: /^Followers, at least \(500000\) is above Followers, at most \(1000\)/,
    running: /Running pulls/,
    estimate:
      /hourly trigger runs it on once an hour: about \d+ more runs?, done by about \d{4}-\d\d-\d\d \d\d:\d\d\./,
    saved: /^Saved “/,
    saveButton: "Save query",
  },
  zh: {
    reserved: /插件自己的工作表/,
    otherSource: /保存的是 KeyAPI 的数据.*不能写入 FastMoss 的数据/,
    notHistory: /不是历史记录工作表/,
    wrote:
      /已将 (\d[\d,]*) 行写入“([^”]+)”（(替换|追加|更新或添加|历史记录)）：([\d,]+) 次请求，([\d,]+) 个额度。/,
    followers: /^粉丝数下限（500000）大于 粉丝数上限（1000）/,
    running: /进行中的拉取/,
    estimate:
      /每小时的触发器每小时继续运行一次：大约还需 \d+ 次，预计 \d{4}-\d\d-\d\d \d\d:\d\d 左右完成/,
    saved: /^已保存“/,
    saveButton: "保存查询",
  },
} as const;

describe.each(["en", "zh"] as const)("in %s", (locale) => {
  const words = WORDS[locale];

  it("refuses the run log as a target, whatever its case, before anything is sent", async () => {
    const frame = await sidebar(locale);
    await keyapiSearch(frame, 10);
    await target(frame, "tt run log", "replace");
    await expect.poll(() => text(frame, "error-sheet")).toMatch(words.reserved);
    await screenshot(page, `usability-${locale}-run-log-refused`);
    const before = executions("runQuery");
    const spent = await requests();
    await frame.getByTestId("write-button").click();
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("sheet-name");
    expect(executions("runQuery")).toBe(before);
    expect(await requests()).toBe(spent);
  });

  it("refuses FastMoss rows into a KeyAPI sheet with the reason beside the field, and sends nothing", async () => {
    const frame = await sidebar(locale);
    const sheet = unique("Creators");
    await keyapiSearch(frame, 20);
    await target(frame, sheet, "replace");
    await writeAndWait(frame, words.wrote);
    const written = values(sheet);

    await frame.getByTestId("source-fastmoss").click();
    // FastMoss keeps its own sheet and mode: nothing carried over from KeyAPI's write.
    expect(await frame.getByTestId("sheet-name").inputValue()).toBe("");
    expect(await frame.getByTestId("mode-replace").isChecked()).toBe(true);
    await frame.getByTestId("limit").fill("20");
    await target(frame, sheet, "append");
    await expect.poll(() => text(frame, "error-sheet")).toMatch(words.otherSource);
    await screenshot(page, `usability-${locale}-other-source-refused`);
    const fastmossBefore = (await playground.api.stats()).fastmoss.requests;
    await frame.getByTestId("write-button").click();
    await page.waitForTimeout(300);
    expect((await playground.api.stats()).fastmoss.requests).toBe(fastmossBefore);
    expect(values(sheet)).toEqual(written);

    // Back on KeyAPI, its own sheet and mode are as they were.
    await frame.getByTestId("source-keyapi").click();
    expect(await frame.getByTestId("sheet-name").inputValue()).toBe(sheet);
  });

  it("refuses History onto a sheet that isn't a history sheet", async () => {
    const frame = await sidebar(locale);
    const sheet = unique("Plain");
    await keyapiSearch(frame, 10);
    await target(frame, sheet, "replace");
    await writeAndWait(frame, words.wrote);
    const spent = await requests();
    await frame.getByTestId("mode-history").check();
    await expect.poll(() => text(frame, "error-sheet")).toMatch(words.notHistory);
    await frame.getByTestId("write-button").click();
    await page.waitForTimeout(300);
    expect(await requests()).toBe(spent);
    await screenshot(page, `usability-${locale}-history-refused`);
  });

  it("keeps Preview and Write to sheet in sight and within 8 Tab presses, at every scroll position", async () => {
    const frame = await sidebar(locale);
    // Filter groups after the first start closed, each saying how many filters it holds.
    const opened = await frame.evaluate(() =>
      [...document.querySelectorAll<HTMLDetailsElement>(".search details.group")].map(
        (group) => group.open,
      ),
    );
    expect(opened.length).toBeGreaterThan(1);
    expect(opened[0]).toBe(true);
    expect(opened.slice(1).every((open) => !open)).toBe(true);
    await frame.getByTestId("group-engagement").locator("summary").click();
    await frame.getByTestId("filter-min_interaction_rate").fill("0.05");
    await frame.getByTestId("group-engagement").locator("summary").click();
    await expect
      .poll(() => frame.getByTestId("group-engagement").getByTestId("group-count").textContent())
      .toMatch(/(?<!\d)1(?!\d)/);

    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    for (const fraction of [0, 0.5, 1]) {
      await frame.evaluate((y) => window.scrollTo(0, y), height * fraction);
      // In the sidebar's own viewport (its 300 px frame), whatever the scroll.
      const box = await frame
        .getByTestId("write-button")
        .evaluate((button) => button.getBoundingClientRect().toJSON() as DOMRect);
      const viewport = await frame.evaluate(() => window.innerHeight);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(viewport);
      expect(await frame.getByTestId("write-button").isVisible()).toBe(true);
      // From the top: a click on the title puts the keyboard's starting point there.
      await frame.locator("h1").click();
      let presses = 0;
      let focused: string | null | undefined;
      while (presses < 8 && focused !== "write-button") {
        await page.keyboard.press("Tab");
        presses++;
        focused = await frame.evaluate(() => document.activeElement?.getAttribute("data-testid"));
      }
      expect(focused).toBe("write-button");
      await screenshot(page, `usability-${locale}-scrolled-${fraction * 100}`);
    }
  });

  it("previews on Enter and brings the result into view, the filtered-on column first", async () => {
    const frame = await sidebar(locale);
    await keyapiSearch(frame, 30, 200_000 + serial);
    await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await frame.getByTestId("limit").focus();
    await frame.getByTestId("limit").press("Enter");
    await frame.getByTestId("preview-table").waitFor();
    await expect
      .poll(async () => {
        const top = await frame
          .getByTestId("preview-table")
          .evaluate((table) => table.getBoundingClientRect().top);
        const viewport = await frame.evaluate(() => window.innerHeight);
        return top >= 0 && top < viewport - 100;
      })
      .toBe(true);
    const headers = await frame.locator("[data-testid=preview-table] th").allTextContents();
    expect(headers[1]).toBe(locale === "en" ? "Followers" : "粉丝数");
    await screenshot(page, `usability-${locale}-preview-on-enter`);
  });

  it("names the fields by their labels when a minimum is above its maximum", async () => {
    const frame = await sidebar(locale);
    await keyapiSearch(frame, 10);
    await frame.getByTestId("filter-min_total_followers_cnt").fill("500000");
    await frame.getByTestId("filter-max_total_followers_cnt").fill("1000");
    await expect.poll(() => text(frame, "error-min_total_followers_cnt")).toMatch(words.followers);
    expect(await text(frame, "error-min_total_followers_cnt")).not.toMatch(/total_followers_cnt/);
    await screenshot(page, `usability-${locale}-labels-in-messages`);
  });

  it("shows the written sheet and says the credits; a preview's page is not paid again", async () => {
    const frame = await sidebar(locale);
    const sheet = unique("Shown");
    await keyapiSearch(frame, 50, 300_000 + serial);
    await frame.getByTestId("preview-button").click();
    await frame.getByTestId("preview-table").waitFor();
    expect(await requests()).toBe(1);
    await target(frame, sheet, "replace");
    const summary = await writeAndWait(frame, words.wrote);
    const [, rows, , , spentRequests, credits] = summary.match(words.wrote) ?? [];
    expect(rows).toBe("50");
    // 50 rows are 5 pages; the preview's first page came from the cache.
    expect(spentRequests).toBe("4");
    expect(credits).toBe("4");
    expect(await requests()).toBe(5);
    expect(playground.runtime.spreadsheet.activeSheet.name).toBe(sheet);
    await expect
      .poll(() => page.getByTestId(`sheet-tab-${sheet}`).getAttribute("aria-selected"))
      .toBe("true");
    await screenshot(page, `usability-${locale}-written-and-shown`);
  });

  it("leaves the form a search after saving a query; Edit on its card is how to edit it", async () => {
    const frame = await sidebar(locale);
    const name = unique("Saved search");
    await keyapiSearch(frame, 10);
    await target(frame, unique("Saved sheet"), "append");
    await frame.getByTestId("save-name").fill(name);
    await frame.getByTestId("save-button").click();
    await expect.poll(() => text(frame, "save-note")).toMatch(words.saved);
    expect(await frame.getByTestId("editing").isHidden()).toBe(true);
    expect(await frame.getByTestId("save-button").textContent()).toBe(words.saveButton);
    await screenshot(page, `usability-${locale}-saved-stays-search`);
    const saved = (playground.runtime.serverCall("listQueries") as { id: string; name: string }[])
      .filter((query) => query.name === name)
      .map((query) => query.id);
    expect(saved).toHaveLength(1);
    await frame.getByTestId("tab-saved").click();
    await frame.getByTestId(`saved-${saved[0]}`).getByTestId("edit").click();
    await expect.poll(() => frame.getByTestId("editing").isVisible()).toBe(true);
  });

  it("finds a running pull again when the sidebar reopens, and Follow finishes it", async () => {
    await playground.api.configure({ latencyMs: 3000 });
    const runtime = playground.runtime;
    // Another run holds the document: the pull waits, as long pulls do between executions.
    runtime.locks.holdByOther("document", runtime.clock.now() + 24 * 3_600_000);
    let frame = await sidebar(locale);
    const sheet = unique("Long");
    await keyapiSearch(frame, 20_000);
    await target(frame, sheet, "replace");
    await frame.getByTestId("write-button").click();
    await frame.getByTestId("progress").waitFor({ state: "visible" });
    await screenshot(page, `usability-${locale}-pull-started`);
    // The sidebar closes mid-pull and opens again.
    await page.reload();
    frame = await sidebar(locale);
    await expect
      .poll(() => text(frame, "running-pulls"), { timeout: 30_000 })
      .toMatch(words.running);
    expect(await text(frame, "running-pulls")).toContain(sheet);
    expect(await text(frame, "running-estimate")).toMatch(words.estimate);
    await screenshot(page, `usability-${locale}-running-pulls`);
    const resumes = executions("resumeJob");
    runtime.locks.holdByOther("document", 0);
    await frame.getByTestId("follow-job").click();
    await expect.poll(() => text(frame, "summary"), { timeout: 90_000 }).toMatch(words.wrote);
    expect(executions("resumeJob")).toBeGreaterThan(resumes);
    expect(values(sheet)).toHaveLength(20_001);
    await expect.poll(() => frame.getByTestId("running-pulls").isHidden()).toBe(true);
    // The run log's last line of the pull tells the whole pull.
    const log = values("TT Run Log");
    const last = log.filter((line) => String(line[1]).includes(`“${sheet}”`)).at(-1)!;
    expect(last[3]).toBe(20_000);
    expect(last[4]).toBeGreaterThanOrEqual(2000);
    expect(last[4]).toBeLessThanOrEqual(2003);
    await screenshot(page, `usability-${locale}-followed-to-the-end`);
  });
});

describe("header labels in the sidebar's language", () => {
  it("writes Chinese labels from a Chinese sidebar, and a later English upsert updates the same rows", async () => {
    let frame = await sidebar("zh");
    const sheet = unique("双语");
    await keyapiSearch(frame, 20);
    await target(frame, sheet, "replace");
    await writeAndWait(frame, WORDS.zh.wrote);
    const first = values(sheet);
    expect(first[0]).toContain("账号");
    expect(first[0]).toContain("粉丝数");
    expect(first[0]).not.toContain("Followers");

    frame = await sidebar("en");
    await keyapiSearch(frame, 30);
    await target(frame, sheet, "upsert");
    await writeAndWait(frame, WORDS.en.wrote);
    const after = values(sheet);
    expect(after[0]).toEqual(first[0]);
    expect(after).toHaveLength(31);
    const idColumn = first[0]!.indexOf("用户 ID");
    expect(after.slice(1, 21).map((row) => row[idColumn])).toEqual(
      first.slice(1).map((row) => row[idColumn]),
    );
    await screenshot(page, "usability-bilingual-header");
  });
});

describe("smaller things", () => {
  it("tests each source's connection on its own line, with a singular credit", async () => {
    const frame = await sidebar("en");
    await frame.getByTestId("tab-settings").click();
    await frame.getByTestId("test-keyapi").click();
    await expect
      .poll(() => text(frame, "connection-message-keyapi"))
      .toMatch(/\(1 request, 1 credit\)/);
    await frame.getByTestId("test-fastmoss").click();
    await expect.poll(() => text(frame, "connection-message-fastmoss")).toMatch(/FastMoss/);
    expect(await text(frame, "connection-message-keyapi")).toMatch(/KeyAPI/);
    await screenshot(page, "usability-connection-lines");
  });

  it("suggests US for USA, naming the field by its label", async () => {
    const frame = await sidebar("en");
    await frame.getByTestId("source-keyapi").click();
    await frame.getByTestId("region").fill("USA");
    await expect
      .poll(() => text(frame, "error-region"))
      .toMatch(/^Region must be a two-letter .*did you mean "US"\?$/);
  });

  it("keeps the FastMoss region list inside 300 px and caps the sheet name at 100 characters", async () => {
    const frame = await sidebar("en");
    await frame.getByTestId("source-fastmoss").click();
    await frame.getByTestId("region").selectOption("GB");
    const width = await frame.evaluate(() => document.documentElement.clientWidth);
    const right = await frame
      .getByTestId("region")
      .evaluate((select) => select.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(width);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    // The preview's "Sales type" reads as words, not FastMoss's codes.
    await frame.getByTestId("limit").fill("10");
    await frame.getByTestId("preview-button").click();
    await frame.getByTestId("preview-table").waitFor();
    const headers = await frame.locator("[data-testid=preview-table] th").allTextContents();
    const salesType = headers.indexOf("Sales type");
    expect(salesType).toBeGreaterThan(0);
    const sales = await frame
      .locator(`[data-testid=preview-table] tbody td:nth-child(${salesType + 1})`)
      .allTextContents();
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.every((cell) => ["Video", "Live", "Video and live", ""].includes(cell))).toBe(
      true,
    );
    await frame.getByTestId("sheet-name").fill("x".repeat(500));
    expect((await frame.getByTestId("sheet-name").inputValue()).length).toBe(100);

    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    await screenshot(page, "usability-fastmoss-region");
  });

  it("refreshes the Saved tab by itself while it is shown", async () => {
    const runtime = playground.runtime;
    const name = unique("Hourly");
    runtime.serverCall("saveQuery", [
      {
        source: "keyapi",
        region: "US",
        limit: 10,
        sheet: unique("Hourly sheet"),
        mode: "replace",
        name,
        schedule: "hourly",
      },
    ]);
    const frame = await sidebar("en");
    await frame.getByTestId("tab-saved").click();
    const [saved] = (runtime.serverCall("listQueries") as { id: string; name: string }[]).filter(
      (query) => query.name === name,
    );
    const card = frame.getByTestId(`saved-${saved!.id}`);
    await expect.poll(() => card.textContent()).toMatch(/Never/);
    runtime.advance(3_600_000);
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toMatch(/Done · 10 rows/);
    await expect.poll(() => card.textContent()).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);
    await screenshot(page, "usability-saved-refreshed");
    runtime.serverCall("deleteQuery", [saved!.id]);
    expect(errors).toEqual([]);
  });
});
