// Shared fixtures of the query-validation tests: a fixed clock and short ways to validate and read.

import {
  issueMessage,
  type QueryInput,
  type QueryIssue,
  type ValidationContext,
  type ValidationResult,
  type ValidQuery,
  validateQuery,
} from "../../../src/shared/query/index.js";

/** Tuesday 10 March 2026, 13:00 UTC: 01:00 on the 10th in UTC−12, 03:00 on the 11th in UTC+14. */
export const NOW = Date.UTC(2026, 2, 10, 13);
export const CONTEXT: ValidationContext = { now: NOW, timeZone: "UTC" };

type Filters = QueryInput["filters"];

export const keyapi = (filters?: Filters, more: Partial<QueryInput> = {}, context = CONTEXT) =>
  validateQuery({ source: "keyapi", region: "US", limit: 10, filters, ...more }, context);

export const fastmoss = (filters?: Filters, more: Partial<QueryInput> = {}, context = CONTEXT) =>
  validateQuery({ source: "fastmoss", region: "US", limit: 10, filters, ...more }, context);

export const issuesOf = (result: ValidationResult): QueryIssue[] =>
  result.ok ? [] : result.issues;

export const messagesOf = (result: ValidationResult, locale: "en" | "zh" = "en") =>
  issuesOf(result).map((issue) => issueMessage(issue, locale));

/** The valid query, or a failure that shows what was wrong. */
export function valid(result: ValidationResult): ValidQuery {
  if (!result.ok) throw new Error(`expected a valid query:\n${messagesOf(result).join("\n")}`);
  return result.value;
}

/** The only issue of the result. */
export function onlyIssue(result: ValidationResult): QueryIssue {
  const issues = issuesOf(result);
  if (issues.length !== 1) throw new Error(`expected one issue, got ${JSON.stringify(issues)}`);
  return issues[0]!;
}
