// What the sidebar's buttons do: each action calls the server through the typed wrapper and puts
// the outcome into the state, which the views show. Failures land in the global error area with
// the server's own (already localized) message.

import type { SourceName } from "../shared/columns/types.js";
import { AddonError } from "../shared/errors.js";
import { grouped } from "../shared/query/issues.js";
import { type Locale, rememberLocale, type StorageLike, t } from "./i18n.js";
import { driveJob } from "./jobs/driver.js";
import type { Answer, Rpc } from "./rpc.js";
import {
  emptyForm,
  formFromSaved,
  nameProblem,
  pullPayload,
  queryPayload,
  queryProblems,
  type SearchForm,
  savedPayload,
  sheetProblem,
} from "./search/form.js";
import {
  type Busy,
  isBusy,
  type JobOrigin,
  jobActive,
  type KeySetting,
  type PullSummary,
  type SidebarState,
  serverNow,
  serverTimeIn,
  type ViewName,
} from "./state.js";
import type { Store } from "./store.js";

export type Outcome = "done" | "invalid" | "failed";

export interface Actions {
  boot(): Promise<void>;
  setLocale(locale: Locale): void;
  showView(view: ViewName): void;
  dismissError(): void;
  updateSearch(change: (form: SearchForm) => SearchForm): void;
  switchSource(source: SourceName): void;
  preview(): Promise<Outcome>;
  writeToSheet(): Promise<Outcome>;
  saveSearch(): Promise<Outcome>;
  stopEditing(): void;
  stopJob(): void;
  /** Follows a pull listed under "Running pulls" again, driving resumeJob back to back. */
  followJob(jobId: string): Promise<void>;
  refreshSaved(): Promise<void>;
  /** The Saved tab's own periodic refresh: quiet, it never touches the error area. */
  pollSaved(): Promise<void>;
  runSaved(id: string): Promise<void>;
  editSaved(id: string): void;
  askDelete(id: string | undefined): void;
  deleteSaved(id: string): Promise<void>;
  saveKeys(keys: Partial<Record<KeySetting, string>>): Promise<Outcome>;
  testConnection(source: SourceName): Promise<void>;
  /** The credit ledger afresh, for the Usage tab and the cap in the cost line. */
  refreshUsage(): Promise<void>;
  /** Saves the daily credit cap as typed ("" or 0 removes it). */
  saveCap(cap: string): Promise<Outcome>;
  /** The active sheet, and whether it holds history snapshots. */
  growthTarget(): Promise<Answer<"getGrowthTarget">>;
  /** Charts a history sheet's growth: the growth sheet written and how many creators it holds. */
  chartGrowth(sheet: string): Promise<Answer<"chartGrowth">>;
}

export interface ActionDeps {
  readonly store: Store<SidebarState>;
  readonly rpc: Rpc;
  readonly storage: StorageLike | undefined;
  /** The locale the user chose in this browser before, which wins over the account's. */
  readonly chosenLocale: Locale | undefined;
  readonly now?: () => number;
}

export function createActions({
  store,
  rpc,
  storage,
  chosenLocale,
  now = Date.now,
}: ActionDeps): Actions {
  const state = () => store.get();
  const say = (id: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
    t(state().locale, id, params);

  /** Runs a server call with its button waiting; a failure goes to the error area. */
  async function busyWith<T>(what: Busy | undefined, work: () => Promise<T>): Promise<T | Error> {
    store.patch({ error: "", ...(what ? { busy: [...state().busy, what] } : {}) });
    try {
      return await work();
    } catch (reason) {
      const error =
        reason instanceof Error ? reason : new AddonError("SERVER_CALL", String(reason));
      store.patch({ error: error.message });
      return error;
    } finally {
      if (what) store.patch({ busy: state().busy.filter((b) => b !== what) });
    }
  }

  const checkContext = () => ({ now: serverNow(state(), now()), timeZone: state().timeZone });

  /** Shows the problems of the fields an action needs; whether there are none. */
  function ready(needs: { sheet?: boolean; name?: boolean }): boolean {
    const form = state().search;
    const touched = new Set(form.touched);
    if (needs.sheet) touched.add("sheet");
    if (needs.name) touched.add("name");
    store.patch({ search: { ...form, touched: [...touched] } });
    const problems =
      queryProblems(form, checkContext()).size > 0 ||
      (needs.sheet === true && sheetProblem(form, state().sheetHeaders) !== undefined) ||
      (needs.name === true && nameProblem(form) !== undefined);
    store.patch({ error: problems ? say("problem.fixFields") : "" });
    return !problems;
  }

  /** Whether any field shows a problem now (the sheet and name once touched). */
  function showsProblems(form: SearchForm): boolean {
    return (
      queryProblems(form, checkContext()).size > 0 ||
      (form.touched.includes("sheet") && sheetProblem(form, state().sheetHeaders) !== undefined) ||
      (form.touched.includes("name") && nameProblem(form) !== undefined)
    );
  }

  let driving = 0;
  let stopRequested = false;

  /** Follows a pull from its first summary to its end, resuming it back to back. */
  async function follow(origin: JobOrigin, first: PullSummary, limit: number | undefined) {
    const token = ++driving;
    stopRequested = false;
    const mine = () => token === driving;
    const show = (phase: "running" | "ended", summary: PullSummary) => {
      if (mine()) store.patch({ job: { phase, origin, summary, ...(limit ? { limit } : {}) } });
    };
    if (first.status !== "running") {
      show("ended", first);
      return;
    }
    show("running", first);
    const outcome = await driveJob(first, {
      resume: (jobId) => rpc.call("resumeJob", jobId),
      onProgress: (summary) => show("running", summary),
      stopped: () => !mine() || stopRequested,
    });
    if (!mine() || outcome.kind === "stopped") return;
    if (outcome.kind === "lost") {
      store.patch({
        job: { phase: "lost", origin, summary: outcome.summary, error: outcome.error.message },
      });
    } else {
      show("ended", outcome.summary);
    }
  }

  function noteSheet(sheet: string) {
    if (sheet && !state().sheets.includes(sheet))
      store.patch({ sheets: [...state().sheets, sheet] });
  }

  /** The sheets' names and headers afresh, after a pull wrote one (quietly: no error shown). */
  async function refreshSheets() {
    try {
      const context = await rpc.call("getSidebarContext");
      store.patch({ sheets: context.sheets, sheetHeaders: context.sheetHeaders });
    } catch {
      // The next pull or opening of the sidebar tries again.
    }
  }

  /** Whether anything shown depends on the ledger: the cap in the cost line, or the Usage tab. */
  const usageShown = () =>
    state().settings.dailyCreditCap !== undefined || state().usage !== undefined;

  /** The credit ledger afresh without bothering anyone when it can't be had. */
  async function refreshUsageQuietly() {
    try {
      store.patch({ usage: await rpc.call("getUsage") });
    } catch {
      // The Usage tab asks again when it is opened.
    }
  }

  /** The pulls still running that this sidebar isn't following, for the Running pulls panel. */
  async function refreshJobs() {
    try {
      const jobs = await rpc.call("listJobs");
      const followed = state().job;
      // A pull still starting has no job id yet.
      const mine = followed.phase === "running" ? followed.summary.jobId : undefined;
      store.patch({ runningPulls: jobs.filter((job) => job.jobId !== mine) });
    } catch {
      // Not knowing of other pulls is no reason to fail the sidebar.
    }
  }

  async function startPull(origin: JobOrigin, start: () => Promise<PullSummary>, limit?: number) {
    if (state().job.phase === "starting" || state().job.phase === "running") return;
    store.patch({ job: { phase: "starting", origin } });
    const answer = await busyWith(undefined, start);
    if (answer instanceof Error) {
      store.patch({ job: { phase: "idle" } });
      return;
    }
    await followToEnd(origin, answer, limit);
  }

  async function followToEnd(origin: JobOrigin, first: PullSummary, limit?: number) {
    noteSheet(first.sheet);
    await follow(origin, first, limit);
    noteSheet(first.sheet);
    if (state().job.phase !== "stopped") void refreshSheets();
    if (usageShown()) void refreshUsageQuietly();
    if (origin === "saved" || state().search.editingId) void actions.refreshSaved();
  }

  const actions: Actions = {
    async boot() {
      store.patch({ boot: "loading", error: "" });
      const jobs = rpc.call("listJobs").catch(() => []);
      const context = await busyWith(undefined, () => rpc.call("getSidebarContext"));
      if (context instanceof Error) {
        store.patch({ boot: "failed" });
        return;
      }
      const runningPulls = await jobs;
      const locale = chosenLocale ?? context.locale;
      const serverTime = serverTimeIn(context);
      store.patch({
        boot: "ready",
        locale,
        timeZone: context.timeZone,
        clockOffset: serverTime === undefined ? 0 : serverTime - now(),
        sheets: context.sheets,
        sheetHeaders: context.sheetHeaders,
        runningPulls,
        settings: context.settings,
        queries: context.queries,
      });
      // What today's cap leaves, for the cost line; the Usage tab asks again when opened.
      if (usageShown()) void refreshUsageQuietly();
    },

    setLocale(locale) {
      rememberLocale(storage, locale);
      store.patch({ locale });
    },

    showView(view) {
      store.patch({ view });
      if (view === "saved" && state().boot === "ready") void actions.refreshSaved();
      if (view === "usage" && state().boot === "ready") void actions.refreshUsage();
    },

    dismissError() {
      store.patch({ error: "" });
    },

    updateSearch(change) {
      const search = change(state().search);
      store.patch({ search });
      // The call to fix fields goes once none shows a problem.
      if (state().error === say("problem.fixFields") && !showsProblems(search)) {
        store.patch({ error: "" });
      }
    },

    switchSource(source) {
      if (state().search.source === source) return;
      store.patch({ search: { ...state().search, source }, preview: { phase: "idle" } });
    },

    async preview() {
      if (!ready({})) return "invalid";
      store.patch({ preview: { phase: "loading" } });
      const payload = queryPayload(state().search);
      const preview = await busyWith("preview", () => rpc.call("previewQuery", payload));
      if (preview instanceof Error) {
        store.patch({ preview: { phase: "idle" } });
        return "failed";
      }
      store.patch({ preview: { phase: "shown", preview, source: payload.source } });
      if (preview.requests > 0 && usageShown()) void refreshUsageQuietly();
      return "done";
    },

    async writeToSheet() {
      if (!ready({ sheet: true })) return "invalid";
      const payload = pullPayload(state().search);
      const limit = typeof payload.limit === "number" ? payload.limit : undefined;
      await startPull("search", () => rpc.call("runQuery", payload), limit);
      return "done";
    },

    async saveSearch() {
      if (!ready({ sheet: true, name: true })) return "invalid";
      const payload = savedPayload(state().search);
      store.patch({ saveNote: undefined });
      const saved = await busyWith("save", () => rpc.call("saveQuery", payload));
      if (saved instanceof Error) return "failed";
      const updated = payload.id !== undefined;
      // The form stays as it was: a new query is saved, not opened for editing ("Edit" on its
      // card does that), so later changes here never overwrite it by surprise.
      store.patch({
        saveNote: {
          ok: true,
          text: say(updated ? "save.updated" : "save.saved", { name: payload.name }),
        },
      });
      void actions.refreshSaved();
      return "done";
    },

    stopEditing() {
      const { editingId: _, ...form } = state().search;
      store.patch({ search: { ...form, name: "", schedule: "off" }, saveNote: undefined });
    },

    stopJob() {
      const job = state().job;
      if (job.phase !== "running") return;
      stopRequested = true;
      store.patch({ job: { ...job, phase: "stopped" } });
      // The pull goes on without us: list it with its estimate and a way to follow it again.
      void refreshJobs();
    },

    async followJob(jobId) {
      const pull = state().runningPulls.find((job) => job.jobId === jobId);
      if (!pull || jobActive(state())) return;
      store.patch({
        runningPulls: state().runningPulls.filter((job) => job.jobId !== jobId),
        view: "search",
      });
      await followToEnd("search", pull, pull.limit);
      void refreshJobs();
    },

    async refreshSaved() {
      const queries = await busyWith("saved", () => rpc.call("listQueries"));
      if (!(queries instanceof Error)) store.patch({ queries });
    },

    async pollSaved() {
      if (isBusy(state(), "saved")) return;
      try {
        const queries = await rpc.call("listQueries");
        store.patch({ queries });
      } catch {
        // The next poll, or Refresh, tries again.
      }
    },

    async runSaved(id) {
      const saved = state().queries.find((query) => query.id === id);
      const limit = typeof saved?.query.limit === "number" ? saved.query.limit : undefined;
      await startPull("saved", () => rpc.call("runSavedQuery", id), limit);
    },

    editSaved(id) {
      const saved = state().queries.find((query) => query.id === id);
      if (!saved) return;
      store.patch({
        search: formFromSaved(saved, emptyForm()),
        formVersion: state().formVersion + 1,
        preview: { phase: "idle" },
        saveNote: undefined,
        view: "search",
      });
    },

    askDelete(id) {
      store.patch({ confirmingDelete: id });
    },

    async deleteSaved(id) {
      const deleted = await busyWith(`delete-${id}`, () => rpc.call("deleteQuery", id));
      if (deleted instanceof Error) return;
      store.patch({
        confirmingDelete: undefined,
        queries: state().queries.filter((query) => query.id !== id),
      });
      if (state().search.editingId === id) actions.stopEditing();
      await actions.refreshSaved();
    },

    async saveKeys(keys) {
      store.patch({ keysNote: undefined });
      const settings = await busyWith("keys", () => rpc.call("saveSettings", keys));
      if (settings instanceof Error) return "failed";
      const removed = Object.values(keys).some((key) => key === "");
      store.patch({
        settings,
        keysNote: { ok: true, text: say(removed ? "keys.removed" : "keys.saved") },
      });
      return "done";
    },

    async refreshUsage() {
      const usage = await busyWith("usage", () => rpc.call("getUsage"));
      if (!(usage instanceof Error)) store.patch({ usage });
    },

    async saveCap(cap) {
      store.patch({ capNote: undefined });
      const settings = await busyWith("cap", () =>
        rpc.call("saveSettings", { dailyCreditCap: cap.trim() }),
      );
      if (settings instanceof Error) return "failed";
      const { dailyCreditCap } = settings;
      store.patch({
        settings,
        capNote: {
          ok: true,
          text:
            dailyCreditCap === undefined
              ? say("cap.removed")
              : say("cap.saved", { cap: grouped(dailyCreditCap) }),
        },
      });
      return "done";
    },

    async testConnection(source) {
      const { [source]: _, ...others } = state().connection;
      store.patch({ connection: others });
      const test = await busyWith(`test-${source}`, () => rpc.call("testConnection", source));
      if (!(test instanceof Error)) store.patch({ connection: { ...others, [source]: test } });
    },

    // The growth panel keeps its own status line: these answer, or throw, as the server did.
    growthTarget: () => rpc.call("getGrowthTarget"),
    chartGrowth: (sheet) => rpc.call("chartGrowth", sheet, "", ""),
  };
  return actions;
}
