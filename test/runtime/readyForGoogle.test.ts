// SPEC "Ready for Google's servers", in the local runtime with several spreadsheets of one user:
// triggers belong to one spreadsheet, the 20-trigger limit, nothing cached across keys or in the
// script cache, trigger runs without a document, the day's 80 minutes of trigger time, a menu that
// survives a failing locale lookup, and time zones that fall back to Utilities.formatDate.

import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import type { AppsScriptRuntime } from "../../dev/runtime/runtime.js";
import { DAY, DEMO_KEYS, HOUR, useAddonWorld } from "./addonWorld.js";

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const historyQuery = (name: string, schedule: string) => ({
  name,
  schedule,
  source: "keyapi",
  region: "US",
  limit: 10,
  columns: ["user_id"],
  sheet: name,
  mode: "history",
});

/** Distinct snapshots in a history sheet of a spreadsheet: one per run. */
function runsIn(spreadsheet: AppsScriptRuntime["spreadsheet"], sheet: string): number {
  if (!spreadsheet.sheetNames().includes(sheet)) return 0;
  const times = spreadsheet
    .sheet(sheet)
    .values()
    .slice(1)
    .map((row) => (row[0] as Date).getTime());
  return new Set(times).size;
}

const requests = async () => {
  const stats = await api.stats();
  return stats.keyapi.requests + stats.fastmoss.requests;
};

/** Another spreadsheet of the owner, with the demo keys saved in it. */
function secondSpreadsheet(name = "B") {
  const document = rt.openSpreadsheet({ name });
  rt.serverCall("saveSettings", [DEMO_KEYS], undefined, document.spreadsheet.id);
  return document;
}

describe("triggers belong to one spreadsheet", () => {
  it("keeps A's schedules firing while B saves and deletes schedules of the same user", () => {
    const a = rt.spreadsheet;
    rt.serverCall("saveQuery", [historyQuery("A hourly", "hourly")]);
    const b = secondSpreadsheet().spreadsheet;
    const saveInB = (query: object) =>
      (rt.serverCall("saveQuery", [query], undefined, b.id) as { id: string }).id;
    const inB = saveInB(historyQuery("B hourly", "hourly"));
    saveInB(historyQuery("B off", "off"));
    expect(rt.triggers.list().map((trigger) => trigger.documentId)).toEqual([a.id, b.id]);
    rt.serverCall("deleteQuery", [inB], undefined, b.id);
    saveInB(historyQuery("B daily", "daily"));
    saveInB({ ...historyQuery("B daily", "off"), id: saveInB(historyQuery("B weekly", "weekly")) });
    rt.serverCall("deleteQuery", [saveInB(historyQuery("B gone", "hourly"))], undefined, b.id);
    rt.advance(HOUR + 59 * 60_000);
    expect(runsIn(a, "A hourly")).toBe(1);
    rt.advance(2 * HOUR);
    expect(runsIn(a, "A hourly")).toBe(3);
    // B's daily schedule ran in B and nowhere else.
    expect(runsIn(b, "B daily")).toBe(1);
    expect(a.sheetNames()).not.toContain("B daily");
    const byDocument = rt.triggers.list().map((trigger) => trigger.documentId);
    expect(byDocument.sort()).toEqual([a.id, b.id].sort());
    // The ids are kept per spreadsheet, and never under the old shared name.
    const user = rt.properties.user(rt.owner);
    expect(user.get(`tt.hourlyTriggerId.${a.id}`)).toBe(
      rt.triggers.list().find((trigger) => trigger.documentId === a.id)?.uid,
    );
    expect(user.get("tt.hourlyTriggerId")).toBeNull();
    // B's last schedule goes: B's trigger goes, A's stays and fires.
    for (const view of rt.serverCall("listQueries", [], undefined, b.id) as { id: string }[]) {
      rt.serverCall("deleteQuery", [view.id], undefined, b.id);
    }
    expect(rt.triggers.list().map((trigger) => trigger.documentId)).toEqual([a.id]);
    rt.advance(2 * HOUR);
    expect(runsIn(a, "A hourly")).toBe(5);
  });

  it("answers the 21st trigger with a clear error and saves that schedule as off", async () => {
    rt.serverCall("saveQuery", [historyQuery("A", "hourly")]);
    for (let index = 2; index <= 20; index++) {
      const other = secondSpreadsheet(`S${index}`).spreadsheet.id;
      rt.serverCall("saveQuery", [historyQuery("Q", "daily")], undefined, other);
    }
    expect(rt.triggers.list()).toHaveLength(20);
    const last = secondSpreadsheet("S21").spreadsheet.id;
    expect(() =>
      rt.serverCall("saveQuery", [historyQuery("Too many", "hourly")], undefined, last),
    ).toThrow(
      "The query is saved with its schedule off: your Google account already has 20 triggers for this add-on",
    );
    expect(rt.serverCall("listQueries", [], undefined, last)).toEqual([
      expect.objectContaining({ name: "Too many", schedule: "off" }),
    ]);
    expect(rt.triggers.list()).toHaveLength(20);
    expect(rt.triggers.list().some((trigger) => trigger.documentId === last)).toBe(false);
    expect(await requests()).toBe(0);
    // In Chinese too.
    expect(() =>
      rt.serverCall("saveQuery", [historyQuery("太多", "daily"), "zh"], undefined, last),
    ).toThrow(/20 个触发器/);
  });
});

describe("nothing is shared across documents or users", () => {
  it("never calls CacheService.getScriptCache, and caches nothing when there is no document cache", async () => {
    rt.customFunction("TT_INFLUENCERS", ["US", 20]);
    rt.customFunction("TT_INFLUENCERS", ["US", 20]);
    expect(await requests()).toBe(2);
    rt.serverCall("previewQuery", [{ source: "fastmoss", region: "US", limit: 5 }]);
    rt.serverCall("runQuery", [{ ...historyQuery("Pull", "off"), limit: 30 }]);
    rt.serverCall("saveQuery", [historyQuery("Hourly", "hourly")]);
    rt.advance(2 * HOUR);
    rt.serverCall("runDiagnostics");
    rt.menuItem("refreshAllSavedQueries");
    rt.documents.primary.unavailable.add("cache");
    const before = await requests();
    expect(rt.customFunction("TT_INFLUENCERS", ["US", 20])).toHaveLength(21);
    expect(rt.customFunction("TT_INFLUENCERS", ["US", 20])).toHaveLength(21);
    // No document cache: nothing cached, so each call pays — and still no script cache.
    expect((await requests()) - before).toBe(4);
    expect(rt.executions.length).toBeGreaterThan(8);
    expect(rt.callCounts()["CacheService.getScriptCache"]).toBeUndefined();
    expect(rt.caches.script.size()).toBe(0);
    // Every release of the document lock comes right after a flush of pending sheet writes.
    const calls = rt.callCounts();
    expect(calls["Lock.releaseLock"]).toBeGreaterThan(3);
    expect(calls["SpreadsheetApp.flush"]).toBe(calls["Lock.releaseLock"]);
  });

  it("never serves a page paid with one key to a call made with another", async () => {
    await api.configure({ keys: { keyapi: [DEMO_KEYS.keyapiKey, "second-customer-key"] } });
    const first = rt.customFunction("TT_INFLUENCERS", ["US", 10]);
    expect(await requests()).toBe(1);
    // Another user of the document saves their own key: their formula pays for its own pages.
    rt.serverCall("saveSettings", [{ keyapiKey: "second-customer-key" }], "editor@example.com");
    expect(rt.customFunction("TT_INFLUENCERS", ["US", 10], "editor@example.com")).toEqual(first);
    expect(await requests()).toBe(2);
    // Back to the first key: its pages are still cached under it.
    rt.serverCall("saveSettings", [{ keyapiKey: DEMO_KEYS.keyapiKey }]);
    rt.customFunction("TT_INFLUENCERS", ["US", 10]);
    expect(await requests()).toBe(2);
    // No cache key holds a key, only digests of it.
    const cacheKeys = rt.caches.document.keys();
    expect(cacheKeys.length).toBeGreaterThan(0);
    expect(
      cacheKeys.some((name) => name.includes("second-customer") || name.includes("demo")),
    ).toBe(false);
  });
});

describe("a trigger run that finds no document", () => {
  /** Everything a trigger could change: the documents' properties and sheets, the user's. */
  const everything = () =>
    JSON.stringify([
      rt.documents
        .list()
        .map((document) => [document.properties.entries(), document.spreadsheet.snapshot()]),
      rt.properties.user(rt.owner).entries(),
    ]);

  it("stops with a clear execution log line, touches nothing and throws no raw TypeError", async () => {
    rt.serverCall("saveQuery", [historyQuery("Hourly", "hourly")]);
    rt.triggersHaveActiveSpreadsheet = false;
    const before = everything();
    rt.advance(3 * HOUR);
    const runs = rt.executions.filter((record) => record.kind === "timeTrigger");
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const run of runs) {
      expect(run).toMatchObject({ ok: true, spreadsheet: null });
      expect(run.logs).toEqual([
        "TikTok Influencers: the hourly trigger stopped without doing anything — no active spreadsheet, document properties, document lock in this run.",
      ]);
    }
    expect(everything()).toBe(before);
    expect(await requests()).toBe(0);
    // With its spreadsheet active again, the same trigger does the work.
    rt.triggersHaveActiveSpreadsheet = true;
    rt.advance(HOUR);
    expect(runsIn(rt.spreadsheet, "Hourly")).toBe(1);
  });

  it("stops the same way when only the document lock is missing: nothing runs unlocked", async () => {
    rt.serverCall("saveQuery", [historyQuery("Hourly", "hourly")]);
    rt.documents.primary.unavailable.add("lock");
    const before = everything();
    rt.advance(2 * HOUR);
    const run = rt.executions.filter((record) => record.kind === "timeTrigger").at(-1);
    expect(run).toMatchObject({ ok: true });
    expect(run?.logs.join("\n")).toMatch(/no document lock in this run/);
    expect(everything()).toBe(before);
    // A pull from the sidebar without a lock doesn't run either: it waits, as for a busy lock.
    const summary = rt.serverCall("runQuery", [historyQuery("Sidebar", "off")]) as {
      status: string;
      rows: number;
    };
    expect(summary).toMatchObject({ status: "running", rows: 0 });
    expect(await requests()).toBe(0);
    expect(rt.spreadsheet.sheetNames()).not.toContain("Sidebar");
  });
});

describe("the day's trigger time", () => {
  it("stays within 80 minutes over 24 hourly runs of long pulls, and says the rest waits", async () => {
    await api.configure({ latencyMs: 10_000, rateLimit: { keyapi: 1, fastmoss: 1 } });
    rt.serverCall("saveQuery", [
      { ...historyQuery("Huge", "hourly"), limit: 100_000, mode: "replace" },
    ]);
    const dayStart = Date.UTC(2026, 10, 17);
    rt.advanceTo(dayStart);
    rt.advance(DAY);
    const today = rt.executions.filter(
      (record) =>
        record.kind === "timeTrigger" &&
        record.startedAt >= dayStart &&
        record.startedAt < dayStart + DAY,
    );
    expect(today).toHaveLength(24);
    const used = today.reduce((sum, record) => sum + record.endedAt - record.startedAt, 0);
    expect(used).toBeLessThanOrEqual(80 * 60_000);
    // Long runs indeed: most of the day's minutes went to fetching.
    expect(used).toBeGreaterThan(60 * 60_000);
    expect(today.every((record) => record.ok)).toBe(true);
    const waited = today.filter((record) =>
      record.logs.some((line) => line.includes("the rest waits for tomorrow")),
    );
    expect(waited.length).toBeGreaterThan(0);
    const log = rt.spreadsheet.sheet("TT Run Log").values().slice(1);
    // Once a day: the day before, with pulls using whole executions, had its own note.
    const notes = log.filter(
      (row) =>
        String(row[6]).includes("the rest waits for tomorrow") &&
        (row[0] as Date).getTime() >= dayStart &&
        (row[0] as Date).getTime() < dayStart + DAY,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]?.[5]).toBe("skipped");
    // The next day the work goes on.
    const requestsBefore = await requests();
    rt.advance(2 * HOUR);
    expect(await requests()).toBeGreaterThan(requestsBefore);
  });
});

describe("onOpen", () => {
  it("builds the menu in AuthMode.NONE when the locale lookup throws", () => {
    rt.faults.set("Session.getActiveUserLocale", "We're sorry, a server error occurred.");
    const record = rt.simpleTrigger("onOpen", "NONE");
    expect(record.ok).toBe(true);
    expect(record.calls["Session.getActiveUserLocale"]).toBe(1);
    expect(
      rt.ui.menus.at(-1)?.items.map((item) => (item.type === "item" ? item.caption : "")),
    ).toEqual([
      "Open sidebar",
      "Refresh all saved queries",
      "Settings",
      "Chart growth",
      "Check setup",
    ]);
  });
});

describe("time zones", () => {
  it("fall back to Utilities.formatDate where Intl has no time-zone data", async () => {
    rt.intlTimeZones = false;
    rt.spreadsheet.setTimeZone("Asia/Shanghai");
    rt.serverCall("saveQuery", [historyQuery("Daily", "daily")]);
    rt.advance(3 * DAY);
    const days = [
      ...new Set(
        rt.spreadsheet
          .sheet("Daily")
          .values()
          .slice(1)
          .map((row) => (row[0] as Date).getTime()),
      ),
    ].map((time) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(time)),
    );
    expect(days).toEqual(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"]);
    expect(rt.executions.every((record) => record.ok)).toBe(true);
    expect(rt.callCounts()["Utilities.formatDate"]).toBeGreaterThan(0);
    // A yyyymmdd date still lands on midnight in the spreadsheet's zone.
    const table = rt.customFunction("TT_INFLUENCERS", [
      "US",
      1,
      "columns",
      "first_crawl_dt",
      "headers",
      "none",
    ]) as Date[][];
    const shown = shanghaiClock(table[0]![0]!);
    expect(shown).toBe("00:00:00");
  });
});

/** The wall clock of a date in Shanghai, as the host's full Intl shows it. */
function shanghaiClock(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Shanghai",
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(date);
}
