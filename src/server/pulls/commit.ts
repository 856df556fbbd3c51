// Puts a complete pull into its target sheet, by mode. Every path can run again after being cut
// short and land on the same cells: replace rewrites from the top, append and history write at a
// row recorded before the first write, upsert matches ids. Staged rows go over with Range.copyTo,
// one server-side call, whenever the target's columns line up with the pull's.

import { FIRST_SEEN_KEY } from "../../shared/columns/index.js";
import { message } from "../../shared/messages/index.js";
import { snapshotNames } from "../../shared/pulls/targetFit.js";
import { AddonError } from "../errors.js";
import type { Sheet, Spreadsheet } from "../platform/types.js";
import type { JobState } from "./jobStore.js";
import { identityLayout, layoutFor, placeRow, planUpsert, type SheetLayout } from "./layout.js";
import { type SheetColumn, widthRuns } from "./sheetFormat.js";
import {
  clearBeyond,
  ensureSize,
  writeFreshHeader,
  writeHeaderCells,
  writeRows,
} from "./sheetWriter.js";
import { readStaged } from "./staging.js";

/** The pull's rows: in memory, or waiting in a staging sheet. */
export type PulledRows =
  | { readonly kind: "memory"; readonly rows: readonly (readonly unknown[])[] }
  | { readonly kind: "staged"; readonly sheet: Sheet; readonly count: number };

export interface CommitInput {
  readonly spreadsheet: Spreadsheet;
  readonly job: JobState;
  readonly columns: readonly SheetColumn[];
  readonly pulled: PulledRows;
  /** Index of the id column among `columns` (upsert). */
  readonly idIndex: number;
  /** Saves the job: called before the first write that must not happen twice. */
  readonly checkpoint: () => void;
}

/** Writes the pull into its target sheet; answers the number of data rows written. */
export function commitPull(input: CommitInput): number {
  const target = openTarget(input.spreadsheet, input.job.request.sheet);
  switch (input.job.request.mode) {
    case "replace":
      return replace(target, input);
    case "append":
    case "history":
      return append(target, input);
    case "upsert":
      return upsert(target, input);
  }
}

function openTarget(spreadsheet: Spreadsheet, name: string): Sheet {
  return (
    spreadsheet.getSheetByName(name) ?? spreadsheet.insertSheet(name, spreadsheet.getNumSheets())
  );
}

function pulledRows(pulled: PulledRows, width: number): readonly (readonly unknown[])[] {
  return pulled.kind === "memory" ? pulled.rows : readStaged(pulled.sheet, pulled.count, width);
}

function rowCount(pulled: PulledRows): number {
  return pulled.kind === "memory" ? pulled.rows.length : pulled.count;
}

function replace(target: Sheet, { columns, pulled }: CommitInput): number {
  const width = columns.length;
  const count = rowCount(pulled);
  if (pulled.kind === "staged") {
    ensureSize(target, count + 1, width);
    pulled.sheet.getRange(1, 1, count + 1, width).copyTo(target.getRange(1, 1));
    target.setFrozenRows(1);
    for (const run of widthRuns(columns)) target.setColumnWidths(run.start, run.count, run.width);
  } else {
    writeFreshHeader(target, columns);
    writeRows(target, 2, pulled.rows, columns, identityLayout(width));
  }
  clearBeyond(target, count + 1, width);
  return count;
}

function append(target: Sheet, input: CommitInput): number {
  const { job, columns, pulled } = input;
  if (job.commitRow === undefined) {
    const lastRow = target.getLastRow();
    // Only a sheet where no cell holds anything gets our header in row 1; a row the user wrote
    // stays, and the rows go below it.
    if (lastRow > 0 && job.request.mode === "history") refuseNonHistory(target, job);
    job.freshTarget = lastRow === 0;
    job.commitRow = lastRow + (lastRow === 0 ? 2 : 1);
    input.checkpoint();
  }
  const startRow = job.commitRow;
  let layout: SheetLayout;
  if (job.freshTarget === true) {
    writeFreshHeader(target, columns);
    layout = identityLayout(columns.length);
  } else {
    layout = layoutFor(
      target.getRange(1, 1, 1, Math.max(target.getLastColumn(), 1)).getValues()[0] ?? [],
      columns,
    );
    writeHeaderCells(target, layout.added);
  }
  const count = rowCount(pulled);
  if (pulled.kind === "staged" && layout.identity) {
    ensureSize(target, startRow + count - 1, columns.length);
    pulled.sheet.getRange(2, 1, count, columns.length).copyTo(target.getRange(startRow, 1));
  } else {
    const rows = pulledRows(pulled, columns.length).map((row) => placeRow(row, layout));
    writeRows(target, startRow, rows, columns, layout);
  }
  return count;
}

function upsert(target: Sheet, input: CommitInput): number {
  const { columns, pulled, idIndex } = input;
  const lastRow = target.getLastRow();
  if (lastRow === 0) return replace(target, input);
  const area = target.getRange(1, 1, lastRow, Math.max(target.getLastColumn(), 1));
  const data = area.getValues();
  const layout = layoutFor(data[0] ?? [], columns);
  // first_seen_at is set once, when the id first appears in the sheet: a row that has it keeps it.
  const keep = columns.flatMap((column, index) => (column.key === FIRST_SEEN_KEY ? [index] : []));
  const plan = planUpsert(data.slice(1), pulledRows(pulled, columns.length), layout, idIndex, keep);
  writeHeaderCells(target, layout.added);
  // Only the rows the pull updates are written, run by run: every other row stays as it was.
  // Their formats are usually right already (the add-on wrote them): then only values go.
  const formats = plan.updatedRuns.length > 1 ? area.getNumberFormats() : undefined;
  ensureSize(target, lastRow, layout.width);
  for (const run of plan.updatedRuns) {
    const currentFormats = formats?.slice(run.start + 1, run.start + 1 + run.rows.length);
    writeRows(target, run.start + 2, run.rows, columns, layout, {
      sized: true,
      ...(currentFormats ? { currentFormats } : {}),
    });
  }
  writeRows(target, lastRow + 1, plan.appendedRows, columns, layout);
  return plan.updated + plan.appended;
}

/** History mode appends only to a history sheet: its first header cell is snapshot_at. */
function refuseNonHistory(target: Sheet, job: CommitInput["job"]): void {
  const first = String(target.getRange(1, 1).getValue() ?? "")
    .trim()
    .toLowerCase();
  if (!snapshotNames().some((name) => name.toLowerCase() === first)) {
    throw new AddonError(
      "INVALID_ARGUMENT",
      message("history.notHistory", { sheet: job.request.sheet }),
    );
  }
}
