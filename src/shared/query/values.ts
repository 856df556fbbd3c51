// One value as Sheets or the sidebar hands it — numbers, numeric text, "1,000,000", "5%", one-cell
// ranges — checked against its filter's schema. The sidebar calls this for a field as it is typed.
// The schemas are a few lines of plain checks rather than zod: Apps Script parses the whole bundle
// at every formula call, and zod was a sixth of it.

import type { SourceName } from "../columns/types.js";
import { sourceLabel } from "../sources.js";
import { grouped, issue, type QueryIssue, shown } from "./issues.js";
import { type FilterSpec, filterSpec, TEXT_MAX } from "./specs.js";

export type FilterValue = string | number | Date;

export type FieldResult =
  | { readonly ok: true; readonly value: FilterValue | undefined }
  | { readonly ok: false; readonly issue: QueryIssue };

/** A value the user left empty: not set. */
export const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

export const NOT_SINGLE = Symbol("not a single value");

/** A one-cell range is its value; a larger range is NOT_SINGLE. */
export function singleCell(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const cells = value.flat(2);
  return cells.length === 1 ? cells[0] : NOT_SINGLE;
}

export const notSingle = (parameter: string) =>
  issue(parameter, "argument.notSingle", { name: parameter });

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Numeric text as a number ("1,000,000", " 5 ", "5%" → 0.05); anything else unchanged. */
export function readNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  let text = value.trim();
  const percent = text.endsWith("%");
  if (percent) text = text.slice(0, -1).trim();
  if (THOUSANDS.test(text)) text = text.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(text)) return value;
  // toPrecision drops binary noise: "12.3%" is 0.123, not 0.12300000000000001.
  return percent ? Number((Number(text) / 100).toPrecision(15)) : Number(text);
}

/** A filter's value check: the normalised value, or no success (zod's safeParse shape). */
export interface Schema {
  safeParse(value: unknown): { success: true; data: FilterValue } | { success: false };
}

/** The schema of a filter's value (blank values never reach it); built on first use. */
const schemas = new Map<FilterSpec, Schema>();

export function filterSchema(spec: FilterSpec): Schema {
  const schema = schemas.get(spec) ?? buildSchema(spec);
  schemas.set(spec, schema);
  return schema;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function schemaOf(read: (value: unknown) => FilterValue | undefined): Schema {
  return {
    safeParse(value) {
      const data = read(value);
      return data === undefined ? { success: false } : { success: true, data };
    },
  };
}

function buildSchema(spec: FilterSpec): Schema {
  switch (spec.kind) {
    case "text":
      return schemaOf((v) => {
        const text = typeof v === "number" ? String(v) : v;
        if (typeof text !== "string") return undefined;
        const trimmed = text.trim();
        return trimmed.length >= 1 && trimmed.length <= TEXT_MAX ? trimmed : undefined;
      });
    case "count":
    case "id": {
      const min = spec.kind === "id" ? 1 : 0;
      return schemaOf((v) => {
        const n = readNumber(v);
        return isNumber(n) && Number.isSafeInteger(n) && n >= min ? n : undefined;
      });
    }
    case "ratio":
      return schemaOf((v) => {
        const n = readNumber(v);
        return isNumber(n) && n >= 0 && n <= 1 ? n : undefined;
      });
    case "enum": {
      const values: readonly (string | number)[] = (spec.options ?? []).map(
        (option) => option.value,
      );
      const numeric = typeof values[0] === "number";
      return schemaOf((v) => {
        const read = numeric ? readNumber(v) : typeof v === "string" ? v.trim().toLowerCase() : v;
        return values.includes(read as string | number) ? (read as string | number) : undefined;
      });
    }
    case "date":
      // The form only; which forms fit depends on date_type, read with it in validateQuery.
      return schemaOf((v) => {
        const read = typeof v === "string" ? v.trim() : v;
        if (read instanceof Date) return Number.isNaN(read.getTime()) ? undefined : read;
        return /^\d{4}-\d{2}(-\d{2})?$/.test(String(read)) ? (read as FilterValue) : undefined;
      });
  }
}

/** Why `value` does not fit `spec`: what is allowed, and what was given. */
function valueIssue(spec: FilterSpec, value: unknown): QueryIssue {
  const params = { name: spec.name, value: shown(value) };
  switch (spec.kind) {
    case "text":
      return issue(spec.name, "filter.text", { ...params, max: grouped(TEXT_MAX) });
    case "count":
    case "id":
      return issue(spec.name, "filter.count", { ...params, min: spec.kind === "id" ? 1 : 0 });
    case "ratio":
      return issue(spec.name, "filter.ratio", params);
    case "enum": {
      const options = spec.options ?? [];
      const list = (locale: "en" | "zh") =>
        options
          .map(({ value, label }) =>
            typeof value === "string"
              ? value
              : locale === "en"
                ? `${value} (${label.en})`
                : `${value}（${label.zh}）`,
          )
          .join(locale === "en" ? ", " : "、");
      return issue(spec.name, "filter.enum", params, {
        allowed: { en: list("en"), zh: list("zh") },
      });
    }
    case "date":
      return issue(spec.name, "date.any", { value: shown(value) });
  }
}

/** One filter's value checked and normalised; blank is `undefined` (not set). */
export function checkFilterValue(spec: FilterSpec, value: unknown): FieldResult {
  const cell = singleCell(value);
  if (cell === NOT_SINGLE) return { ok: false, issue: notSingle(spec.name) };
  if (isBlank(cell)) return { ok: true, value: undefined };
  const parsed = filterSchema(spec).safeParse(cell);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issue: valueIssue(spec, cell) };
}

/** For the sidebar, field by field as the user types: the normalised value or what is wrong. */
export function validateFilterValue(source: SourceName, name: string, value: unknown): FieldResult {
  const spec = filterSpec(source, name);
  return spec
    ? checkFilterValue(spec, value)
    : {
        ok: false,
        issue: issue(name, "filter.unknown", { value: shown(name), source: sourceLabel(source) }),
      };
}
