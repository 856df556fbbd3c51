// What the sidebar asks the server besides pulls and saved queries: everything it shows on opening
// in one call, a preview of a query's first rows, and a connection test — each costing at most one
// request.

import { message } from "../../shared/messages/index.js";
import { isReservedSheet } from "../../shared/pulls/targetFit.js";
import { readSource, validateQuery } from "../../shared/query/index.js";
import type { SourceName, SourceQuery } from "../../shared/query/types.js";
import { sourceLabel } from "../../shared/sources.js";
import { objectArgument } from "../arguments.js";
import { isAddonError } from "../errors.js";
import { invalidInput } from "../functions/invalidInput.js";
import type { DocumentEnvironment } from "../platform/types.js";
import { notePreview } from "../pulls/previewReuse.js";
import { queryInputOf } from "../pulls/pullRequest.js";
import { spentText } from "../pulls/pullText.js";
import type { SheetHeader } from "../pulls/targetFit.js";
import { SavedQueryStore, type SavedQueryView, viewOf } from "../schedules/savedQueries.js";
import { keyFor, readSettings, type SettingsView } from "../settings/settings.js";
import { adapterOf } from "../sources/adapters.js";
import { fetchRecords, pageSizeFor } from "../sources/fetchRecords.js";
import { columnSpecs, recordRows } from "../sources/rows.js";

/** Rows a preview shows: one KeyAPI page, one small FastMoss page — one request. */
export const PREVIEW_ROWS = 10;

export interface SidebarEnvironment extends DocumentEnvironment {
  readonly sheetNames: () => string[];
  /** The user's sheets' header rows, for the sidebar to judge a target as the person types. */
  readonly sheetHeaders?: () => SheetHeader[];
}

export interface SidebarContext {
  readonly locale: "en" | "zh";
  /** The server's clock (epoch ms): the sidebar judges completed periods and next runs by it. */
  readonly now: number;
  readonly timeZone: string;
  /** The user's sheets, for "Write to sheet" (the add-on's own are left out). */
  readonly sheets: string[];
  /** Each of those sheets' header row and whether it holds anything. */
  readonly sheetHeaders: SheetHeader[];
  readonly settings: SettingsView;
  readonly queries: SavedQueryView[];
}

export interface PreviewColumn {
  readonly key: string;
  readonly label: string;
  readonly format: string;
}

export interface Preview {
  readonly columns: PreviewColumn[];
  /** Cells as google.script.run can carry them: dates as ISO text. */
  readonly rows: (string | number | boolean)[][];
  readonly requests: number;
  readonly credits: number;
}

export interface ConnectionTest {
  readonly ok: boolean;
  readonly message: string;
  readonly requests: number;
}

export function sidebarContext(env: SidebarEnvironment, locale: "en" | "zh"): SidebarContext {
  const now = env.data.clock.now();
  return {
    locale,
    now,
    timeZone: env.timeZone,
    sheets: env.sheetNames().filter((name) => !isReservedSheet(name)),
    sheetHeaders: env.sheetHeaders?.() ?? [],
    settings: readSettings(env.properties),
    queries: new SavedQueryStore(env.properties)
      .list()
      .map((query) => viewOf(query, now, env.timeZone)),
  };
}

/** The first rows of a query, as the sheet would get them; a repeat within 6 hours is free. */
export function previewQuery(
  input: unknown,
  env: SidebarEnvironment,
  locale: "en" | "zh",
): Preview {
  const raw = objectArgument(input, "query");
  const validation = validateQuery(
    { ...queryInputOf(raw), headers: "labels" },
    { now: env.data.clock.now(), timeZone: env.timeZone, limitContext: "sheet" },
  );
  if (!validation.ok) throw invalidInput(validation.issues);
  const { query, output } = validation.value;
  // One page at the size the pull will use: "Write to sheet" then takes it from the cache.
  const small: SourceQuery = { ...query, limit: pageSizeFor(query) };
  const key = keyFor(env.properties, query.source);
  const fetched = fetchRecords(
    {
      query: small,
      key,
      deadline: env.data.clock.now() + 60_000,
      useCache: true,
    },
    env.data,
  );
  notePreview(env.data, query, key);
  const specs = columnSpecs(query.source, output.columns);
  return {
    columns: specs.map((spec) => ({
      key: spec.key,
      label: spec.label[locale],
      format: spec.format,
    })),
    rows: recordRows(query.source, fetched.records.slice(0, PREVIEW_ROWS), specs, env.timeZone).map(
      (row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : cell)),
    ),
    requests: fetched.stats.requests,
    credits: fetched.stats.credits,
  };
}

/** Asks the API for one creator with the saved key: at most one request, one KeyAPI credit. */
export function testConnection(source: unknown, env: SidebarEnvironment): ConnectionTest {
  // Refused before any request: a test is worth its credit only for a source that exists.
  const read = readSource(source);
  if (typeof read !== "string") throw invalidInput([read]);
  const name: SourceName = read;
  const now = env.data.clock.now();
  const query: SourceQuery = adapterOf(name).connectionQuery(now);
  try {
    const fetched = fetchRecords(
      { query, key: keyFor(env.properties, name), deadline: now + 30_000, useCache: false },
      env.data,
    );
    const api = sourceLabel(name);
    return {
      ok: true,
      requests: fetched.stats.requests,
      message: message("connection.ok", {
        api,
        spent: spentText(fetched.stats.requests, fetched.stats.credits),
      }),
    };
  } catch (error) {
    if (!isAddonError(error)) throw error;
    // Refused before sending: no key, or the daily credit cap leaves nothing.
    const unsent = error.code === "MISSING_KEY" || error.code === "CREDIT_CAP";
    return { ok: false, requests: unsent ? 0 : 1, message: error.message };
  }
}
