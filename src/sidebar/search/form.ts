// The search form as data — what is typed in each field, per source — and the pure functions that
// turn it into the server's query, check it with the shared schemas, price it, and load a saved
// query back into it.

import { catalogueOf } from "../../shared/columns/index.js";
import type { SourceName } from "../../shared/columns/types.js";
import { MAX_SHEET_NAME, type TargetProblem, targetProblem } from "../../shared/pulls/targetFit.js";
import { SCHEDULES, type Schedule, WRITE_MODES, type WriteMode } from "../../shared/pulls/types.js";
import {
  DEFAULT_LIMIT,
  estimateCost,
  FILTER_SPECS,
  type FilterValue,
  type QueryIssue,
  SOURCE_MAX_LIMIT,
  validateFilterValue,
  validateQuery,
} from "../../shared/query/index.js";
import { isSourceName } from "../../shared/sources.js";
import { type Locale, tn, type UiMessageId } from "../i18n.js";
import {
  emptySourceForm,
  type HeadersChoice,
  type SearchForm,
  type SourceForm,
} from "../searchForm.js";

export {
  type ColumnsMode,
  emptyForm,
  emptySourceForm,
  type HeadersChoice,
  INITIAL_LIMIT,
  type SearchForm,
  type SourceForm,
} from "../searchForm.js";
export { SCHEDULES, type Schedule, WRITE_MODES, type WriteMode };

export const sourceForm = (form: SearchForm): SourceForm => form.bySource[form.source];

/** The form with `field`'s problems showing from now on (typed into). */
export function touched(form: SearchForm, field: SearchForm["touched"][number]): SearchForm {
  return form.touched.includes(field) ? form : { ...form, touched: [...form.touched, field] };
}

/** The form with the current source's fields changed. */
export function withSourceForm(form: SearchForm, changes: Partial<SourceForm>): SearchForm {
  const current = sourceForm(form);
  return { ...form, bySource: { ...form.bySource, [form.source]: { ...current, ...changes } } };
}

/** The form with one filter field changed. */
export function withFilter(form: SearchForm, name: string, text: string): SearchForm {
  const filters = { ...sourceForm(form).filters, [name]: text };
  // A period value is written differently for each period type: a new type starts afresh.
  if (name === "date_type") filters.date_value = "";
  return withSourceForm(form, { filters });
}

/** A problem to show next to a field: one of the shared query issues, or the sidebar's own. */
export type Problem =
  | { readonly issue: QueryIssue }
  | { readonly ui: UiMessageId }
  | { readonly target: TargetProblem };

/** Where the form's values are checked against: the clock and the spreadsheet's time zone. */
export interface CheckContext {
  readonly now: number;
  readonly timeZone: string;
}

/** The columns option of the query: absent for the default set. */
function columnsOption(source: SourceName, fields: SourceForm): string | string[] | undefined {
  if (fields.columnsMode === "default") return undefined;
  if (fields.columnsMode === "all") return "all";
  const picked = new Set(fields.picked);
  return catalogueOf(source)
    .columns.map((column) => column.key)
    .filter((key) => picked.has(key));
}

/** Each filter's value checked as typed with the shared schema, normalised where it is valid. */
function checkedFilters(source: SourceName, fields: SourceForm) {
  const values: Record<string, FilterValue> = {};
  const issues: QueryIssue[] = [];
  for (const spec of FILTER_SPECS[source]) {
    const text = fields.filters[spec.name] ?? "";
    if (text.trim() === "") continue;
    const result = validateFilterValue(source, spec.name, text);
    if (!result.ok) issues.push(result.issue);
    else if (result.value !== undefined) values[spec.name] = result.value;
  }
  return { values, issues };
}

const WHOLE_NUMBER = /^\s*\d+\s*$/;

/** The limit as the server takes it: a number when it is one, else the text for it to refuse. */
function limitOption(text: string): number | string | undefined {
  if (text.trim() === "") return undefined;
  return WHOLE_NUMBER.test(text) ? Number(text) : text.trim();
}

/** What previewQuery takes: what to fetch and which columns to show. */
export interface QueryPayload {
  readonly source: SourceName;
  readonly region: string;
  readonly limit?: number | string;
  readonly filters: Readonly<Record<string, string | number>>;
  readonly columns?: string | string[];
  readonly headers: HeadersChoice;
}

/** What runQuery takes. */
export interface PullPayload extends QueryPayload {
  readonly sheet: string;
  readonly mode: WriteMode;
}

/** What saveQuery takes. */
export interface SavedPayload extends PullPayload {
  readonly name: string;
  readonly schedule: Schedule;
  readonly id?: string;
}

/** The query the form describes, with every filter value normalised (numbers as numbers). */
export function queryPayload(form: SearchForm): QueryPayload {
  const fields = sourceForm(form);
  const { values } = checkedFilters(form.source, fields);
  const filters: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    filters[name] = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  }
  const limit = limitOption(fields.limit);
  const columns = columnsOption(form.source, fields);
  return {
    source: form.source,
    region: fields.region.trim().toUpperCase(),
    ...(limit === undefined ? {} : { limit }),
    filters,
    ...(columns === undefined ? {} : { columns }),
    headers: fields.headers,
  };
}

export function pullPayload(form: SearchForm): PullPayload {
  const { sheet, mode } = sourceForm(form);
  return { ...queryPayload(form), sheet: sheet.trim(), mode };
}

export function savedPayload(form: SearchForm): SavedPayload {
  return {
    ...pullPayload(form),
    name: form.name.trim(),
    schedule: form.schedule,
    ...(form.editingId ? { id: form.editingId } : {}),
  };
}

/**
 * Every field's problem line asks after each keystroke: checked once per form and clock (the
 * periods FastMoss has complete change by the day, so a minute-old answer still holds).
 */
const queryProblemsCache = new WeakMap<
  SearchForm,
  { readonly context: CheckContext; readonly problems: Map<string, Problem> }
>();
const CACHE_MS = 60_000;

/**
 * What is wrong with the query the form describes, by field (a filter's name, "region", "limit",
 * "columns", "headers"): each field checked with validateFilterValue, then the whole query with
 * validateQuery (ranges, region, limit, the FastMoss period).
 */
export function queryProblems(form: SearchForm, context: CheckContext): Map<string, Problem> {
  const cached = queryProblemsCache.get(form);
  if (
    cached &&
    cached.context.timeZone === context.timeZone &&
    Math.abs(cached.context.now - context.now) < CACHE_MS
  ) {
    return cached.problems;
  }
  const fields = sourceForm(form);
  const { values, issues } = checkedFilters(form.source, fields);
  const problems = new Map<string, Problem>();
  for (const found of issues) problems.set(found.parameter, { issue: found });
  const columns = columnsOption(form.source, fields);
  if (Array.isArray(columns) && columns.length === 0) {
    problems.set("columns", { ui: "problem.noColumns" });
  }
  const whole = validateQuery(
    {
      source: form.source,
      region: fields.region,
      limit: limitOption(fields.limit),
      filters: values,
      columns: Array.isArray(columns) && columns.length === 0 ? undefined : columns,
      headers: fields.headers,
    },
    { now: context.now, timeZone: context.timeZone, limitContext: "sheet" },
  );
  if (!whole.ok) {
    for (const found of whole.issues) {
      if (!problems.has(found.parameter)) problems.set(found.parameter, { issue: found });
    }
  }
  queryProblemsCache.set(form, { context, problems });
  return problems;
}

const MAX_QUERY_NAME = 100;

/** A sheet of the spreadsheet as the sidebar's context describes it. */
export interface KnownSheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly filled: boolean;
}

/** The sheet `name` among the known ones, found as Sheets finds names: ignoring case. */
export function knownSheet(sheets: readonly KnownSheet[], name: string): KnownSheet | undefined {
  const lower = name.trim().toLowerCase();
  return sheets.find((sheet) => sheet.name.toLowerCase() === lower);
}

/**
 * What is wrong with the sheet to write to: blank, too long, or a target that does not fit the
 * source and mode (the server's own rule, judged on the headers the context gave).
 */
export function sheetProblem(
  form: SearchForm,
  sheets: readonly KnownSheet[] = [],
): Problem | undefined {
  const { sheet: typed, mode } = sourceForm(form);
  const sheet = typed.trim();
  if (sheet === "") return { ui: "problem.sheetRequired" };
  if (sheet.length > MAX_SHEET_NAME) return { ui: "problem.sheetTooLong" };
  const known = knownSheet(sheets, sheet);
  const refused = targetProblem({
    name: sheet,
    source: form.source,
    mode,
    header: known?.header ?? [],
    filled: known?.filled ?? false,
  });
  return refused ? { target: refused } : undefined;
}

/** What is wrong with the name to save the query under. */
export function nameProblem(form: SearchForm): Problem | undefined {
  const name = form.name.trim();
  if (name === "") return { ui: "problem.nameRequired" };
  if (name.length > MAX_QUERY_NAME) return { ui: "problem.nameTooLong" };
  return undefined;
}

/** The limit the cost is priced for: blank is the default; undefined when it isn't valid. */
export function limitForCost(source: SourceName, text: string): number | undefined {
  if (text.trim() === "") return DEFAULT_LIMIT;
  if (!WHOLE_NUMBER.test(text)) return undefined;
  const limit = Number(text);
  return limit >= 1 && limit <= SOURCE_MAX_LIMIT[source] ? limit : undefined;
}

/** "Up to 10 requests · 10 credits", or undefined while the limit isn't a valid number. */
export function costLine(
  source: SourceName,
  limitText: string,
  locale: Locale,
): string | undefined {
  const limit = limitForCost(source, limitText);
  if (limit === undefined) return undefined;
  const { requests, credits } = estimateCost(source, limit);
  return tn(locale, "cost.line", requests, {
    credits: tn(locale, "cost.credits", credits),
  });
}

/** The values of a saved query as text for the form's fields. */
function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** Reads a saved query (as listQueries answers it) back into the form, to edit it. */
export function formFromSaved(
  saved: {
    readonly id: string;
    readonly name: string;
    readonly schedule: Schedule;
    readonly query: Readonly<Record<string, unknown>>;
  },
  base: SearchForm,
): SearchForm {
  const query = saved.query;
  const source = isSourceName(query.source) ? query.source : base.source;
  const known = new Set(FILTER_SPECS[source].map((spec) => spec.name));
  const filters: Record<string, string> = { ...emptySourceForm(source).filters };
  const savedFilters = query.filters;
  if (typeof savedFilters === "object" && savedFilters !== null && !Array.isArray(savedFilters)) {
    for (const [name, value] of Object.entries(savedFilters)) {
      if (known.has(name)) filters[name] = asText(value);
    }
  }
  const columns = query.columns;
  const keys = Array.isArray(columns)
    ? columns.map(asText)
    : asText(columns)
        .split(",")
        .map((key) => key.trim())
        .filter(Boolean);
  const all = keys.length === 1 && keys[0]?.toLowerCase() === "all";
  const mode = WRITE_MODES.find((m) => m === query.mode) ?? "replace";
  const fields: SourceForm = {
    region: asText(query.region),
    limit: asText(query.limit),
    filters,
    columnsMode: all ? "all" : keys.length > 0 ? "pick" : "default",
    picked: all ? [] : keys,
    headers: query.headers === "keys" ? "keys" : "labels",
    sheet: asText(query.sheet),
    mode,
  };
  return {
    source,
    bySource: { ...base.bySource, [source]: fields },
    name: saved.name,
    schedule: saved.schedule,
    editingId: saved.id,
    touched: [],
  };
}
