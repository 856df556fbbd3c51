// Launches Debian's chromium (/usr/bin/chromium) with playwright-core for the browser tests, beside
// the playground, and saves screenshots as test artifacts. Never downloads a browser: when chromium
// is missing the tests fail, saying how to install it (`npm test` does it on a fresh machine).

import { accessSync, constants, mkdirSync } from "node:fs";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Frame,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type Playground, startPlayground } from "../../dev/playground/server.js";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const SCREENSHOT_DIR = path.resolve("test-results/screenshots");

/** A viewport that fits the grid and the 300 px sidebar side by side. */
export const DEFAULT_VIEWPORT = { width: 1400, height: 860 };

/** Throws, with the way to install it, when /usr/bin/chromium is not there. */
export function assertChromiumInstalled(): void {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(
      [
        `The browser tests need Debian's chromium at ${CHROMIUM_PATH}, and it is missing.`,
        "Install it with `node scripts/ensure-chromium.mjs` (what `npm test` runs first), or as root:",
        "  apt-get update && apt-get install -y chromium",
        "Browsers are never downloaded (no `playwright install`).",
      ].join("\n"),
    );
  }
}

/** Starts a headless chromium; close it in afterAll. Playwright gives it a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 60_000,
  });
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Errors thrown and console errors logged, in any frame, each as "<url>: <message>". */
  readonly errors: string[];
}

/** Opens `url` in a fresh context (no shared cookies or storage), collecting the page's errors. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = DEFAULT_VIEWPORT,
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.stack ?? error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.location().url}: ${message.text()}`);
  });
  await page.goto(url);
  return { context, page, errors };
}

/** Saves a full-window PNG as test-results/screenshots/<name>.png; answers its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The playground's sidebar: its iframe's document, once the sidebar has drawn its tabs. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  await page.getByTestId("sidebar-frame").waitFor();
  const handle = await page.getByTestId("sidebar-frame").elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("The sidebar iframe has no document.");
  await frame.getByTestId("tab-search").waitFor();
  return frame;
}

export interface PlaygroundBrowser {
  readonly playground: Playground;
  readonly browser: Browser;
}

/**
 * Before a file's tests: the playground (its own port) and chromium, then `ready` to prepare the
 * world and open pages; after them, both closed.
 */
export function usePlaygroundBrowser(ready: (world: PlaygroundBrowser) => Promise<void>): void {
  let world: Partial<PlaygroundBrowser> = {};
  beforeAll(async () => {
    const playground = await startPlayground({ port: 0 });
    world = { playground };
    const browser = await launchChromium();
    world = { playground, browser };
    await ready({ playground, browser });
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.playground?.close();
  });
}
