// A form problem as a sentence in the sidebar's language: the shared query issues through the
// shared message catalogue — with each parameter name replaced by the label the person sees next
// to the field (the one place where names become labels) — and the sidebar's own through its
// catalogue.

import type { SourceName } from "../../shared/columns/types.js";
import { message } from "../../shared/messages/index.js";
import { FILTER_SPECS, issueMessage, type QueryIssue } from "../../shared/query/index.js";
import { type Locale, t, type UiMessageId } from "../i18n.js";
import { type SidebarState, serverNow } from "../state.js";
import { nameProblem, type Problem, queryProblems, sheetProblem } from "./form.js";

/** The query's own parameters, by the sidebar's label of their field. */
const OWN_FIELDS: Readonly<Record<string, UiMessageId>> = {
  region: "search.region",
  limit: "search.limit",
  columns: "output.columns",
  headers: "output.headers",
};

/** Every parameter name a message can mention → its field's label in `locale`. */
export function fieldLabels(source: SourceName, locale: Locale): Map<string, string> {
  const labels = new Map<string, string>();
  for (const spec of FILTER_SPECS[source]) labels.set(spec.name, spec.label[locale]);
  for (const [name, id] of Object.entries(OWN_FIELDS)) labels.set(name, t(locale, id));
  return labels;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A sentence of the shared catalogue with parameter names written as the form's labels. */
export function withLabels(text: string, source: SourceName, locale: Locale): string {
  const labels = fieldLabels(source, locale);
  const names = [...labels.keys()].sort((a, b) => b.length - a.length).map(escaped);
  // Whole names only: "limit" is replaced, "max_limit" or a quoted value is not.
  const pattern = new RegExp(`(?<![\\w"])(${names.join("|")})(?![\\w"])`, "g");
  const replaced = text.replace(pattern, (name) => labels.get(name) ?? name);
  return replaced.charAt(0).toUpperCase() + replaced.slice(1);
}

export function issueText(issue: QueryIssue, source: SourceName, locale: Locale): string {
  return withLabels(issueMessage(issue, locale), source, locale);
}

export function problemText(
  problem: Problem | undefined,
  locale: Locale,
  source: SourceName = "keyapi",
): string {
  if (!problem) return "";
  if ("issue" in problem) return issueText(problem.issue, source, locale);
  if ("target" in problem) return message(problem.target.id, problem.target.params, locale);
  return t(locale, problem.ui);
}

/** The problem of a query field (a filter's name, "region", "limit", "columns"…) now. */
export function queryFieldProblem(state: SidebarState, name: string): Problem | undefined {
  return queryProblems(state.search, { now: serverNow(state), timeZone: state.timeZone }).get(name);
}

/** The problem of the sheet or the name, once the user has typed there or tried to use it. */
export function touchedProblem(state: SidebarState, name: "sheet" | "name"): Problem | undefined {
  if (!state.search.touched.includes(name)) return undefined;
  return name === "sheet"
    ? sheetProblem(state.search, state.sheetHeaders)
    : nameProblem(state.search);
}
