// The emulated Apps Script services of the local runtime that are not the spreadsheet: UrlFetchApp
// (with its HTTP bridge), Utilities, CacheService, PropertiesService and LockService.

export * from "./cache.js";
export * from "./http-bridge.js";
export * from "./lock.js";
export * from "./properties.js";
export * from "./url-fetch.js";
export * from "./utilities.js";
