// Binds the platform interfaces to Apps Script's services. The only module that touches Apps
// Script globals, and only when called — never at load, so the bundle's top level stays inert.

import { message } from "../../shared/messages/index.js";
import { AddonError, dailyQuotaService, describeError } from "../errors.js";
import type {
  Clock,
  DataServices,
  DocumentLock,
  Hasher,
  HttpClient,
  HttpOutcome,
  HttpRequest,
  KeyValueCache,
  PropertyStore,
  TriggerManager,
} from "./types.js";

function toUrlFetchRequest(request: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  return {
    url: request.url,
    method: request.method,
    headers: { ...request.headers },
    muteHttpExceptions: true,
    followRedirects: true,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    ...(request.contentType === undefined ? {} : { contentType: request.contentType }),
  };
}

function lowerCaseHeaders(headers: object): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    lower[name.toLowerCase()] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return lower;
}

export function appsScriptHttp(): HttpClient {
  return {
    fetchAll(requests) {
      if (requests.length === 0) return [];
      try {
        return UrlFetchApp.fetchAll(requests.map(toUrlFetchRequest)).map(
          (response): HttpOutcome => ({
            status: response.getResponseCode(),
            headers: lowerCaseHeaders(response.getHeaders()),
            body: response.getContentText(),
          }),
        );
      } catch (error) {
        // fetchAll throws for the whole batch when one request fails in transport — or when
        // the account's daily quota is used up, and then nothing was sent.
        const transportError = error instanceof Error ? error.message : String(error);
        const dailyQuota = dailyQuotaService(transportError) === "urlfetch";
        return requests.map(() => ({ transportError, ...(dailyQuota ? { dailyQuota } : {}) }));
      }
    },
  };
}

export function appsScriptClock(): Clock {
  return { now: () => Date.now(), sleep: (ms) => Utilities.sleep(Math.max(0, Math.round(ms))) };
}

/** A cache that keeps nothing: caching is off where there is no document cache. */
const NO_CACHE: KeyValueCache = {
  getAll: () => ({}),
  putAll: () => undefined,
  remove: () => undefined,
};

/**
 * The document's cache: shared by every editor and by custom functions of this spreadsheet only.
 * Never the script cache, which every user of a published add-on shares; without a document cache,
 * nothing is cached.
 */
export function documentCache(): KeyValueCache {
  const cache = CacheService.getDocumentCache();
  if (!cache) return NO_CACHE;
  return {
    getAll: (keys) => (keys.length === 0 ? {} : cache.getAll([...keys])),
    putAll: (values, ttlSeconds) => {
      if (Object.keys(values).length > 0) cache.putAll({ ...values }, ttlSeconds);
    },
    remove: (key) => cache.remove(key),
  };
}

/** The document's properties: shared by every editor, readable by custom functions and triggers. */
export function documentProperties(): PropertyStore {
  return propertyStore(PropertiesService.getDocumentProperties());
}

function propertyStore(properties: GoogleAppsScript.Properties.Properties): PropertyStore {
  return {
    get: (name) => properties.getProperty(name),
    set: (name, value) => {
      properties.setProperty(name, value);
    },
    delete: (name) => {
      properties.deleteProperty(name);
    },
    list: (prefix) => {
      const found: Record<string, string> = {};
      for (const [name, value] of Object.entries(properties.getProperties())) {
        if (name.startsWith(prefix)) found[name] = value;
      }
      return found;
    },
  };
}

/** The running user's own properties (in a trigger: the trigger's owner's). */
export function userProperties(): PropertyStore {
  return propertyStore(PropertiesService.getUserProperties());
}

/**
 * The document lock. Without one (no document) it is never acquired: nothing runs unlocked.
 * Pending sheet writes are flushed before it is released, so the next holder reads them.
 */
export function documentLock(): DocumentLock {
  // Asked for on first use: data services are made for every call, most never lock.
  let lock: GoogleAppsScript.Lock.Lock | null | undefined;
  const get = () => {
    if (lock === undefined) lock = LockService.getDocumentLock();
    return lock;
  };
  return {
    tryLock: (ms) => get()?.tryLock(ms) ?? false,
    release: () => {
      const held = get();
      if (!held?.hasLock()) return;
      try {
        SpreadsheetApp.flush();
      } finally {
        held.releaseLock();
      }
    },
    holds: () => get()?.hasLock() ?? false,
  };
}

/**
 * This spreadsheet's triggers for the running user. getUserTriggers(spreadsheet) answers only
 * them; getProjectTriggers would answer the user's triggers of every spreadsheet.
 */
export function appsScriptTriggers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): TriggerManager {
  const ours = () => ScriptApp.getUserTriggers(spreadsheet);
  let documentId: string | undefined;
  return {
    get documentId() {
      documentId ??= spreadsheet.getId();
      return documentId;
    },
    list: () =>
      ours()
        .filter((trigger) => trigger.getEventType() === ScriptApp.EventType.CLOCK)
        .map((trigger) => ({ id: trigger.getUniqueId(), handler: trigger.getHandlerFunction() })),
    createHourly: (handler) => {
      try {
        return ScriptApp.newTrigger(handler).timeBased().everyHours(1).create().getUniqueId();
      } catch (error) {
        // The user has 20 triggers of this add-on in all (every spreadsheet counts).
        if (/too many triggers/i.test(describeError(error))) {
          throw new AddonError("TRIGGER_LIMIT", message("trigger.limit"), { cause: error });
        }
        throw error;
      }
    },
    delete: (id) => {
      const trigger = ours().find((t) => t.getUniqueId() === id);
      if (trigger) ScriptApp.deleteTrigger(trigger);
    },
  };
}

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * What a trigger run needs of its document and did not find: the active spreadsheet, the
 * document's properties, its lock. Whether a time-driven add-on trigger runs with an active
 * spreadsheet is not documented, so a trigger asks before it touches anything.
 */
export function missingDocumentServices(): string[] {
  const missing: string[] = [];
  if (!SpreadsheetApp.getActiveSpreadsheet()) missing.push("active spreadsheet");
  if (!PropertiesService.getDocumentProperties()) missing.push("document properties");
  if (!LockService.getDocumentLock()) missing.push("document lock");
  return missing;
}

/** A line in the execution log (Apps Script's Executions page), for runs nobody watches. */
export function logExecution(line: string): void {
  console.log(line);
}

export interface MenuItem {
  readonly caption: string;
  readonly functionName: string;
}

/** The add-on menu. Menus are all Apps Script allows before the user has authorized the add-on. */
export function addAddonMenu(items: readonly MenuItem[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

/**
 * The user's locale ("zh_CN", "en_US"); readable even before authorization — and when it can't be
 * read, "" (English), so a menu is never lost to a locale lookup.
 */
export function userLocale(): string {
  try {
    return Session.getActiveUserLocale() ?? "";
  } catch {
    return "";
  }
}

/** Opens the sidebar page, with a line of script telling it which view to start on. */
export function openSidebar(title: string, startView: string): void {
  const page = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(title);
  page.append(`<script>window.TT_START_VIEW = ${JSON.stringify(startView)};</script>`);
  SpreadsheetApp.getUi().showSidebar(page);
}

export function alertUser(text: string): void {
  SpreadsheetApp.getUi().alert(text);
}

/** Whether the user must authorize the add-on again before it can work (triggers check this). */
export function authorizationRequired(): boolean {
  return (
    ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus() ===
    ScriptApp.AuthorizationStatus.REQUIRED
  );
}

/** A unique id, for jobs and saved queries. */
export function newId(): string {
  return Utilities.getUuid();
}

/** The spreadsheet's time zone, for dates typed in cells and dates written to them. */
export function spreadsheetTimeZone(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
}

export const sha256Hasher: Hasher = (text) =>
  Utilities.base64EncodeWebSafe(
    Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8).slice(
      0,
      15,
    ),
  );

export function appsScriptDataServices(): DataServices {
  return {
    http: appsScriptHttp(),
    clock: appsScriptClock(),
    cache: documentCache(),
    hash: sha256Hasher,
    lock: documentLock(),
  };
}
