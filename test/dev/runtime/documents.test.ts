// Several spreadsheets of one user in the local runtime: document stores of their own, user
// properties, triggers and UrlFetch's quota shared; triggers listed per spreadsheet and 20 at most;
// trigger runs with or without an active spreadsheet; service calls told to fail.

import { describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../../dev/runtime/runtime.js";
import { TRIGGER_ERRORS } from "../../../dev/runtime/script-app.js";
import { FIXTURE_MANIFEST, useFixtureRuntimes } from "./fixtureRuntime.js";

const CODE = `
  function remember(value) {
    PropertiesService.getDocumentProperties().setProperty("v", value);
    PropertiesService.getUserProperties().setProperty("u", value);
    CacheService.getDocumentCache().put("c", value, 600);
  }
  function recall() {
    var cached = CacheService.getDocumentCache().get("c");
    return [PropertiesService.getDocumentProperties().getProperty("v"),
            PropertiesService.getUserProperties().getProperty("u"), cached,
            SpreadsheetApp.getActiveSpreadsheet().getId()];
  }
  function hold() { return LockService.getDocumentLock().tryLock(0); }
  function makeTrigger() {
    return ScriptApp.newTrigger("tick").timeBased().everyHours(1).create().getUniqueId();
  }
  function mine() {
    return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map(function (t) {
      return t.getUniqueId();
    });
  }
  function all() {
    return ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); });
  }
  function tick() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    console.log("ss=" + (ss ? ss.getId() : "none") +
      " props=" + (PropertiesService.getDocumentProperties() === null ? "none" : "some") +
      " cache=" + (CacheService.getDocumentCache() === null ? "none" : "some") +
      " lock=" + (LockService.getDocumentLock() === null ? "none" : "some"));
  }
  function locale() { return Session.getActiveUserLocale(); }
  function ping() { UrlFetchApp.fetch("http://127.0.0.1:9/", { muteHttpExceptions: true }); }
`;

const newRuntime = useFixtureRuntimes(import.meta.dirname);
// No allowed hosts: any fetch goes as far as UrlFetch's quota, which is what these tests watch.
const { urlFetchWhitelist: _, ...MANIFEST } = FIXTURE_MANIFEST;
const runtime = (): AppsScriptRuntime => newRuntime(CODE, { manifest: MANIFEST });

describe("several spreadsheets of one user", () => {
  it("keep their own document properties, cache and lock and share the user's properties", () => {
    const rt = runtime();
    const b = rt.openSpreadsheet({ name: "B" }).spreadsheet.id;
    rt.serverCall("remember", ["in A"]);
    expect(rt.serverCall("recall", [], undefined, b)).toEqual([null, "in A", null, b]);
    rt.serverCall("remember", ["in B"], undefined, b);
    expect(rt.serverCall("recall")).toEqual(["in A", "in B", "in A", rt.spreadsheet.id]);
    expect(rt.documents.get(b).properties.get("v")).toBe("in B");
    rt.locks.holdByOther("document", rt.clock.now() + 60_000);
    expect(rt.serverCall("hold")).toBe(false);
    expect(rt.serverCall("hold", [], undefined, b)).toBe(true);
  });

  it("list triggers per spreadsheet with getUserTriggers and all of them with getProjectTriggers", () => {
    const rt = runtime();
    const b = rt.openSpreadsheet().spreadsheet.id;
    const inA = rt.serverCall("makeTrigger");
    const inB = rt.serverCall("makeTrigger", [], undefined, b);
    expect(rt.serverCall("mine")).toEqual([inA]);
    expect(rt.serverCall("mine", [], undefined, b)).toEqual([inB]);
    expect(rt.serverCall("all")).toEqual([inA, inB]);
    expect(() => rt.serverCall("makeTrigger")).toThrow(TRIGGER_ERRORS.tooManyClockInDocument);
  });

  it("allow a user 20 triggers in all, with Google's words for the 21st", () => {
    const rt = runtime();
    for (let index = 0; index < 20; index++) {
      const id = index === 0 ? rt.spreadsheet.id : rt.openSpreadsheet().spreadsheet.id;
      rt.serverCall("makeTrigger", [], undefined, id);
    }
    const last = rt.openSpreadsheet().spreadsheet.id;
    expect(() => rt.serverCall("makeTrigger", [], undefined, last)).toThrow(TRIGGER_ERRORS.tooMany);
    expect(rt.triggers.list()).toHaveLength(20);
  });

  it("fire triggers with their spreadsheet active, or with none when told so", () => {
    const rt = runtime();
    const b = rt.openSpreadsheet().spreadsheet.id;
    rt.serverCall("makeTrigger", [], undefined, b);
    rt.advance(2 * 3_600_000);
    const fired = rt.executions.filter((record) => record.kind === "timeTrigger");
    expect(fired.at(-1)).toMatchObject({ ok: true, spreadsheet: b });
    expect(fired.at(-1)?.logs).toEqual([`ss=${b} props=some cache=some lock=some`]);
    rt.triggersHaveActiveSpreadsheet = false;
    rt.advance(3_600_000);
    const detached = rt.executions.filter((record) => record.kind === "timeTrigger").at(-1);
    expect(detached).toMatchObject({ ok: true, spreadsheet: null });
    expect(detached?.logs).toEqual(["ss=none props=none cache=none lock=none"]);
  });

  it("share UrlFetch's daily quota: used up in one spreadsheet, it is used up in all", () => {
    const rt = runtime();
    const b = rt.openSpreadsheet().spreadsheet.id;
    expect(rt.http.quota.consume(rt.owner, rt.http.quota.limit, rt.clock.now())).toBe(true);
    expect(() => rt.serverCall("ping", [], undefined, b)).toThrow(
      "Service invoked too many times for one day: urlfetch.",
    );
    expect(() => rt.serverCall("ping")).toThrow("Service invoked too many times for one day");
  });

  it("take a document service away when told to", () => {
    const rt = runtime();
    rt.documents.primary.unavailable.add("lock");
    rt.documents.primary.unavailable.add("cache");
    expect(() => rt.serverCall("hold")).toThrow(/null/);
    expect(() => rt.serverCall("recall")).toThrow(/null/);
  });
});

describe("faults", () => {
  it("make a named service call throw the given error, counted as a call", () => {
    const rt = runtime();
    expect(rt.serverCall("locale")).toBe("en");
    rt.faults.set("Session.getActiveUserLocale", "We're sorry, a server error occurred.");
    expect(() => rt.serverCall("locale")).toThrow("We're sorry, a server error occurred.");
    expect(rt.callCounts()["Session.getActiveUserLocale"]).toBe(2);
  });
});
