// "Refresh all saved queries" from the menu: every saved query runs now, whatever its schedule,
// the one run longest ago first, as many as one execution allows.

import type { PullEnvironment } from "../pulls/runPull.js";
import { FETCH_BUDGET_MS } from "../pulls/runPull.js";
import { runSaved, settleHourlyTrigger } from "./hourlyWork.js";
import { SavedQueryStore } from "./savedQueries.js";

export interface RefreshOutcome {
  readonly count: number;
  readonly done: number;
  readonly running: number;
  readonly failed: number;
  /** Queries that didn't fit in the execution. */
  readonly left: number;
}

const START_RESERVE_MS = 30_000;

export function refreshAll(env: PullEnvironment): RefreshOutcome {
  const started = env.data.clock.now();
  const store = new SavedQueryStore(env.properties);
  const queries = store.list().sort((a, b) => (a.lastRun ?? 0) - (b.lastRun ?? 0));
  const outcome = { count: 0, done: 0, running: 0, failed: 0, left: 0 };
  for (const query of queries) {
    if (started + FETCH_BUDGET_MS - env.data.clock.now() < START_RESERVE_MS) {
      outcome.left++;
      continue;
    }
    const summary = runSaved(store, query, env, env.data.clock.now());
    outcome.count++;
    outcome[summary.status]++;
  }
  settleHourlyTrigger(env, store);
  return outcome;
}
