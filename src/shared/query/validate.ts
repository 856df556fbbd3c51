// Raw user input — custom-function arguments or the sidebar's form — to a validated query, or every
// issue with it, each naming its parameter.

import {
  catalogueOf,
  isSeenKey,
  type Localized,
  SOURCE_NAMES,
  type SourceName,
} from "../columns/index.js";
import { SOURCES, servesRegion, sourceLabel } from "../sources.js";
import {
  isOverSomewhere,
  latestCompletePeriod,
  periodOf,
  readDay,
  readWeekOrMonth,
} from "./dates.js";
import { clip, closest, grouped, issue, type QueryIssue, shown } from "./issues.js";
import { FILTER_SPECS, filterSpec } from "./specs.js";
import {
  FASTMOSS_REGIONS,
  type FastMossDate,
  type FastMossDateType,
  type FastMossQuery,
  type HeadersMode,
  type KeyApiQuery,
  type ValidQuery,
} from "./types.js";
import {
  checkFilterValue,
  isBlank,
  NOT_SINGLE,
  notSingle,
  readNumber,
  singleCell,
} from "./values.js";

export interface QueryInput {
  /** "keyapi" | "fastmoss", any case, spaces trimmed. */
  readonly source: unknown;
  readonly region: unknown;
  /** Blank ("" / null / undefined) means 10. */
  readonly limit: unknown;
  /** Name/value pairs as typed (names in any case; may include "columns" and "headers"), or a record. */
  readonly filters?: ReadonlyArray<readonly [unknown, unknown]> | Readonly<Record<string, unknown>>;
  /** "key1, key2", ["key1", "key2"] or "all"; absent: the source's default set. */
  readonly columns?: unknown;
  /** "labels" (default) | "keys" | "none". */
  readonly headers?: unknown;
}

export interface ValidationContext {
  /** Epoch ms — for FastMoss's "completed period" rules. */
  readonly now: number;
  /** The spreadsheet's IANA time zone — for dates typed as cells. */
  readonly timeZone: string;
  /** Default: the source's maximum (KeyAPI 100,000; FastMoss 1,000). */
  readonly maxLimit?: number;
  /** "formula": the custom functions' limit of 1,000, pointing to the sidebar's "Write to sheet". */
  readonly limitContext?: "formula" | "sheet";
}

export type ValidationResult =
  | { readonly ok: true; readonly value: ValidQuery }
  | { readonly ok: false; readonly issues: QueryIssue[] };

export const SOURCE_MAX_LIMIT: Readonly<Record<SourceName, number>> = {
  keyapi: 100_000,
  fastmoss: 1_000,
};
export const FORMULA_MAX_LIMIT = 1_000;
/** The field rules' bounds on what one query may carry. */
export const MAX_FILTERS = 50;
export const MAX_FILTER_VALUE_CHARS = 500;
export const MAX_COLUMNS = 200;
export const DEFAULT_LIMIT = 10;

const OWN_ARGUMENTS = ["region", "limit"];
const PAGING = ["page_num", "page_size", "page", "pagesize"];
const OUTPUT_OPTIONS = ["columns", "headers"] as const;
const HEADERS_MODES: readonly HeadersMode[] = ["labels", "keys", "none"];

/** The `source` argument: "keyapi" or "fastmoss", any case, surrounding spaces ignored. */
export function readSource(value: unknown): SourceName | QueryIssue {
  const cell = singleCell(value);
  if (cell === NOT_SINGLE) return notSingle("source");
  if (isBlank(cell)) return issue("source", "source.required");
  if (typeof cell !== "string") return issue("source", "source.unknown", { value: shown(cell) });
  const text = cell.trim();
  const source = SOURCE_NAMES.find((name) => name === text.toLowerCase());
  return source ?? issue("source", "source.unknown", { value: clip(text) });
}

export function validateQuery(input: QueryInput, context: ValidationContext): ValidationResult {
  const source = readSource(input.source);
  if (typeof source !== "string") return { ok: false, issues: [source] };
  const issues: QueryIssue[] = [];
  const region = readRegion(source, input.region, issues);
  const limit = readLimit(source, input.limit, context, issues);
  const { values, output } = readFilters(source, input, issues);
  const columns = readColumns(source, output.columns, issues);
  const headers = readHeaders(output.headers, issues);
  const seen = columns.filter(isSeenKey);
  if (seen.length > 0 && context.limitContext === "formula") {
    issues.push(issue("columns", "seen.upsertOnly", { columns: seen.join(", ") }));
  }
  const date =
    SOURCES[source].dated && !issues.some((i) => i.parameter.startsWith("date_"))
      ? readPeriod(
          values.date_type as FastMossDateType | undefined,
          values.date_value,
          context,
          issues,
        )
      : undefined;
  if (issues.length > 0) return { ok: false, issues };

  // In the specs' order, whatever order they were typed in, so that equal queries look equal.
  const filters = Object.fromEntries(
    FILTER_SPECS[source]
      .filter((spec) => values[spec.name] !== undefined && !spec.name.startsWith("date_"))
      .map((spec) => [spec.name, values[spec.name]]),
  );
  const query = SOURCES[source].dated
    ? ({ source, region, limit, filters, date } as FastMossQuery)
    : ({ source, region, limit, filters } as KeyApiQuery);
  return { ok: true, value: { query, output: { columns, headers } } };
}

function readRegion(source: SourceName, value: unknown, issues: QueryIssue[]): string {
  const cell = singleCell(value);
  if (cell === NOT_SINGLE || isBlank(cell)) {
    issues.push(cell === NOT_SINGLE ? notSingle("region") : issue("region", "region.required"));
    return "";
  }
  const region = typeof cell === "string" ? cell.trim().toUpperCase() : "";
  if (!servesRegion(source, region)) {
    const anyRegion = SOURCES[source].regions === "any";
    const params = { value: shown(cell), allowed: FASTMOSS_REGIONS.join(" ") };
    const suggestion = regionSuggestion(source, region);
    issues.push(
      suggestion
        ? issue("region", anyRegion ? "region.keyapiSuggest" : "region.fastmossSuggest", {
            ...params,
            suggestion,
          })
        : issue("region", anyRegion ? "region.keyapi" : "region.fastmoss", params),
    );
  }
  return region;
}

/** Three-letter and everyday codes people type for the regions both APIs serve most. */
const REGION_ALIASES: Readonly<Record<string, string>> = {
  USA: "US",
  UK: "GB",
  GBR: "GB",
  MEX: "MX",
  ESP: "ES",
  DEU: "DE",
  GER: "DE",
  ITA: "IT",
  FRA: "FR",
  IDN: "ID",
  VNM: "VN",
  MYS: "MY",
  THA: "TH",
  PHL: "PH",
  BRA: "BR",
  JPN: "JP",
  SGP: "SG",
  CAN: "CA",
  AUS: "AU",
  SAU: "SA",
  ARE: "AE",
  UAE: "AE",
};

/** The two-letter code meant by "USA", "UK"…, when the source takes it. */
function regionSuggestion(source: SourceName, region: string): string | undefined {
  const code = REGION_ALIASES[region];
  if (!code) return undefined;
  return servesRegion(source, code) ? code : undefined;
}

function readLimit(
  source: SourceName,
  value: unknown,
  context: ValidationContext,
  issues: QueryIssue[],
): number {
  const cell = singleCell(value);
  if (cell === NOT_SINGLE) {
    issues.push(notSingle("limit"));
    return 0;
  }
  const sourceMax = context.maxLimit ?? SOURCE_MAX_LIMIT[source];
  const max =
    context.limitContext === "formula" ? Math.min(sourceMax, FORMULA_MAX_LIMIT) : sourceMax;
  if (isBlank(cell)) return Math.min(DEFAULT_LIMIT, max);
  const limit = readNumber(cell);
  const params = { max: grouped(max), value: shown(cell) };
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) {
    issues.push(issue("limit", "limit.invalid", params));
  } else if (limit > max) {
    // Only worth pointing to "Write to sheet" when a sheet can take more than a formula.
    issues.push(issue("limit", max < sourceMax ? "limit.formula" : "limit.invalid", params));
  }
  return limit as number;
}

/** The filters' normalised values by name, and the output options found among them. */
function readFilters(source: SourceName, input: QueryInput, issues: QueryIssue[]) {
  const filters = input.filters ?? [];
  const pairs: ReadonlyArray<readonly [unknown, unknown]> = Array.isArray(filters)
    ? filters
    : Object.entries(filters);
  const values: Record<string, unknown> = {};
  const output: Record<(typeof OUTPUT_OPTIONS)[number], unknown> = {
    columns: input.columns,
    headers: input.headers,
  };
  const seen = new Set<string>(OUTPUT_OPTIONS.filter((name) => !isBlank(output[name])));
  if (pairs.length > MAX_FILTERS) {
    issues.push(issue("filters", "limits.filters", { max: MAX_FILTERS, count: pairs.length }));
    return { values, output };
  }
  const known = [...FILTER_SPECS[source].map((spec) => spec.name), ...OUTPUT_OPTIONS];

  for (const [rawName, value] of pairs) {
    const nameCell = singleCell(rawName);
    if (nameCell === NOT_SINGLE || !["string", "number"].includes(typeof nameCell)) {
      if (!isBlank(nameCell))
        issues.push(issue("filters", "filter.name", { value: shown(rawName) }));
      continue;
    }
    const typed = String(nameCell).trim();
    const name = typed.toLowerCase();
    if (name === "") continue;
    if (seen.has(name)) {
      if (!issues.some((i) => i.id === "filter.duplicate" && i.parameter === name)) {
        issues.push(issue(name, "filter.duplicate", { name: clip(name) }));
      }
      continue;
    }
    seen.add(name);
    const long = tooLong(value);
    if (long !== undefined && name !== "columns") {
      issues.push(
        issue(name, "limits.filterValue", {
          name: clip(typed),
          length: grouped(long),
          max: MAX_FILTER_VALUE_CHARS,
        }),
      );
      continue;
    }
    const spec = filterSpec(source, name);
    if (name === "columns" || name === "headers") {
      output[name] = value;
    } else if (spec?.kind === "date") {
      // Read with date_type in readPeriod, which knows which forms fit.
      const cell = singleCell(value);
      if (cell === NOT_SINGLE) issues.push(notSingle(spec.name));
      else if (!isBlank(cell)) values[spec.name] = cell;
    } else if (spec) {
      const checked = checkFilterValue(spec, value);
      if (!checked.ok) issues.push(checked.issue);
      else if (checked.value !== undefined) values[spec.name] = checked.value;
    } else if (OWN_ARGUMENTS.includes(name)) {
      issues.push(issue(typed, "filter.argument", { name }));
    } else if (PAGING.includes(name)) {
      issues.push(issue(typed, "filter.paging", { name }));
    } else {
      const suggestion = closest(name, known);
      const params = { value: shown(typed), source: sourceLabel(source) };
      issues.push(
        suggestion
          ? issue(typed, "filter.unknownSuggest", { ...params, suggestion })
          : issue(typed, "filter.unknown", params),
      );
    }
  }
  checkRanges(source, values, issues);
  return { values, output };
}

/** The length of a text value over the bound (a single cell or a row of them), else undefined. */
function tooLong(value: unknown): number | undefined {
  const cells = Array.isArray(value) ? value.flat(2) : [value];
  const longest = cells.reduce<number>(
    (most, cell) => (typeof cell === "string" ? Math.max(most, cell.length) : most),
    0,
  );
  return longest > MAX_FILTER_VALUE_CHARS ? longest : undefined;
}

/** A minimum above its maximum names both. */
function checkRanges(source: SourceName, values: Record<string, unknown>, issues: QueryIssue[]) {
  for (const spec of FILTER_SPECS[source]) {
    if (spec.range?.bound !== "min") continue;
    const [min, max] = [values[spec.name], values[spec.range.partner]];
    if (typeof min === "number" && typeof max === "number" && min > max) {
      const params = { min: spec.name, minValue: min, max: spec.range.partner, maxValue: max };
      issues.push(issue(spec.name, "filter.range", params));
    }
  }
}

/** Column keys in order, without repeats; `all` is the whole catalogue, blank its default set. */
function readColumns(source: SourceName, value: unknown, issues: QueryIssue[]): string[] {
  const catalogue = catalogueOf(source);
  const cells = Array.isArray(value) ? value.flat(2) : [value];
  const bad = cells.find((cell) => !isBlank(cell) && typeof cell !== "string");
  if (bad !== undefined) {
    issues.push(issue("columns", "columns.invalid", { value: shown(bad) }));
    return [];
  }
  const typed = cells
    .flatMap((cell) =>
      String(cell ?? "")
        .replace(/\s+/g, "")
        .split(","),
    )
    .filter(Boolean);
  const keys = catalogue.columns.map((spec) => spec.key);
  if (typed.length > MAX_COLUMNS) {
    issues.push(issue("columns", "limits.columns", { max: MAX_COLUMNS, count: typed.length }));
    return [];
  }
  if (typed.length === 0) return [...catalogue.defaultKeys];
  // `all` is every column an API answer has: the upsert-only seen columns are named, not implied.
  if (typed.length === 1 && typed[0]!.toLowerCase() === "all") {
    return keys.filter((key) => !isSeenKey(key));
  }
  const columns: string[] = [];
  const unknown: QueryIssue[] = [];
  for (const text of typed) {
    const key = keys.find((known) => known.toLowerCase() === text.toLowerCase());
    if (key) {
      if (!columns.includes(key)) columns.push(key);
      continue;
    }
    // A slip in a key, or a column's label typed for its key ("Handle" → unique_id).
    const suggestion = closest(text, keys) ?? keyOfLabel(catalogue.columns, text);
    const params = { value: shown(text), source: sourceLabel(source) };
    unknown.push(
      suggestion
        ? issue("columns", "columns.unknownSuggestShort", { ...params, suggestion })
        : issue("columns", "columns.unknownShort", params),
    );
  }
  // Where to find the keys is said once, after the last unknown column.
  const last = unknown.pop();
  if (last) {
    const lister = `=TT_COLUMNS("${source}")`;
    const full = "suggestion" in last.params ? "columns.unknownSuggest" : "columns.unknown";
    unknown.push(issue("columns", full, { ...last.params, lister }));
  }
  issues.push(...unknown);
  return columns;
}

/** The key of the column whose label (in either language) is, or is close to, `text`. */
function keyOfLabel(
  columns: readonly { readonly key: string; readonly label: Localized }[],
  text: string,
): string | undefined {
  const byLabel = new Map<string, string>();
  for (const column of columns) {
    for (const label of [column.label.en, column.label.zh]) {
      if (!byLabel.has(label.toLowerCase())) byLabel.set(label.toLowerCase(), column.key);
    }
  }
  const exact = byLabel.get(text.trim().toLowerCase());
  if (exact) return exact;
  const near = closest(text.trim(), [...byLabel.keys()]);
  return near === undefined ? undefined : byLabel.get(near);
}

function readHeaders(value: unknown, issues: QueryIssue[]): HeadersMode {
  const cell = singleCell(value);
  if (isBlank(cell)) return "labels";
  const mode = HEADERS_MODES.find(
    (m) => typeof cell === "string" && m === cell.trim().toLowerCase(),
  );
  if (cell === NOT_SINGLE) issues.push(notSingle("headers"));
  else if (!mode) issues.push(issue("headers", "headers.invalid", { value: shown(cell) }));
  return mode ?? "labels";
}

/**
 * FastMoss's period, always explicit. Picked for the user: the latest one complete in every time
 * zone. Given by the user: refused only while it is not over even in UTC+14.
 */
function readPeriod(
  type: FastMossDateType | undefined,
  value: unknown,
  context: ValidationContext,
  issues: QueryIssue[],
): FastMossDate | undefined {
  if (value === undefined) {
    const { value: latest } = latestCompletePeriod(type ?? "day", context.now);
    return { type: type ?? "day", value: latest };
  }
  const day = readDay(value, context.timeZone);
  const period =
    day !== undefined
      ? periodOf(type ?? "day", day)
      : type === "week" || type === "month"
        ? readWeekOrMonth(type, value)
        : undefined;
  if (!period) {
    const ambiguous = type === undefined && /^\d{4}-\d{2}$/.test(String(value).trim());
    const id = ambiguous ? "date.needsType" : type ? (`date.${type}` as const) : "date.any";
    issues.push(issue("date_value", id, { value: shown(value) }));
    return undefined;
  }
  if (!isOverSomewhere(period, context.now)) {
    const latest = latestCompletePeriod(period.type, context.now).value;
    issues.push(issue("date_value", "date.incomplete", { value: shown(period.value), latest }));
    return undefined;
  }
  return { type: period.type, value: period.value };
}
