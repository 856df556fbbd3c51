// getUsage: the document's credit ledger as the sidebar shows it — today, the last 30 days day by
// day and in all, and each saved query's last run with what its schedule costs in 30 days.

import type { Schedule } from "../../shared/pulls/types.js";
import { queryRunRequests, summarize, type UsageSummary } from "../../shared/usage/ledger.js";
import { AddonError } from "../errors.js";
import type { DocumentEnvironment } from "../platform/types.js";
import { SavedQueryStore } from "../schedules/savedQueries.js";

/**
 * Runs in 30 days by schedule: hourly 24 × 30, daily 30, weekly 30 / 7 (about 4.29); off none.
 * Estimates are rounded to whole credits.
 */
export const RUNS_IN_30_DAYS: Readonly<Record<Schedule, number>> = {
  hourly: 720,
  daily: 30,
  weekly: 30 / 7,
  off: 0,
};

export interface QueryUsage {
  readonly id: string;
  readonly name: string;
  /** Requests (KeyAPI credits) of its last run; 0 before its first. */
  readonly lastRunCredits: number;
  /** lastRunCredits × its schedule's runs in 30 days. */
  readonly monthlyEstimate: number;
}

export interface UsageReport extends UsageSummary {
  readonly queries: QueryUsage[];
}

export function usageReport(env: DocumentEnvironment): UsageReport {
  const meter = env.data.meter;
  if (!meter) throw new AddonError("INTERNAL", "usageReport needs the document's credit meter");
  const ledger = meter.read();
  const summary = summarize(ledger, meter.dayOf(env.data.clock.now()));
  const queries = new SavedQueryStore(env.properties).list().map((query): QueryUsage => {
    const lastRunCredits = queryRunRequests(ledger, query.id) ?? 0;
    return {
      id: query.id,
      name: query.name,
      lastRunCredits,
      monthlyEstimate: Math.round(lastRunCredits * RUNS_IN_30_DAYS[query.schedule]),
    };
  });
  return { ...summary, queries };
}
