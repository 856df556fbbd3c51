// The local Apps Script runtime as a whole: executions, authorization modes, limits, the virtual
// clock and triggers, exercised with small fixture scripts rather than the add-on's bundle.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeApiHandle, startFakeApiInWorker } from "../../../dev/fake-api/worker.js";
import { apiRoutes } from "../../../dev/runtime/runtime.js";
import { FIXTURE_MANIFEST, useFixtureRuntimes } from "./fixtureRuntime.js";

const runtime = useFixtureRuntimes(import.meta.dirname);

describe("executions", () => {
  it("runs each execution in a fresh global scope, as Apps Script does", () => {
    const rt = runtime(`
      var counter = 0;
      function bump() { counter += 1; return counter; }
    `);
    expect(rt.serverCall("bump")).toBe(1);
    expect(rt.serverCall("bump")).toBe(1);
  });

  it("offers none of Node's or the browser's globals", () => {
    const rt = runtime(`
      function globals() {
        return ["setTimeout", "fetch", "URL", "URLSearchParams", "TextEncoder", "atob", "btoa",
                "crypto", "process", "Buffer", "require", "structuredClone"]
          .filter(function (name) { return typeof globalThis[name] !== "undefined"; });
      }
    `);
    expect(rt.serverCall("globals")).toEqual([]);
  });

  it("gives the script a Date that reads the virtual clock", () => {
    const rt = runtime(`function now() { return [Date.now(), new Date().getTime()]; }`, {
      startTime: Date.UTC(2026, 0, 2, 3, 4, 5),
    });
    expect(rt.serverCall("now")).toEqual([
      Date.UTC(2026, 0, 2, 3, 4, 5),
      Date.UTC(2026, 0, 2, 3, 4, 5),
    ]);
    rt.advance(60_000);
    expect(rt.serverCall("now")).toEqual([
      Date.UTC(2026, 0, 2, 3, 5, 5),
      Date.UTC(2026, 0, 2, 3, 5, 5),
    ]);
  });

  it("moves the clock with Utilities.sleep", () => {
    const rt = runtime(
      `function nap() { var t = Date.now(); Utilities.sleep(1500); return Date.now() - t; }`,
    );
    const before = rt.clock.now();
    expect(rt.serverCall("nap")).toBe(1500);
    expect(rt.clock.now() - before).toBe(1500);
  });

  it("ends an execution at 6 minutes, even when the script catches the error", () => {
    const rt = runtime(`
      function forever() {
        try { for (;;) Utilities.sleep(60000); } catch (e) { /* swallowed */ }
        SpreadsheetApp.getActiveSheet().getRange(1, 1).setValue("after the deadline");
        return "finished";
      }
    `);
    const start = rt.clock.now();
    const record = rt.run("forever", [], { kind: "serverCall", authMode: "FULL" });
    expect(record.ok).toBe(false);
    expect(record.error?.message).toBe("Exceeded maximum execution time");
    expect(rt.clock.now() - start).toBe(6 * 60_000);
    // Nothing happens after the deadline: Apps Script would have ended the run there.
    expect(rt.spreadsheet.sheet("Sheet1").values()).toEqual([]);
  });

  it("reports a killed execution as timed out even if the script swallows every error", () => {
    const rt = runtime(`
      function stubborn() {
        for (var i = 0; i < 10; i++) { try { Utilities.sleep(60000); } catch (e) {} }
        return "I think I finished";
      }
    `);
    const record = rt.run("stubborn", [], { kind: "serverCall", authMode: "FULL" });
    expect(record.ok).toBe(false);
    expect(record.error?.message).toBe("Exceeded maximum execution time");
  });

  it("ends a custom function at 30 seconds", () => {
    const rt = runtime(
      `function SLOW() { Utilities.sleep(20000); Utilities.sleep(20000); return 1; }`,
    );
    const start = rt.clock.now();
    expect(() => rt.customFunction("SLOW")).toThrow("Exceeded maximum execution time");
    expect(rt.clock.now() - start).toBe(30_000);
  });

  it("reports a missing function as Apps Script does", () => {
    const rt = runtime(`function here() { return 1; }`);
    expect(() => rt.serverCall("nowhere")).toThrow("Script function not found: nowhere");
  });
});

describe("custom functions", () => {
  it("cannot write cells", () => {
    const rt = runtime(`
      function WRITE() { SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(1, 1).setValue("x"); }
    `);
    expect(() => rt.customFunction("WRITE")).toThrow(
      /You do not have permission to call Range\.setValue/,
    );
    expect(rt.spreadsheet.sheet("Sheet1").values()).toEqual([]);
  });

  it("can read cells, properties and the cache", () => {
    const rt = runtime(`
      function READ() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
        CacheService.getDocumentCache().put("k", "cached");
        return [[sheet.getRange(1, 1).getValue(), PropertiesService.getDocumentProperties().getProperty("p"),
                 CacheService.getDocumentCache().get("k")]];
      }
      function seed() {
        SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(1, 1).setValue("hello");
        PropertiesService.getDocumentProperties().setProperty("p", "v");
      }
    `);
    rt.serverCall("seed");
    expect(rt.customFunction("READ")).toEqual([["hello", "v", "cached"]]);
  });

  it("reads the owner's user properties, not the caller's", () => {
    const rt = runtime(`
      function remember(value) { PropertiesService.getUserProperties().setProperty("who", value); }
      function WHO() { return PropertiesService.getUserProperties().getProperty("who"); }
    `);
    rt.serverCall("remember", ["owner's"], "owner@example.com");
    rt.serverCall("remember", ["editor's"], "editor@example.com");
    expect(rt.customFunction("WHO", [], "editor@example.com")).toBe("owner's");
  });

  it("cannot show a sidebar or create a trigger", () => {
    const rt = runtime(`
      function UI() { SpreadsheetApp.getUi().alert("hi"); }
      function TRIGGER() { ScriptApp.newTrigger("x").timeBased().everyHours(1).create(); }
    `);
    expect(() => rt.customFunction("UI")).toThrow(/permission/);
    expect(() => rt.customFunction("TRIGGER")).toThrow(
      /You do not have permission to call ScriptApp\.newTrigger/,
    );
  });
});

describe("onOpen and authorization modes", () => {
  const MENU_SCRIPT = `
    function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem("Open sidebar", "showSidebar").addToUi();
    }
    function readInOnOpen(e) { return PropertiesService.getDocumentProperties().getProperty("x"); }
  `;

  it("builds the add-on menu in AuthMode.NONE", () => {
    const rt = runtime(MENU_SCRIPT);
    const record = rt.simpleTrigger("onOpen", "NONE");
    expect(record.ok).toBe(true);
    expect(rt.ui.menus.at(-1)?.items.map((item) => "caption" in item && item.caption)).toEqual([
      "Open sidebar",
    ]);
  });

  it("cannot read properties in AuthMode.NONE", () => {
    const rt = runtime(MENU_SCRIPT);
    const record = rt.run("readInOnOpen", [{ authMode: "NONE" }], {
      kind: "simpleTrigger",
      authMode: "NONE",
    });
    expect(record.ok).toBe(false);
    expect(record.error?.message).toMatch(/You do not have permission to call PropertiesService/);
  });

  it("breaks onOpen in AuthMode.NONE when the bundle's top level touches a service", () => {
    const rt = runtime(`
      var settings = PropertiesService.getDocumentProperties();
      ${MENU_SCRIPT}
    `);
    const none = rt.simpleTrigger("onOpen", "NONE");
    expect(none.ok).toBe(false);
    expect(none.error?.message).toMatch(/You do not have permission to call PropertiesService/);
    expect(rt.simpleTrigger("onOpen", "FULL").ok).toBe(true);
  });

  it("refuses services the manifest has no scope for", () => {
    const rt = runtime(`function go() { UrlFetchApp.fetch("https://api.keyapi.ai/"); }`, {
      manifest: { ...FIXTURE_MANIFEST, oauthScopes: [FIXTURE_MANIFEST.oauthScopes[0]!] },
    });
    expect(() => rt.serverCall("go")).toThrow(
      "You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request",
    );
  });
});

describe("google.script.run", () => {
  it("carries plain values and refuses a Date either way", () => {
    const rt = runtime(`
      function echo(value) { return value; }
      function today() { return new Date(); }
    `);
    expect(rt.serverCall("echo", [{ a: [1, "two", null, true] }])).toEqual({
      a: [1, "two", null, true],
    });
    expect(() => rt.serverCall("echo", [new Date()])).toThrow(
      /cannot send arguments\[0\] \(Date\)/,
    );
    expect(() => rt.serverCall("today")).toThrow(/cannot return answer \(Date\)/);
  });

  it("cannot call a private function (name ending in _)", () => {
    const rt = runtime(`function secret_() { return 1; }`);
    expect(() => rt.serverCall("secret_")).toThrow(/Script function not found/);
  });
});

describe("caches and properties", () => {
  it("refuses a cache value over 100 KB", () => {
    const rt = runtime(
      `function put(size) { CacheService.getScriptCache().put("big", new Array(size + 1).join("x")); }`,
    );
    expect(() => rt.serverCall("put", [100 * 1024])).not.toThrow();
    expect(() => rt.serverCall("put", [100 * 1024 + 1])).toThrow(/Argument too large/);
  });

  it("expires cache values on the virtual clock", () => {
    const rt = runtime(`
      function put() { CacheService.getScriptCache().put("k", "v", 60); }
      function get() { return CacheService.getScriptCache().get("k"); }
    `);
    rt.serverCall("put");
    rt.advance(59_000);
    expect(rt.serverCall("get")).toBe("v");
    rt.advance(2_000);
    expect(rt.serverCall("get")).toBeNull();
  });

  it("refuses a property value over 9 KB", () => {
    const rt = runtime(
      `function put(size) { PropertiesService.getDocumentProperties().setProperty("p", new Array(size + 1).join("x")); }`,
    );
    expect(() => rt.serverCall("put", [9 * 1024])).not.toThrow();
    expect(() => rt.serverCall("put", [9 * 1024 + 1])).toThrow();
  });
});

describe("triggers", () => {
  const TRIGGER_SCRIPT = `
    function install() { return ScriptApp.newTrigger("tick").timeBased().everyHours(1).create().getUniqueId(); }
    function installFast() { ScriptApp.newTrigger("tick").timeBased().everyMinutes(30).create(); }
    function tick(e) {
      var props = PropertiesService.getDocumentProperties();
      props.setProperty("ticks", String(Number(props.getProperty("ticks") || 0) + 1));
    }
    function ticks() { return Number(PropertiesService.getDocumentProperties().getProperty("ticks") || 0); }
    function count() { return ScriptApp.getProjectTriggers().length; }
    function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
    function ui() { SpreadsheetApp.getUi(); }
  `;

  it("allows one time-driven trigger per user and document, with Apps Script's message for a second", () => {
    const rt = runtime(TRIGGER_SCRIPT);
    rt.serverCall("install");
    expect(() => rt.serverCall("install")).toThrow(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
    expect(rt.serverCall("count")).toBe(1);
    // Another user may have their own.
    rt.serverCall("install", [], "editor@example.com");
    expect(rt.triggers.list()).toHaveLength(2);
  });

  it("refuses add-on time triggers more frequent than hourly", () => {
    const rt = runtime(TRIGGER_SCRIPT);
    expect(() => rt.serverCall("installFast")).toThrow(/more often than once per hour/);
  });

  it("fires an hourly trigger once an hour on the virtual clock, until deleted", () => {
    const rt = runtime(TRIGGER_SCRIPT);
    rt.serverCall("install");
    rt.advance(30 * 60_000);
    expect(rt.serverCall("ticks")).toBe(0);
    rt.advance(5 * 3_600_000);
    expect(rt.serverCall("ticks")).toBeGreaterThanOrEqual(4);
    expect(rt.serverCall("ticks")).toBeLessThanOrEqual(5);
    const fired = rt.executions.filter((record) => record.kind === "timeTrigger");
    for (let index = 1; index < fired.length; index++) {
      expect(fired[index]!.startedAt - fired[index - 1]!.startedAt).toBe(3_600_000);
    }
    rt.serverCall("removeAll");
    const before = rt.serverCall("ticks");
    rt.advance(3 * 3_600_000);
    expect(rt.serverCall("ticks")).toBe(before);
  });

  it("refuses the Ui in a time-driven trigger with Apps Script's message", () => {
    const rt = runtime(TRIGGER_SCRIPT);
    const record = rt.run("ui", [], { kind: "timeTrigger", authMode: "FULL" });
    expect(record.error?.message).toBe("Cannot call SpreadsheetApp.getUi() from this context.");
  });

  it("fails a trigger's authorized calls when the user must authorize again", () => {
    const rt = runtime(`${TRIGGER_SCRIPT}
      function status() { return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus(); }
      function touch() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
    `);
    rt.setAuthorizationRequired("owner@example.com", true);
    const record = rt.run("status", [], { kind: "timeTrigger", authMode: "FULL" });
    expect(record.value).toBe("REQUIRED");
    const touch = rt.run("touch", [], { kind: "timeTrigger", authMode: "FULL" });
    expect(touch.error?.message).toBe("Authorization is required to perform that action.");
    rt.setAuthorizationRequired("owner@example.com", false);
    expect(rt.run("touch", [], { kind: "timeTrigger", authMode: "FULL" }).ok).toBe(true);
  });
});

describe("UrlFetchApp against the fake APIs", () => {
  let api: FakeApiHandle;

  beforeAll(async () => {
    api = await startFakeApiInWorker({ seed: 7 });
  });

  afterAll(async () => {
    await api.close();
  });

  const FETCH_SCRIPT = `
    function pages(count) {
      var requests = [];
      for (var page = 1; page <= count; page++) {
        requests.push({
          url: "https://api.keyapi.ai/v1/tiktok/influencer/list/analytics?region=US&page_size=10&page_num=" + page,
          headers: { Authorization: "Bearer demo-keyapi-key" },
          muteHttpExceptions: true,
        });
      }
      var start = Date.now();
      var codes = UrlFetchApp.fetchAll(requests).map(function (r) { return r.getResponseCode(); });
      return { codes: codes, elapsed: Date.now() - start };
    }
    function oneByOne(count) {
      var start = Date.now();
      for (var page = 1; page <= count; page++) {
        UrlFetchApp.fetch("https://api.keyapi.ai/v1/tiktok/influencer/list/analytics?region=US&page_size=10&page_num=" + page,
          { headers: { Authorization: "Bearer demo-keyapi-key" } });
      }
      return Date.now() - start;
    }
  `;

  it("runs fetchAll's requests at the same time: 10 requests at 300 ms cost 300 ms", async () => {
    await api.reset();
    await api.configure({ latencyMs: 300 });
    const rt = runtime(FETCH_SCRIPT, { routes: apiRoutes(api.url) });
    expect(rt.serverCall("pages", [10])).toEqual({ codes: Array(10).fill(200), elapsed: 300 });
    expect(rt.serverCall("oneByOne", [10])).toBe(3_000);
    const stats = await api.stats();
    expect(stats.keyapi.requests).toBe(20);
  });
});
