// A pull's job: its state checkpointed in the document's properties (a small JSON, well under
// 9 KB a value), so that the next execution — the sidebar's resumeJob or the hourly trigger —
// goes on right after the last row written. Finished jobs are kept a day for getJobStatus.

import { JsonStore } from "../platform/jsonStore.js";
import type { PropertyStore } from "../platform/types.js";
import type { PullRequest } from "./pullRequest.js";

const PREFIX = "tt.job.";
const KEEP_FINISHED_MS = 24 * 3_600_000;

export type JobStatus = "running" | "done" | "failed";

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
  message?: string;
  /** The saved query this pull runs for, told of the outcome. */
  readonly savedQueryId?: string;
}

export class JobStore {
  readonly #store: JsonStore<JobState>;

  constructor(properties: PropertyStore) {
    this.#store = new JsonStore(properties, PREFIX);
  }

  load(id: string): JobState | undefined {
    return this.#store.load(id);
  }

  save(job: JobState): void {
    this.#store.save(job.id, job);
  }

  /** Every job, oldest first; finished ones older than a day are forgotten on the way. */
  list(now: number): JobState[] {
    const jobs: JobState[] = [];
    for (const [id, job] of this.#store.entries()) {
      if (job.status !== "running" && now - job.updatedAt > KEEP_FINISHED_MS)
        this.#store.delete(id);
      else jobs.push(job);
    }
    return jobs.sort((a, b) => a.startedAt - b.startedAt);
  }
}
