// Everything the sidebar shows, as one immutable value: the server's context, the search form,
// the preview, the pull being driven, and the notes and errors of the last actions.

import type { SourceName } from "../shared/columns/types.js";
import type { Locale } from "../shared/messages/index.js";
import type { Answer } from "./rpc.js";
import { emptyForm, type SearchForm } from "./searchForm.js";

export type ViewName = "search" | "saved" | "usage" | "settings";
export const VIEWS: readonly ViewName[] = ["search", "saved", "usage", "settings"];

export type SettingsView = Answer<"getSettings">;
export type KeySetting = Exclude<keyof SettingsView, "dailyCreditCap">;
export type SavedQuery = Answer<"listQueries">[number];
export type PullSummary = Answer<"runQuery">;
export type Preview = Answer<"previewQuery">;
export type ConnectionTest = Answer<"testConnection">;
export type Usage = Answer<"getUsage">;
/** A pull not finished yet, as listJobs answers it. */
export type RunningPull = Answer<"listJobs">[number];
export type SheetHeader = Answer<"getSidebarContext">["sheetHeaders"][number];

export type PreviewState =
  | { readonly phase: "idle" }
  | { readonly phase: "loading" }
  | { readonly phase: "shown"; readonly preview: Preview; readonly source: SourceName };

/** Where the pull was started from: its progress shows there. */
export type JobOrigin = "search" | "saved";

export type JobState =
  | { readonly phase: "idle" }
  | { readonly phase: "starting"; readonly origin: JobOrigin }
  | {
      readonly phase: "running" | "ended" | "stopped";
      readonly origin: JobOrigin;
      readonly summary: PullSummary;
      /** The rows asked for, when known: the progress bar's end. */
      readonly limit?: number;
    }
  | {
      readonly phase: "lost";
      readonly origin: JobOrigin;
      readonly summary: PullSummary;
      readonly error: string;
    };

/** A short sentence after an action, good or bad. */
export interface Note {
  readonly ok: boolean;
  readonly text: string;
}

/** Actions in flight, whose buttons wait. */
export type Busy =
  | "preview"
  | "save"
  | "keys"
  | "saved"
  | "usage"
  | "cap"
  | `test-${SourceName}`
  | `delete-${string}`;

export interface SidebarState {
  readonly locale: Locale;
  readonly view: ViewName;
  readonly boot: "loading" | "ready" | "failed";
  readonly timeZone: string;
  /** How far the server's clock is ahead of this browser's, when the server says its time. */
  readonly clockOffset: number;
  readonly sheets: readonly string[];
  /** The sheets' header rows, to judge a target as the person types. */
  readonly sheetHeaders: readonly SheetHeader[];
  /** Pulls not finished that nobody here is following (listJobs), with Follow buttons. */
  readonly runningPulls: readonly RunningPull[];
  readonly settings: SettingsView;
  readonly queries: readonly SavedQuery[];
  readonly search: SearchForm;
  /** Bumped when the form is filled from elsewhere (Edit), so its fields are rebuilt. */
  readonly formVersion: number;
  readonly preview: PreviewState;
  readonly job: JobState;
  readonly confirmingDelete?: string;
  readonly busy: readonly Busy[];
  /** The last failure of a server call, for the global error area. */
  readonly error: string;
  readonly saveNote?: Note;
  readonly keysNote?: Note;
  readonly capNote?: Note;
  /** The document's credit ledger (getUsage), once asked for. */
  readonly usage?: Usage;
  /** Each source's connection test, on its own line. */
  readonly connection: Partial<Record<SourceName, ConnectionTest>>;
}

export function initialState(locale: Locale, view: ViewName): SidebarState {
  return {
    locale,
    view,
    boot: "loading",
    timeZone: "UTC",
    clockOffset: 0,
    sheets: [],
    sheetHeaders: [],
    runningPulls: [],
    connection: {},
    settings: { keyapiKey: { set: false, hint: "" }, fastmossToken: { set: false, hint: "" } },
    queries: [],
    search: emptyForm(),
    formVersion: 0,
    preview: { phase: "idle" },
    job: { phase: "idle" },
    busy: [],
    error: "",
  };
}

/**
 * The time as the server sees it: FastMoss's complete periods and a saved query's next run are
 * judged by the server's clock (a local runtime's virtual clock may be days off this browser's).
 */
export const serverNow = (state: SidebarState, browserNow = Date.now()) =>
  browserNow + state.clockOffset;

/** The server's time in its context (epoch ms). */
export function serverTimeIn(context: { readonly now?: number }): number | undefined {
  return typeof context.now === "number" && Number.isFinite(context.now) ? context.now : undefined;
}

export const isBusy = (state: SidebarState, what: Busy) => state.busy.includes(what);

/** Whether a pull is being driven now (one at a time). */
export const jobActive = (state: SidebarState) =>
  state.job.phase === "starting" || state.job.phase === "running";

/**
 * KeyAPI credits today's cap still leaves, as far as this sidebar knows; undefined without a cap
 * or before the usage is known.
 */
export function capLeft(state: SidebarState): { cap: number; left: number } | undefined {
  const cap = state.settings.dailyCreditCap;
  if (cap === undefined || !state.usage) return undefined;
  return { cap, left: Math.max(0, cap - state.usage.today.keyapi) };
}
