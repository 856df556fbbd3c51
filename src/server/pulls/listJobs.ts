// listJobs: the pulls not finished yet, so a sidebar opened later finds them — each with its
// progress and an honest estimate of when the hourly trigger alone would finish it.

import { DEFAULT_RATE, pageSizeFor } from "../sources/fetchRecords.js";
import type { JobState } from "./jobStore.js";
import { JobStore } from "./jobStore.js";
import { FETCH_BUDGET_MS, type PullEnvironment, type PullSummary, summaryOf } from "./runPull.js";

const HOUR_MS = 3_600_000;

export interface RunningPull extends PullSummary {
  readonly jobId: string;
  /** When the pull began, as an ISO string. */
  readonly startedAt: string;
  /** The rows asked for: the progress bar's end. */
  readonly limit: number;
  readonly source: string;
  /** Hourly trigger runs still needed when nobody drives the pull (each runs it on once). */
  readonly triggerRuns: number;
  /** About when the hourly trigger alone would finish it (ISO): one run an hour from now. */
  readonly triggerDoneBy: string;
}

/** Rows one execution fetches: as measured so far, else what the pacing allows in its budget. */
function rowsPerExecution(job: JobState): number {
  if (job.executions > 0 && job.rowsStaged > 0) return job.rowsStaged / job.executions;
  const pages = (FETCH_BUDGET_MS / 1000) * DEFAULT_RATE[job.request.query.source];
  return pages * pageSizeFor(job.request.query);
}

/** Trigger runs left: the pages still to fetch, then the commit (often in the same run). */
export function triggerRunsLeft(job: JobState): number {
  if (job.phase === "committing") return 1;
  const left = Math.max(0, job.request.query.limit - job.rowsStaged);
  return Math.max(1, Math.ceil(left / Math.max(1, rowsPerExecution(job))));
}

export function runningPulls(env: PullEnvironment): RunningPull[] {
  const now = env.data.clock.now();
  // Running jobs only: a failed one waits to be resumed, a finished one is gone.
  return new JobStore(env.properties)
    .list()
    .filter((job) => job.status === "running")
    .map((job) => {
      const runs = triggerRunsLeft(job);
      return {
        ...summaryOf(job),
        jobId: job.id,
        startedAt: new Date(job.startedAt).toISOString(),
        limit: job.request.query.limit,
        source: job.request.query.source,
        triggerRuns: runs,
        // The trigger fires once an hour, at a moment of the hour it chooses.
        triggerDoneBy: new Date(now + runs * HOUR_MS).toISOString(),
      };
    });
}
