// Growth from history snapshots: a history range (header row, then one row per creator per run) in,
// one row per creator out — first and latest snapshot, the metric at the window's start and now,
// the change and its ratio — sorted by the ratio, largest first. Pure: no request, no sheet.

import { catalogueOf } from "../../shared/columns/index.js";
import type { ColumnFormat, ColumnSpec, SourceName } from "../../shared/columns/types.js";
import { type Locale, message } from "../../shared/messages/index.js";
import { SNAPSHOT_KEY, snapshotNames } from "../../shared/pulls/targetFit.js";
import { shown } from "../../shared/query/issues.js";
import { SOURCE_LIST } from "../../shared/sources.js";
import { AddonError } from "../errors.js";
import type { CellValue } from "../sources/values.js";

const DAY_MS = 86_400_000;
export const DEFAULT_DAYS = 7;
export const MAX_DAYS = 3650;
const NUMERIC_FORMATS: readonly ColumnFormat[] = ["count", "number", "ratio", "money"];
const FOLLOWERS: Readonly<Record<SourceName, string>> = {
  keyapi: "total_followers_cnt",
  fastmoss: "creator.follower_count",
};
const HANDLE: Readonly<Record<SourceName, string>> = {
  keyapi: "unique_id",
  fastmoss: "creator.unique_id",
};
/** Sheets' day 0 (30 Dec 1899) in Unix milliseconds: a date cell read as a plain number. */
const SHEETS_EPOCH_MS = -2_209_161_600_000;

/** How the history's header is written, and so how the growth table's header is. */
export type HeaderStyle = "keys" | Locale;

export interface Snapshot {
  readonly time: number;
  readonly value: number | undefined;
}

export interface CreatorGrowth {
  readonly id: string;
  readonly handle: string;
  readonly first: number;
  readonly last: number;
  readonly start: number | undefined;
  readonly now: number | undefined;
  readonly change: number | undefined;
  readonly ratio: number | undefined;
  /** Every snapshot of the creator, oldest first. */
  readonly snapshots: readonly Snapshot[];
}

export interface Growth {
  readonly source: SourceName;
  readonly metric: ColumnSpec;
  readonly days: number;
  readonly style: HeaderStyle;
  /** Sorted: ratio largest first, creators without one last. */
  readonly creators: readonly CreatorGrowth[];
}

const normalise = (value: unknown) =>
  String(value ?? "")
    .trim()
    .toLowerCase();

/** The names a header cell may give a column: its key and both labels. */
function namesOf(spec: ColumnSpec): string[] {
  return [normalise(spec.key), normalise(spec.label.en), normalise(spec.label.zh)];
}

function fail(text: string): never {
  throw new AddonError("INVALID_ARGUMENT", text);
}

/** `days` as typed: blank means 7; a number of days from 0 to 3650. */
export function readDays(value: unknown): number {
  const cell = Array.isArray(value) ? value.flat(2)[0] : value;
  if (cell === undefined || cell === null || cell === "") return DEFAULT_DAYS;
  const days = typeof cell === "string" && cell.trim() !== "" ? Number(cell.trim()) : cell;
  if (typeof days !== "number" || !Number.isFinite(days) || days < 0 || days > MAX_DAYS) {
    fail(message("growth.days", { max: MAX_DAYS, value: shown(cell) }));
  }
  return days;
}

/** What a history header says: where the snapshot, id and handle columns are, and which source. */
interface HistoryHeader {
  readonly source: SourceName;
  readonly style: HeaderStyle;
  readonly snapshot: number;
  readonly id: number;
  readonly handle: number;
  readonly cells: readonly string[];
}

/** Reads a history header; an error names what is missing. */
export function readHistoryHeader(header: readonly unknown[]): HistoryHeader {
  const cells = header.map(normalise);
  const snapshotCells = snapshotNames().map(normalise);
  // History mode writes snapshot_at first; a growth sheet's chart data has it further right.
  const snapshot = cells[0] !== undefined && snapshotCells.includes(cells[0]) ? 0 : -1;
  if (snapshot < 0) fail(message("growth.noSnapshot", { label: message("column.snapshot") }));
  const style: HeaderStyle =
    cells[snapshot] === SNAPSHOT_KEY ? "keys" : cells[snapshot] === snapshotCells[2] ? "zh" : "en";
  for (const { name: source } of SOURCE_LIST) {
    const catalogue = catalogueOf(source);
    const id = findColumn(cells, specOf(source, catalogue.idKey));
    if (id < 0) continue;
    const handle = findColumn(cells, specOf(source, HANDLE[source]));
    return { source, style, snapshot, id, handle, cells };
  }
  return fail(message("growth.noId"));
}

function specOf(source: SourceName, key: string): ColumnSpec {
  return catalogueOf(source).columns.find((spec) => spec.key === key)!;
}

function findColumn(cells: readonly string[], spec: ColumnSpec): number {
  const names = namesOf(spec);
  return cells.findIndex((cell) => names.includes(cell));
}

/** The metric column: a numeric column's key or label (either language); blank means followers. */
function readMetric(value: unknown, header: HistoryHeader): { spec: ColumnSpec; index: number } {
  const cell = Array.isArray(value) ? value.flat(2)[0] : value;
  const typed = normalise(cell);
  const numeric = catalogueOf(header.source).columns.filter((spec) =>
    NUMERIC_FORMATS.includes(spec.format),
  );
  const spec =
    typed === ""
      ? specOf(header.source, FOLLOWERS[header.source])
      : numeric.find((candidate) => namesOf(candidate).includes(typed));
  if (!spec) {
    fail(
      message("growth.unknownMetric", {
        metric: String(cell).trim(),
        source: header.source,
        example: `${FOLLOWERS[header.source]} / ${specOf(header.source, FOLLOWERS[header.source]).label.en}`,
      }),
    );
  }
  const index = findColumn(header.cells, spec);
  if (index < 0) fail(message("growth.noMetric", { metric: spec.key }));
  return { spec, index };
}

/** A snapshot time as milliseconds: a Date, a date serial number, or date text. */
function timeOf(value: unknown): number | undefined {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? undefined : time;
  }
  if (typeof value === "number" && Number.isFinite(value) && value > 0) {
    return SHEETS_EPOCH_MS + value * DAY_MS;
  }
  if (typeof value === "string" && value.trim() !== "") {
    const time = Date.parse(value.trim());
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") {
    const text = value.trim().replace(/^'/, "").replace(/,/g, "");
    if (text === "") return undefined;
    const number = Number(text);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

function idOf(value: unknown): string {
  if (value instanceof Date || value === null || value === undefined) return "";
  return String(value).trim().replace(/^'/, "");
}

interface Collected {
  readonly id: string;
  handle: string;
  handleTime: number;
  readonly snapshots: Snapshot[];
  sorted: boolean;
}

/** The growth of every creator in a history range (header row first). */
export function growthOf(history: unknown, metricArgument: unknown, daysArgument: unknown): Growth {
  if (!Array.isArray(history) || history.length === 0 || !Array.isArray(history[0])) {
    fail(message("growth.notRange"));
  }
  const rows = history as readonly (readonly unknown[])[];
  const header = readHistoryHeader(rows[0]!);
  const metric = readMetric(metricArgument, header);
  const days = readDays(daysArgument);
  const byId = new Map<string, Collected>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const id = idOf(row[header.id]);
    if (id === "") continue;
    const time = timeOf(row[header.snapshot]);
    if (time === undefined) continue;
    let creator = byId.get(id);
    if (!creator) {
      creator = {
        id,
        handle: "",
        handleTime: Number.NEGATIVE_INFINITY,
        snapshots: [],
        sorted: true,
      };
      byId.set(id, creator);
    }
    const last = creator.snapshots[creator.snapshots.length - 1];
    if (last && last.time > time) creator.sorted = false;
    creator.snapshots.push({ time, value: numberOf(row[metric.index]) });
    const handle = header.handle >= 0 ? idOf(row[header.handle]) : "";
    if (handle !== "" && time >= creator.handleTime) {
      creator.handle = handle;
      creator.handleTime = time;
    }
  }
  const windowMs = days * DAY_MS;
  const creators: CreatorGrowth[] = [];
  for (const creator of byId.values()) {
    const snapshots = creator.sorted
      ? creator.snapshots
      : // Stable: of two snapshots at one time, the later row wins, as it does when sorted.
        creator.snapshots
          .map((snapshot, order) => ({ snapshot, order }))
          .sort((a, b) => a.snapshot.time - b.snapshot.time || a.order - b.order)
          .map(({ snapshot }) => snapshot);
    const first = snapshots[0]!;
    const latest = snapshots[snapshots.length - 1]!;
    const cutoff = latest.time - windowMs;
    let start: number | undefined;
    for (let index = snapshots.length - 1; index >= 0; index--) {
      const snapshot = snapshots[index]!;
      if (snapshot.time <= cutoff && snapshot.value !== undefined) {
        start = snapshot.value;
        break;
      }
    }
    const now = latest.value;
    const change = start !== undefined && now !== undefined ? now - start : undefined;
    const ratio = change !== undefined && start !== 0 ? change / start! : undefined;
    creators.push({
      id: creator.id,
      handle: creator.handle,
      first: first.time,
      last: latest.time,
      start,
      now,
      change,
      ratio,
      snapshots,
    });
  }
  creators.sort(byGrowth);
  return { source: header.source, metric: metric.spec, days, style: header.style, creators };
}

/** Largest ratio first, then largest change; creators without one last; then by id, for a stable order. */
export function byGrowth(a: CreatorGrowth, b: CreatorGrowth): number {
  return (
    descendingBlanksLast(a.ratio, b.ratio) ||
    descendingBlanksLast(a.change, b.change) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function descendingBlanksLast(a: number | undefined, b: number | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return b - a;
}

/** A growth table column: its header and how a sheet formats it. */
export interface GrowthColumn {
  readonly key: string;
  readonly header: string;
  readonly format: ColumnFormat | "datetime";
}

export function growthColumns(growth: Growth): GrowthColumn[] {
  const { source, metric, style, days } = growth;
  const idSpec = specOf(source, catalogueOf(source).idKey);
  const handleSpec = specOf(source, HANDLE[source]);
  const label = (spec: ColumnSpec) =>
    style === "keys" ? spec.key : style === "zh" ? spec.label.zh : spec.label.en;
  const words = (id: Parameters<typeof message>[0], params: Record<string, string | number> = {}) =>
    message(id, { metric: label(metric), days, ...params }, style === "zh" ? "zh" : "en");
  const keyed = style === "keys";
  return [
    { key: idSpec.key, header: label(idSpec), format: "text" },
    { key: handleSpec.key, header: label(handleSpec), format: "text" },
    {
      key: "first_snapshot_at",
      header: keyed ? "first_snapshot_at" : words("growth.header.first"),
      format: "datetime",
    },
    {
      key: "last_snapshot_at",
      header: keyed ? "last_snapshot_at" : words("growth.header.last"),
      format: "datetime",
    },
    {
      key: `${metric.key}_start`,
      header: keyed ? `${metric.key}_start` : words("growth.header.start"),
      format: metric.format,
    },
    {
      key: `${metric.key}_now`,
      header: keyed ? `${metric.key}_now` : words("growth.header.now"),
      format: metric.format,
    },
    {
      key: `${metric.key}_change`,
      header: keyed ? `${metric.key}_change` : words("growth.header.change"),
      format: metric.format,
    },
    {
      key: `${metric.key}_change_ratio`,
      header: keyed ? `${metric.key}_change_ratio` : words("growth.header.ratio"),
      format: "ratio",
    },
  ];
}

const blank = (value: number | undefined): CellValue => (value === undefined ? "" : value);

/** The growth as a 2-D table: a header row, then one row per creator, sorted. */
export function growthTable(growth: Growth, makeDate: (ms: number) => Date = (ms) => new Date(ms)) {
  const header = growthColumns(growth).map((column) => column.header);
  const rows: CellValue[][] = growth.creators.map((creator) => [
    creator.id,
    creator.handle,
    makeDate(creator.first),
    makeDate(creator.last),
    blank(creator.start),
    blank(creator.now),
    blank(creator.change),
    blank(creator.ratio),
  ]);
  return [header, ...rows];
}

/**
 * The chart's data: a time column and one column per creator (the first `count` in growth order),
 * one row per snapshot time of any of them; a creator without a snapshot at that time is blank.
 */
export function chartSeries(
  growth: Growth,
  count: number,
  makeDate: (ms: number) => Date = (ms) => new Date(ms),
): { creators: CreatorGrowth[]; rows: CellValue[][] } {
  const creators = growth.creators.slice(0, count);
  const times = [
    ...new Set(creators.flatMap((creator) => creator.snapshots.map((s) => s.time))),
  ].sort((a, b) => a - b);
  const rowOf = new Map(times.map((time, index) => [time, index]));
  const rows: CellValue[][] = times.map((time) => [
    makeDate(time),
    ...creators.map((): CellValue => ""),
  ]);
  creators.forEach((creator, column) => {
    for (const snapshot of creator.snapshots) {
      if (snapshot.value !== undefined)
        rows[rowOf.get(snapshot.time)!]![column + 1] = snapshot.value;
    }
  });
  return { creators, rows };
}
