// The data sources, one descriptor each: every fact about a source that code outside its adapter
// needs — label, paging and credit rules, key setting, regions, columns — written once. Server and
// sidebar both read it; adding a source means one descriptor here and one adapter in
// src/server/sources/adapters.ts.

import { FASTMOSS_COLUMNS } from "./columns/fastmoss.js";
import { KEYAPI_COLUMNS } from "./columns/keyapi.js";
import type { ColumnCatalogue, SourceName } from "./columns/types.js";
import { FASTMOSS_REGIONS, type FastMossRegion } from "./query/types.js";

/** The setting (and sidebar field) that holds a source's key or token. */
export type KeySetting = "keyapiKey" | "fastmossToken";

export interface SourceDescriptor {
  readonly name: SourceName;
  /** The API's name in messages and the sidebar: "KeyAPI". */
  readonly label: string;
  /** Rows a page holds at most (a smaller limit asks for a smaller page). */
  readonly maxPageSize: number;
  /** The last page the API serves when pages hold `pageSize` rows. */
  readonly maxPages: (pageSize: number) => number;
  /** Credits every accepted request costs (0: the API counts none). */
  readonly creditsPerRequest: number;
  readonly keySetting: KeySetting;
  /** The regions the API serves (each named in the message catalogue), or "any" two-letter code. */
  readonly regions: readonly FastMossRegion[] | "any";
  /** Whether a query names a ranking period (date_type / date_value). */
  readonly dated: boolean;
  /** Its columns: every one, the defaults (`defaultKeys`) and the id column (`idKey`). */
  readonly columns: ColumnCatalogue;
}

/** KeyAPI: 10 rows a page, pages up to 10,000, a credit per request. */
export const KEYAPI_PAGE_SIZE = 10;
export const KEYAPI_MAX_PAGE = 10_000;
/** FastMoss: up to 100 rows a page, and only a ranking's first 1,000 entries (page × size ≤ 1000). */
export const FASTMOSS_MAX_PAGE_SIZE = 100;
export const FASTMOSS_MAX_ROWS = 1000;

export const SOURCES: Readonly<Record<SourceName, SourceDescriptor>> = {
  keyapi: {
    name: "keyapi",
    label: "KeyAPI",
    maxPageSize: KEYAPI_PAGE_SIZE,
    maxPages: () => KEYAPI_MAX_PAGE,
    creditsPerRequest: 1,
    keySetting: "keyapiKey",
    regions: "any",
    dated: false,
    columns: KEYAPI_COLUMNS,
  },
  fastmoss: {
    name: "fastmoss",
    label: "FastMoss",
    maxPageSize: FASTMOSS_MAX_PAGE_SIZE,
    maxPages: (pageSize) => Math.floor(FASTMOSS_MAX_ROWS / pageSize),
    creditsPerRequest: 0,
    keySetting: "fastmossToken",
    regions: FASTMOSS_REGIONS,
    dated: true,
    columns: FASTMOSS_COLUMNS,
  },
};

/** Every source, in the order the add-on shows them. */
export const SOURCE_LIST: readonly SourceDescriptor[] = [SOURCES.keyapi, SOURCES.fastmoss];

export function sourceOf(name: SourceName): SourceDescriptor {
  return SOURCES[name];
}

/** "KeyAPI" for "keyapi". */
export function sourceLabel(name: SourceName): string {
  return SOURCES[name].label;
}

/** Whether the source's requests cost credits (the daily credit cap counts those). */
export function spendsCredits(name: SourceName): boolean {
  return SOURCES[name].creditsPerRequest > 0;
}

/** Whether `value` names a source ("keyapi", "fastmoss"), exactly. */
export function isSourceName(value: unknown): value is SourceName {
  return SOURCE_LIST.some((source) => source.name === value);
}

/** Whether the source serves `region` (an upper-case two-letter code). */
export function servesRegion(name: SourceName, region: string): boolean {
  const { regions } = SOURCES[name];
  return regions === "any"
    ? /^[A-Z]{2}$/.test(region)
    : (regions as readonly string[]).includes(region);
}
