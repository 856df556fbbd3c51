// The emulated spreadsheet file: its sheets, time zone, locale and owner. It outlives executions;
// tests and the playground read and change it directly, scripts through the SpreadsheetApp facade.

import { type GridRect, splitSheetName } from "./a1.js";
import { type ChartSnapshot, chartSnapshots } from "./charts.js";
import { InputReader } from "./coercion.js";
import { isValidTimeZone } from "./dates.js";
import { LIMITS, MESSAGES, SheetsError } from "./errors.js";
import {
  type SheetHost,
  SheetModel,
  type SpreadsheetChange,
  type ValueSink,
} from "./sheet-model.js";

export interface SpreadsheetModelOptions {
  readonly name?: string;
  /** A Drive file id; default a fixed 44-character id. */
  readonly id?: string;
  /** Default "Etc/UTC". */
  readonly timeZone?: string;
  /** Default "en_US". */
  readonly locale?: string;
  readonly owner?: string;
}

export interface FormulaRequest {
  readonly spreadsheet: SpreadsheetModel;
  readonly sheet: SheetModel;
  readonly row: number;
  readonly column: number;
  /** The formula, with its "=". */
  readonly formula: string;
}

/**
 * Evaluates a formula cell when it is written: a scalar, a 2-D array that spills, or undefined to
 * leave the cell unevaluated (#N/A). A thrown error shows as #ERROR! with its message.
 */
export type FormulaEvaluator = (request: FormulaRequest) => unknown;

export type ChangeListener = (change: SpreadsheetChange) => void;

export interface SnapshotOptions {
  /** At most this many rows of values per sheet (the rest is summarised by lastRow). */
  readonly maxRows?: number;
}

export type JsonCell = string | number | boolean;

export interface SheetSnapshot {
  readonly name: string;
  readonly sheetId: number;
  readonly index: number;
  readonly hidden: boolean;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** True when `values` and `display` stop before `lastRow`. */
  readonly truncated: boolean;
  /** The used range's values; dates as ISO strings, errors as their codes, empty as "". */
  readonly values: JsonCell[][];
  /** The used range as shown, with number formats applied. */
  readonly display: string[][];
  /** [row, column, formula] of every formula cell shown. */
  readonly formulas: [number, number, string][];
  /** [row, column, format] of every cell with a number format. */
  readonly numberFormats: [number, number, string][];
  /** [row, column] of every bold cell. */
  readonly bold: [number, number][];
  /** [row, column, colour] of every cell with a background. */
  readonly backgrounds: [number, number, string][];
  /** Widths in px of the columns that are not 100 px wide, by column number. */
  readonly columnWidths: Record<number, number>;
  /** The sheet's embedded charts, with their ranges. */
  readonly charts: ChartSnapshot[];
}

export interface SpreadsheetSnapshot {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly timeZone: string;
  readonly locale: string;
  readonly owner: string;
  readonly activeSheet: string;
  readonly sheets: SheetSnapshot[];
}

const DEFAULT_ID = "1LocalRuntimeSpreadsheet0000000000000000000";

const JSON_SINK: ValueSink = {
  date: (ms) => new Date(ms).toISOString(),
  array: (length) => new Array(length),
};

export class SpreadsheetModel implements SheetHost {
  readonly id: string;
  name: string;
  locale: string;
  readonly owner: string;
  /** Plugged in by the runtime to evaluate the add-on's custom functions. */
  formulaEvaluator: FormulaEvaluator | undefined;
  #timeZone: string;
  readonly #sheets: SheetModel[] = [];
  #active: SheetModel;
  #selection: { sheet: SheetModel; rect: GridRect } | undefined;
  readonly #listeners = new Set<ChangeListener>();
  #sheetIdSeed: number;
  #reader: InputReader | undefined;

  constructor(options: SpreadsheetModelOptions = {}) {
    this.id = options.id ?? DEFAULT_ID;
    this.name = options.name ?? "Untitled spreadsheet";
    this.locale = options.locale ?? "en_US";
    this.owner = options.owner ?? "owner@example.com";
    const timeZone = options.timeZone ?? "Etc/UTC";
    if (!isValidTimeZone(timeZone)) throw new SheetsError(MESSAGES.invalidArgument("timeZone"));
    this.#timeZone = timeZone;
    this.#sheetIdSeed = hashSeed(this.id);
    this.#active = new SheetModel(this, "Sheet1", 0);
    this.#sheets.push(this.#active);
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  get timeZone(): string {
    return this.#timeZone;
  }

  setTimeZone(timeZone: string): void {
    if (!isValidTimeZone(timeZone)) throw new SheetsError(MESSAGES.invalidArgument("timeZone"));
    this.#timeZone = timeZone;
    this.#reader = undefined;
    this.changed({ type: "properties" });
  }

  setLocale(locale: string): void {
    this.locale = locale;
    this.#reader = undefined;
    this.changed({ type: "properties" });
  }

  // ---- sheets ---------------------------------------------------------------------------------

  get sheets(): readonly SheetModel[] {
    return this.#sheets;
  }

  sheetNames(): string[] {
    return this.#sheets.map((sheet) => sheet.name);
  }

  /** The sheet named `name` (case-insensitive, as sheet names are); throws when missing. */
  sheet(name: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet)
      throw new Error(`No sheet named "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return sheet;
  }

  findSheet(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return (
      this.#sheets.find((sheet) => sheet.name === name) ??
      this.#sheets.find((sheet) => sheet.name.toLowerCase() === wanted)
    );
  }

  findSheetById(sheetId: number): SheetModel | undefined {
    return this.#sheets.find((sheet) => sheet.sheetId === sheetId);
  }

  indexOf(sheet: SheetModel): number {
    return this.#sheets.indexOf(sheet);
  }

  /** Adds a sheet of 1000 × 26 at `index` (0-based; default last), named "SheetN" by default. */
  insertSheet(name?: string, index?: number): SheetModel {
    const sheetName = name ?? this.#nextSheetName();
    this.#checkName(sheetName);
    const position = index ?? this.#sheets.length;
    if (!Number.isInteger(position) || position < 0 || position > this.#sheets.length) {
      throw new SheetsError(MESSAGES.invalidArgument("sheetIndex"));
    }
    this.reserveCells(LIMITS.newSheetRows * LIMITS.newSheetColumns);
    const sheet = new SheetModel(this, sheetName, this.#nextSheetId());
    this.#sheets.splice(position, 0, sheet);
    this.changed({ type: "sheets", sheet: sheetName });
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const position = this.#sheets.indexOf(sheet);
    if (position < 0) throw new SheetsError(MESSAGES.sheetDeleted(sheet.name));
    if (this.#sheets.length === 1) throw new SheetsError(MESSAGES.removeAllSheets);
    this.#sheets.splice(position, 1);
    sheet.deleted = true;
    if (this.#active === sheet) {
      this.#active = this.#sheets.find((other) => !other.hidden) ?? this.#sheets[0]!;
    }
    if (this.#selection?.sheet === sheet) this.#selection = undefined;
    this.changed({ type: "sheets", sheet: sheet.name });
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (name === sheet.name) return;
    this.#checkName(name, sheet);
    const before = sheet.name;
    sheet.name = name;
    this.changed({ type: "sheets", sheet: before });
  }

  setSheetHidden(sheet: SheetModel, hidden: boolean): void {
    if (hidden && !sheet.hidden && this.#sheets.filter((other) => !other.hidden).length === 1) {
      throw new SheetsError(MESSAGES.hideAllSheets);
    }
    sheet.hidden = hidden;
    if (hidden && this.#active === sheet) {
      this.#active = this.#sheets.find((other) => !other.hidden) ?? sheet;
    }
    this.changed({ type: "sheets", sheet: sheet.name });
  }

  get activeSheet(): SheetModel {
    return this.#active;
  }

  setActiveSheet(sheet: SheetModel): void {
    if (sheet.deleted) throw new SheetsError(MESSAGES.sheetDeleted(sheet.name));
    this.#active = sheet;
    // (assumed) activating a hidden sheet shows it, as clicking it in the sheet list does.
    sheet.hidden = false;
    if (this.#selection?.sheet !== sheet) this.#selection = undefined;
    this.changed({ type: "properties", sheet: sheet.name });
  }

  /** The selected range: what `activate()` last chose, else A1 of the active sheet. */
  get activeRange(): { sheet: SheetModel; rect: GridRect } {
    return (
      this.#selection ?? {
        sheet: this.#active,
        rect: { row: 1, column: 1, numRows: 1, numColumns: 1 },
      }
    );
  }

  selectRange(sheet: SheetModel, rect: GridRect): void {
    this.setActiveSheet(sheet);
    this.#selection = { sheet, rect };
  }

  /** Resolves "Sheet!A1:B2" (or "A1:B2" on the active sheet). */
  resolveRange(notation: string): { sheet: SheetModel; reference: string } {
    const { sheetName, reference } = splitSheetName(notation);
    if (sheetName === undefined) return { sheet: this.#active, reference };
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new SheetsError(MESSAGES.rangeNotFound);
    return { sheet, reference };
  }

  #checkName(name: string, renaming?: SheetModel): void {
    if (name.trim() === "") throw new SheetsError(MESSAGES.emptySheetName);
    const existing = this.findSheet(name);
    if (existing && existing !== renaming && existing.name.toLowerCase() === name.toLowerCase()) {
      throw new SheetsError(MESSAGES.sheetNameTaken(name));
    }
  }

  #nextSheetName(): string {
    for (let number = this.#sheets.length + 1; ; number++) {
      const name = `Sheet${number}`;
      if (!this.findSheet(name)) return name;
    }
  }

  /** Sheet ids after the first (0) look random, as Sheets' do, but repeat from run to run. */
  #nextSheetId(): number {
    for (;;) {
      this.#sheetIdSeed = (Math.imul(this.#sheetIdSeed, 1_103_515_245) + 12_345) >>> 0;
      const id = this.#sheetIdSeed % 2_147_483_647;
      if (id > 0 && !this.findSheetById(id)) return id;
    }
  }

  // ---- limits, change events, formulas --------------------------------------------------------

  totalCells(): number {
    return this.#sheets.reduce((total, sheet) => total + sheet.cellCount, 0);
  }

  reserveCells(extraCells: number): void {
    if (this.totalCells() + extraCells > LIMITS.cellsPerSpreadsheet) {
      throw new SheetsError(MESSAGES.cellLimit);
    }
  }

  /** Calls `listener` after every change; answers the function that stops it. */
  onChange(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  changed(change: SpreadsheetChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  inputReader(): InputReader {
    this.#reader ??= new InputReader(this.locale, this.#timeZone);
    return this.#reader;
  }

  evaluate(sheet: SheetModel, row: number, column: number, formula: string): unknown {
    return this.formulaEvaluator?.({ spreadsheet: this, sheet, row, column, formula });
  }

  /** Re-evaluates every formula, e.g. after `formulaEvaluator` was set or its data changed. */
  recalculate(): void {
    for (const sheet of this.#sheets) sheet.recalculate();
  }

  // ---- snapshot -------------------------------------------------------------------------------

  snapshot(options: SnapshotOptions = {}): SpreadsheetSnapshot {
    const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
    return {
      id: this.id,
      name: this.name,
      url: this.url,
      timeZone: this.#timeZone,
      locale: this.locale,
      owner: this.owner,
      activeSheet: this.#active.name,
      sheets: this.#sheets.map((sheet) => sheetSnapshot(sheet, maxRows)),
    };
  }
}

function sheetSnapshot(sheet: SheetModel, maxRows: number): SheetSnapshot {
  const lastRow = sheet.lastRow();
  const lastColumn = sheet.lastColumn();
  const shownRows = Math.min(lastRow, maxRows);
  const rect = { row: 1, column: 1, numRows: shownRows, numColumns: lastColumn };
  const hasCells = shownRows > 0 && lastColumn > 0;
  const formulas: [number, number, string][] = [];
  if (hasCells) {
    sheet.readFormulas(rect).forEach((line, r) => {
      line.forEach((formula, c) => {
        if (formula) formulas.push([r + 1, c + 1, formula]);
      });
    });
  }
  const numberFormats: [number, number, string][] = [];
  const bold: [number, number][] = [];
  const backgrounds: [number, number, string][] = [];
  for (const [row, column, style] of sheet.styledCells(maxRows)) {
    if (style.numberFormat !== undefined) numberFormats.push([row, column, style.numberFormat]);
    if (style.fontWeight === "bold") bold.push([row, column]);
    if (style.values.background !== undefined)
      backgrounds.push([row, column, style.values.background]);
  }
  return {
    name: sheet.name,
    sheetId: sheet.sheetId,
    index: sheet.index,
    hidden: sheet.hidden,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    lastRow,
    lastColumn,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    truncated: shownRows < lastRow,
    values: hasCells ? (sheet.readValues(rect, JSON_SINK) as JsonCell[][]) : [],
    display: hasCells ? sheet.readDisplayValues(rect) : [],
    formulas,
    numberFormats,
    bold,
    backgrounds,
    columnWidths: sheet.columnWidths(),
    charts: chartSnapshots(sheet),
  };
}

function hashSeed(text: string): number {
  let hash = 2_166_136_261;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 16_777_619) >>> 0;
  }
  return hash;
}
