// The server calls only the sidebar makes: its context, previews and connection tests — each at
// most one request — and messages in the sidebar's language.

import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import { AppsScriptRuntime, apiRoutes } from "../../dev/runtime/runtime.js";
import { useAddonWorld } from "./addonWorld.js";

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld(
  (world) => {
    ({ api, rt } = world);
  },
  { keys: false },
);

const saveKeys = () =>
  rt.serverCall("saveSettings", [
    { keyapiKey: "demo-keyapi-key", fastmossToken: "demo-fastmoss-token" },
  ]);
const requests = async () => {
  const stats = await api.stats();
  return stats.keyapi.requests + stats.fastmoss.requests;
};

describe("getSidebarContext", () => {
  it("answers the language, the user's sheets, the keys' status and the saved queries in one call", () => {
    saveKeys();
    rt.serverCall("runQuery", [
      { source: "keyapi", region: "US", limit: 5, sheet: "Creators", mode: "replace" },
    ]);
    const context = rt.serverCall("getSidebarContext", ["zh"]);
    expect(context).toEqual({
      locale: "zh",
      now: expect.any(Number),
      timeZone: "Etc/UTC",
      sheets: ["Sheet1", "Creators"],
      sheetHeaders: [
        { name: "Sheet1", header: [], filled: false },
        { name: "Creators", header: expect.arrayContaining(["User ID", "Handle"]), filled: true },
      ],
      settings: {
        keyapiKey: { set: true, hint: "-key" },
        fastmossToken: { set: true, hint: "oken" },
      },
      queries: [],
    });
    expect((context as { now: number }).now).toBeLessThanOrEqual(rt.clock.now());
  });
});

describe("previewQuery", () => {
  it("shows the first rows in one request, and a repeat costs nothing", async () => {
    saveKeys();
    const preview = rt.serverCall("previewQuery", [
      { source: "keyapi", region: "US", limit: 500 },
      "en",
    ]) as {
      columns: { key: string; label: string }[];
      rows: unknown[][];
      requests: number;
      credits: number;
    };
    expect(preview.rows).toHaveLength(10);
    expect(preview.columns[0]).toEqual({ key: "unique_id", label: "Handle", format: "text" });
    expect(preview).toMatchObject({ requests: 1, credits: 1 });
    expect(await requests()).toBe(1);
    rt.serverCall("previewQuery", [{ source: "keyapi", region: "US", limit: 500 }, "en"]);
    expect(await requests()).toBe(1);
  });

  it("labels columns in the sidebar's language and carries dates as text", () => {
    saveKeys();
    const preview = rt.serverCall("previewQuery", [
      { source: "keyapi", region: "US", limit: 3, columns: ["nick_name", "first_crawl_dt"] },
      "zh",
    ]) as { columns: { label: string }[]; rows: unknown[][] };
    expect(preview.columns.map((column) => column.label)).toEqual(["昵称", "首次收录"]);
    expect(preview.rows.every((row) => typeof row[1] === "string")).toBe(true);
  });

  it("refuses a bad query in the sidebar's language, with no request", async () => {
    saveKeys();
    expect(() =>
      rt.serverCall("previewQuery", [{ source: "keyapi", region: "USA", limit: 5 }, "zh"]),
    ).toThrow(/地区必须是/);
    expect(await requests()).toBe(0);
  });
});

describe("testConnection", () => {
  it("checks a key with one request for one creator", async () => {
    saveKeys();
    expect(rt.serverCall("testConnection", ["keyapi", "en"])).toEqual({
      ok: true,
      requests: 1,
      message: "KeyAPI answered: the key works (1 request, 1 credit).",
    });
    expect(rt.serverCall("testConnection", ["fastmoss", "en"])).toMatchObject({
      ok: true,
      requests: 1,
    });
    const stats = await api.stats();
    expect(stats.keyapi.log[0]?.pageSize).toBe(1);
    expect(stats.fastmoss.log[0]?.pageSize).toBe(1);
  });

  it("says a missing key without a request, and a wrong one after one", async () => {
    expect(rt.serverCall("testConnection", ["keyapi", "en"])).toMatchObject({
      ok: false,
      requests: 0,
      message: expect.stringMatching(/no KeyAPI key is set/),
    });
    expect(await requests()).toBe(0);
    rt.serverCall("saveSettings", [{ keyapiKey: "wrong-key-12345678" }]);
    const wrong = rt.serverCall("testConnection", ["keyapi", "zh"]) as {
      ok: boolean;
      message: string;
    };
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(/KeyAPI 拒绝了该密钥/);
    expect(wrong.message).not.toContain("wrong-key");
  });
});

describe("messages in the sidebar's language", () => {
  it("answers pull summaries and errors in Chinese when the sidebar speaks Chinese", () => {
    saveKeys();
    const done = rt.serverCall("runQuery", [
      { source: "keyapi", region: "US", limit: 5, sheet: "达人", mode: "replace" },
      "zh",
    ]) as { message: string };
    expect(done.message).toBe("已将 5 行写入“达人”（替换）：1 次请求，1 个额度。");
    const failed = rt.serverCall("runQuery", [
      { source: "keyapi", region: "US", limit: 5, sheet: "", mode: "replace" },
      "zh",
    ]) as { message: string };
    expect(failed.message).toMatch(/必须填写 sheet/);
  });

  it("keeps custom functions in English whatever the account's language", () => {
    const zh = new AppsScriptRuntime({ routes: apiRoutes(api.url), locale: "zh_CN" });
    try {
      expect(() => zh.customFunction("TT_INFLUENCERS", ["US", 5])).toThrow(
        /^TT_INFLUENCERS: no KeyAPI key is set/,
      );
    } finally {
      zh.close();
    }
  });
});
