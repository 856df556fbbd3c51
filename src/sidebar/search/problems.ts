// A form problem as a sentence in the sidebar's language: the shared query issues through the
// shared message catalogue, the sidebar's own through its catalogue.

import { issueMessage } from "../../shared/query/index.js";
import { type Locale, t } from "../i18n.js";
import { type SidebarState, serverNow } from "../state.js";
import { nameProblem, type Problem, queryProblems, sheetProblem } from "./form.js";

export function problemText(problem: Problem | undefined, locale: Locale): string {
  if (!problem) return "";
  return "issue" in problem ? issueMessage(problem.issue, locale) : t(locale, problem.ui);
}

/** The problem of a query field (a filter's name, "region", "limit", "columns"…) now. */
export function queryFieldProblem(state: SidebarState, name: string): Problem | undefined {
  return queryProblems(state.search, { now: serverNow(state), timeZone: state.timeZone }).get(name);
}

/** The problem of the sheet or the name, once the user has typed there or tried to use it. */
export function touchedProblem(state: SidebarState, name: "sheet" | "name"): Problem | undefined {
  if (!state.search.touched.includes(name)) return undefined;
  return name === "sheet" ? sheetProblem(state.search) : nameProblem(state.search);
}
