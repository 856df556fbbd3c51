// The add-on's whole public surface: every function Sheets, the menu, the sidebar or a trigger can
// call. Each is a thin wrapper with JSDoc for the person who types or calls it; the build makes
// each one a top-level function of dist/Code.js.

import { type Locale, localeFrom, message, useLocale } from "../shared/messages/index.js";
import { useZoneOffsets } from "../shared/timeZones.js";
import { idArgument, objectArgument } from "./arguments.js";
import {
  runDiagnostics as checkSetup,
  type DiagnosticCheck,
} from "./diagnostics/runDiagnostics.js";
import {
  diagnosticsEnvironment,
  documentEnvironment,
  functionEnvironment,
  growthEnvironment,
  pullEnvironment,
  sidebarEnvironment,
} from "./environments.js";
import { describeError } from "./errors.js";
import { columnsTable } from "./functions/columnsFunction.js";
import { creatorsTable } from "./functions/creatorsFunction.js";
import { runCustomFunction } from "./functions/customFunction.js";
import {
  type ChartGrowthResult,
  growthTarget,
  chartGrowth as writeGrowthChart,
} from "./growth/chartGrowth.js";
import { growthOf, growthTable } from "./growth/growthTable.js";
import {
  activeSpreadsheet,
  addAddonMenu,
  alertUser,
  appsScriptClock,
  authorizationRequired,
  documentProperties,
  logExecution,
  missingDocumentServices,
  newId,
  openSidebar,
  userLocale,
} from "./platform/appsScript.js";
import { documentPropertiesOrNull } from "./platform/probes.js";
import { checkedZoneOffsets } from "./platform/zoneOffsets.js";
import { type RunningPull, runningPulls } from "./pulls/listJobs.js";
import { type PullSummary, pullStatus, resumePull, startPull } from "./pulls/runPull.js";
import { showWrittenSheet } from "./pulls/targetFit.js";
import {
  noteAuthorizationNeeded,
  runHourlyTrigger,
  runSavedById,
  settleAfterSave,
  settleHourlyTrigger,
} from "./schedules/hourlyWork.js";
import { refreshAll } from "./schedules/refreshAll.js";
import {
  SavedQueryStore,
  type SavedQueryView,
  savedQueryViews,
  saveQuery as storeQuery,
} from "./schedules/savedQueries.js";
import { withoutSecrets } from "./settings/secrets.js";
import { readSettings, type SettingsView, saveKeys } from "./settings/settings.js";
import {
  type ConnectionTest,
  type Preview,
  previewQuery as previewFirstRows,
  type SidebarContext,
  sidebarContext,
  testConnection as testKey,
} from "./sidebar/sidebarCalls.js";
import type { CellValue } from "./sources/values.js";
import { type UsageReport, usageReport } from "./usage/usageReport.js";

const PRODUCT_NAME = "TikTok Influencers";

// Time zones through Intl only where it agrees with Utilities.formatDate (touches no service
// until a date is worked out, so the top level stays inert).
useZoneOffsets(checkedZoneOffsets(() => Date.now()));

/**
 * Sidebar calls speak the sidebar's language, which the user may switch away from their account's:
 * the sidebar sends it as the last argument. Without it, the account's language.
 */
function speak(locale: unknown): Locale {
  const chosen = localeFrom(typeof locale === "string" && locale !== "" ? locale : userLocale());
  useLocale(chosen);
  return chosen;
}

/**
 * Lists TikTok creators from KeyAPI's influencer analytics, filtered as you ask.
 *
 * @param {string} region Two-letter country or region code. Example: "US"
 * @param {number} limit The most creators to list, 1 to 1000; blank means 10. Example: 50
 * @param {string} filters Filter names and values in pairs — name1, value1, name2, value2, … — or one two-column range of them. Names are KeyAPI's own (min_total_followers_cnt, influencer_category_name, sort_type, …), plus "columns" and "headers". Example: "min_total_followers_cnt", 100000
 * @return {Array<Array<string>>} A header row, then one row per creator in KeyAPI's order.
 * @customfunction
 */
export function TT_INFLUENCERS(
  region: unknown,
  limit: unknown,
  ...filters: unknown[]
): CellValue[][] | string {
  return runCustomFunction("TT_INFLUENCERS", () =>
    withoutSecrets(
      documentProperties,
      () => creatorsTable("keyapi", { region, limit, filters }, functionEnvironment()),
      { answer: false },
    ),
  );
}

/**
 * Lists FastMoss's ranking of potential selling creators, filtered as you ask.
 *
 * @param {string} region One of US GB MX ES DE IT FR ID VN MY TH PH BR JP SG. Example: "DE"
 * @param {number} limit The most creators to list, 1 to 1000; blank means 10. Example: 100
 * @param {string} filters Filter names and values in pairs, or one two-column range of them: creator_category_id, product_category_l1_id, ecommerce_type, follower_count_min, follower_count_max, follower_age_type, follower_gender_type, date_type, date_value, plus "columns" and "headers". Example: "date_type", "month"
 * @return {Array<Array<string>>} A header row, then one row per creator, highest potential first.
 * @customfunction
 */
export function TT_TOP_POTENTIAL(
  region: unknown,
  limit: unknown,
  ...filters: unknown[]
): CellValue[][] | string {
  return runCustomFunction("TT_TOP_POTENTIAL", () =>
    withoutSecrets(
      documentProperties,
      () => creatorsTable("fastmoss", { region, limit, filters }, functionEnvironment()),
      { answer: false },
    ),
  );
}

/**
 * Lists the columns a source can return, with their keys for the `columns` option.
 *
 * @param {string} source The data source: "keyapi" (for TT_INFLUENCERS) or "fastmoss" (for TT_TOP_POTENTIAL). Example: "keyapi"
 * @return {Array<Array<string>>} One row per column: key, label, description, format, and whether it is in the default set.
 * @customfunction
 */
export function TT_COLUMNS(source: unknown): CellValue[][] {
  return runCustomFunction("TT_COLUMNS", () => columnsTable(source));
}

/**
 * Turns history snapshots into growth: one row per creator with the metric at the start of the
 * window and now, the change and the change as a ratio, the fastest growers first. Makes no request.
 *
 * @param {Array<Array<string>>} history A range written by a history pull, header row included (first column snapshot_at). Example: 'Creators history'!A:Z
 * @param {string} metric A numeric column's key or label; blank means followers. Example: "total_followers_cnt"
 * @param {number} days The window in days: the start is the latest snapshot at least this long before a creator's latest one; blank means 7. Example: 30
 * @return {Array<Array<string>>} A header row, then per creator: id, handle, first and latest snapshot, the metric then and now, the change and the change ratio.
 * @customfunction
 */
export function TT_GROWTH(history: unknown, metric: unknown, days: unknown): CellValue[][] {
  return runCustomFunction("TT_GROWTH", () => growthTable(growthOf(history, metric, days)));
}

/**
 * Stores the API keys and the daily credit cap in the document's properties, so formulas and
 * schedules work for every editor. An empty string removes a key (an empty string or 0 the cap);
 * a setting left out stays as it is.
 *
 * @param settings {keyapiKey?: string, fastmossToken?: string, dailyCreditCap?: number | string}
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return Which keys are set, with the last characters of each as a hint, and the cap.
 */
export function saveSettings(settings: unknown, locale?: unknown): SettingsView {
  speak(locale);
  return saveKeys(documentProperties(), objectArgument(settings, "settings"));
}

/**
 * Which keys are set, each with a hint of its last characters — never the whole key — and the
 * daily KeyAPI credit cap (absent when there is none).
 *
 * @return {keyapiKey: {set, hint}, fastmossToken: {set, hint}, dailyCreditCap?: number}
 */
export function getSettings(): SettingsView {
  return readSettings(documentProperties());
}

/**
 * The document's API usage from its credit ledger: requests per source today, in the last 30
 * days and on each of those days (spreadsheet time zone, oldest first), and each saved query's
 * last-run credits with its schedule's estimate for 30 days.
 *
 * @return {today: {keyapi, fastmoss}, last30Days: {keyapi, fastmoss}, byDay: [{day, keyapi, fastmoss}], queries: [{id, name, lastRunCredits, monthlyEstimate}]}
 */
export function getUsage(): UsageReport {
  return usageReport(documentEnvironment());
}

/**
 * Pulls a query's creators into a sheet and answers a summary. A pull too long for one execution
 * answers status "running" with a jobId: call resumeJob(jobId) to go on (the hourly trigger also
 * carries on jobs nobody drives).
 *
 * @param query {source, region, limit, filters?, columns?, headers?, sheet, mode: "replace" | "append" | "upsert" | "history"}
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return {status: "done" | "running" | "failed", rows, requests, sheet, message?, jobId?}
 */
export function runQuery(query: unknown, locale?: unknown): PullSummary {
  speak(locale);
  return withoutSecrets(documentProperties, () => {
    const env = pullEnvironment();
    const summary = startPull(query, env);
    showWrittenSheet(env.spreadsheet, summary);
    return summary;
  });
}

/**
 * Runs a long pull on for one more execution and answers the same summary as runQuery.
 *
 * @param jobId The jobId runQuery answered.
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return {status, rows, requests, sheet, message?, jobId?}
 */
export function resumeJob(jobId: unknown, locale?: unknown): PullSummary {
  speak(locale);
  const id = idArgument(jobId, "jobId", message("argument.jobId"));
  return withoutSecrets(documentProperties, () => {
    const env = pullEnvironment();
    const summary = resumePull(id, env);
    showWrittenSheet(env.spreadsheet, summary);
    return summary;
  });
}

/**
 * The pulls not finished yet, so that a sidebar opened later finds them and can follow them again.
 *
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return [{jobId, status: "running", sheet, rows, requests, startedAt (ISO), limit, source, message, triggerRuns, triggerDoneBy (ISO)}]
 */
export function listJobs(locale?: unknown): RunningPull[] {
  speak(locale);
  return withoutSecrets(documentProperties, () => runningPulls(pullEnvironment()));
}

/**
 * Reports a pull's progress without running it.
 *
 * @param jobId The jobId runQuery answered.
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return {status, rows, requests, sheet, message?, jobId?}
 */
export function getJobStatus(jobId: unknown, locale?: unknown): PullSummary {
  speak(locale);
  const id = idArgument(jobId, "jobId", message("argument.jobId"));
  return withoutSecrets(documentProperties, () => pullStatus(id, pullEnvironment()));
}

/**
 * Adds the add-on menu when the spreadsheet opens. Builds the menu and nothing else, so it works
 * in every authorization mode, before the add-on is authorized too.
 *
 * @param e The open event.
 */
export function onOpen(e: unknown): void {
  const locale = localeFrom(userLocale());
  addAddonMenu([
    { caption: message("menu.openSidebar", {}, locale), functionName: "showSidebar" },
    { caption: message("menu.refreshAll", {}, locale), functionName: "refreshAllSavedQueries" },
    { caption: message("menu.settings", {}, locale), functionName: "showSettings" },
    { caption: message("menu.chartGrowth", {}, locale), functionName: "chartActiveSheetGrowth" },
    { caption: message("menu.checkSetup", {}, locale), functionName: "showDiagnostics" },
  ]);
  void e;
}

/**
 * Adds the add-on menu right after installation, as onOpen does.
 *
 * @param e The install event.
 */
export function onInstall(e: unknown): void {
  onOpen(e);
}

/** Opens the sidebar: search, saved queries and settings. */
export function showSidebar(): void {
  openSidebar(PRODUCT_NAME, "search");
}

/** Opens the sidebar on its settings. */
export function showSettings(): void {
  openSidebar(PRODUCT_NAME, "settings");
}

/** Opens the sidebar on the setup check, which runs runDiagnostics and lists what it found. */
export function showDiagnostics(): void {
  openSidebar(PRODUCT_NAME, "diagnostics");
}

/**
 * Checks, on the live platform and without a single API request, each assumption the add-on
 * relies on: the document's properties, cache and lock, this spreadsheet's trigger, Range.copyTo
 * between sheets, time zones (Intl against Utilities.formatDate), the manifest's allowed hosts.
 * The results are also written to the sheet "TT Diagnostics".
 *
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return [{id, check, ok, detail}] — detail says what was expected and what was seen.
 */
export function runDiagnostics(locale?: unknown): DiagnosticCheck[] {
  speak(locale);
  return checkSetup(diagnosticsEnvironment());
}

/** Runs every saved query now, from the menu, and says how it went. */
export function refreshAllSavedQueries(): void {
  const locale = localeFrom(userLocale());
  const outcome = refreshAll(pullEnvironment());
  if (outcome.count === 0 && outcome.left === 0) {
    alertUser(message("refresh.none", {}, locale));
    return;
  }
  const summary = message("refresh.summary", { ...outcome }, locale);
  alertUser(
    outcome.left > 0
      ? `${summary} ${message("refresh.left", { left: outcome.left }, locale)}`
      : summary,
  );
}

/**
 * Saves a query with a name and a schedule; an `id` updates that saved query. The hourly trigger
 * is installed while any schedule is on and removed when none is.
 *
 * @param query runQuery's argument plus {name, schedule: "off" | "hourly" | "daily" | "weekly", id?}
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return {id}
 */
export function saveQuery(query: unknown, locale?: unknown): { id: string } {
  speak(locale);
  const env = pullEnvironment();
  const store = new SavedQueryStore(env.properties);
  const saved = storeQuery(store, query, {
    now: env.data.clock.now(),
    timeZone: env.timeZone,
    newId,
  });
  settleAfterSave(env, store, saved.id);
  return saved;
}

/**
 * The saved queries, each with its schedule, last run, last status and error, and next run.
 *
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return [{id, name, query, schedule, lastRun?, lastStatus?, lastError?, lastRows?, nextRun?, jobId?}]
 */
export function listQueries(locale?: unknown): SavedQueryView[] {
  speak(locale);
  const env = documentEnvironment();
  return withoutSecrets(documentProperties, () => savedQueryViews(env));
}

/**
 * Deletes a saved query; the hourly trigger goes when no schedule is left.
 *
 * @param id The saved query's id.
 * @return {deleted: boolean}
 */
export function deleteQuery(id: unknown): { deleted: boolean } {
  const queryId = idArgument(id, "id", message("argument.queryId"));
  const env = pullEnvironment();
  const deleted = new SavedQueryStore(env.properties).delete(queryId);
  settleHourlyTrigger(env);
  return { deleted };
}

/**
 * Runs a saved query now and answers runQuery's summary.
 *
 * @param id The saved query's id.
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return {status, rows, requests, sheet, message?, jobId?}
 */
export function runSavedQuery(id: unknown, locale?: unknown): PullSummary {
  speak(locale);
  const queryId = idArgument(id, "id", message("argument.queryId"));
  const env = pullEnvironment();
  return withoutSecrets(documentProperties, () => runSavedById(queryId, env));
}

/**
 * The hourly time-driven trigger: carries on long pulls nobody is driving, then runs the saved
 * queries that are due, within the day's 80 minutes of trigger time. A run that finds no active
 * spreadsheet, no document properties or no document lock touches nothing and says so in the
 * execution log.
 *
 * @param e The trigger's event.
 */
export function onHourlyTrigger(e: unknown): void {
  void e;
  if (authorizationRequired()) {
    const properties = documentPropertiesOrNull();
    if (properties)
      noteAuthorizationNeeded(new SavedQueryStore(properties), appsScriptClock().now());
    logExecution(message("saved.authorize"));
    return;
  }
  const missing = missingDocumentServices();
  if (missing.length > 0) {
    logExecution(message("trigger.noDocument", { missing: missing.join(", ") }));
    return;
  }
  logExecution(runHourlyTrigger(pullEnvironment()));
}

/**
 * Everything the sidebar shows when it opens, in one call: its language, the sheets, the keys'
 * status and the saved queries.
 *
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return {locale, timeZone, sheets, settings, queries}
 */
export function getSidebarContext(locale?: unknown): SidebarContext {
  return sidebarContext(sidebarEnvironment(), speak(locale));
}

/**
 * The first rows of a query, as a sheet would get them: at most one request, none for a repeat
 * within 6 hours.
 *
 * @param query {source, region, limit, filters?, columns?}
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return {columns: [{key, label, format}], rows, requests, credits}
 */
export function previewQuery(query: unknown, locale?: unknown): Preview {
  const chosen = speak(locale);
  return withoutSecrets(documentProperties, () =>
    previewFirstRows(query, sidebarEnvironment(), chosen),
  );
}

/**
 * Checks a source's saved key with one request for one creator (one KeyAPI credit).
 *
 * @param source "keyapi" or "fastmoss".
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return {ok, message, requests}
 */
export function testConnection(source: unknown, locale?: unknown): ConnectionTest {
  speak(locale);
  return withoutSecrets(documentProperties, () => testKey(source, sidebarEnvironment()));
}

/**
 * Charts a history sheet's growth: writes the sheet "<sheet> growth" with the TT_GROWTH table as
 * values and one line chart of the metric over time for the 10 creators who grew most. Running it
 * again replaces both.
 *
 * @param sheet The history sheet's name.
 * @param metric A numeric column's key or label; blank means followers.
 * @param days The window in days; blank means 7.
 * @param locale The sidebar's language ("en" or "zh"); the account's when absent.
 * @return {sheet, creators}
 */
export function chartGrowth(
  sheet: unknown,
  metric?: unknown,
  days?: unknown,
  locale?: unknown,
): ChartGrowthResult {
  speak(locale);
  const name = idArgument(sheet, "sheet", message("argument.historySheet"));
  return writeGrowthChart(growthEnvironment(), name, metric ?? "", days ?? "");
}

/** The menu's "Chart growth": charts the active sheet's growth and shows the growth sheet. */
export function chartActiveSheetGrowth(): void {
  const locale = localeFrom(userLocale());
  useLocale(locale);
  const env = growthEnvironment();
  try {
    writeGrowthChart(env, env.spreadsheet.getActiveSheet().getName(), "", "");
  } catch (error) {
    alertUser(describeError(error));
  }
}

/**
 * The active sheet and whether it is a history sheet with snapshots, so the sidebar can offer
 * "Chart growth" for it.
 *
 * @return {sheet, history}
 */
export function getGrowthTarget(): { sheet: string; history: boolean } {
  return growthTarget(activeSpreadsheet());
}
