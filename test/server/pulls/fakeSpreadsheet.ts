// A spreadsheet in memory behind the pull engine's sheet port (platform/types: Spreadsheet, Sheet,
// SheetRange): a plain grid of cells per sheet — value, formula, number format, bold — sheets found
// by name as Sheets finds them, insert and delete, copyTo, Sheets' refusals of ranges outside a
// sheet, and a count of every call so tests see how the engine wrote. A test can make the n-th
// call of a method fail, to cut a pull short where it likes.

import { MESSAGES } from "../../../dev/runtime/spreadsheet/errors.js";
import { AUTOMATIC_FORMAT, TEXT_FORMAT } from "../../../dev/runtime/spreadsheet/number-format.js";
import type { Sheet, SheetRange, Spreadsheet } from "../../../src/server/platform/types.js";

interface Cell {
  value: unknown;
  formula?: string;
  format?: string;
  bold?: boolean;
}

/** A cell a test seeds with a formula, and the value it shows. */
export interface SeedFormula {
  readonly formula: string;
  readonly shows: unknown;
}

const isSeedFormula = (seed: unknown): seed is SeedFormula =>
  typeof seed === "object" && seed !== null && "formula" in seed && "shows" in seed;

const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

export class FakeSpreadsheet implements Spreadsheet {
  readonly calls = new Map<string, number>();
  #sheets: FakeSheet[] = [];
  #active: FakeSheet;
  #faults: { method: string; at: number; error: Error }[] = [];

  constructor(firstSheet = "Sheet1") {
    this.#active = new FakeSheet(this, firstSheet);
    this.#sheets.push(this.#active);
  }

  getSheetByName(name: string): FakeSheet | null {
    this.called("Spreadsheet.getSheetByName");
    return this.find(name) ?? null;
  }

  getSheets(): FakeSheet[] {
    this.called("Spreadsheet.getSheets");
    return [...this.#sheets];
  }

  getNumSheets(): number {
    this.called("Spreadsheet.getNumSheets");
    return this.#sheets.length;
  }

  /** As in Sheets, the new sheet becomes the active one. */
  insertSheet(name: string, index: number): FakeSheet {
    this.called("Spreadsheet.insertSheet");
    if (this.find(name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (index < 0 || index > this.#sheets.length) throw new Error("Invalid argument: sheetIndex");
    const sheet = new FakeSheet(this, name);
    this.#sheets.splice(index, 0, sheet);
    this.#active = sheet;
    return sheet;
  }

  deleteSheet(sheet: Sheet): void {
    this.called("Spreadsheet.deleteSheet");
    const at = this.#sheets.indexOf(sheet as FakeSheet);
    if (at < 0) throw new Error("Sheet not found");
    if (this.#sheets.length === 1) {
      throw new Error("You can't remove all the visible sheets in a document.");
    }
    this.#sheets.splice(at, 1);
    if (this.#active === sheet) this.#active = this.#sheets[0]!;
  }

  getActiveSheet(): FakeSheet {
    this.called("Spreadsheet.getActiveSheet");
    return this.#active;
  }

  setActiveSheet(sheet: Sheet): void {
    this.called("Spreadsheet.setActiveSheet");
    if (!this.#sheets.includes(sheet as FakeSheet)) throw new Error("Sheet not found");
    this.#active = sheet as FakeSheet;
  }

  // ---- for tests: looking, seeding and cutting, without counting as the engine's calls ---------

  /** Sheets finds an exact name first, then one differing only in case. */
  find(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return (
      this.#sheets.find((sheet) => sheet.name === name) ??
      this.#sheets.find((sheet) => sheet.name.toLowerCase() === lower)
    );
  }

  sheet(name: string): FakeSheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`no sheet "${name}" (sheets: ${this.names().join(", ")})`);
    return sheet;
  }

  names(): string[] {
    return this.#sheets.map((sheet) => sheet.name);
  }

  /** A sheet holding `rows` from A1, as a person would have typed them; call counts start again. */
  seed(name: string, rows: readonly (readonly unknown[])[]): FakeSheet {
    const sheet = this.find(name) ?? this.insertSheet(name, this.#sheets.length);
    this.calls.clear();
    rows.forEach((row, r) => {
      row.forEach((seed, c) => {
        if (seed === "" || seed === undefined) return;
        sheet.put(
          r + 1,
          c + 1,
          isSeedFormula(seed) ? { value: seed.shows, formula: seed.formula } : { value: seed },
        );
      });
    });
    return sheet;
  }

  /** The `at`-th call (1-based, counted from now) of `method`, e.g. "Range.copyTo", throws. */
  failOn(method: string, at = 1, error = new Error("Service Spreadsheets timed out")): void {
    this.#faults.push({ method, at: this.count(method) + at, error });
  }

  count(method: string): number {
    return this.calls.get(method) ?? 0;
  }

  /** Calls of any of `methods` since the counts were last cleared. */
  countOf(methods: readonly string[]): number {
    return methods.reduce((sum, method) => sum + this.count(method), 0);
  }

  called(method: string): void {
    const count = this.count(method) + 1;
    this.calls.set(method, count);
    const fault = this.#faults.findIndex((f) => f.method === method && f.at === count);
    if (fault >= 0) throw this.#faults.splice(fault, 1)[0]!.error;
  }
}

export class FakeSheet implements Sheet {
  name: string;
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  hidden = false;
  readonly widths = new Map<number, number>();
  /** cells[row - 1][column - 1]; rows and cells past what was ever written are absent. */
  #cells: (Cell | undefined)[][] = [];
  readonly #book: FakeSpreadsheet;

  constructor(book: FakeSpreadsheet, name: string) {
    this.#book = book;
    this.name = name;
  }

  getName(): string {
    this.#book.called("Sheet.getName");
    return this.name;
  }
  getMaxRows(): number {
    this.#book.called("Sheet.getMaxRows");
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.#book.called("Sheet.getMaxColumns");
    return this.maxColumns;
  }
  getLastRow(): number {
    this.#book.called("Sheet.getLastRow");
    return this.lastRow();
  }
  getLastColumn(): number {
    this.#book.called("Sheet.getLastColumn");
    return this.lastColumn();
  }

  insertRowsAfter(afterRow: number, count: number): void {
    this.#book.called("Sheet.insertRowsAfter");
    if (afterRow < 1 || afterRow > this.maxRows || count < 1) {
      throw new Error(MESSAGES.rowsOutOfBounds);
    }
    if (afterRow < this.#cells.length) {
      this.#cells.splice(afterRow, 0, ...Array.from({ length: count }, () => []));
    }
    this.maxRows += count;
  }

  insertColumnsAfter(afterColumn: number, count: number): void {
    this.#book.called("Sheet.insertColumnsAfter");
    if (afterColumn < 1 || afterColumn > this.maxColumns || count < 1) {
      throw new Error(MESSAGES.columnsOutOfBounds);
    }
    for (const row of this.#cells) {
      if (row && afterColumn < row.length) row.splice(afterColumn, 0, ...new Array(count));
    }
    this.maxColumns += count;
  }

  deleteRows(firstRow: number, count: number): void {
    this.#book.called("Sheet.deleteRows");
    if (firstRow < 1 || count < 1 || firstRow + count - 1 > this.maxRows) {
      throw new Error(MESSAGES.rowsOutOfBounds);
    }
    if (count >= this.maxRows - this.frozenRows) throw new Error(MESSAGES.deleteAllRows);
    this.#cells.splice(firstRow - 1, count);
    this.maxRows -= count;
  }

  getRange(row: number, column: number, rows = 1, columns = 1): FakeRange {
    this.#book.called("Sheet.getRange");
    if (rows < 1) throw new Error(MESSAGES.rowsAtLeastOne);
    if (columns < 1) throw new Error(MESSAGES.columnsAtLeastOne);
    if (row < 1) throw new Error(MESSAGES.startRowTooSmall);
    if (column < 1) throw new Error(MESSAGES.startColumnTooSmall);
    if (row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns) {
      throw new Error(MESSAGES.outsideSheet);
    }
    return new FakeRange(this.#book, this, row, column, rows, columns);
  }

  getFrozenRows(): number {
    this.#book.called("Sheet.getFrozenRows");
    return this.frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.#book.called("Sheet.setFrozenRows");
    this.frozenRows = rows;
  }
  setColumnWidths(firstColumn: number, count: number, width: number): void {
    this.#book.called("Sheet.setColumnWidths");
    for (let column = firstColumn; column < firstColumn + count; column++) {
      this.widths.set(column, width);
    }
  }
  hideSheet(): void {
    this.#book.called("Sheet.hideSheet");
    this.hidden = true;
  }

  // ---- the grid, for FakeRange and for tests -------------------------------------------------

  cell(row: number, column: number): Cell | undefined {
    return this.#cells[row - 1]?.[column - 1];
  }

  put(row: number, column: number, cell: Cell | undefined): void {
    const cells = this.#cells;
    cells[row - 1] ??= [];
    cells[row - 1]![column - 1] = cell;
  }

  lastRow(): number {
    for (let row = this.#cells.length; row > 0; row--) {
      if (this.#cells[row - 1]?.some(holdsContent)) return row;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.#cells) {
      for (let column = row?.length ?? 0; column > last; column--) {
        if (holdsContent(row![column - 1])) {
          last = column;
          break;
        }
      }
    }
    return last;
  }

  /** The values from A1 to the last row and column holding anything, as getValues reads them. */
  values(): unknown[][] {
    return this.#area((cell) => cell?.value ?? "");
  }

  formats(): string[][] {
    return this.#area((cell) => cell?.format ?? AUTOMATIC_FORMAT);
  }

  /** Formulas where there are, "" elsewhere. */
  formulas(): string[][] {
    return this.#area((cell) => cell?.formula ?? "");
  }

  bold(): boolean[][] {
    return this.#area((cell) => cell?.bold === true);
  }

  #area<T>(read: (cell: Cell | undefined) => T): T[][] {
    const columns = this.lastColumn();
    return Array.from({ length: this.lastRow() }, (_, r) =>
      Array.from({ length: columns }, (_, c) => read(this.cell(r + 1, c + 1))),
    );
  }
}

export class FakeRange implements SheetRange {
  constructor(
    readonly book: FakeSpreadsheet,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {}

  getValue(): unknown {
    this.book.called("Range.getValue");
    return this.sheet.cell(this.row, this.column)?.value ?? "";
  }

  getValues(): unknown[][] {
    this.book.called("Range.getValues");
    return this.#map((cell) => cell?.value ?? "");
  }

  getNumberFormats(): string[][] {
    this.book.called("Range.getNumberFormats");
    return this.#map((cell) => cell?.format ?? AUTOMATIC_FORMAT);
  }

  setValues(values: unknown[][]): void {
    this.book.called("Range.setValues");
    this.#fits(values);
    this.#each((row, column, r, c) => {
      // A value written over a formula replaces it.
      const { formula: _replaced, ...cell } = this.sheet.cell(row, column) ?? { value: "" };
      this.sheet.put(row, column, { ...cell, ...typed(values[r]![c], cell.format) });
    });
  }

  setNumberFormat(format: string): void {
    this.book.called("Range.setNumberFormat");
    this.#each((row, column) => this.#change(row, column, { format }));
  }

  setNumberFormats(formats: string[][]): void {
    this.book.called("Range.setNumberFormats");
    this.#fits(formats);
    this.#each((row, column, r, c) => this.#change(row, column, { format: formats[r]![c]! }));
  }

  setFontWeight(weight: "bold" | "normal"): void {
    this.book.called("Range.setFontWeight");
    this.#each((row, column) => this.#change(row, column, { bold: weight === "bold" }));
  }

  /** Values, formulas and formats land from the destination's top-left cell, as in Sheets. */
  copyTo(destination: SheetRange): void {
    this.book.called("Range.copyTo");
    const target = destination as FakeRange;
    const { sheet } = target;
    if (
      target.row + this.rows - 1 > sheet.maxRows ||
      target.column + this.columns - 1 > sheet.maxColumns
    ) {
      throw new Error(MESSAGES.copyOutsideSheet);
    }
    const copied = this.#map((cell) => (cell ? { ...cell } : undefined));
    copied.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        sheet.put(target.row + r, target.column + c, cell);
      });
    });
  }

  clear(): void {
    this.book.called("Range.clear");
    this.#each((row, column) => this.sheet.put(row, column, undefined));
  }

  #change(row: number, column: number, change: Partial<Cell>): void {
    this.sheet.put(row, column, { value: "", ...this.sheet.cell(row, column), ...change });
  }

  #fits(grid: readonly (readonly unknown[])[]): void {
    if (grid.length !== this.rows) throw new Error(MESSAGES.rowsMismatch(grid.length, this.rows));
    for (const row of grid) {
      if (row.length !== this.columns) {
        throw new Error(MESSAGES.columnsMismatch(row.length, this.columns));
      }
    }
  }

  #each(visit: (row: number, column: number, r: number, c: number) => void): void {
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.columns; c++) visit(this.row + r, this.column + c, r, c);
    }
  }

  #map<T>(read: (cell: Cell | undefined) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) =>
        read(this.sheet.cell(this.row + r, this.column + c)),
      ),
    );
  }
}

function holdsContent(cell: Cell | undefined): boolean {
  return (
    cell !== undefined && (cell.formula !== undefined || (cell.value !== "" && cell.value != null))
  );
}

/**
 * What Sheets keeps of a written value: a leading apostrophe is dropped and the rest kept as text;
 * in a cell not formatted as text, "=…" becomes a formula and a number written as text a number.
 */
function typed(value: unknown, format: string | undefined): Pick<Cell, "value" | "formula"> {
  if (typeof value !== "string") return { value: value ?? "" };
  if (value.startsWith("'")) return { value: value.slice(1) };
  if (format === TEXT_FORMAT) return { value };
  if (value.startsWith("=")) return { value: "", formula: value };
  if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return { value: Number(value) };
  return { value };
}
