// runDiagnostics ("Check setup") in the local runtime: every check ok where the runtime models
// Google's platform, no API request made, results written to "TT Diagnostics" — and each check
// failing, with a detail saying what was expected and seen, when its assumption is broken.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import { AppsScriptRuntime, apiRoutes } from "../../dev/runtime/runtime.js";
import { CHECK_IDS } from "../../src/server/diagnostics/runDiagnostics.js";
import { useAddonWorld } from "./addonWorld.js";

interface Check {
  id: string;
  check: string;
  ok: boolean;
  detail: string;
}

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const diagnose = (runtime = rt, locale?: string) =>
  runtime.serverCall("runDiagnostics", locale ? [locale] : []) as Check[];
const checkOf = (id: string, runtime = rt) => diagnose(runtime).find((check) => check.id === id)!;
const schedule = () =>
  rt.serverCall("saveQuery", [
    {
      name: "Hourly",
      schedule: "hourly",
      source: "keyapi",
      region: "US",
      limit: 10,
      sheet: "Hourly",
      mode: "replace",
    },
  ]);

describe("runDiagnostics", () => {
  it("answers every check ok in the runtime, makes no request, and writes TT Diagnostics", async () => {
    schedule();
    rt.spreadsheet.setTimeZone("America/New_York");
    const sheetsBefore = rt.spreadsheet.sheetNames();
    const checks = diagnose();
    // Every check the add-on defines, in its order, from the built bundle.
    expect(checks.map((check) => check.id)).toEqual(CHECK_IDS);
    for (const check of checks) {
      expect(check, check.detail).toMatchObject({ ok: true });
      expect(check.detail).toMatch(/^Expected .*; saw /);
    }
    expect(checks.find((check) => check.id === "trigger")?.detail).toMatch(
      /^Expected 1 hourly trigger for this spreadsheet \(1 schedules on, 0 pulls running\); saw 1 \(\d+; id kept: \d+\)\.$/,
    );
    const stats = await api.stats();
    expect(stats.keyapi.requests + stats.fastmoss.requests).toBe(0);
    expect(rt.http.log).toEqual([]);
    // The probe sheets are gone; the results sheet is added.
    expect(rt.spreadsheet.sheetNames()).toEqual([...sheetsBefore, "TT Diagnostics"]);
    const rows = rt.spreadsheet.sheet("TT Diagnostics").values();
    expect(rows[0]).toEqual(["Time", "Check", "OK", "Expected and seen"]);
    expect(rows.slice(1).map((row) => [row[1], row[2]])).toEqual(
      checks.map((check) => [check.check, "ok"]),
    );
    // Run again: the sheet is rewritten, not appended to; probe values are gone from the stores.
    diagnose();
    expect(rt.spreadsheet.sheet("TT Diagnostics").values()).toHaveLength(8);
    expect(rt.properties.document.get("tt.diagnostics.probe")).toBeNull();
  });

  it("speaks the sidebar's language", () => {
    const checks = diagnose(rt, "zh");
    expect(checks[0]).toMatchObject({ check: "文档属性", ok: true });
    expect(checks[0]?.detail).toMatch(/^预期/);
  });

  it("runs from the menu's Check setup, which opens the sidebar on it", () => {
    expect(rt.menuItem("showDiagnostics").ok).toBe(true);
    expect(rt.ui.sidebar?.html).toContain('TT_START_VIEW = "diagnostics"');
  });
});

describe("each check fails with a useful detail when its assumption breaks", () => {
  it("document properties: none", () => {
    rt.documents.primary.unavailable.add("properties");
    const check = checkOf("documentProperties");
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(
      /^Expected the document's properties; saw none \(PropertiesService.getDocumentProperties\(\) answered null\)/,
    );
  });

  it("document properties: the store is full, so a test value can't be written", () => {
    // Another execution keeps the store full: the test value can't be written.
    for (let index = 0; rt.properties.document.size() < 500 * 1024 - 9_000; index++) {
      rt.properties.document.set(`filler${index}`, "x".repeat(9_000));
    }
    rt.properties.document.set(
      "fillerLast",
      "x".repeat(500 * 1024 - rt.properties.document.size() - 20),
    );
    const check = checkOf("documentProperties");
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(
      /^Expected the check to run; saw an error: You have exceeded the property storage quota/,
    );
  });

  it("document cache: none", () => {
    rt.documents.primary.unavailable.add("cache");
    const check = checkOf("documentCache");
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(
      /CacheService.getDocumentCache\(\) answered null\): caching is off/,
    );
  });

  it("document lock: none, or held by another execution", () => {
    rt.documents.primary.unavailable.add("lock");
    expect(checkOf("documentLock")).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^Expected the document lock; saw none/),
    });
    rt.documents.primary.unavailable.delete("lock");
    rt.locks.holdByOther("document", rt.clock.now() + 60_000);
    expect(checkOf("documentLock")).toMatchObject({
      ok: false,
      detail: expect.stringMatching(
        /^Expected to take the document lock within 10 s; saw another execution keep it/,
      ),
    });
  });

  it("trigger: a schedule is on but this spreadsheet's trigger is gone", () => {
    schedule();
    rt.triggers.remove(rt.triggers.list()[0]!.uid);
    const check = checkOf("trigger");
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(
      /^Expected 1 hourly trigger for this spreadsheet \(1 schedules on, 0 pulls running\) with the id kept for it; saw 0/,
    );
  });

  it("trigger: one is there while no schedule is on", () => {
    schedule();
    rt.properties.document.entries().forEach(([name]) => {
      if (name.startsWith("tt.query.")) rt.properties.document.delete(name);
    });
    const check = checkOf("trigger");
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/^Expected 0 hourly trigger .*saw 1/);
  });

  it("Range.copyTo: the copy fails", () => {
    rt.faults.set("Range.copyTo", "Service Spreadsheets failed while accessing document.");
    const check = checkOf("copyTo");
    expect(check.ok).toBe(false);
    expect(check.detail).toBe(
      "Expected the check to run; saw an error: Service Spreadsheets failed while accessing document.",
    );
    expect(rt.spreadsheet.sheetNames().filter((name) => name.startsWith("TT check"))).toEqual([]);
  });

  it("time zone: Intl has no time-zone data", () => {
    rt.intlTimeZones = false;
    rt.spreadsheet.setTimeZone("Asia/Shanghai");
    const check = checkOf("timeZone");
    expect(check.ok).toBe(false);
    expect(check.detail).toBe(
      "Expected 2026-11-16 17:00:00 in Asia/Shanghai at 2026-11-16T09:00:00Z, as Utilities.formatDate shows it; saw Invalid time zone specified: Asia/Shanghai from Intl. The add-on uses Utilities.formatDate for this zone instead.",
    );
  });

  it("allowed hosts: the manifest leaves FastMoss out", () => {
    const code = readFileSync("dist/Code.js", "utf8");
    // As the minified bundle writes the manifest's list.
    const whitelist = '["https://api.keyapi.ai/","https://openapi.fastmoss.com/"]';
    expect(code).toContain(whitelist);
    const narrow = new AppsScriptRuntime({
      code: code.replace(whitelist, '["https://api.keyapi.ai/"]'),
      codePath: "dist/Code.js",
      routes: apiRoutes(api.url),
    });
    try {
      const check = checkOf("allowedHosts", narrow);
      expect(check.ok).toBe(false);
      expect(check.detail).toBe(
        "Expected the manifest's allowed hosts to cover https://api.keyapi.ai/v1/tiktok/influencer/list/analytics, https://openapi.fastmoss.com/creator/v1/rank/topPotential; saw https://api.keyapi.ai/, which leaves out https://openapi.fastmoss.com/creator/v1/rank/topPotential: add it to urlFetchWhitelist.",
      );
    } finally {
      narrow.close();
    }
  });
});
