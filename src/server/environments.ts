// The environments the public functions hand to features, built in this one place from the Apps
// Script services: each starts from the document's own (data services, properties, time zone) and
// adds what its callers need. Only entrypoints.ts imports this file.

import type { DiagnosticsEnvironment } from "./diagnostics/runDiagnostics.js";
import type { FunctionEnvironment } from "./functions/creatorsFunction.js";
import type { ChartGrowthEnvironment } from "./growth/chartGrowth.js";
import {
  activeSpreadsheet,
  appsScriptClock,
  appsScriptDataServices,
  appsScriptTriggers,
  documentLock,
  documentProperties,
  newId,
  spreadsheetTimeZone,
  userProperties,
} from "./platform/appsScript.js";
import { CreditMeter } from "./platform/creditMeter.js";
import {
  allowedHosts,
  documentCacheOrNull,
  documentLockOrNull,
  documentPropertiesOrNull,
  formatInZone,
} from "./platform/probes.js";
import type { DocumentEnvironment } from "./platform/types.js";
import type { PullEnvironment } from "./pulls/runPull.js";
import { sheetHeaders } from "./pulls/targetFit.js";
import { ensureHourlyTrigger } from "./schedules/hourlyTrigger.js";
import { recordRun, SavedQueryStore } from "./schedules/savedQueries.js";
import { readCreditCap } from "./settings/settings.js";
import type { SidebarEnvironment } from "./sidebar/sidebarCalls.js";

/**
 * The data services, the document's properties and the spreadsheet's time zone. Every request is
 * counted in the document's credit ledger, which also keeps the daily cap.
 */
export function documentEnvironment(): DocumentEnvironment {
  const data = appsScriptDataServices();
  const properties = documentProperties();
  const timeZone = spreadsheetTimeZone();
  const meter = new CreditMeter({
    properties,
    clock: data.clock,
    timeZone,
    dailyCap: () => readCreditCap(properties),
  });
  return { data: { ...data, meter }, properties, timeZone };
}

export function functionEnvironment(): FunctionEnvironment {
  return documentEnvironment();
}

export function sidebarEnvironment(): SidebarEnvironment {
  return {
    ...documentEnvironment(),
    sheetNames: () =>
      activeSpreadsheet()
        .getSheets()
        .map((sheet) => sheet.getName()),
    sheetHeaders: () => sheetHeaders(activeSpreadsheet()),
  };
}

export function pullEnvironment(): PullEnvironment {
  const base = documentEnvironment();
  const spreadsheet = activeSpreadsheet();
  const triggers = appsScriptTriggers(spreadsheet);
  const ownProperties = userProperties();
  return {
    ...base,
    userProperties: ownProperties,
    spreadsheet,
    lock: documentLock(),
    triggers,
    ensureTrigger: () => ensureHourlyTrigger(triggers, ownProperties),
    newId,
    onJobFinished: (job, summary) => {
      if (job.savedQueryId) {
        recordRun(new SavedQueryStore(base.properties), job.savedQueryId, summary);
        base.data.meter?.noteQueryRun(job.savedQueryId, job.requests);
      }
    },
  };
}

/** Chart growth: the active spreadsheet and the document lock its sheet and chart are written under. */
export function growthEnvironment(): ChartGrowthEnvironment {
  return { spreadsheet: activeSpreadsheet(), lock: documentLock() };
}

/** The setup check probes each service itself: it gets them as "or null" readers. */
export function diagnosticsEnvironment(): DiagnosticsEnvironment {
  const spreadsheet = activeSpreadsheet();
  return {
    spreadsheet,
    properties: documentPropertiesOrNull,
    cache: documentCacheOrNull,
    lock: documentLockOrNull,
    triggers: appsScriptTriggers(spreadsheet),
    userProperties: userProperties(),
    allowedHosts: allowedHosts(),
    formatInZone,
    clock: appsScriptClock(),
    newId,
  };
}
