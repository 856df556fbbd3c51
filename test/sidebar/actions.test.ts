// What the sidebar's buttons do, against a scripted server: boot, pulls driven to their end or
// stopped, saving and editing queries, deleting, keys — all without a page.

import { describe, expect, it } from "vitest";
import { createActions } from "../../src/sidebar/actions.js";
import { createRpc, type SidebarCall } from "../../src/sidebar/rpc.js";
import { emptyForm, withFilter, withSourceForm } from "../../src/sidebar/search/form.js";
import {
  capLeft,
  initialState,
  type SavedQuery,
  type SidebarState,
} from "../../src/sidebar/state.js";
import { Store } from "../../src/sidebar/store.js";

type Handler = (...args: unknown[]) => unknown;

const savedQuery: SavedQuery = {
  id: "q1",
  name: "US daily",
  schedule: "daily",
  query: { source: "keyapi", region: "US", limit: 30, sheet: "Creators", mode: "append" },
};

const context = {
  locale: "zh",
  timeZone: "UTC",
  sheets: ["Sheet1"],
  settings: { keyapiKey: { set: true, hint: "abcd" }, fastmossToken: { set: false, hint: "" } },
  queries: [savedQuery],
};

function setup(
  handlers: Partial<Record<SidebarCall, Handler>>,
  chosenLocale?: "en" | "zh",
  browserNow = Date.UTC(2026, 2, 10, 13),
) {
  const calls: [string, unknown[]][] = [];
  const store = new Store<SidebarState>(initialState("en", "search"));
  const rpc = createRpc({
    transport: async (name, args) => {
      calls.push([name, [...args]]);
      const handler = handlers[name] ?? (name === "listJobs" ? () => [] : () => context);
      return handler(...args);
    },
    locale: () => store.get().locale,
  });
  const actions = createActions({
    store,
    rpc,
    storage: undefined,
    chosenLocale,
    now: () => browserNow,
  });
  // listJobs (on opening, after Stop) and the sheets' refresh after a pull come on their own.
  const names = () => calls.map(([name]) => name).filter((name) => name !== "listJobs");
  return { actions, store, calls, names };
}

const withSheet = (store: Store<SidebarState>, sheet: string) =>
  store.patch({ search: withSourceForm(store.get().search, { sheet }) });

describe("boot", () => {
  it("shows the server's context in the account's language, unless the user chose one", async () => {
    const first = setup({});
    await first.actions.boot();
    expect(first.store.get()).toMatchObject({ boot: "ready", locale: "zh", sheets: ["Sheet1"] });
    expect(first.store.get().queries).toEqual([savedQuery]);

    const chosen = setup({}, "en");
    await chosen.actions.boot();
    expect(chosen.store.get().locale).toBe("en");
  });

  it("judges FastMoss periods by the server's clock when the server tells its time", async () => {
    // The browser is in May; the server (a local runtime's virtual clock) is still in March.
    const may = Date.UTC(2026, 4, 1);
    const marchForm = withFilter(
      withFilter(
        withSourceForm({ ...emptyForm(), source: "fastmoss" }, { sheet: "FM" }),
        "date_type",
        "month",
      ),
      "date_value",
      "2026-03",
    );
    const lagging = setup(
      { getSidebarContext: () => ({ ...context, now: Date.UTC(2026, 2, 10, 13) }) },
      undefined,
      may,
    );
    await lagging.actions.boot();
    expect(lagging.store.get().clockOffset).toBe(Date.UTC(2026, 2, 10, 13) - may);
    lagging.store.patch({ search: marchForm });
    expect(await lagging.actions.writeToSheet()).toBe("invalid");
    expect(lagging.names()).toEqual(["getSidebarContext"]);

    const silent = setup(
      { runQuery: () => ({ status: "done", rows: 1, requests: 1, sheet: "FM" }) },
      undefined,
      may,
    );
    await silent.actions.boot();
    silent.store.patch({ search: marchForm });
    expect(await silent.actions.writeToSheet()).toBe("done");
  });

  it("shows the server's failure and offers to try again", async () => {
    const { actions, store } = setup({
      getSidebarContext: () => {
        throw new Error("Authorization is required to perform that action.");
      },
    });
    await actions.boot();
    expect(store.get()).toMatchObject({
      boot: "failed",
      error: "Authorization is required to perform that action.",
    });
  });
});

describe("writeToSheet", () => {
  it("asks for a sheet first, and calls nothing", async () => {
    const { actions, store, names } = setup({});
    expect(await actions.writeToSheet()).toBe("invalid");
    expect(names()).toEqual([]);
    expect(store.get().search.touched).toContain("sheet");
    expect(store.get().error).toBe("Some fields need fixing first: see the messages next to them.");
    actions.updateSearch((form) => withSourceForm(form, { sheet: "Creators" }));
    expect(store.get().error).toBe("");
  });

  it("drives a long pull with resumeJob until it is done", async () => {
    let round = 0;
    const { actions, store, calls } = setup({
      runQuery: () => ({ status: "running", rows: 10, requests: 1, sheet: "New", jobId: "j1" }),
      resumeJob: () =>
        ++round < 3
          ? {
              status: "running",
              rows: 10 + round * 10,
              requests: 1 + round,
              sheet: "New",
              jobId: "j1",
            }
          : { status: "done", rows: 30, requests: 3, sheet: "New", message: "Wrote 30 rows." },
      // Asked again once the pull is done: the sheets and their headers as they are now.
      getSidebarContext: () => ({ ...context, sheets: ["Sheet1", "New"] }),
    });
    withSheet(store, "New");
    const phases: string[] = [];
    store.subscribe(() => phases.push(store.get().job.phase));
    expect(await actions.writeToSheet()).toBe("done");
    expect(calls[0]).toEqual([
      "runQuery",
      [
        {
          source: "keyapi",
          region: "US",
          limit: 100,
          filters: {},
          headers: "labels",
          sheet: "New",
          mode: "replace",
        },
        "en",
      ],
    ]);
    expect(calls.slice(1, 4)).toEqual([
      ["resumeJob", ["j1", "en"]],
      ["resumeJob", ["j1", "en"]],
      ["resumeJob", ["j1", "en"]],
    ]);
    expect(store.get().job).toMatchObject({
      phase: "ended",
      summary: { status: "done", message: "Wrote 30 rows." },
    });
    expect([...new Set(phases.filter((phase) => phase !== "idle"))]).toEqual([
      "starting",
      "running",
      "ended",
    ]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.get().sheets).toEqual(["Sheet1", "New"]);
    expect(calls.at(-1)?.[0]).toBe("getSidebarContext");
  });

  it("stops driving on Stop: no more resumeJob, and the job is said to go on", async () => {
    let release: (() => void) | undefined;
    const { actions, store, names } = setup({
      runQuery: () => ({ status: "running", rows: 10, requests: 1, sheet: "S", jobId: "j1" }),
      resumeJob: () =>
        new Promise((resolve) => {
          release = () =>
            resolve({ status: "running", rows: 20, requests: 2, sheet: "S", jobId: "j1" });
        }),
    });
    withSheet(store, "S");
    const writing = actions.writeToSheet();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.get().job.phase).toBe("running");
    actions.stopJob();
    expect(store.get().job.phase).toBe("stopped");
    release?.();
    await writing;
    expect(names().filter((name) => name === "resumeJob")).toHaveLength(1);
    expect(store.get().job.phase).toBe("stopped");
  });

  it("shows a failed pull's message", async () => {
    const { actions, store } = setup({
      runQuery: () => ({
        status: "failed",
        rows: 0,
        requests: 1,
        sheet: "S",
        message: "KeyAPI 额度已用完",
      }),
    });
    withSheet(store, "S");
    await actions.writeToSheet();
    expect(store.get().job).toMatchObject({
      phase: "ended",
      summary: { message: "KeyAPI 额度已用完" },
    });
  });
});

describe("saved queries", () => {
  it("saves a new query, then updates it by its id", async () => {
    const { actions, store, calls } = setup({
      saveQuery: () => ({ id: "q9" }),
      listQueries: () => [],
    });
    store.patch({
      search: {
        ...withSourceForm(emptyForm(), { sheet: "Creators" }),
        name: "Mine",
        schedule: "weekly",
      },
    });
    expect(await actions.saveSearch()).toBe("done");
    expect(calls[0]?.[1][0]).toMatchObject({ name: "Mine", schedule: "weekly", sheet: "Creators" });
    expect(calls[0]?.[1][0]).not.toHaveProperty("id");
    // The form stays a search: saving never turns it into the saved query's editor.
    expect(store.get().search.editingId).toBeUndefined();
    expect(store.get().saveNote?.text).toMatch(/^Saved “Mine”\. .*Edit/);
    // Editing is what Edit on the card does; saving then updates the query by its id.
    store.patch({ queries: [{ ...savedQuery, id: "q9", name: "Mine" }] });
    actions.editSaved("q9");
    await actions.saveSearch();
    expect(calls.filter(([name]) => name === "saveQuery")[1]?.[1][0]).toMatchObject({ id: "q9" });
    expect(store.get().saveNote?.text).toBe("Updated “Mine”.");
  });

  it("loads a saved query into the Search form to edit it", async () => {
    const { actions, store } = setup({});
    await actions.boot();
    store.patch({ view: "saved" });
    actions.editSaved("q1");
    const state = store.get();
    expect(state.view).toBe("search");
    expect(state.formVersion).toBe(1);
    expect(state.search).toMatchObject({ editingId: "q1", name: "US daily" });
    expect(state.search.bySource.keyapi).toMatchObject({ sheet: "Creators", mode: "append" });
    expect(state.search.bySource.keyapi.limit).toBe("30");
  });

  it("deletes after confirmation and stops editing the deleted query", async () => {
    const { actions, store, names } = setup({
      deleteQuery: () => ({ deleted: true }),
      listQueries: () => [],
    });
    await actions.boot();
    actions.editSaved("q1");
    actions.askDelete("q1");
    expect(store.get().confirmingDelete).toBe("q1");
    await actions.deleteSaved("q1");
    expect(names()).toEqual(["getSidebarContext", "deleteQuery", "listQueries"]);
    expect(store.get()).toMatchObject({ confirmingDelete: undefined, queries: [] });
    expect(store.get().search.editingId).toBeUndefined();
  });

  it("runs a saved query now and refreshes the list when it ends", async () => {
    const { actions, store, names } = setup({
      runSavedQuery: () => ({ status: "done", rows: 30, requests: 3, sheet: "Creators" }),
      listQueries: () => [{ ...savedQuery, lastStatus: "done" }],
    });
    await actions.boot();
    await actions.runSaved("q1");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(names()).toEqual([
      "getSidebarContext",
      "runSavedQuery",
      "getSidebarContext",
      "listQueries",
    ]);
    expect(store.get().job).toMatchObject({ phase: "ended", origin: "saved", limit: 30 });
    expect(store.get().queries[0]?.lastStatus).toBe("done");
  });
});

describe("preview and settings", () => {
  it("shows the preview of the form's query", async () => {
    const preview = { columns: [], rows: [], requests: 1, credits: 1 };
    const { actions, store, calls } = setup({ previewQuery: () => preview });
    expect(await actions.preview()).toBe("done");
    expect(calls[0]?.[0]).toBe("previewQuery");
    expect(store.get().preview).toEqual({ phase: "shown", preview, source: "keyapi" });
  });

  it("saves and removes keys, and reports a connection test", async () => {
    const view = {
      keyapiKey: { set: false, hint: "" },
      fastmossToken: { set: true, hint: "oken" },
    };
    const { actions, store, calls } = setup({
      saveSettings: () => view,
      testConnection: () => ({ ok: false, message: "FastMoss refused the token.", requests: 1 }),
    });
    await actions.saveKeys({ keyapiKey: "" });
    expect(calls[0]).toEqual(["saveSettings", [{ keyapiKey: "" }, "en"]]);
    expect(store.get()).toMatchObject({ settings: view, keysNote: { ok: true, text: "Removed." } });
    await actions.testConnection("fastmoss");
    expect(store.get().connection).toEqual({
      fastmoss: { ok: false, message: "FastMoss refused the token.", requests: 1 },
    });
    expect(store.get().busy).toEqual([]);
  });
});

describe("usage and the daily cap", () => {
  const usage = {
    today: { keyapi: 42, fastmoss: 3 },
    last30Days: { keyapi: 420, fastmoss: 30 },
    byDay: [],
    queries: [],
  };

  it("asks for the ledger when the Usage tab opens, and not at boot without a cap", async () => {
    const { actions, store, names } = setup({ getUsage: () => usage });
    await actions.boot();
    expect(names()).toEqual(["getSidebarContext"]);
    actions.showView("usage");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(names()).toEqual(["getSidebarContext", "getUsage"]);
    expect(store.get().usage).toEqual(usage);
  });

  it("with a cap, knows at boot what today's cap leaves", async () => {
    const capped = { ...context, settings: { ...context.settings, dailyCreditCap: 50 } };
    const { actions, store } = setup({ getSidebarContext: () => capped, getUsage: () => usage });
    await actions.boot();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(capLeft(store.get())).toEqual({ cap: 50, left: 8 });
  });

  it("saves the cap as typed and says what it is now", async () => {
    const { actions, store, calls } = setup({
      saveSettings: (settings) => ({
        ...context.settings,
        ...((settings as { dailyCreditCap: string }).dailyCreditCap === ""
          ? {}
          : { dailyCreditCap: 500 }),
      }),
    });
    await actions.boot();
    expect(await actions.saveCap(" 500 ")).toBe("done");
    expect(calls.find(([name]) => name === "saveSettings")?.[1][0]).toEqual({
      dailyCreditCap: "500",
    });
    expect(store.get().settings.dailyCreditCap).toBe(500);
    expect(store.get().capNote).toEqual({
      ok: true,
      text: "已保存：每天最多 500 个 KeyAPI 额度。",
    });
    await actions.saveCap("");
    expect(store.get().settings.dailyCreditCap).toBeUndefined();
    expect(store.get().capNote?.text).toBe("已取消每日上限。");
  });
});
