// A pull's job: its state checkpointed in the document's properties (a small JSON, well under
// 9 KB a value), so that the next execution — the sidebar's resumeJob or the hourly trigger —
// goes on right after the last row written. Storage stays bounded however many pulls run: a
// finished job's record goes when it ends (its summary joins the last 20 kept), and a failed one
// is kept only as long as it can be resumed (6 hours, 20 at most).

import type { JobStatus } from "../../shared/pulls/types.js";
import { clipText } from "../../shared/text.js";
import { utf8Length } from "../http/utf8.js";
import { JsonStore } from "../platform/jsonStore.js";
import type { PropertyStore } from "../platform/types.js";
import type { PullRequest } from "./pullRequest.js";

const PREFIX = "tt.job.";
const RECENT = "tt.jobs.recent";
/** A failed pull can be resumed — or the same query run again goes on — for this long. */
export const RESUMABLE_MS = 6 * 3_600_000;
/** A job a daily quota stopped waits for the hourly trigger of the next day; not for ever. */
const QUOTA_WAIT_MS = 3 * 24 * 3_600_000;
const MAX_FAILED_KEPT = 20;
const MAX_RECENT = 20;
/** The recent summaries share one property value (9 KB at most): keep well under it. */
const MAX_RECENT_BYTES = 8_000;
const MAX_RECENT_MESSAGE = 240;

export interface JobState {
  readonly id: string;
  readonly request: PullRequest;
  status: JobStatus;
  /** "fetching" until every page is in; then "committing" the rows to the sheet. */
  phase: "fetching" | "committing";
  /** The next page to fetch. */
  nextPage: number;
  /** Rows written to the staging sheet so far (they sit at rows 2 … rowsStaged + 1). */
  rowsStaged: number;
  /** Rows written to the target sheet once committed. */
  rowsWritten: number;
  requests: number;
  credits: number;
  executions: number;
  readonly startedAt: number;
  updatedAt: number;
  /** The staging sheet's name, once rows had to wait there between executions. */
  staging?: string;
  /** Where an append began, so a commit cut short and run again lands on the same rows. */
  commitRow?: number;
  /** The target was empty when the commit began: the header is the pull's to write. */
  freshTarget?: boolean;
  message?: string;
  /** A failed job the hourly trigger tries again from this time (a daily quota that renews). */
  retryAt?: number;
  /** The saved query this pull runs for, told of the outcome. */
  readonly savedQueryId?: string;
}

/** What getJobStatus still answers for a job whose record is gone. */
export interface FinishedJob {
  readonly id: string;
  readonly status: JobStatus;
  readonly sheet: string;
  readonly rows: number;
  readonly requests: number;
  readonly message: string;
  readonly endedAt: number;
}

export class JobStore {
  readonly #properties: PropertyStore;
  readonly #store: JsonStore<JobState>;

  constructor(properties: PropertyStore) {
    this.#properties = properties;
    this.#store = new JsonStore(properties, PREFIX);
  }

  load(id: string): JobState | undefined {
    return this.#store.load(id);
  }

  save(job: JobState): void {
    this.#store.save(job.id, job);
  }

  delete(id: string): void {
    this.#store.delete(id);
  }

  /** Every job on record, oldest first. */
  list(): JobState[] {
    return this.#store
      .entries()
      .map(([, job]) => job)
      .sort((a, b) => a.startedAt - b.startedAt);
  }

  /**
   * Drops the records storage must not keep: failed jobs past resuming, the oldest failed ones
   * beyond 20, and finished ones. Answers them, so their staging sheets can go too.
   */
  expired(now: number): JobState[] {
    const gone: JobState[] = [];
    const failed: JobState[] = [];
    for (const job of this.list()) {
      if (job.status === "done") gone.push(job);
      else if (job.status === "failed") {
        const waiting = job.retryAt !== undefined && now - job.startedAt <= QUOTA_WAIT_MS;
        if (!waiting && now - job.updatedAt > RESUMABLE_MS) gone.push(job);
        else failed.push(job);
      }
    }
    gone.push(...failed.slice(0, Math.max(0, failed.length - MAX_FAILED_KEPT)));
    for (const job of gone) this.#store.delete(job.id);
    return gone;
  }

  /** A failed job of the same pull that can still be resumed, if there is one. */
  resumableFor(request: PullRequest, now: number): JobState | undefined {
    const wanted = JSON.stringify(request);
    return this.list()
      .reverse()
      .find(
        (job) =>
          job.status === "failed" &&
          (now - job.updatedAt <= RESUMABLE_MS || job.retryAt !== undefined) &&
          JSON.stringify(job.request) === wanted,
      );
  }

  /** Remembers a finished job's summary (the last 20) and drops its record. */
  finish(job: FinishedJob): void {
    // The record goes first: if the store is full, dropping it is what makes room.
    if (job.status === "done") this.#store.delete(job.id);
    const message = clipText(job.message, MAX_RECENT_MESSAGE);
    let recent = [...this.recent().filter((entry) => entry.id !== job.id), { ...job, message }];
    recent = recent.slice(-MAX_RECENT);
    let json = JSON.stringify(recent);
    while (recent.length > 1 && utf8Length(json) > MAX_RECENT_BYTES) {
      recent = recent.slice(1);
      json = JSON.stringify(recent);
    }
    this.#properties.set(RECENT, json);
  }

  recent(): FinishedJob[] {
    try {
      const list = JSON.parse(this.#properties.get(RECENT) ?? "[]") as unknown;
      return Array.isArray(list) ? (list as FinishedJob[]) : [];
    } catch {
      return [];
    }
  }
}
