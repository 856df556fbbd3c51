// Driving a long pull while the sidebar is open: resumeJob back to back until the job is done or
// failed, or until the user stops watching — which only stops the driving; the hourly trigger
// carries the job on.

import { AddonError } from "../../shared/errors.js";

export interface JobSummary {
  readonly status: "done" | "running" | "failed";
  readonly rows: number;
  readonly requests: number;
  readonly sheet: string;
  readonly message?: string;
  readonly jobId?: string;
}

export type DriveOutcome<Summary extends JobSummary> =
  /** The job ended, done or failed, as the last summary says. */
  | { readonly kind: "ended"; readonly summary: Summary }
  /** The user stopped driving it; the job goes on without the sidebar. */
  | { readonly kind: "stopped"; readonly summary: Summary }
  /** resumeJob kept failing; the job goes on without the sidebar. */
  | { readonly kind: "lost"; readonly summary: Summary; readonly error: Error };

export interface DriveOptions<Summary extends JobSummary> {
  /** One more execution of the job (resumeJob). */
  readonly resume: (jobId: string) => Promise<Summary>;
  /** Told after each execution that keeps the job running. */
  readonly onProgress: (summary: Summary) => void;
  /** Whether the user has stopped driving; read before and after each call. */
  readonly stopped: () => boolean;
  /** Failed calls in a row tolerated before giving up (an execution may die at its time limit). */
  readonly retries?: number;
}

/** Drives a job from runQuery's (or runSavedQuery's) first summary to its end. */
export async function driveJob<Summary extends JobSummary>(
  first: Summary,
  { resume, onProgress, stopped, retries = 2 }: DriveOptions<Summary>,
): Promise<DriveOutcome<Summary>> {
  let summary = first;
  let failures = 0;
  while (summary.status === "running" && summary.jobId) {
    if (stopped()) return { kind: "stopped", summary };
    try {
      const next = await resume(summary.jobId);
      failures = 0;
      // A summary without its job's id still belongs to the same job.
      summary = next.jobId || next.status !== "running" ? next : { ...next, jobId: summary.jobId };
    } catch (reason) {
      failures += 1;
      if (failures > retries) {
        const error =
          reason instanceof Error ? reason : new AddonError("SERVER_CALL", String(reason));
        return { kind: "lost", summary, error };
      }
      continue;
    }
    if (stopped()) return { kind: "stopped", summary };
    if (summary.status === "running") onProgress(summary);
  }
  return { kind: "ended", summary };
}
