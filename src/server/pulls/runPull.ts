// runQuery, resumeJob and getJobStatus: a pull into a sheet as a job that goes on for as many
// executions as it needs. Each execution holds the document lock, fetches in chunks until four
// minutes are used, keeps rows in memory or — when the pull outlasts the execution — in a staging
// sheet at positions fixed by the checkpoint, and commits them to the target once every page is in.
// A failure leaves the target as it was. Every execution writes a line to the run log.

import { catalogueOf } from "../../shared/columns/index.js";
import { message } from "../../shared/messages/index.js";
import { grouped, issueMessage } from "../../shared/query/index.js";
import { AddonError, describeError, isAddonError } from "../errors.js";
import type {
  DataServices,
  DocumentLock,
  PropertyStore,
  TriggerManager,
} from "../platform/types.js";
import { ensureHourlyTrigger } from "../schedules/hourlyTrigger.js";
import { keyFor } from "../settings/settings.js";
import { fetchRecords, lastPageFor } from "../sources/fetchRecords.js";
import { columnSpecs, recordRows } from "../sources/rows.js";
import { commitPull, type PulledRows } from "./commit.js";
import { type JobState, type JobStatus, JobStore } from "./jobStore.js";
import { previewedRecently } from "./previewReuse.js";
import { type PullRequest, readPullRequest } from "./pullRequest.js";
import { doneMessage, withLabelLocale } from "./pullText.js";
import { appendRunLog } from "./runLog.js";
import { sheetColumns, withIdColumn } from "./sheetFormat.js";
import { dropStaging, openStaging, stageRows, stagingName } from "./staging.js";
import { targetRefusal } from "./targetFit.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PullEnvironment {
  readonly data: DataServices;
  readonly properties: PropertyStore;
  /** The running user's own properties (where their trigger's id is kept). */
  readonly userProperties: PropertyStore;
  readonly spreadsheet: Spreadsheet;
  readonly lock: DocumentLock;
  readonly triggers: TriggerManager;
  readonly timeZone: string;
  readonly newId: () => string;
  /** Told when a job ends, done or failed (a saved query notes its outcome). */
  readonly onJobFinished?: (job: JobState, summary: PullSummary) => void;
}

export interface StartOptions {
  /** When the execution began: several pulls in one execution share its time. */
  readonly started?: number;
  /** The saved query this pull runs for. */
  readonly savedQueryId?: string;
  /** The language of its header labels when not the call's (a saved query's own). */
  readonly labelLocale?: "en" | "zh";
}

export interface PullSummary {
  readonly status: JobStatus;
  readonly rows: number;
  readonly requests: number;
  readonly sheet: string;
  readonly message?: string;
  readonly jobId?: string;
}

/** Apps Script ends an execution at 6 minutes: fetch for 4, leaving time to stage, commit and log. */
export const FETCH_BUDGET_MS = 240_000;
/** Don't start committing staged rows with less than this left of the 6 minutes. */
const COMMIT_RESERVE_MS = 60_000;
const EXECUTION_LIMIT_MS = 360_000;
const LOCK_WAIT_MS = 30_000;
/** Pages per fetch: memory stays bounded, and the checkpoint moves often. */
const CHUNK_PAGES = 200;
/** Rows kept in memory before they go to the staging sheet. */
const MEMORY_ROWS = 20_000;
const MAX_CELLS = 10_000_000;

export function startPull(
  input: unknown,
  env: PullEnvironment,
  options: StartOptions = {},
): PullSummary {
  const started = options.started ?? env.data.clock.now();
  const read = readPullRequest(input, { now: started, timeZone: env.timeZone });
  if (Array.isArray(read)) {
    const text = read.map((issue) => issueMessage(issue)).join(" ");
    const sheet =
      typeof input === "object" && input !== null
        ? String((input as { sheet?: unknown }).sheet ?? "")
        : "";
    logUnderLock(env, {
      time: new Date(started),
      query: clip(JSON.stringify(input) ?? ""),
      source: "",
      rows: 0,
      requests: 0,
      status: "failed",
      message: text,
    });
    return { status: "failed", rows: 0, requests: 0, sheet, message: text };
  }
  const request: PullRequest = withLabelLocale(
    read.mode === "upsert"
      ? { ...read, output: withIdColumn(read.query.source, read.output) }
      : read,
    options.labelLocale,
  );
  const tooBig = targetRefusal(env.spreadsheet, request) ?? cellsProblem(env.spreadsheet, request);
  if (tooBig) {
    logUnderLock(env, {
      time: new Date(started),
      query: describeRequest(request),
      source: request.query.source,
      rows: 0,
      requests: 0,
      status: "failed",
      message: tooBig,
    });
    return { status: "failed", rows: 0, requests: 0, sheet: request.sheet, message: tooBig };
  }
  const job: JobState = {
    id: env.newId(),
    request,
    status: "running",
    phase: "fetching",
    nextPage: 1,
    rowsStaged: 0,
    rowsWritten: 0,
    requests: 0,
    credits: 0,
    executions: 0,
    startedAt: started,
    updatedAt: started,
    ...(options.savedQueryId ? { savedQueryId: options.savedQueryId } : {}),
  };
  new JobStore(env.properties).save(job);
  return runExecution(job.id, env, started);
}

export function resumePull(
  jobId: unknown,
  env: PullEnvironment,
  started = env.data.clock.now(),
): PullSummary {
  return runExecution(String(jobId ?? ""), env, started);
}

export function pullStatus(jobId: unknown, env: PullEnvironment): PullSummary {
  const job = new JobStore(env.properties).load(String(jobId ?? ""));
  return job ? summaryOf(job) : unknownJob(String(jobId ?? ""));
}

/** Running jobs whose last execution is older than `idleMs` (nobody is driving them). */
export function idleJobs(env: PullEnvironment, idleMs: number): JobState[] {
  const now = env.data.clock.now();
  return new JobStore(env.properties)
    .list(now)
    .filter((job) => job.status === "running" && now - job.updatedAt >= idleMs);
}

function runExecution(jobId: string, env: PullEnvironment, started: number): PullSummary {
  const store = new JobStore(env.properties);
  if (!env.lock.tryLock(LOCK_WAIT_MS)) {
    const job = store.load(jobId);
    if (!job) return unknownJob(jobId);
    if (job.status !== "running") return summaryOf(job);
    ensureHourlyTrigger(env.triggers, env.userProperties);
    return { ...summaryOf(job), message: message("pull.waiting") };
  }
  try {
    const job = store.load(jobId);
    if (!job) return unknownJob(jobId);
    if (job.status !== "running") {
      // A job that finished just before its staging sheet could go: tidy it now.
      if (job.staging) {
        dropStaging(env.spreadsheet, job.staging);
        delete job.staging;
        store.save(job);
      }
      return summaryOf(job);
    }
    job.executions++;
    let fetched = 0;
    try {
      fetched = advance(job, env, started, store);
    } catch (error) {
      job.status = "failed";
      job.message = isAddonError(error)
        ? error.message
        : message("error.unexpected", { detail: describeError(error) });
      dropStaging(env.spreadsheet, job.staging);
      delete job.staging;
    }
    job.updatedAt = env.data.clock.now();
    store.save(job);
    // advance() moved the status on; read it afresh rather than as narrowed above.
    const status: JobStatus = (job as JobState).status;
    if (status === "done") {
      dropStaging(env.spreadsheet, job.staging);
      delete job.staging;
      store.save(job);
    }
    if (status === "running") ensureHourlyTrigger(env.triggers, env.userProperties);
    const summary = summaryOf(job);
    if (status !== "running") env.onJobFinished?.(job, summary);
    writeLog(env.spreadsheet, {
      time: new Date(started),
      query: describeRequest(job.request),
      source: job.request.query.source,
      // The pull's totals so far: the last line of a pull tells the whole pull.
      rows: status === "done" ? job.rowsWritten : Math.max(job.rowsStaged, fetched),
      requests: job.requests,
      status: job.status,
      message: summary.message ?? "",
    });
    return summary;
  } finally {
    env.lock.release();
  }
}

/** One execution's work on a running job; answers the rows it fetched. */
function advance(job: JobState, env: PullEnvironment, started: number, store: JobStore): number {
  const { query, output, mode } = job.request;
  const specs = columnSpecs(query.source, output.columns);
  const columns = sheetColumns(query.source, output, mode);
  const idIndex = columns.findIndex((column) => column.key === catalogueOf(query.source).idKey);
  const key = keyFor(env.properties, query.source);
  const lastPage = lastPageFor(query);
  const deadline = started + FETCH_BUDGET_MS;
  const snapshot = new Date(job.startedAt);
  // What is saved is always consistent: rows staged and the page to go on from agree.
  let saved: JobState = JSON.parse(JSON.stringify(job)) as JobState;
  let buffer: unknown[][] = [];
  let fetchedRows = 0;

  const stage = () => {
    if (buffer.length > 0) {
      job.staging ??= stagingName(job.id);
      stageRows(
        openStaging(env.spreadsheet, job.staging, columns, job.rowsStaged),
        job.rowsStaged,
        buffer,
        columns,
      );
      job.rowsStaged += buffer.length;
      buffer = [];
    }
    store.save(job);
    saved = JSON.parse(JSON.stringify(job)) as JobState;
  };

  while (job.phase === "fetching" && env.data.clock.now() < deadline) {
    // A preview of this query moments ago fetched page 1: take it from the cache, unpaid.
    const reuse = job.nextPage === 1 && previewedRecently(env.data, query);
    const fetched = fetchRecords(
      {
        query,
        key,
        firstPage: job.nextPage,
        maxPages: reuse ? 1 : CHUNK_PAGES,
        deadline,
        useCache: reuse,
      },
      env.data,
    );
    job.requests += fetched.stats.requests;
    job.credits += fetched.stats.credits;
    for (const row of recordRows(query.source, fetched.records, specs, env.timeZone)) {
      buffer.push(mode === "history" ? [snapshot, ...row] : row);
    }
    fetchedRows += fetched.records.length;
    job.nextPage = fetched.lastPage + 1;
    const complete =
      fetched.endOfData ||
      fetched.stoppedBy === "inconsistent-data" ||
      job.nextPage > lastPage ||
      job.rowsStaged + buffer.length >= query.limit;
    if (complete) job.phase = "committing";
    else if (fetched.stoppedBy === "deadline") break;
    if (buffer.length >= MEMORY_ROWS) stage();
  }
  if (job.phase === "fetching") {
    stage();
    return fetchedRows;
  }

  let pulled: PulledRows;
  let checkpoint: () => void;
  if (job.staging === undefined) {
    pulled = { kind: "memory", rows: buffer };
    // If this execution dies mid-write, the next one refetches from the last consistent state —
    // and must write to the same rows: save where the rows go, not how far the fetching got.
    checkpoint = () => {
      saved = { ...saved, ...(job.commitRow === undefined ? {} : { commitRow: job.commitRow }) };
      store.save(saved);
    };
  } else {
    stage();
    if (env.data.clock.now() + COMMIT_RESERVE_MS > started + EXECUTION_LIMIT_MS) return fetchedRows;
    const sheet = env.spreadsheet.getSheetByName(job.staging);
    if (!sheet)
      throw new AddonError("INTERNAL", message("pull.stagingDeleted", { name: job.staging }));
    pulled = { kind: "staged", sheet, count: job.rowsStaged };
    checkpoint = () => store.save(job);
  }
  job.rowsWritten = commitPull({
    spreadsheet: env.spreadsheet,
    job,
    columns,
    pulled,
    idIndex,
    checkpoint,
  });
  job.status = "done";
  return fetchedRows;
}

export function summaryOf(job: JobState): PullSummary {
  const { sheet } = job.request;
  const base = { status: job.status, requests: job.requests, sheet };
  if (job.status === "done") {
    return {
      ...base,
      rows: job.rowsWritten,
      message: doneMessage(job),
    };
  }
  if (job.status === "failed") {
    return {
      ...base,
      rows: job.rowsStaged,
      message: message("pull.stopped", {
        rows: grouped(job.rowsStaged),
        detail: job.message ?? "",
      }),
    };
  }
  const id = job.phase === "committing" ? "pull.committing" : "pull.running";
  return {
    ...base,
    rows: job.rowsStaged,
    jobId: job.id,
    message: message(id, { rows: grouped(job.rowsStaged), sheet }),
  };
}

function unknownJob(id: string): PullSummary {
  return {
    status: "failed",
    rows: 0,
    requests: 0,
    sheet: "",
    message: message("pull.unknownJob", { id: clip(id, 60) }),
  };
}

/** A pull that would take the spreadsheet past 10 million cells fails before any request. */
function cellsProblem(spreadsheet: Spreadsheet, request: PullRequest): string | undefined {
  const columns = request.output.columns.length + (request.mode === "history" ? 1 : 0);
  // Rows too many for one execution wait in a staging sheet first: count them twice.
  const copies = request.query.limit > MEMORY_ROWS ? 2 : 1;
  const needed = columns * (request.query.limit + 1) * copies;
  if (needed < MAX_CELLS / 10) return undefined;
  const used = spreadsheet
    .getSheets()
    .reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  return used + needed > MAX_CELLS
    ? message("pull.tooManyCells", { cells: grouped(needed) })
    : undefined;
}

export function describeRequest(request: PullRequest): string {
  const { query, sheet, mode } = request;
  const filters = Object.entries(query.filters).map(([name, value]) => `${name}=${value}`);
  if (query.source === "fastmoss") filters.push(`${query.date.type}=${query.date.value}`);
  const text = `${query.source} ${query.region} · limit ${grouped(query.limit)}${filters.length ? ` · ${filters.join(", ")}` : ""} → “${sheet}” (${mode})`;
  return clip(text);
}

function writeLog(spreadsheet: Spreadsheet, line: Parameters<typeof appendRunLog>[1]): void {
  try {
    appendRunLog(spreadsheet, line);
  } catch {
    // The log must never turn a pull that worked into one that failed.
  }
}

function logUnderLock(env: PullEnvironment, line: Parameters<typeof appendRunLog>[1]): void {
  if (!env.lock.tryLock(LOCK_WAIT_MS)) return;
  try {
    writeLog(env.spreadsheet, line);
  } finally {
    env.lock.release();
  }
}

/** Log lines and messages quote at most this much of a query. */
function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
