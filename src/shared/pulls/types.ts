// The words of a pull that server and sidebar both speak: how it writes (its mode), how often a
// saved query runs (its schedule), and what a pull's status answer holds.

export const WRITE_MODES = ["replace", "append", "upsert", "history"] as const;
export type WriteMode = (typeof WRITE_MODES)[number];

export const SCHEDULES = ["off", "hourly", "daily", "weekly"] as const;
export type Schedule = (typeof SCHEDULES)[number];

export type JobStatus = "running" | "done" | "failed";

/** What a pull says of itself: started, advanced or asked about. */
export interface PullSummary {
  readonly status: JobStatus;
  readonly rows: number;
  readonly requests: number;
  readonly sheet: string;
  readonly message?: string;
  readonly jobId?: string;
}
