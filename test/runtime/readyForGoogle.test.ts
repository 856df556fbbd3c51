// SPEC "Ready for Google's servers", in the local runtime with several spreadsheets of one user:
// triggers belong to one spreadsheet, the 20-trigger limit, nothing cached across keys or in the
// script cache, trigger runs without a document, the day's 80 minutes of trigger time, a menu that
// survives a failing locale lookup, and time zones that fall back to Utilities.formatDate.

import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import type { AppsScriptRuntime } from "../../dev/runtime/runtime.js";
import { DEMO_KEYS, useAddonWorld } from "./addonWorld.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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
