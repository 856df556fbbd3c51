// Binds the platform interfaces to Apps Script's services. The only module that touches Apps
// Script globals, and only when called — never at load, so the bundle's top level stays inert.

import type {
  Clock,
  DataServices,
  Hasher,
  HttpClient,
  HttpOutcome,
  HttpRequest,
  KeyValueCache,
  PropertyStore,
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
        // fetchAll throws for the whole batch when one request fails in transport.
        const transportError = error instanceof Error ? error.message : String(error);
        return requests.map(() => ({ transportError }));
      }
    },
  };
}

export function appsScriptClock(): Clock {
  return { now: () => Date.now(), sleep: (ms) => Utilities.sleep(Math.max(0, Math.round(ms))) };
}

/** The document's cache: shared by every editor and by custom functions. */
export function documentCache(): KeyValueCache {
  const cache = CacheService.getDocumentCache() ?? CacheService.getScriptCache();
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
  const properties = PropertiesService.getDocumentProperties();
  return {
    get: (name) => properties.getProperty(name),
    set: (name, value) => {
      properties.setProperty(name, value);
    },
    delete: (name) => {
      properties.deleteProperty(name);
    },
  };
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
  };
}
