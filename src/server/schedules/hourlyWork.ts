// What the hourly trigger does, within one execution: carry on the long pulls nobody is driving
// (the sidebar calls resumeJob back to back while it is open), then run the saved queries that are
// due, the longest-waiting first, leaving the rest to the next hour; then keep exactly one trigger
// while there is work for it and none when there is none.

import { message } from "../../shared/messages/index.js";
import { lastPage } from "../../shared/query/paging.js";
import type { SourceName } from "../../shared/query/types.js";
import { isSourceName, spendsCredits } from "../../shared/sources.js";
import { localDay } from "../../shared/timeZones.js";
import { AddonError, isAddonError } from "../errors.js";
import type { PropertyStore } from "../platform/types.js";
import { JobStore } from "../pulls/jobStore.js";
import type { PullEnvironment, PullSummary } from "../pulls/runPull.js";
import {
  FETCH_BUDGET_MS,
  idleJobs,
  logUnderLock,
  resumePull,
  retryableJobs,
  startPull,
} from "../pulls/runPull.js";
import { dueInOrder } from "./due.js";
import { removeHourlyTrigger } from "./hourlyTrigger.js";
import { recordProblem, recordRun, type SavedQuery, SavedQueryStore } from "./savedQueries.js";
import {
  beginTriggerRun,
  DAILY_TRIGGER_BUDGET_MS,
  endTriggerRun,
  triggerTimeUsed,
} from "./triggerBudget.js";

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

/**
 * One firing of the hourly trigger, within the day's trigger time: when a whole execution no
 * longer fits in today's 80 minutes, the work waits for tomorrow and the run log says so (once).
 * Answers the line for the execution log.
 */
export function runHourlyTrigger(env: PullEnvironment): string {
  const budget = {
    store: env.userProperties,
    dayOf: (instant: number) => localDay(instant, env.timeZone),
  };
  const now = env.data.clock.now();
  const start = beginTriggerRun(budget, now);
  const used = Math.round(start.usedMs / 60_000);
  const limit = DAILY_TRIGGER_BUDGET_MS / 60_000;
  if (!start.allowed) {
    const text = message("trigger.dayUsedUp", { used, limit });
    if (start.firstRefusal) {
      logUnderLock(env, {
        time: new Date(now),
        query: message("trigger.logQuery"),
        source: "",
        rows: 0,
        requests: 0,
        status: "skipped",
        message: text,
      });
    }
    return text;
  }
  try {
    runHourlyWork(env);
  } finally {
    endTriggerRun(budget, env.data.clock.now());
  }
  return message("trigger.ran", {
    used: Math.round(triggerTimeUsed(budget, env.data.clock.now()) / 60_000),
    limit,
  });
}

export function runHourlyWork(env: PullEnvironment): void {
  const started = env.data.clock.now();
  const store = new SavedQueryStore(env.properties);
  const timeLeft = () => started + FETCH_BUDGET_MS - env.data.clock.now() > START_RESERVE_MS;
  // Pulls nobody drives, and pulls a daily quota or the credit cap stopped, go on before anything
  // new starts — a KeyAPI pull only once the cap leaves it something.
  const capLeft = env.data.meter?.leftToday();
  const retryable = retryableJobs(env, started).filter(
    (job) => !spendsCredits(job.request.query.source) || capLeft !== 0,
  );
  for (const job of [...idleJobs(env, IDLE_MS), ...retryable]) {
    if (!timeLeft()) break;
    resumePull(job.id, env, started);
  }
  const running = new Set(idleJobs(env, 0).map((job) => job.savedQueryId));
  for (const query of dueInOrder(store.list(), started, env.timeZone)) {
    if (!timeLeft()) break;
    // A query whose last run is still going on waits for it rather than starting another.
    if (running.has(query.id)) continue;
    const skipped = capSkip(query, env);
    if (skipped) {
      // Not a run: the query stays due, and runs at the first firing the cap allows.
      recordProblem(store, query, skipped.message);
      logUnderLock(env, {
        time: new Date(env.data.clock.now()),
        query: query.name,
        source: skipped.source,
        rows: 0,
        requests: 0,
        status: "skipped",
        message: skipped.message,
      });
      continue;
    }
    runSaved(store, query, env, started);
  }
  settleHourlyTrigger(env, store);
}

/**
 * Why a scheduled KeyAPI query can't run now: its pages — as many as its limit may need — don't
 * fit in what today's credit cap leaves. Undefined when it can run (or there is no cap).
 */
function capSkip(
  query: SavedQuery,
  env: PullEnvironment,
): { source: SourceName; message: string } | undefined {
  const meter = env.data.meter;
  const cap = meter?.cap;
  const { source } = query.query;
  if (!meter || cap === undefined || !isSourceName(source) || !spendsCredits(source)) {
    return undefined;
  }
  const limit = Number(query.query.limit);
  const needed = lastPage(source, Number.isFinite(limit) && limit > 0 ? limit : 10);
  const left = meter.leftToday() ?? cap;
  if (needed <= left) return undefined;
  return { source, message: message("credits.scheduleSkipped", { needed, cap, left }) };
}

/** Runs the saved query `id` now; a query that isn't there (deleted meanwhile) is a failed run. */
export function runSavedById(id: string, env: PullEnvironment): PullSummary {
  const store = new SavedQueryStore(env.properties);
  const query = store.load(id);
  if (!query) {
    return {
      status: "failed",
      rows: 0,
      requests: 0,
      sheet: "",
      message: message("saved.unknown", { id }),
    };
  }
  return runSaved(store, query, env);
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

/**
 * After a saved query changed: the trigger follows the schedules. When the user has no trigger to
 * spare (20 in all), the query stays saved with its schedule off and the error says why.
 */
export function settleAfterSave(env: PullEnvironment, store: SavedQueryStore, id: string): void {
  try {
    settleHourlyTrigger(env, store);
  } catch (error) {
    if (!isAddonError(error) || error.code !== "TRIGGER_LIMIT") throw error;
    const query = store.load(id);
    if (query) store.save({ ...query, schedule: "off" });
    throw new AddonError("TRIGGER_LIMIT", message("saved.triggerLimit"), { cause: error });
  }
}

/**
 * What keeps the hourly trigger: the saved queries whose schedule is on, and the pulls running or
 * waiting for a quota or the credit cap. The setup check compares the trigger with the same rule.
 */
export function triggerNeeds(
  properties: PropertyStore,
  store = new SavedQueryStore(properties),
): { readonly schedules: number; readonly jobs: number } {
  return {
    schedules: store.list().filter((query) => query.schedule !== "off").length,
    jobs: new JobStore(properties)
      .list()
      .filter((job) => job.status === "running" || job.retryAt !== undefined).length,
  };
}

/** One trigger while a schedule is on or a pull is running or waiting; none otherwise. */
export function settleHourlyTrigger(
  env: PullEnvironment,
  store = new SavedQueryStore(env.properties),
): void {
  const needs = triggerNeeds(env.properties, store);
  if (needs.schedules > 0 || needs.jobs > 0) env.ensureTrigger();
  else removeHourlyTrigger(env.triggers, env.userProperties);
}
