// Reads what a pull's target sheet holds — its header row and whether anything is in it — so that
// a target that does not fit (shared/pulls/targetFit) is refused before any request, and so that
// the sidebar can judge the same as the person types.

import { message } from "../../shared/messages/index.js";
import { isReservedSheet, targetProblem } from "../../shared/pulls/targetFit.js";
import type { Sheet, Spreadsheet } from "../platform/types.js";
import type { PullRequest } from "./pullRequest.js";

/** Header cells the sidebar is told of per sheet, and characters per cell: enough to judge. */
const HEADER_CELLS = 60;
const CELL_CHARS = 60;
/** Sheets whose header the sidebar's context carries. */
const CONTEXT_SHEETS = 60;

export interface SheetHeader {
  readonly name: string;
  /** The first row's cells as text (empty when the sheet is empty). */
  readonly header: string[];
  /** Whether any cell of the sheet holds anything. */
  readonly filled: boolean;
}

/** The sheet named `name`, found as Sheets finds names: ignoring case. */
export function sheetNamed(spreadsheet: Spreadsheet, name: string): Sheet | null {
  const exact = spreadsheet.getSheetByName(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return spreadsheet.getSheets().find((sheet) => sheet.getName().toLowerCase() === lower) ?? null;
}

export function headerOf(sheet: Sheet | null): SheetHeader | undefined {
  if (!sheet) return undefined;
  const filled = sheet.getLastRow() > 0 && sheet.getLastColumn() > 0;
  const width = Math.min(sheet.getLastColumn(), HEADER_CELLS);
  const header = filled
    ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((cell) =>
        String(cell ?? "").slice(0, CELL_CHARS),
      )
    : [];
  return { name: sheet.getName(), header, filled };
}

/** The user's sheets with their headers, for the sidebar (the add-on's own are left out). */
export function sheetHeaders(spreadsheet: Spreadsheet): SheetHeader[] {
  return spreadsheet
    .getSheets()
    .filter((sheet) => !isReservedSheet(sheet.getName()))
    .slice(0, CONTEXT_SHEETS)
    .map((sheet) => headerOf(sheet))
    .filter((header): header is SheetHeader => header !== undefined);
}

/** Why the pull can't go into its sheet, in the current language; undefined when it fits. */
export function targetRefusal(spreadsheet: Spreadsheet, request: PullRequest): string | undefined {
  const found = isReservedSheet(request.sheet)
    ? undefined
    : headerOf(sheetNamed(spreadsheet, request.sheet));
  const problem = targetProblem({
    name: request.sheet,
    source: request.query.source,
    mode: request.mode,
    header: found?.header ?? [],
    filled: found?.filled ?? false,
  });
  return problem ? message(problem.id, problem.params) : undefined;
}

/** After a pull written from the sidebar, the person sees its sheet. */
export function showWrittenSheet(
  spreadsheet: Spreadsheet,
  summary: { readonly status: string; readonly sheet: string },
): void {
  if (summary.status !== "done") return;
  const sheet = sheetNamed(spreadsheet, summary.sheet);
  if (sheet) spreadsheet.setActiveSheet(sheet);
}
