// The staging sheet of a pull that spans executions: rows wait here, hidden, until every page is
// in, so the target sheet only ever changes once the pull is complete. Rows land at positions
// fixed by the checkpoint, so an execution cut short and run again rewrites the same rows.

import { message } from "../../shared/messages/index.js";
import { STAGING_PREFIX } from "../../shared/pulls/targetFit.js";
import { AddonError } from "../errors.js";
import type { Sheet, Spreadsheet } from "../platform/types.js";
import { identityLayout } from "./layout.js";
import type { SheetColumn } from "./sheetFormat.js";
import { BLOCK_ROWS, writeFreshHeader, writeRows } from "./sheetWriter.js";

export function stagingName(jobId: string): string {
  return `${STAGING_PREFIX}${jobId.replace(/-/g, "").slice(0, 12)}`;
}

/**
 * The staging sheet, made with the first rows. Once rows wait there it must still exist: a sheet
 * made again would hold the later rows below a gap where the lost ones were.
 */
export function openStaging(
  spreadsheet: Spreadsheet,
  name: string,
  columns: readonly SheetColumn[],
  staged: number,
): Sheet {
  const existing = spreadsheet.getSheetByName(name);
  if (existing) return existing;
  if (staged > 0) throw new AddonError("INTERNAL", message("pull.stagingDeleted", { name }));
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
  sheet.hideSheet();
  writeFreshHeader(sheet, columns);
  spreadsheet.setActiveSheet(active);
  return sheet;
}

/** Writes rows after the `staged` rows already there. */
export function stageRows(
  sheet: Sheet,
  staged: number,
  rows: readonly (readonly unknown[])[],
  columns: readonly SheetColumn[],
): void {
  writeRows(sheet, staged + 2, rows, columns, identityLayout(columns.length));
}

/** The staged rows, read back in blocks. */
export function readStaged(sheet: Sheet, staged: number, width: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let offset = 0; offset < staged; offset += BLOCK_ROWS) {
    const count = Math.min(BLOCK_ROWS, staged - offset);
    rows.push(...sheet.getRange(offset + 2, 1, count, width).getValues());
  }
  return rows;
}

export function dropStaging(spreadsheet: Spreadsheet, name: string | undefined): void {
  if (!name) return;
  const sheet = spreadsheet.getSheetByName(name);
  if (sheet) spreadsheet.deleteSheet(sheet);
}
