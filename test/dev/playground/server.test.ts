// The playground's routes, with the server started in-process and called with fetch: the page and
// its scripts, the sidebar with the google.script shim, /rpc's answers, typing into cells,
// /snapshot's shape, the menu, the clock, the notices and the live-update stream.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type GridSnapshot,
  type Playground,
  type PlaygroundState,
  startPlayground,
} from "../../../dev/playground/server.js";
import { encodeForTransport } from "../../../dev/playground/transport.js";
import { fixtureRuntimeOptions } from "./fixture.js";

let playground: Playground;

beforeAll(async () => {
  playground = await startPlayground({ port: 0, runtime: fixtureRuntimeOptions() });
});

afterAll(async () => {
  await playground?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: each test reads the answer's shape it expects.
type Json = any;

async function post(route: string, body: unknown): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${playground.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

async function rpc(name: string, ...args: unknown[]) {
  return (await post("/rpc", { name, args: encodeForTransport(args) })).json;
}

async function get<T>(route: string): Promise<T> {
  const response = await fetch(`${playground.url}${route}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe("the playground server", () => {
  it("starts with the demo keys saved and the add-on menu that onOpen built", async () => {
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await rpc("getSettings")).toEqual({
      ok: true,
      value: { keyapiKey: "demo-keyapi-key", fastmossToken: "demo-fastmoss-token" },
    });
    const state = await get<PlaygroundState>("/state");
    expect(state.menus).toEqual([
      {
        title: "TikTok Influencers",
        addon: true,
        items: [
          { type: "item", caption: "Open sidebar", functionName: "showSidebar" },
          { type: "item", caption: "Break", functionName: "breakDown" },
          { type: "item", caption: "Say hello", functionName: "sayHello" },
        ],
      },
    ]);
    expect(state.demoKeys).toEqual({
      keyapiKey: "demo-keyapi-key",
      fastmossToken: "demo-fastmoss-token",
    });
    expect(state.fakeApiUrl).toBe(playground.api.url);
    expect(state.timeZone).toBe("Etc/UTC");
  });

  it("serves the page, its script and its styles, with no external resource", async () => {
    const page = await fetch(`${playground.url}/`);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<iframe id="sidebar-frame"');
    expect(html).not.toMatch(/(src|href)="https?:/);
    const script = await fetch(`${playground.url}/page.js`);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("EventSource");
    expect((await fetch(`${playground.url}/page.css`)).headers.get("content-type")).toMatch(
      /^text\/css/,
    );
    expect((await fetch(`${playground.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${playground.url}/`, { method: "DELETE" })).status).toBe(405);
  });

  it("serves the sidebar with the google.script shim first in <head>", async () => {
    const html = await (await fetch(`${playground.url}/sidebar`)).text();
    const shim = html.indexOf("google");
    expect(html.startsWith("<!doctype html><html><head><script>")).toBe(true);
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(html.indexOf("sidebarScriptRan"));
    expect(html).not.toContain("TT_START_VIEW");
  });

  it("answers /rpc with the value, or the error the failure handler gets", async () => {
    expect(await rpc("echo", { a: [1, "b", null, true] })).toEqual({
      ok: true,
      value: { a: [1, "b", null, true] },
    });
    expect(await rpc("fail")).toEqual({
      ok: false,
      error: { name: "Error", message: "the server function failed" },
    });
    expect(await rpc("echo", new Date(0))).toEqual({
      ok: false,
      error: { name: "Error", message: "google.script.run cannot send arguments[0] (Date)." },
    });
    expect(await rpc("echo", { onDone: () => 1 })).toEqual({
      ok: false,
      error: {
        name: "Error",
        message: "google.script.run cannot send arguments[0].onDone (function).",
      },
    });
    expect(await rpc("today")).toMatchObject({
      ok: false,
      error: { message: "google.script.run cannot return answer (Date)." },
    });
    expect(await rpc("hidden_")).toMatchObject({
      ok: false,
      error: { message: "Script function not found: hidden_" },
    });
    expect(await rpc("nothingLikeThis")).toMatchObject({
      ok: false,
      error: { message: "Script function not found: nothingLikeThis" },
    });
  });

  it("refuses requests that are not JSON, and calls without a name", async () => {
    const form = await fetch(`${playground.url}/rpc`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ name: "echo", args: [] }),
    });
    expect(form.status).toBe(415);
    expect((await post("/rpc", { args: [] })).status).toBe(400);
    expect((await post("/rpc", { name: "echo", args: "x" })).status).toBe(400);
  });

  it("types into a cell as a user would, evaluating the add-on's formulas", async () => {
    const typed = await post("/cell", {
      sheet: "Sheet1",
      row: 1,
      column: 1,
      text: '=TT_INFLUENCERS("US", 5)',
    });
    expect(typed).toEqual({
      status: 200,
      json: {
        ok: true,
        sheet: "Sheet1",
        cell: {
          a1: "A1",
          display: "Handle",
          formula: '=TT_INFLUENCERS("US", 5)',
          spill: { rows: 6, columns: 2 },
        },
      },
    });
    const number = await post("/cell", { sheet: "Sheet1", row: 1, column: 4, text: "0012345" });
    expect(number.json.cell).toEqual({ a1: "D1", display: "12345" });
    const text = await post("/cell", { sheet: "sheet1", row: 2, column: 4, text: "'0012345" });
    expect(text.json.cell.display).toBe("0012345");
    const failing = await post("/cell", {
      sheet: "Sheet1",
      row: 3,
      column: 4,
      text: '=TT_COLUMNS("x")',
    });
    expect(failing.json.cell).toMatchObject({
      display: "#ERROR!",
      error: { code: "#ERROR!", message: expect.stringContaining("TT_COLUMNS: source must be") },
    });
  });

  it("refuses cells outside the sheet and unknown sheets", async () => {
    const outside = await post("/cell", { sheet: "Sheet1", row: 1, column: 27, text: "x" });
    expect(outside.status).toBe(400);
    expect(outside.json.error.message).toBe('AA1 is outside the sheet "Sheet1".');
    expect((await post("/cell", { sheet: "Nope", row: 1, column: 1, text: "x" })).status).toBe(404);
    expect((await post("/cell", { sheet: "Sheet1", row: 0, column: 1, text: "x" })).status).toBe(
      400,
    );
  });

  it("answers /snapshot with the first rows of a sheet, formats applied, and how many more", async () => {
    playground.runtime.spreadsheet.insertSheet("Pull");
    await post("/activate", { sheet: "Pull" });
    await rpc("writeRows", 10);
    const snapshot = await get<GridSnapshot>("/snapshot?sheet=Pull&maxRows=3");
    expect(snapshot.spreadsheet).toEqual({
      name: "Untitled spreadsheet",
      timeZone: "Etc/UTC",
      activeSheet: "Pull",
      sheets: [
        { name: "Sheet1", hidden: false },
        { name: "Pull", hidden: false },
      ],
    });
    expect(snapshot.sheet).toMatchObject({
      name: "Pull",
      maxRows: 1000,
      maxColumns: 26,
      lastRow: 10,
      lastColumn: 2,
      frozenRows: 1,
      rowsShown: 3,
      moreRows: 7,
      values: [
        ["row 1", 1],
        ["row 2", 2],
        ["row 3", 3],
      ],
      display: [
        ["row 1", "100.0%"],
        ["row 2", "200.0%"],
        ["row 3", "300.0%"],
      ],
      bold: [
        [1, 1],
        [1, 2],
      ],
      errors: [],
    });

    const sheet1 = await get<GridSnapshot>("/snapshot?sheet=Sheet1");
    expect(sheet1.sheet.rowsShown).toBe(6);
    expect(sheet1.sheet.formulas).toEqual([
      [1, 1, '=TT_INFLUENCERS("US", 5)'],
      [3, 4, '=TT_COLUMNS("x")'],
    ]);
    expect(sheet1.sheet.errors).toEqual([
      {
        row: 3,
        column: 4,
        code: "#ERROR!",
        message: 'TT_COLUMNS: source must be "keyapi" or "fastmoss", not "x".',
      },
    ]);
    const capped = await get<GridSnapshot>("/snapshot?sheet=Pull&maxRows=100000");
    expect(capped.sheet.rowsShown).toBe(10);
    const fallback = await get<GridSnapshot>("/snapshot?sheet=Gone");
    expect(fallback.sheet.name).toBe("Pull");
  });

  it("runs menu items; the sidebar they open is what /sidebar serves next", async () => {
    expect((await post("/menu", { functionName: "showSidebar" })).json).toEqual({ ok: true });
    const html = await (await fetch(`${playground.url}/sidebar`)).text();
    expect(html).toContain('window.TT_START_VIEW = "search";');
    expect(html.indexOf("<script>")).toBeLessThan(html.indexOf("sidebarScriptRan"));
    const state = await get<PlaygroundState>("/state");
    expect(state.sidebar).toEqual({ title: "Fixture sidebar", opened: 1 });
    expect((await post("/menu", { functionName: "fail" })).status).toBe(400);
  });

  it("shows alerts and failed menu items as notices, until dismissed", async () => {
    await post("/menu", { functionName: "sayHello" });
    expect(await post("/menu", { functionName: "breakDown" })).toMatchObject({
      json: { ok: false, error: { message: "the menu item broke" } },
    });
    const { notices } = await get<PlaygroundState>("/state");
    expect(notices.map(({ kind, title, message }) => ({ kind, title, message }))).toEqual([
      { kind: "alert", title: "", message: "Hello from the script" },
      { kind: "error", title: "breakDown failed", message: "the menu item broke" },
    ]);
    await post("/dismiss", { id: notices[0]!.id });
    expect((await get<PlaygroundState>("/state")).notices).toHaveLength(1);
    await post("/dismiss", { id: "all" });
    expect((await get<PlaygroundState>("/state")).notices).toEqual([]);
  });

  it("moves the virtual clock, firing the triggers that fall due", async () => {
    await rpc("scheduleHourly");
    const before = playground.runtime.clock.now();
    const moved = await post("/advance", { ms: 3 * 3_600_000 });
    expect(moved.json.ok).toBe(true);
    expect(moved.json.now).toBe(before + 3 * 3_600_000);
    expect(playground.runtime.spreadsheet.sheet("Sheet1").values()[0]![25]).toBeGreaterThanOrEqual(
      2,
    );
    expect((await post("/advance", { ms: -1 })).status).toBe(400);
  });

  it("streams versions on /events when the spreadsheet, the menus or the sidebar change", async () => {
    const controller = new AbortController();
    const response = await fetch(`${playground.url}/events`, { signal: controller.signal });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    type Versions = { spreadsheet: number; ui: number; sidebar: number; now: number };
    let buffered = "";
    /** The next event that `wanted` accepts (earlier ones may still be on their way). */
    const eventWhere = async (wanted: (versions: Versions) => boolean): Promise<Versions> => {
      for (;;) {
        const end = buffered.indexOf("\n\n");
        if (end < 0) {
          buffered += (await reader.read()).value ?? "";
          continue;
        }
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data === undefined) continue;
        const versions = JSON.parse(data) as Versions;
        if (wanted(versions)) return versions;
      }
    };
    const first = await eventWhere(() => true);
    await post("/cell", { sheet: "Sheet1", row: 20, column: 1, text: "hello" });
    const second = await eventWhere((versions) => versions.spreadsheet > first.spreadsheet);
    await post("/menu", { functionName: "showSidebar" });
    const third = await eventWhere((versions) => versions.sidebar > second.sidebar);
    expect(third.sidebar).toBe(second.sidebar + 1);
    expect(third.now).toBe(playground.runtime.clock.now());
    controller.abort();
  });
});

describe("startPlayground", () => {
  it("falls back to a free port when the one asked for is taken, and closes cleanly", async () => {
    const taken = Number(new URL(playground.url).port);
    const second = await startPlayground({
      port: taken,
      runtime: fixtureRuntimeOptions(),
      saveDemoKeys: false,
    });
    try {
      expect(second.url).not.toBe(playground.url);
      expect(
        await (
          await fetch(`${second.url}/rpc`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name: "getSettings", args: [] }),
          })
        ).json(),
      ).toEqual({ ok: true, value: null });
    } finally {
      await second.close();
    }
    await expect(fetch(`${second.url}/state`)).rejects.toThrow();
  });

  it("fails, leaving nothing running, when the bundle is missing", async () => {
    await expect(
      startPlayground({ port: 0, runtime: { codePath: "/nonexistent/Code.js" } }),
    ).rejects.toThrow(/ENOENT/);
  });
});

describe("several spreadsheets", () => {
  it("opens a second spreadsheet with its own document properties, menu and grid, and switches back", async () => {
    const first = await get<PlaygroundState>("/state");
    const opened = await post("/spreadsheet", { open: true });
    expect(opened.status).toBe(200);
    const second = await get<PlaygroundState>("/state");
    expect(second.spreadsheets.map((sheet) => sheet.id)).toEqual([
      first.spreadsheetId,
      opened.json.id,
    ]);
    expect(second.spreadsheetId).toBe(opened.json.id);
    expect(second.spreadsheetName).toBe("Spreadsheet 2");
    // Its onOpen built its own menu, and its keys are its own document's.
    expect(second.menus).toHaveLength(1);
    await rpc("saveSettings", { keyapiKey: "only-in-the-second" });
    expect((await rpc("getSettings")).value.keyapiKey).toBe("only-in-the-second");
    const grid = await get<GridSnapshot>("/snapshot");
    expect(grid.spreadsheet.name).toBe("Spreadsheet 2");
    expect((await post("/spreadsheet", { id: first.spreadsheetId })).status).toBe(200);
    expect((await get<PlaygroundState>("/state")).spreadsheetId).toBe(first.spreadsheetId);
    expect((await rpc("getSettings")).value.keyapiKey).toBe("demo-keyapi-key");
    expect((await post("/spreadsheet", { id: "nope" })).status).toBe(404);
  });
});
