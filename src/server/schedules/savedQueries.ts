// Saved queries: a pull the user named, with its schedule and what happened at its last run, kept
// in the document's properties (one value each, well under 9 KB) so every editor sees them and the
// hourly trigger can run them. A query is validated as a pull before it is saved.

import { currentLocale, message } from "../../shared/messages/index.js";
import { SCHEDULES, type Schedule } from "../../shared/pulls/types.js";
import { issue, type QueryIssue, shown } from "../../shared/query/index.js";
import { idArgument, objectArgument } from "../arguments.js";
import { AddonError, isAddonError } from "../errors.js";
import { invalidInput } from "../functions/invalidInput.js";
import { utf8Length } from "../http/utf8.js";
import { JsonStore } from "../platform/jsonStore.js";
import type { DocumentEnvironment, PropertyStore } from "../platform/types.js";
import { readPullRequest } from "../pulls/pullRequest.js";
import type { PullSummary } from "../pulls/runPull.js";
import { dueAt } from "./due.js";

const PREFIX = "tt.query.";
const MAX_SAVED = 100;
const MAX_NAME = 100;
/** Property values hold 9 KB; leave room for what a run notes on the query. */
const MAX_SAVED_BYTES = 8_000;
/** What runQuery's argument may hold; anything else is dropped before saving. */
const QUERY_FIELDS = [
  "source",
  "region",
  "limit",
  "filters",
  "columns",
  "headers",
  "sheet",
  "mode",
] as const;

export interface SavedQuery {
  readonly id: string;
  readonly name: string;
  /** runQuery's argument, as the user built it (a FastMoss period left open is chosen at each run). */
  readonly query: Readonly<Record<string, unknown>>;
  readonly schedule: Schedule;
  readonly createdAt: number;
  updatedAt: number;
  lastRun?: number;
  lastStatus?: PullSummary["status"];
  lastError?: string;
  lastRows?: number;
  /** The job of a run still going on. */
  jobId?: string;
  /** The language it was saved in: its scheduled runs write header labels in it. */
  labelLocale?: "en" | "zh";
}

/** A saved query as google.script.run carries it: dates as ISO text. */
export interface SavedQueryView {
  readonly id: string;
  readonly name: string;
  readonly query: Readonly<Record<string, unknown>>;
  readonly schedule: Schedule;
  readonly lastRun?: string;
  readonly lastStatus?: PullSummary["status"];
  readonly lastError?: string;
  readonly lastRows?: number;
  readonly nextRun?: string;
  readonly jobId?: string;
}

export interface SaveContext {
  readonly now: number;
  readonly timeZone: string;
  readonly newId: () => string;
}

export class SavedQueryStore {
  readonly #store: JsonStore<SavedQuery>;

  constructor(properties: PropertyStore) {
    this.#store = new JsonStore(properties, PREFIX);
  }

  list(): SavedQuery[] {
    return this.#store
      .entries()
      .map(([, query]) => query)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  load(id: string): SavedQuery | undefined {
    return this.#store.load(id);
  }

  save(query: SavedQuery): void {
    this.#store.save(query.id, query);
  }

  delete(id: string): boolean {
    return this.#store.delete(id);
  }
}

/** Validates and stores a saved query; an `id` in the input updates that query. */
export function saveQuery(
  store: SavedQueryStore,
  input: unknown,
  context: SaveContext,
): { id: string } {
  const raw = objectArgument(input, "query");
  const issues: QueryIssue[] = [];
  const name = typeof raw.name === "string" ? raw.name.trim() : "";
  if (name === "") issues.push(issue("name", "saved.nameRequired"));
  else if (name.length > MAX_NAME) issues.push(issue("name", "saved.nameTooLong"));
  const schedule = (
    typeof raw.schedule === "string" ? raw.schedule : raw.schedule === undefined ? "off" : "?"
  )
    .trim()
    .toLowerCase() as Schedule;
  if (!SCHEDULES.includes(schedule))
    issues.push(
      issue("schedule", "saved.scheduleUnknown", {
        value: shown(raw.schedule).replace(/^"|"$/g, ""),
      }),
    );
  const query = Object.fromEntries(
    QUERY_FIELDS.filter((field) => raw[field] !== undefined).map((field) => [field, raw[field]]),
  );
  const pull = readPullRequest(query, { now: context.now, timeZone: context.timeZone });
  if (Array.isArray(pull)) issues.push(...pull);
  if (issues.length > 0) throw invalidInput(issues);

  const id =
    raw.id === undefined || raw.id === null || raw.id === ""
      ? undefined
      : idArgument(raw.id, "id", message("argument.queryId"));
  const existing = id ? store.load(id) : undefined;
  if (id && !existing) throw new AddonError("INVALID_ARGUMENT", message("saved.unknown", { id }));
  if (!existing && store.list().length >= MAX_SAVED) {
    throw new AddonError("INVALID_ARGUMENT", message("saved.tooMany", { max: MAX_SAVED }));
  }
  const saved: SavedQuery = {
    ...(existing ?? {}),
    id: existing?.id ?? context.newId(),
    name,
    query,
    schedule,
    labelLocale: currentLocale(),
    createdAt: existing?.createdAt ?? context.now,
    updatedAt: context.now,
  };
  // One property value holds a saved query: refuse one too big for it in words, not Google's.
  const bytes = utf8Length(JSON.stringify(saved));
  if (bytes > MAX_SAVED_BYTES) {
    throw new AddonError(
      "INVALID_ARGUMENT",
      message("argument.tooLong", { name: "query", length: bytes, max: MAX_SAVED_BYTES }),
    );
  }
  store.save(saved);
  return { id: saved.id };
}

/** Every saved query as the sidebar lists it, as of the environment's clock. */
export function savedQueryViews(env: DocumentEnvironment): SavedQueryView[] {
  const now = env.data.clock.now();
  return new SavedQueryStore(env.properties)
    .list()
    .map((query) => viewOf(query, now, env.timeZone));
}

export function viewOf(query: SavedQuery, now: number, timeZone: string): SavedQueryView {
  const due = dueAt(query.schedule, query.lastRun, timeZone);
  const iso = (time: number | undefined) =>
    time === undefined ? undefined : new Date(time).toISOString();
  const view: Record<string, unknown> = {
    id: query.id,
    name: query.name,
    query: query.query,
    schedule: query.schedule,
    lastRun: iso(query.lastRun),
    lastStatus: query.lastStatus,
    lastError: query.lastError,
    lastRows: query.lastRows,
    // Due already (or never run): at the next firing of the hourly trigger.
    nextRun: due === undefined ? undefined : iso(Math.max(due, now)),
    jobId: query.jobId,
  };
  for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
  return view as unknown as SavedQueryView;
}

/** Notes a run's outcome on the saved query: what the sidebar shows and schedules go by. */
export function recordRun(
  store: SavedQueryStore,
  id: string,
  summary: PullSummary,
  startedAt?: number,
): void {
  const query = store.load(id);
  if (!query) return;
  if (startedAt !== undefined) query.lastRun = startedAt;
  query.lastStatus = summary.status;
  query.lastRows = summary.rows;
  if (summary.status === "failed") query.lastError = summary.message ?? "";
  else delete query.lastError;
  if (summary.status === "running" && summary.jobId) query.jobId = summary.jobId;
  else delete query.jobId;
  saveNoting(store, query);
}

/**
 * Saves a query's outcome. A store too full for the whole message still gets the short word that
 * it is full: a scheduled run never stops without saying why.
 */
function saveNoting(store: SavedQueryStore, query: SavedQuery): void {
  try {
    store.save(query);
  } catch (error) {
    if (!isAddonError(error) || error.code !== "STORAGE_FULL") throw error;
    query.lastError = message("storage.full", { detail: "500 KB" });
    try {
      store.save(query);
    } catch {
      // Nothing more can be written here; the run log still has the line.
    }
  }
}

/** Marks queries that could not run, keeping when they last did. */
export function recordProblem(store: SavedQueryStore, query: SavedQuery, problem: string): void {
  query.lastStatus = "failed";
  query.lastError = problem;
  saveNoting(store, query);
}
