// Whether a sheet can take a pull: the add-on's own sheets never, a sheet whose header another
// source wrote never for append, upsert or history, and history only onto an empty sheet or a
// history sheet. One rule for the server (before any request) and the sidebar (as the person types).

import { catalogueOf } from "../columns/index.js";
import type { SourceName } from "../columns/types.js";
import { type MessageId, message } from "../messages/index.js";
import { SOURCE_LIST, sourceLabel } from "../sources.js";
import type { WriteMode } from "./types.js";

/** The run log, the setup check's sheet and the prefix of staging sheets: the add-on's own. */
export const RUN_LOG_SHEET = "TT Run Log";
export const STAGING_PREFIX = "TT staging ";
export const DIAGNOSTICS_SHEET = "TT Diagnostics";
/** Sheets refuses a longer sheet name. */
export const MAX_SHEET_NAME = 100;
export const SNAPSHOT_KEY = "snapshot_at";
/** What the first header cell of a history sheet may read: the key, or its label in English or Chinese. */
export function snapshotNames(): readonly [key: string, en: string, zh: string] {
  return [SNAPSHOT_KEY, message("column.snapshot", {}, "en"), message("column.snapshot", {}, "zh")];
}

export interface TargetProblem {
  readonly id: MessageId;
  readonly params: Readonly<Record<string, string>>;
}

const normalise = (text: unknown) =>
  String(text ?? "")
    .trim()
    .toLowerCase();

/** Sheets compares names ignoring case: "tt run log" is the run log. */
export function isReservedSheet(name: string): boolean {
  const lower = normalise(name);
  return (
    lower === normalise(RUN_LOG_SHEET) ||
    lower === normalise(DIAGNOSTICS_SHEET) ||
    lower.startsWith(normalise(STAGING_PREFIX))
  );
}

/** The source a header was written by, from its id column (key or label in either language). */
export function headerSource(header: readonly unknown[]): SourceName | undefined {
  const cells = new Set(header.map(normalise));
  const holds = (source: SourceName) => {
    const catalogue = catalogueOf(source);
    const id = catalogue.columns.find((column) => column.key === catalogue.idKey);
    const names = [catalogue.idKey, id?.label.en, id?.label.zh].map(normalise);
    return names.some((name) => name !== "" && cells.has(name));
  };
  const writers = SOURCE_LIST.filter((source) => holds(source.name));
  // A header holding the ids of both (or neither) can't be told apart.
  return writers.length === 1 ? writers[0]?.name : undefined;
}

/**
 * Why a pull of `source` in `mode` can't go into the sheet `name` whose first row is `header`
 * (empty for a missing or empty sheet; `filled`: whether the sheet holds anything at all).
 */
export function targetProblem(target: {
  readonly name: string;
  readonly source: SourceName;
  readonly mode: WriteMode;
  readonly header: readonly unknown[];
  readonly filled: boolean;
}): TargetProblem | undefined {
  const { name, source, mode, header, filled } = target;
  if (isReservedSheet(name)) return { id: "target.reserved", params: { sheet: name } };
  if (mode === "replace" || !filled) return undefined;
  const writer = headerSource(header);
  if (writer !== undefined && writer !== source) {
    return {
      id: "target.otherSource",
      params: { sheet: name, other: sourceLabel(writer), source: sourceLabel(source) },
    };
  }
  if (mode === "history") {
    const first = normalise(header[0]);
    if (!snapshotNames().map(normalise).includes(first)) {
      return { id: "history.notHistory", params: { sheet: name } };
    }
  }
  return undefined;
}
