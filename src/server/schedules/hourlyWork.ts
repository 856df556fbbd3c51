// What the hourly trigger does, within one execution: carry on the long pulls nobody is driving
// (the sidebar calls resumeJob back to back while it is open), then run the saved queries that are
// due, the longest-waiting first, leaving the rest to the next hour; then keep exactly one trigger
// while there is work for it and none when there is none.

import { message } from "../../shared/messages/index.js";
import type { PullEnvironment, PullSummary } from "../pulls/runPull.js";
import { FETCH_BUDGET_MS, idleJobs, resumePull, startPull } from "../pulls/runPull.js";
import { dueInOrder } from "./due.js";
import { ensureHourlyTrigger, removeHourlyTrigger } from "./hourlyTrigger.js";
import {
  anyScheduleOn,
  recordProblem,
  recordRun,
  type SavedQuery,
  SavedQueryStore,
} from "./savedQueries.js";

/** A job the sidebar drives is resumed every few seconds; one untouched this long is on its own. */
const IDLE_MS = 5 * 60_000;
/** Don't start another pull with less than this left of the execution's fetching time. */
const START_RESERVE_MS = 30_000;

/**
 * The trigger keeps firing after the user must authorize again, but every authorized call would
 * fail: say so on the scheduled queries instead. Properties need no authorization; the
 * spreadsheet's time zone does, so days are counted in UTC here.
 */
export function noteAuthorizationNeeded(store: SavedQueryStore, now: number): void {
  for (const query of dueInOrder(store.list(), now, "Etc/UTC")) {
    recordProblem(store, query, message("saved.authorize"));
  }
}

export function runHourlyWork(env: PullEnvironment): void {
  const started = env.data.clock.now();
  const store = new SavedQueryStore(env.properties);
  const timeLeft = () => started + FETCH_BUDGET_MS - env.data.clock.now() > START_RESERVE_MS;
  for (const job of idleJobs(env, IDLE_MS)) {
    if (!timeLeft()) break;
    resumePull(job.id, env, started);
  }
  const running = new Set(idleJobs(env, 0).map((job) => job.savedQueryId));
  for (const query of dueInOrder(store.list(), started, env.timeZone)) {
    if (!timeLeft()) break;
    // A query whose last run is still going on waits for it rather than starting another.
    if (running.has(query.id)) continue;
    runSaved(store, query, env, started);
  }
  settleHourlyTrigger(env, store);
}

export function runSaved(
  store: SavedQueryStore,
  query: SavedQuery,
  env: PullEnvironment,
  started = env.data.clock.now(),
): PullSummary {
  const summary = startPull(query.query, env, {
    started,
    savedQueryId: query.id,
    ...(query.labelLocale ? { labelLocale: query.labelLocale } : {}),
  });
  recordRun(store, query.id, summary, started);
  return summary;
}

/** One trigger while a schedule is on or a pull is running; none otherwise. */
export function settleHourlyTrigger(
  env: PullEnvironment,
  store = new SavedQueryStore(env.properties),
): void {
  if (anyScheduleOn(store) || idleJobs(env, 0).length > 0)
    ensureHourlyTrigger(env.triggers, env.userProperties);
  else removeHourlyTrigger(env.triggers, env.userProperties);
}
