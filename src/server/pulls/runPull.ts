// runQuery, resumeJob and getJobStatus: a pull into a sheet as a job that goes on for as many
// executions as it needs. Each execution holds the document lock, fetches in chunks for as long as
// its FetchBudget leaves time to write what it fetched, keeps rows in memory or — when the pull
// outlasts the execution — in a staging sheet at positions fixed by the checkpoint, and commits
// them to the target once every page is in. A failure leaves the target as it was and keeps what
// was paid for: the rows fetched stay staged and the job can be resumed — or the same query run
// again — from the first page not fetched. Every execution writes a line to the run log, or
// queues it when another run holds the lock.

import { catalogueOf, isSeenKey } from "../../shared/columns/index.js";
import { message } from "../../shared/messages/index.js";
import type { PullSummary } from "../../shared/pulls/types.js";
import { grouped, issueMessage } from "../../shared/query/index.js";
import { clipText } from "../../shared/text.js";
import { AddonError, dailyQuotaService, describeError, isAddonError } from "../errors.js";
import { redactSecrets } from "../http/redact.js";
import type {
  DocumentEnvironment,
  DocumentLock,
  PropertyStore,
  Spreadsheet,
  TriggerManager,
} from "../platform/types.js";
import { storedSecrets } from "../settings/secrets.js";
import { keyFor } from "../settings/settings.js";
import {
  DEFAULT_RATE,
  fetchRecords,
  lastPageFor,
  pageSizeFor,
  requestProblem,
} from "../sources/fetchRecords.js";
import { columnSpecs, recordRows } from "../sources/rows.js";
import { commitPull, type PulledRows } from "./commit.js";
import { FetchBudget } from "./fetchBudget.js";
import { type JobState, JobStore } from "./jobStore.js";
import { previewedRecently } from "./previewReuse.js";
import { type PullRequest, readPullRequest } from "./pullRequest.js";
import { doneMessage, withLabelLocale } from "./pullText.js";
import { appendRunLog, queueRunLog, type RunLogLine, writeQueuedRunLog } from "./runLog.js";
import { sheetColumns, withIdColumn } from "./sheetFormat.js";
import { dropStaging, openStaging, stageRows, stagingName } from "./staging.js";
import { targetRefusal } from "./targetFit.js";

export interface PullEnvironment extends DocumentEnvironment {
  /** The running user's own properties (where their trigger's id is kept). */
  readonly userProperties: PropertyStore;
  readonly spreadsheet: Spreadsheet;
  readonly lock: DocumentLock;
  readonly triggers: TriggerManager;
  /**
   * Makes sure the hourly trigger that carries on unattended jobs exists (answers its id); throws
   * TRIGGER_LIMIT when the user has none to spare. Handed in: the trigger is the schedules' own.
   */
  readonly ensureTrigger: () => string;
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

export type { PullSummary } from "../../shared/pulls/types.js";

/** Time a schedule may give pulls in one execution (a pull itself fetches by its FetchBudget). */
export const FETCH_BUDGET_MS = 240_000;
const LOCK_WAIT_MS = 30_000;
/** Pages per fetch: memory stays bounded, and the checkpoint moves often. */
const CHUNK_PAGES = 200;
/** Rows kept in memory before they go to the staging sheet. */
const MEMORY_ROWS = 20_000;
const MAX_CELLS = 10_000_000;
/** A job stopped by a daily quota is tried again by the hourly trigger from an hour later on. */
const QUOTA_RETRY_MS = 3_600_000;

export function startPull(
  input: unknown,
  env: PullEnvironment,
  options: StartOptions = {},
): PullSummary {
  const started = options.started ?? env.data.clock.now();
  const read = readPullRequest(input, { now: started, timeZone: env.timeZone });
  if (Array.isArray(read)) {
    const text = read.map((issue) => issueMessage(issue)).join(" ");
    const given =
      typeof input === "object" && input !== null ? (input as { sheet?: unknown }).sheet : "";
    const sheet = typeof given === "string" ? clip(given, 100) : "";
    return refused(env, started, safeJson(input), "", sheet, text);
  }
  const request: PullRequest = withLabelLocale(
    read.mode === "upsert"
      ? { ...read, output: withIdColumn(read.query.source, read.output) }
      : read,
    options.labelLocale,
  );
  const refuse = (text: string) =>
    refused(env, started, describeRequest(request), request.query.source, request.sheet, text);
  const problem =
    targetRefusal(env.spreadsheet, request) ??
    cellsProblem(env.spreadsheet, request) ??
    requestProblem(request.query)?.message;
  if (problem) return refuse(problem);
  const store = new JobStore(env.properties);
  // The same pull failed not long ago: go on from where it stopped rather than pay again.
  const resumable = store.resumableFor(request, started);
  if (resumable) return runExecution(resumable.id, env, started, true);
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
  try {
    store.save(job);
  } catch (error) {
    // The document's store is full (or failing): say so in the log and the answer.
    return refuse(failureText(error));
  }
  return runExecution(job.id, env, started, false);
}

/** A pull refused before any request: its line in the run log, and a failed summary. */
function refused(
  env: PullEnvironment,
  started: number,
  query: string,
  source: RunLogLine["source"],
  sheet: string,
  text: string,
): PullSummary {
  logUnderLock(env, {
    time: new Date(started),
    query,
    source,
    rows: 0,
    requests: 0,
    status: "failed",
    message: text,
  });
  return { status: "failed", rows: 0, requests: 0, sheet, message: text };
}

/** Runs a job on for one execution; a failed job that can still be resumed goes on where it stopped. */
export function resumePull(
  jobId: string,
  env: PullEnvironment,
  started = env.data.clock.now(),
): PullSummary {
  return runExecution(jobId, env, started, true);
}

export function pullStatus(jobId: string, env: PullEnvironment): PullSummary {
  const store = new JobStore(env.properties);
  const job = store.load(jobId);
  return job ? summaryOf(job) : finishedSummary(store, jobId);
}

/** Running jobs whose last execution is older than `idleMs` (nobody is driving them). */
export function idleJobs(env: PullEnvironment, idleMs: number): JobState[] {
  const now = env.data.clock.now();
  return new JobStore(env.properties)
    .list()
    .filter((job) => job.status === "running" && now - job.updatedAt >= idleMs);
}

/** Failed jobs the hourly trigger should try again now (a daily quota that has renewed since). */
export function retryableJobs(env: PullEnvironment, now = env.data.clock.now()): JobState[] {
  return new JobStore(env.properties)
    .list()
    .filter((job) => job.status === "failed" && job.retryAt !== undefined && job.retryAt <= now);
}

function runExecution(
  jobId: string,
  env: PullEnvironment,
  started: number,
  reopen: boolean,
): PullSummary {
  const store = new JobStore(env.properties);
  if (!env.lock.tryLock(LOCK_WAIT_MS)) {
    const job = store.load(jobId);
    if (!job) return finishedSummary(store, jobId);
    const noTrigger = job.status === "running" ? keepHourlyTrigger(env) : undefined;
    const summary =
      job.status === "running"
        ? { ...summaryOf(job), message: joined(message("pull.waiting"), noTrigger) }
        : summaryOf(job);
    queueRunLog(env.properties, {
      time: new Date(started),
      query: describeRequest(job.request),
      source: job.request.query.source,
      // The pull's totals so far: the last line of a pull tells the whole pull.
      rows: job.rowsStaged,
      requests: job.requests,
      credits: job.credits,
      status: job.status,
      message: summary.message ?? "",
    });
    return summary;
  }
  let job: JobState | undefined;
  try {
    writeLog(() => writeQueuedRunLog(env.properties, env.spreadsheet));
    for (const gone of store.expired(started)) dropStaging(env.spreadsheet, gone.staging);
    job = store.load(jobId);
    if (!job) return finishedSummary(store, jobId);
    if (job.status === "failed" && reopen) reopenJob(job, env.spreadsheet);
    if (job.status !== "running") return summaryOf(job);
    return runJob(job, env, started, store);
  } catch (error) {
    // Something outside the job's own work failed (the store is full, the spreadsheet refused):
    // the run still answers, and still leaves its line.
    const text = failureText(error);
    if (job) {
      writeLog(() =>
        appendRunLog(env.spreadsheet, {
          time: new Date(started),
          query: describeRequest(job!.request),
          source: job!.request.query.source,
          rows: job!.rowsStaged,
          requests: job!.requests,
          credits: job!.credits,
          status: "failed",
          message: text,
        }),
      );
    }
    return {
      status: "failed",
      rows: job?.rowsStaged ?? 0,
      requests: job?.requests ?? 0,
      sheet: job?.request.sheet ?? "",
      message: message("pull.stopped", { rows: grouped(job?.rowsStaged ?? 0), detail: text }),
      // The job is still stored as last saved: resumeJob (or the hourly trigger) carries it on.
      ...(job ? { jobId: job.id } : {}),
    };
  } finally {
    env.lock.release();
  }
}

/** A failed job goes on: from its staged rows, or from the start if they were lost. */
function reopenJob(job: JobState, spreadsheet: Spreadsheet): void {
  job.status = "running";
  delete job.message;
  delete job.retryAt;
  const lost = job.staging !== undefined && spreadsheet.getSheetByName(job.staging) === null;
  if (lost && job.phase === "fetching") {
    job.nextPage = 1;
    job.rowsStaged = 0;
    delete job.staging;
  }
}

/** One execution of a running job, under the lock: fetch, maybe commit, record, log. */
function runJob(
  job: JobState,
  env: PullEnvironment,
  started: number,
  store: JobStore,
): PullSummary {
  job.executions++;
  let fetched = 0;
  try {
    fetched = advance(job, env, started, store);
  } catch (error) {
    job.status = "failed";
    job.message = failureText(error, env.properties);
    if (isAddonError(error) && (error.code === "QUOTA" || error.code === "CREDIT_CAP")) {
      // Nothing can be sent until the quota renews, or the credit cap is raised or the day turns:
      // the hourly trigger tries each hour after.
      job.retryAt = env.data.clock.now() + QUOTA_RETRY_MS;
    }
  }
  job.updatedAt = env.data.clock.now();
  const status = job.status;
  if (status === "done") {
    dropStaging(env.spreadsheet, job.staging);
    delete job.staging;
  }
  let summary = summaryOf(job);
  if (status === "running") {
    store.save(job);
    const noTrigger = keepHourlyTrigger(env);
    if (noTrigger) summary = { ...summary, message: joined(summary.message ?? "", noTrigger) };
  } else {
    if (status === "failed") store.save(job);
    store.finish({
      id: job.id,
      status,
      sheet: job.request.sheet,
      rows: summary.rows,
      requests: job.requests,
      message: summary.message ?? "",
      endedAt: job.updatedAt,
    });
    if (status === "failed" && job.retryAt !== undefined) {
      const noTrigger = keepHourlyTrigger(env);
      if (noTrigger) summary = { ...summary, message: joined(summary.message ?? "", noTrigger) };
    }
    env.onJobFinished?.(job, summary);
  }
  writeLog(() =>
    appendRunLog(env.spreadsheet, {
      time: new Date(started),
      query: describeRequest(job.request),
      source: job.request.query.source,
      // The pull's totals so far: the last line of a pull tells the whole pull.
      rows: status === "done" ? job.rowsWritten : Math.max(job.rowsStaged, fetched),
      requests: job.requests,
      credits: job.credits,
      status: job.status,
      message: summary.message ?? "",
    }),
  );
  return summary;
}

/** The words of a failure, for the job, the summary and the log — never a piece of a key. */
function failureText(error: unknown, properties?: PropertyStore): string {
  const quota = isAddonError(error) ? undefined : dailyQuotaService(describeError(error));
  const text = isAddonError(error)
    ? error.message
    : quota
      ? message("quota.other", { service: quota })
      : message("error.unexpected", { detail: describeError(error) });
  if (!properties) return text;
  try {
    return redactSecrets(text, storedSecrets(properties), Number.POSITIVE_INFINITY);
  } catch {
    return text;
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
  // The whole execution but what staging and committing will take, as measured in this document.
  const budget = new FetchBudget(env.properties, started);
  const size = pageSizeFor(query);
  const deadline = () => {
    const rowsLeft = Math.max(0, query.limit - job.rowsStaged - buffer.length);
    return budget.fetchDeadline(env.data.clock.now(), {
      heldRows: buffer.length,
      chunkRows: Math.min(rowsLeft, CHUNK_PAGES * size),
      rowsLeft,
      totalRows: query.limit,
      rowsPerSecond: DEFAULT_RATE[query.source] * size,
    });
  };
  const snapshot = new Date(job.startedAt);
  // An upsert's first/last seen columns hold the run's time (commit keeps a first seen already set).
  const seenIndexes = columns.flatMap((column, index) => (isSeenKey(column.key) ? [index] : []));
  // What is saved is always consistent: rows staged and the page to go on from agree.
  let saved: JobState = JSON.parse(JSON.stringify(job)) as JobState;
  let buffer: unknown[][] = [];
  let fetchedRows = 0;

  const stage = () => {
    if (buffer.length > 0) {
      job.staging ??= stagingName(job.id);
      const writing = env.data.clock.now();
      stageRows(
        openStaging(env.spreadsheet, job.staging, columns, job.rowsStaged),
        job.rowsStaged,
        buffer,
        columns,
      );
      budget.measuredStage(buffer.length, env.data.clock.now() - writing);
      job.rowsStaged += buffer.length;
      buffer = [];
    }
    store.save(job);
    saved = JSON.parse(JSON.stringify(job)) as JobState;
  };

  try {
    return fetchAndCommit();
  } catch (error) {
    // Keep what was paid for: the rows fetched so far go to the staging sheet, and the job can
    // go on from the first page not fetched. If they can't be kept, fall back to the last
    // consistent checkpoint (its rows are staged, its next page agrees with them).
    try {
      if (job.phase === "fetching" || job.staging === undefined) stage();
    } catch {
      Object.assign(job, saved);
      if (job.commitRow === undefined) delete job.commitRow;
    }
    throw error;
  }

  function fetchAndCommit(): number {
    for (let until = deadline(); job.phase === "fetching" && env.data.clock.now() < until; ) {
      // A preview of this query moments ago fetched page 1: take it from the cache, unpaid.
      const reuse = job.nextPage === 1 && previewedRecently(env.data, query, key);
      const fetched = fetchRecords(
        {
          query,
          key,
          firstPage: job.nextPage,
          maxPages: reuse ? 1 : CHUNK_PAGES,
          deadline: until,
          useCache: reuse,
          keepPartial: true,
        },
        env.data,
      );
      job.requests += fetched.stats.requests;
      job.credits += fetched.stats.credits;
      for (const row of recordRows(query.source, fetched.records, specs, env.timeZone)) {
        if (mode === "history") buffer.push([snapshot, ...row]);
        else {
          for (const index of seenIndexes) row[index] = snapshot;
          buffer.push(row);
        }
      }
      fetchedRows += fetched.records.length;
      job.nextPage = fetched.lastPage + 1;
      if (fetched.failure) throw fetched.failure;
      const complete =
        fetched.endOfData ||
        fetched.stoppedBy === "inconsistent-data" ||
        job.nextPage > lastPage ||
        job.rowsStaged + buffer.length >= query.limit;
      if (complete) job.phase = "committing";
      else if (fetched.stoppedBy === "deadline") break;
      if (buffer.length >= MEMORY_ROWS) stage();
      until = deadline();
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
        saved = {
          ...saved,
          ...(job.commitRow === undefined ? {} : { commitRow: job.commitRow }),
          ...(job.freshTarget === undefined ? {} : { freshTarget: job.freshTarget }),
        };
        store.save(saved);
      };
    } else {
      stage();
      if (!budget.canCommit(env.data.clock.now(), job.rowsStaged)) return fetchedRows;
      const sheet = env.spreadsheet.getSheetByName(job.staging);
      if (!sheet)
        throw new AddonError("INTERNAL", message("pull.stagingDeleted", { name: job.staging }));
      pulled = { kind: "staged", sheet, count: job.rowsStaged };
      checkpoint = () => store.save(job);
    }
    const committing = env.data.clock.now();
    job.rowsWritten = commitPull({
      spreadsheet: env.spreadsheet,
      job,
      columns,
      pulled,
      idIndex,
      checkpoint,
    });
    budget.measuredCommit(job.rowsWritten, env.data.clock.now() - committing);
    job.status = "done";
    return fetchedRows;
  }
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
    const stopped = message("pull.stopped", {
      rows: grouped(job.rowsStaged),
      detail: job.message ?? "",
    });
    return {
      ...base,
      rows: job.rowsStaged,
      // Kept for resuming: resumeJob(jobId) goes on from the first page not fetched.
      jobId: job.id,
      message:
        job.rowsStaged > 0
          ? `${stopped} ${message("pull.resumable", { rows: grouped(job.rowsStaged) })}`
          : stopped,
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

/** A job whose record is gone: its summary among the last 20 kept, else "no such pull". */
function finishedSummary(store: JobStore, id: string): PullSummary {
  const finished = store.recent().find((entry) => entry.id === id);
  if (finished) {
    const { status, rows, requests, sheet, message: text } = finished;
    return { status, rows, requests, sheet, message: text };
  }
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
  if ("date" in query) filters.push(`${query.date.type}=${query.date.value}`);
  const text = `${query.source} ${query.region} · limit ${grouped(query.limit)}${filters.length ? ` · ${filters.join(", ")}` : ""} → “${sheet}” (${mode})`;
  return clip(text);
}

/** Writes to the run log; the log must never turn a pull that worked into one that failed. */
function writeLog(write: () => void): void {
  try {
    write();
  } catch {
    // Nothing to do: the run's own answer still says what happened.
  }
}

/**
 * A running job needs the hourly trigger to go on when nobody drives it. When the user has no
 * trigger left to spare (20 in all), the job still runs while the sidebar drives it: answers why
 * it can't go on alone.
 */
function keepHourlyTrigger(env: PullEnvironment): string | undefined {
  try {
    env.ensureTrigger();
    return undefined;
  } catch (error) {
    if (isAddonError(error) && error.code === "TRIGGER_LIMIT") return error.message;
    throw error;
  }
}

function joined(first: string, second: string | undefined): string {
  return second ? `${first} ${second}`.trim() : first;
}

/** A line for a run that holds no lock yet: written now, or queued if another run holds it. */
export function logUnderLock(env: PullEnvironment, line: RunLogLine): void {
  if (!env.lock.tryLock(LOCK_WAIT_MS)) {
    queueRunLog(env.properties, line);
    return;
  }
  try {
    writeLog(() => {
      writeQueuedRunLog(env.properties, env.spreadsheet);
      appendRunLog(env.spreadsheet, line);
    });
  } finally {
    env.lock.release();
  }
}

/** A query as the log quotes it, whatever was sent (it may not even be JSON-able). */
function safeJson(input: unknown): string {
  try {
    return clip(JSON.stringify(input) ?? String(typeof input));
  } catch {
    return clip(typeof input);
  }
}

/** Log lines and messages quote at most this much of a query. */
function clip(text: string, max = 300): string {
  return clipText(text, max);
}
