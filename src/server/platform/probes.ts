// The platform as the setup check sees it: each document service as Apps Script hands it out,
// null included, and the manifest the add-on was built with. Only runDiagnostics uses these; everything else goes through appsScript.ts.

import manifest from "../../../appsscript.json";
import { documentCache, documentLock, documentProperties } from "./appsScript.js";
import type { DocumentLock, KeyValueCache, PropertyStore } from "./types.js";

/** The document's properties, or null where Apps Script answers none. */
export function documentPropertiesOrNull(): PropertyStore | null {
  return PropertiesService.getDocumentProperties() ? documentProperties() : null;
}

/** The document's cache, or null where Apps Script answers none. */
export function documentCacheOrNull(): KeyValueCache | null {
  return CacheService.getDocumentCache() ? documentCache() : null;
}

/** The document lock, or null where Apps Script answers none. */
export function documentLockOrNull(): DocumentLock | null {
  return LockService.getDocumentLock() ? documentLock() : null;
}

/** The manifest's urlFetchWhitelist as built into this script (Apps Script can't read it live). */
export function allowedHosts(): readonly string[] {
  return (manifest as { urlFetchWhitelist?: readonly string[] }).urlFetchWhitelist ?? [];
}

/** The wall clock in a time zone as Utilities.formatDate shows it. */
export function formatInZone(instant: number, timeZone: string): string {
  return Utilities.formatDate(new Date(instant), timeZone, "yyyy-MM-dd HH:mm:ss");
}
