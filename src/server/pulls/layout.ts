// Where a pull's columns go in a sheet that already has a header — matched by header text (label
// or key, any case), missing ones added at the right — and how an upsert merges new rows into the
// rows already there by id. Columns the user added themselves are never written.

import type { SheetColumn } from "./sheetFormat.js";

export interface SheetLayout {
  /** The sheet column (0-based) each pulled column goes to. */
  readonly positions: readonly number[];
  /** Header cells to add at the right: [0-based column, header]. */
  readonly added: readonly (readonly [number, string])[];
  /** Width of the header after the additions. */
  readonly width: number;
  /** The pulled columns sit exactly in columns 1…n: rows can be copied as they are. */
  readonly identity: boolean;
}

const normalise = (text: unknown) =>
  String(text ?? "")
    .trim()
    .toLowerCase();

export function layoutFor(
  header: readonly unknown[],
  columns: readonly SheetColumn[],
): SheetLayout {
  const used = header.map(normalise);
  let width = used.length;
  const positions: number[] = [];
  const added: [number, string][] = [];
  for (const column of columns) {
    const names = [column.header, column.key, ...(column.aliases ?? [])].map(normalise);
    const found = used.findIndex(
      (cell, index) => names.includes(cell) && !positions.includes(index),
    );
    if (found >= 0) {
      positions.push(found);
    } else {
      positions.push(width);
      added.push([width, column.header]);
      width++;
    }
  }
  const identity = positions.every((position, index) => position === index) && added.length === 0;
  return { positions, added, width, identity };
}

/** The contiguous runs of sheet columns (0-based, inclusive) a pull writes, left to right. */
export function columnRuns(layout: SheetLayout): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const position of [...layout.positions].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && run.last + 1 === position) run.last = position;
    else runs.push({ first: position, last: position });
  }
  return runs;
}

/** A pulled row spread over the sheet's columns; `base` supplies the other columns' values. */
export function placeRow(
  row: readonly unknown[],
  layout: SheetLayout,
  base: readonly unknown[] = [],
): unknown[] {
  const placed = Array.from({ length: layout.width }, (_, index) => base[index] ?? "");
  layout.positions.forEach((position, index) => {
    placed[position] = row[index] ?? "";
  });
  return placed;
}

export interface UpsertPlan {
  /**
   * The existing rows an upsert updates, in runs of consecutive rows: `start` is the 0-based data
   * row, `rows` full width (the writer writes only pulled columns). Rows not pulled are in no run,
   * so nothing of theirs — a formula, a value typed by hand — is ever written back.
   */
  readonly updatedRuns: { readonly start: number; readonly rows: unknown[][] }[];
  /** New ids' rows, full width, to go below the existing ones. */
  readonly appendedRows: unknown[][];
  readonly updated: number;
  readonly appended: number;
}

/**
 * Merges pulled rows into existing data rows by id: a row whose id is there replaces that row's
 * pulled columns; a new id is appended. Ids are compared as text, so 19-digit ids match exactly.
 * The pulled columns in `keep` hold on to a value the existing row already has (first_seen_at).
 */
export function planUpsert(
  existing: readonly (readonly unknown[])[],
  pulled: readonly (readonly unknown[])[],
  layout: SheetLayout,
  idIndex: number,
  keep: readonly number[] = [],
): UpsertPlan {
  const idColumn = layout.positions[idIndex]!;
  const rowOfId = new Map<string, number>();
  existing.forEach((row, index) => {
    const id = String(row[idColumn] ?? "").trim();
    if (id !== "" && !rowOfId.has(id)) rowOfId.set(id, index);
  });
  const updates = new Map<number, unknown[]>();
  const appendedRows: unknown[][] = [];
  const appendedIds = new Map<string, number>();
  let updated = 0;
  for (const row of pulled) {
    const id = String(row[idIndex] ?? "")
      .trim()
      .replace(/^'/, "");
    const at = rowOfId.get(id);
    if (at !== undefined) {
      const placed = placeRow(row, layout, existing[at]);
      for (const index of keep) {
        const position = layout.positions[index]!;
        const before = existing[at]?.[position];
        if (before !== undefined && before !== null && before !== "") placed[position] = before;
      }
      updates.set(at, placed);
      updated++;
    } else if (id !== "" && appendedIds.has(id)) {
      appendedRows[appendedIds.get(id)!] = placeRow(row, layout);
    } else {
      if (id !== "") appendedIds.set(id, appendedRows.length);
      appendedRows.push(placeRow(row, layout));
    }
  }
  const updatedRuns: { start: number; rows: unknown[][] }[] = [];
  for (const index of [...updates.keys()].sort((a, b) => a - b)) {
    const run = updatedRuns[updatedRuns.length - 1];
    if (run && run.start + run.rows.length === index) run.rows.push(updates.get(index)!);
    else updatedRuns.push({ start: index, rows: [updates.get(index)!] });
  }
  return { updatedRuns, appendedRows, updated, appended: appendedRows.length };
}

/** Columns 1…n in order: a fresh sheet, or one whose header is exactly the pull's. */
export function identityLayout(width: number): SheetLayout {
  return {
    positions: Array.from({ length: width }, (_, index) => index),
    added: [],
    width,
    identity: true,
  };
}
