// What the hourly trigger does: carry on the long pulls nobody is driving (the sidebar calls
// resumeJob back to back while it is open), oldest first, within one execution; and remove itself
// when no work is left for it.

import type { PullEnvironment } from "../pulls/runPull.js";
import { FETCH_BUDGET_MS, idleJobs, resumePull } from "../pulls/runPull.js";
import { removeHourlyTrigger } from "./hourlyTrigger.js";

/** A job the sidebar drives is resumed every few seconds; one untouched this long is on its own. */
const IDLE_MS = 5 * 60_000;

export function runHourlyWork(env: PullEnvironment): void {
  const started = env.data.clock.now();
  for (const job of idleJobs(env, IDLE_MS)) {
    if (env.data.clock.now() - started > FETCH_BUDGET_MS / 2) break;
    resumePull(job.id, env);
  }
  if (idleJobs(env, 0).length === 0) removeHourlyTrigger(env.triggers);
}
