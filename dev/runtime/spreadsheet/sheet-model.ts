// One sheet of the emulated spreadsheet: a grid of a fixed size (1000 × 26 when new) that grows
// only when rows or columns are inserted, its cells, styles, column widths and frozen panes.
// Cells live in one sparse array per row and styles in shared copy-on-write rows, so that a sheet
// of 100,000 × 60 values stays fast to write and read in blocks.

import { type GridRect, rectA1 } from "./a1.js";
import {
  type Cell,
  CellDate,
  CellError,
  type CellScalar,
  cellValue,
  Formula,
  Spill,
  type Style,
  type StyleProperty,
  withStyle,
} from "./cells.js";
import { type InputReader, isScriptDate, UNEVALUATED_FORMULA } from "./coercion.js";
import { fromSerial } from "./dates.js";
import { LIMITS, MESSAGES, SheetsError } from "./errors.js";
import {
  AUTOMATIC_FORMAT,
  formatForDisplay,
  isAutomaticFormat,
  isDateFormat,
  TEXT_FORMAT,
} from "./number-format.js";

/** What changed, for listeners such as the playground's live grid. */
export interface SpreadsheetChange {
  readonly type: "values" | "formats" | "structure" | "sheets" | "properties";
  readonly sheet?: string;
  readonly range?: GridRect;
}

/** What a sheet needs from its spreadsheet. */
export interface SheetHost {
  readonly timeZone: string;
  inputReader(): InputReader;
  /** Throws when `extraCells` more cells would pass the spreadsheet's limit. */
  reserveCells(extraCells: number): void;
  changed(change: SpreadsheetChange): void;
  /** The formula's value: a scalar, a 2-D array to spill, or undefined when not evaluated. */
  evaluate(sheet: SheetModel, row: number, column: number, formula: string): unknown;
  indexOf(sheet: SheetModel): number;
}

/** How read values are built: Dates and arrays of the reader's realm. */
export interface ValueSink {
  date(ms: number): unknown;
  array(length: number): unknown[];
}

export const NODE_SINK: ValueSink = {
  date: (ms) => new Date(ms),
  array: (length) => new Array(length),
};

export interface WriteOptions {
  /** Store strings as text, without reading them as typed input (fixtures). */
  readonly raw?: boolean;
}

/** What `Range.copyTo` pastes: Sheets' paste types reduced to what the model keeps. */
export interface PasteSpec {
  /** "formulas": cells as they are; "values": formulas replaced by their results; or nothing. */
  readonly contents: "formulas" | "values" | "none";
  readonly formats: boolean;
  /** The source columns' widths, onto as many columns (the facade never transposes them). */
  readonly columnWidths: boolean;
  /** Rows become columns. */
  readonly transposed: boolean;
}

type StyleRow = readonly (Style | undefined)[];

export class SheetModel {
  #name: string;
  readonly sheetId: number;
  #maxRows: number;
  #maxColumns: number;
  #frozenRows = 0;
  #frozenColumns = 0;
  hidden = false;
  deleted = false;
  readonly #host: SheetHost;
  readonly #rows: (Cell[] | undefined)[] = [];
  /** Style rows are never changed in place: rows inserted together share one. */
  readonly #styles: (StyleRow | undefined)[] = [];
  readonly #widths: (number | undefined)[] = [];

  constructor(
    host: SheetHost,
    name: string,
    sheetId: number,
    rows: number = LIMITS.newSheetRows,
    columns: number = LIMITS.newSheetColumns,
  ) {
    this.#host = host;
    this.#name = name;
    this.sheetId = sheetId;
    this.#maxRows = rows;
    this.#maxColumns = columns;
  }

  get name(): string {
    return this.#name;
  }
  /** Renaming goes through the spreadsheet, which keeps names unique. */
  set name(value: string) {
    this.#name = value;
  }
  get maxRows(): number {
    return this.#maxRows;
  }
  get maxColumns(): number {
    return this.#maxColumns;
  }
  get frozenRows(): number {
    return this.#frozenRows;
  }
  get frozenColumns(): number {
    return this.#frozenColumns;
  }
  get index(): number {
    return this.#host.indexOf(this) + 1;
  }
  get cellCount(): number {
    return this.#maxRows * this.#maxColumns;
  }

  // ---- reading --------------------------------------------------------------------------------

  cell(row: number, column: number): Cell {
    return this.#rows[row - 1]?.[column - 1];
  }

  style(row: number, column: number): Style | undefined {
    return this.#styles[row - 1]?.[column - 1];
  }

  /** The cell's number format as set, or undefined for the automatic format. */
  numberFormat(row: number, column: number): string | undefined {
    return this.style(row, column)?.numberFormat;
  }

  /** The last row with content (values or formulas), 0 on an empty sheet. */
  lastRow(): number {
    return this.#rows.length;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.#rows) if (row && row.length > last) last = row.length;
    return last;
  }

  /** Checks a range's coordinates as `Sheet.getRange(row, column, numRows, numColumns)` does. */
  checkRect(rect: GridRect): GridRect {
    if (rect.row < 1) throw new SheetsError(MESSAGES.startRowTooSmall);
    if (rect.column < 1) throw new SheetsError(MESSAGES.startColumnTooSmall);
    if (rect.numRows < 1) throw new SheetsError(MESSAGES.rowsAtLeastOne);
    if (rect.numColumns < 1) throw new SheetsError(MESSAGES.columnsAtLeastOne);
    if (
      rect.row + rect.numRows - 1 > this.#maxRows ||
      rect.column + rect.numColumns - 1 > this.#maxColumns
    ) {
      throw new SheetsError(MESSAGES.outsideSheet);
    }
    return rect;
  }

  /** `getValues()`: "" for empty cells, Dates for dates and for numbers in a date format. */
  readValues(rect: GridRect, sink: ValueSink = NODE_SINK): unknown[][] {
    this.checkRect(rect);
    const timeZone = this.#host.timeZone;
    const out = sink.array(rect.numRows) as unknown[][];
    for (let i = 0; i < rect.numRows; i++) {
      const cells = this.#rows[rect.row - 1 + i];
      const styles = this.#styles[rect.row - 1 + i];
      const line = sink.array(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) {
        const c = rect.column - 1 + j;
        const cell = cells?.[c];
        if (cell === undefined) {
          line[j] = "";
          continue;
        }
        const value = typeof cell === "object" ? cellValue(cell) : cell;
        if (typeof value === "number") {
          const format = styles?.[c]?.numberFormat;
          line[j] =
            format !== undefined && isDateFormat(format)
              ? sink.date(fromSerial(value, timeZone))
              : value;
        } else line[j] = scriptValue(value, sink);
      }
      out[i] = line;
    }
    return out;
  }

  readDisplayValues(rect: GridRect, sink: ValueSink = NODE_SINK): string[][] {
    this.checkRect(rect);
    const timeZone = this.#host.timeZone;
    const out = sink.array(rect.numRows) as string[][];
    for (let i = 0; i < rect.numRows; i++) {
      const cells = this.#rows[rect.row - 1 + i];
      const styles = this.#styles[rect.row - 1 + i];
      const line = sink.array(rect.numColumns) as string[];
      for (let j = 0; j < rect.numColumns; j++) {
        const c = rect.column - 1 + j;
        const cell = cells?.[c];
        if (cell === undefined) line[j] = "";
        else if (typeof cell === "string") line[j] = cell;
        else {
          line[j] = formatForDisplay(
            typeof cell === "object" ? cellValue(cell) : cell,
            styles?.[c]?.numberFormat,
            timeZone,
          );
        }
      }
      out[i] = line;
    }
    return out;
  }

  readFormulas(rect: GridRect, sink: ValueSink = NODE_SINK): string[][] {
    this.checkRect(rect);
    return this.#map(rect, sink, (cell) => (cell instanceof Formula ? cell.formula : ""));
  }

  /** One style property per cell; `fallback` where the cell has none. */
  readStyle(
    rect: GridRect,
    property: StyleProperty,
    fallback: string,
    sink: ValueSink = NODE_SINK,
  ): string[][] {
    this.checkRect(rect);
    const out = sink.array(rect.numRows) as string[][];
    for (let i = 0; i < rect.numRows; i++) {
      const styles = this.#styles[rect.row - 1 + i];
      const line = sink.array(rect.numColumns) as string[];
      for (let j = 0; j < rect.numColumns; j++) {
        line[j] = styles?.[rect.column - 1 + j]?.values[property] ?? fallback;
      }
      out[i] = line;
    }
    return out;
  }

  readNumberFormats(rect: GridRect, sink: ValueSink = NODE_SINK): string[][] {
    return this.readStyle(rect, "numberFormat", AUTOMATIC_FORMAT, sink);
  }

  #map<T>(rect: GridRect, sink: ValueSink, read: (cell: Cell) => T): T[][] {
    const out = sink.array(rect.numRows) as T[][];
    for (let i = 0; i < rect.numRows; i++) {
      const cells = this.#rows[rect.row - 1 + i];
      const line = sink.array(rect.numColumns) as T[];
      for (let j = 0; j < rect.numColumns; j++) line[j] = read(cells?.[rect.column - 1 + j]);
      out[i] = line;
    }
    return out;
  }

  // ---- writing --------------------------------------------------------------------------------

  /**
   * `setValues`: the block must match the range exactly. Every value is read first, so a block
   * with one bad cell (too long) changes nothing, as in Sheets.
   */
  writeValues(rect: GridRect, values: readonly unknown[], options: WriteOptions = {}): void {
    this.checkRect(rect);
    checkDimensions(rect, values);
    const reader = this.#host.inputReader();
    const cells: Cell[][] = new Array(rect.numRows);
    const detected: (string | undefined)[][] = [];
    for (let i = 0; i < rect.numRows; i++) {
      const source = values[i] as readonly unknown[];
      const styles = this.#styles[rect.row - 1 + i];
      const line: Cell[] = new Array(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) {
        const format = styles?.[rect.column - 1 + j]?.numberFormat;
        const value = source[j];
        if (options.raw && typeof value === "string") {
          line[j] = reader.readString(value, true);
          continue;
        }
        line[j] = reader.read(value, format === TEXT_FORMAT);
        if (reader.detectedFormat !== undefined && isAutomaticFormat(format)) {
          const formats = detected[i] ?? [];
          formats[j] = reader.detectedFormat;
          detected[i] = formats;
        }
      }
      cells[i] = line;
    }
    this.#put(rect, cells, detected);
  }

  /** `setValue` on a range: the same value in every cell. */
  fillValue(rect: GridRect, value: unknown): void {
    const row = new Array(rect.numColumns).fill(value);
    this.writeValues(rect, new Array(rect.numRows).fill(row));
  }

  /** `setFormulas`: strings starting with "=" become formulas; other values are typed input. */
  writeFormulas(rect: GridRect, formulas: readonly unknown[]): void {
    this.checkRect(rect);
    checkDimensions(rect, formulas);
    const reader = this.#host.inputReader();
    const cells: Cell[][] = [];
    for (let i = 0; i < rect.numRows; i++) {
      const source = formulas[i] as readonly unknown[];
      const line: Cell[] = new Array(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) {
        const formula = source[j];
        line[j] =
          typeof formula === "string" && formula.startsWith("=")
            ? reader.readString(formula, false)
            : reader.read(formula, false);
      }
      cells.push(line);
    }
    this.#put(rect, cells, []);
  }

  /**
   * Stores a formula's result, spilling a 2-D result into the empty cells right and below; the
   * runtime's formula evaluator (or a test) calls this when a result arrives later.
   */
  setFormulaResult(row: number, column: number, result: unknown): void {
    const formula = this.cell(row, column);
    if (!(formula instanceof Formula)) {
      throw new SheetsError(
        `There is no formula in ${rectA1({ row, column, numRows: 1, numColumns: 1 })}.`,
      );
    }
    this.#placeResult(formula, row, column, result);
    this.#host.changed({
      type: "values",
      sheet: this.#name,
      range: { row, column, numRows: formula.spillRows, numColumns: formula.spillColumns },
    });
  }

  /** Writes a block of cells; `notify` false when the caller sends the one change event itself. */
  #put(
    rect: GridRect,
    cells: readonly Cell[][],
    detected: readonly (string | undefined)[][],
    notify = true,
  ): void {
    const replacedAnchors: [Formula, number, number][] = [];
    const brokenSpills: [Spill, number, number][] = [];
    const written: [Formula, number, number][] = [];
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      const line = cells[i]!;
      let row = this.#rows[r];
      for (let j = 0; j < rect.numColumns; j++) {
        const c = rect.column - 1 + j;
        const next = line[j];
        const previous = row?.[c];
        if (typeof previous === "object") {
          if (
            previous instanceof Formula &&
            (previous.spillRows > 1 || previous.spillColumns > 1)
          ) {
            replacedAnchors.push([previous, r + 1, c + 1]);
          } else if (previous instanceof Spill) brokenSpills.push([previous, r + 1, c + 1]);
        }
        if (next === undefined && (row === undefined || c >= row.length)) continue;
        if (row === undefined) {
          row = [];
          this.#rows[r] = row;
        }
        row[c] = next;
        if (next instanceof Formula && next.evaluable) written.push([next, r + 1, c + 1]);
      }
      if (row) this.#trimRow(r);
    }
    this.#trimRows();
    this.#applyDetectedFormats(rect, detected);
    for (const [anchor, row, column] of replacedAnchors) this.#clearSpill(anchor, row, column);
    for (const [spill, row, column] of brokenSpills) this.#breakSpill(spill, row, column);
    for (const [formula, row, column] of written) {
      if (this.cell(row, column) === formula) this.#evaluate(formula, row, column);
    }
    if (notify) this.#host.changed({ type: "values", sheet: this.#name, range: rect });
  }

  #applyDetectedFormats(rect: GridRect, detected: readonly (string | undefined)[][]): void {
    for (let i = 0; i < detected.length; i++) {
      const formats = detected[i];
      if (!formats) continue;
      const r = rect.row - 1 + i;
      const styles = (this.#styles[r] ?? []).slice();
      formats.forEach((format, j) => {
        const c = rect.column - 1 + j;
        styles[c] = withStyle(styles[c], "numberFormat", format);
      });
      this.#styles[r] = styles;
    }
  }

  #trimRow(r: number): void {
    const row = this.#rows[r];
    if (!row) return;
    let length = row.length;
    while (length > 0 && row[length - 1] === undefined) length--;
    if (length === 0) this.#rows[r] = undefined;
    else if (length !== row.length) row.length = length;
  }

  #trimRows(): void {
    let length = this.#rows.length;
    while (length > 0 && this.#rows[length - 1] === undefined) length--;
    if (length !== this.#rows.length) this.#rows.length = length;
  }

  #evaluate(formula: Formula, row: number, column: number): void {
    let result: unknown;
    try {
      result = this.#host.evaluate(this, row, column, formula.formula);
    } catch (error) {
      result = new CellError("#ERROR!", error instanceof Error ? error.message : String(error));
    }
    this.#placeResult(formula, row, column, result === undefined ? UNEVALUATED_FORMULA : result);
  }

  #placeResult(formula: Formula, row: number, column: number, result: unknown): void {
    this.#clearSpill(formula, row, column);
    if (!Array.isArray(result)) {
      formula.result = resultScalar(result);
      return;
    }
    // A 1-D array is a column, one value per row (assumed).
    const matrix = result.map((line) => (Array.isArray(line) ? line : [line]));
    const numRows = matrix.length;
    const numColumns = Math.max(0, ...matrix.map((line) => line.length));
    if (numRows === 0 || numColumns === 0) {
      formula.result = new CellError("#N/A", "The result was empty.");
      return;
    }
    const overRows = row + numRows - 1 - this.#maxRows;
    const overColumns = column + numColumns - 1 - this.#maxColumns;
    if (overRows > 0 || overColumns > 0) {
      formula.result = new CellError(
        "#REF!",
        overRows > 0 ? MESSAGES.spillOutside(overRows) : MESSAGES.spillOutsideColumns(overColumns),
      );
      return;
    }
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) {
        if (i === 0 && j === 0) continue;
        if (this.cell(row + i, column + j) !== undefined) {
          formula.result = new CellError(
            "#REF!",
            MESSAGES.spillBlocked(
              rectA1({ row: row + i, column: column + j, numRows: 1, numColumns: 1 }),
            ),
          );
          return;
        }
      }
    }
    formula.result = resultScalar(matrix[0]![0]);
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) {
        if (i === 0 && j === 0) continue;
        const value = resultScalar(matrix[i]![j]);
        if (value === undefined) continue;
        const cells = this.#rows[row - 1 + i] ?? [];
        this.#rows[row - 1 + i] = cells;
        cells[column - 1 + j] = new Spill(value, formula, i, j);
      }
    }
    formula.spillRows = numRows;
    formula.spillColumns = numColumns;
  }

  /** Empties the cells that still hold `anchor`'s spilled values. */
  #clearSpill(anchor: Formula, row: number, column: number): void {
    if (anchor.spillRows === 1 && anchor.spillColumns === 1) return;
    for (let i = 0; i < anchor.spillRows; i++) {
      const cells = this.#rows[row - 1 + i];
      if (!cells) continue;
      for (let j = 0; j < anchor.spillColumns; j++) {
        const cell = cells[column - 1 + j];
        if (cell instanceof Spill && cell.anchor === anchor) cells[column - 1 + j] = undefined;
      }
      this.#trimRow(row - 1 + i);
    }
    this.#trimRows();
    anchor.spillRows = 1;
    anchor.spillColumns = 1;
  }

  /** A value written over a spilled one: the formula's array no longer fits and shows #REF!. */
  #breakSpill(spill: Spill, row: number, column: number): void {
    const anchorRow = row - spill.rowOffset;
    const anchorColumn = column - spill.columnOffset;
    if (this.cell(anchorRow, anchorColumn) !== spill.anchor) return;
    this.#clearSpill(spill.anchor, anchorRow, anchorColumn);
    spill.anchor.result = new CellError("#REF!", MESSAGES.spillBroken);
  }

  /** Re-evaluates every formula of the sheet (e.g. after an evaluator was installed). */
  recalculate(): void {
    const formulas: [Formula, number, number][] = [];
    this.#rows.forEach((cells, r) => {
      cells?.forEach((cell, c) => {
        if (cell instanceof Formula && cell.evaluable) formulas.push([cell, r + 1, c + 1]);
      });
    });
    for (const [formula, row, column] of formulas) this.#evaluate(formula, row, column);
    if (formulas.length > 0) this.#host.changed({ type: "values", sheet: this.#name });
  }

  /** Sets one style property on every cell of the range. */
  setStyle(rect: GridRect, property: StyleProperty, value: string | undefined): void {
    this.checkRect(rect);
    // Rows that shared a style row before share the new one too.
    const memo = new Map<StyleRow | undefined, StyleRow | undefined>();
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      const before = this.#styles[r];
      let after = memo.get(before);
      if (after === undefined && !memo.has(before)) {
        const styles = (before ?? []).slice();
        for (let j = 0; j < rect.numColumns; j++) {
          const c = rect.column - 1 + j;
          styles[c] = withStyle(styles[c], property, value);
        }
        after = styles.some((style) => style !== undefined) ? styles : undefined;
        memo.set(before, after);
      }
      this.#setStyleRow(r, after);
    }
    this.#host.changed({ type: "formats", sheet: this.#name, range: rect });
  }

  /** Sets one style property per cell from a 2-D array. */
  setStyles(rect: GridRect, property: StyleProperty, values: readonly unknown[]): void {
    this.checkRect(rect);
    checkDimensions(rect, values);
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      const source = values[i] as readonly unknown[];
      const styles = (this.#styles[r] ?? []).slice();
      for (let j = 0; j < rect.numColumns; j++) {
        const c = rect.column - 1 + j;
        const value = source[j];
        styles[c] = withStyle(
          styles[c],
          property,
          value === null || value === undefined || value === "" ? undefined : String(value),
        );
      }
      this.#setStyleRow(r, styles.some((style) => style !== undefined) ? styles : undefined);
    }
    this.#host.changed({ type: "formats", sheet: this.#name, range: rect });
  }

  #setStyleRow(r: number, styles: StyleRow | undefined): void {
    if (styles === undefined && r >= this.#styles.length) return;
    this.#styles[r] = styles;
  }

  /** `clear()`, `clearContent()`, `clearFormat()` of a range. */
  clearRect(rect: GridRect, what: { contents: boolean; formats: boolean }): void {
    this.checkRect(rect);
    if (what.contents) {
      const empty: Cell[][] = Array.from({ length: rect.numRows }, () =>
        new Array<Cell>(rect.numColumns).fill(undefined),
      );
      this.#put(rect, empty, []);
    }
    if (what.formats) {
      for (let i = 0; i < rect.numRows; i++) {
        const r = rect.row - 1 + i;
        const before = this.#styles[r];
        if (!before) continue;
        const styles = before.slice();
        styles.fill(undefined, rect.column - 1, rect.column - 1 + rect.numColumns);
        this.#setStyleRow(r, styles.some((style) => style !== undefined) ? styles : undefined);
      }
      this.#host.changed({ type: "formats", sheet: this.#name, range: rect });
    }
  }

  // ---- copying --------------------------------------------------------------------------------

  /**
   * `Range.copyTo`: pastes `from` of `source` (this sheet or another of the spreadsheet) with its
   * top-left cell at (row, column), and answers the rectangle pasted. Everything is read before
   * anything is written, so a copy onto an overlapping range pastes the source as it was.
   *
   * Cells are copied raw, never re-read as typed input, so they pass the 50,000-character check as
   * they did when written; and a paste never grows the sheet, so the cell limit can't be passed.
   * Simplification: formulas keep their text where Sheets would shift relative references (the
   * add-on never copies formulas).
   */
  pasteFrom(
    source: SheetModel,
    from: GridRect,
    row: number,
    column: number,
    spec: PasteSpec,
  ): GridRect {
    source.checkRect(from);
    const rect: GridRect = {
      row,
      column,
      numRows: spec.transposed ? from.numColumns : from.numRows,
      numColumns: spec.transposed ? from.numRows : from.numColumns,
    };
    if (
      row < 1 ||
      column < 1 ||
      row + rect.numRows - 1 > this.#maxRows ||
      column + rect.numColumns - 1 > this.#maxColumns
    ) {
      throw new SheetsError(MESSAGES.copyOutsideSheet);
    }
    // The snapshot: fresh cell arrays, and the source's style rows themselves, which are never
    // changed in place (writers replace them), so they keep the source as it is now.
    const cells = spec.contents === "none" ? undefined : source.#copyCells(from, spec);
    const styleRows = spec.formats
      ? source.#styles.slice(from.row - 1, from.row - 1 + from.numRows)
      : undefined;
    const widths = spec.columnWidths
      ? source.#widths.slice(from.column - 1, from.column - 1 + from.numColumns)
      : undefined;

    if (cells) this.#put(rect, cells, [], false);
    if (styleRows) this.#pasteStyles(rect, from.column, styleRows, spec.transposed);
    if (widths) {
      for (let j = 0; j < from.numColumns; j++) this.#widths[column - 1 + j] = widths[j];
    }
    const type = cells ? "values" : styleRows ? "formats" : widths ? "properties" : undefined;
    if (type) this.#host.changed({ type, sheet: this.#name, range: rect });
    return rect;
  }

  /**
   * The cells of `from`, laid out as they will be pasted. Formulas are new objects (a formula
   * holds its result and spill); the other values are immutable and shared. A spilled value
   * whose formula is copied too is left empty: the copied formula spills it again.
   */
  #copyCells(from: GridRect, spec: PasteSpec): Cell[][] {
    const values = spec.contents === "values";
    const out: Cell[][] = spec.transposed
      ? Array.from({ length: from.numColumns }, () => new Array<Cell>(from.numRows))
      : new Array(from.numRows);
    for (let i = 0; i < from.numRows; i++) {
      const cells = this.#rows[from.row - 1 + i];
      const line: Cell[] = spec.transposed ? [] : new Array(from.numColumns);
      if (!spec.transposed) out[i] = line;
      for (let j = 0; j < from.numColumns; j++) {
        const cell = cells?.[from.column - 1 + j];
        let copy: Cell = cell;
        if (cell instanceof Formula) {
          copy = values ? cell.result : new Formula(cell.formula, cell.evaluable, cell.result);
        } else if (cell instanceof Spill) {
          const anchorRow = from.row + i - cell.rowOffset;
          const anchorColumn = from.column + j - cell.columnOffset;
          const anchorCopied =
            anchorRow >= from.row &&
            anchorColumn >= from.column &&
            this.cell(anchorRow, anchorColumn) === cell.anchor;
          copy = values || !anchorCopied ? cell.value : undefined;
        }
        if (spec.transposed) out[j]![i] = copy;
        else line[j] = copy;
      }
    }
    return out;
  }

  /**
   * Pastes style rows (snapshotted from the source) over `rect`. Destination rows that shared a
   * style row before, and take the same source row, share the new one too; new rows are always
   * fresh arrays, never the source's, so no later change to one sheet shows in the other.
   */
  #pasteStyles(
    rect: GridRect,
    fromColumn: number,
    sourceRows: readonly (StyleRow | undefined)[],
    transposed: boolean,
  ): void {
    const memo = new Map<StyleRow | undefined, Map<StyleRow | undefined, StyleRow | undefined>>();
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      const before = this.#styles[r];
      const sourceRow = transposed ? undefined : sourceRows[i];
      let byBefore = transposed ? undefined : memo.get(sourceRow);
      if (byBefore?.has(before)) {
        this.#setStyleRow(r, byBefore.get(before));
        continue;
      }
      const styles = (before ?? []).slice();
      for (let j = 0; j < rect.numColumns; j++) {
        styles[rect.column - 1 + j] = transposed
          ? sourceRows[j]?.[fromColumn - 1 + i]
          : sourceRow?.[fromColumn - 1 + j];
      }
      const after = styles.some((style) => style !== undefined) ? styles : undefined;
      if (!transposed) {
        if (!byBefore) {
          byBefore = new Map();
          memo.set(sourceRow, byBefore);
        }
        byBefore.set(before, after);
      }
      this.#setStyleRow(r, after);
    }
  }

  /** The whole grid, for `Sheet.clear()` and friends. */
  get gridRect(): GridRect {
    return { row: 1, column: 1, numRows: this.#maxRows, numColumns: this.#maxColumns };
  }

  // ---- structure ------------------------------------------------------------------------------

  /**
   * Inserts `count` rows so that the first new one is row `before`; they take the formatting of
   * row `formatFrom` (Sheets copies the neighbour's), or none when it is 0.
   */
  insertRows(before: number, count: number, formatFrom: number): void {
    if (!Number.isInteger(count) || count < 1)
      throw new SheetsError(MESSAGES.invalidArgument("howMany"));
    this.#host.reserveCells(count * this.#maxColumns);
    insertInto(this.#rows, before - 1, count, undefined);
    const inherited = formatFrom > 0 ? this.#styles[formatFrom - 1] : undefined;
    insertInto(this.#styles, before - 1, count, inherited);
    this.#maxRows += count;
    if (before <= this.#frozenRows) this.#frozenRows += count;
    this.#host.changed({ type: "structure", sheet: this.#name });
  }

  deleteRows(start: number, count: number): void {
    if (!Number.isInteger(count) || count < 1 || start < 1 || start + count - 1 > this.#maxRows) {
      throw new SheetsError(MESSAGES.rowsOutOfBounds);
    }
    const frozenGone = Math.max(0, Math.min(this.#frozenRows, start + count - 1) - start + 1);
    const frozenAfter = this.#frozenRows - frozenGone;
    if (this.#maxRows - count <= frozenAfter) throw new SheetsError(MESSAGES.deleteAllRows);
    if (start - 1 < this.#rows.length) this.#rows.splice(start - 1, count);
    if (start - 1 < this.#styles.length) this.#styles.splice(start - 1, count);
    this.#trimRows();
    this.#maxRows -= count;
    this.#frozenRows = frozenAfter;
    this.#host.changed({ type: "structure", sheet: this.#name });
  }

  insertColumns(before: number, count: number, formatFrom: number): void {
    if (!Number.isInteger(count) || count < 1)
      throw new SheetsError(MESSAGES.invalidArgument("howMany"));
    if (this.#maxColumns + count > LIMITS.columnsPerSheet)
      throw new SheetsError(MESSAGES.columnLimit);
    this.#host.reserveCells(count * this.#maxRows);
    for (const cells of this.#rows) if (cells) insertInto(cells, before - 1, count, undefined);
    const memo = new Map<StyleRow, StyleRow>();
    this.#styles.forEach((styles, r) => {
      if (!styles) return;
      let after = memo.get(styles);
      if (!after) {
        const copy = styles.slice();
        insertInto(copy, before - 1, count, formatFrom > 0 ? styles[formatFrom - 1] : undefined);
        after = copy;
        memo.set(styles, after);
      }
      this.#styles[r] = after;
    });
    insertInto(this.#widths, before - 1, count, undefined);
    this.#maxColumns += count;
    if (before <= this.#frozenColumns) this.#frozenColumns += count;
    this.#host.changed({ type: "structure", sheet: this.#name });
  }

  deleteColumns(start: number, count: number): void {
    if (
      !Number.isInteger(count) ||
      count < 1 ||
      start < 1 ||
      start + count - 1 > this.#maxColumns
    ) {
      throw new SheetsError(MESSAGES.columnsOutOfBounds);
    }
    const frozenGone = Math.max(0, Math.min(this.#frozenColumns, start + count - 1) - start + 1);
    const frozenAfter = this.#frozenColumns - frozenGone;
    if (this.#maxColumns - count <= frozenAfter) throw new SheetsError(MESSAGES.deleteAllColumns);
    this.#rows.forEach((cells, r) => {
      if (!cells || cells.length < start) return;
      cells.splice(start - 1, count);
      this.#trimRow(r);
    });
    this.#trimRows();
    const memo = new Map<StyleRow, StyleRow>();
    this.#styles.forEach((styles, r) => {
      if (!styles || styles.length < start) return;
      let after = memo.get(styles);
      if (!after) {
        const copy = styles.slice();
        copy.splice(start - 1, count);
        after = copy;
        memo.set(styles, after);
      }
      this.#styles[r] = after;
    });
    if (this.#widths.length >= start) this.#widths.splice(start - 1, count);
    this.#maxColumns -= count;
    this.#frozenColumns = frozenAfter;
    this.#host.changed({ type: "structure", sheet: this.#name });
  }

  /** `appendRow`: below the last row with content, growing the sheet when it is full. */
  appendRow(values: readonly unknown[]): GridRect {
    if (values.length === 0) throw new SheetsError(MESSAGES.columnsAtLeastOne);
    const row = this.lastRow() + 1;
    if (row > this.#maxRows) this.insertRows(this.#maxRows + 1, 1, this.#maxRows);
    if (values.length > this.#maxColumns) {
      this.insertColumns(this.#maxColumns + 1, values.length - this.#maxColumns, 0);
    }
    const rect = { row, column: 1, numRows: 1, numColumns: values.length };
    this.writeValues(rect, [values]);
    return rect;
  }

  /** Grows the grid so that `rect` fits (direct writes by fixtures, never by scripts). */
  ensureSize(rows: number, columns: number): void {
    if (rows > this.#maxRows) this.insertRows(this.#maxRows + 1, rows - this.#maxRows, 0);
    if (columns > this.#maxColumns) {
      this.insertColumns(this.#maxColumns + 1, columns - this.#maxColumns, 0);
    }
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0)
      throw new SheetsError(MESSAGES.invalidArgument("rows"));
    if (rows >= this.#maxRows) throw new SheetsError(MESSAGES.freezeAllRows);
    this.#frozenRows = rows;
    this.#host.changed({ type: "properties", sheet: this.#name });
  }

  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0) {
      throw new SheetsError(MESSAGES.invalidArgument("columns"));
    }
    if (columns >= this.#maxColumns) throw new SheetsError(MESSAGES.freezeAllColumns);
    this.#frozenColumns = columns;
    this.#host.changed({ type: "properties", sheet: this.#name });
  }

  columnWidth(column: number): number {
    this.#checkColumn(column);
    return this.#widths[column - 1] ?? LIMITS.defaultColumnWidth;
  }

  setColumnWidths(start: number, count: number, width: number): void {
    this.#checkColumn(start);
    this.#checkColumn(start + count - 1);
    if (!Number.isFinite(width) || width < 0)
      throw new SheetsError(MESSAGES.invalidArgument("width"));
    for (let c = start; c < start + count; c++) this.#widths[c - 1] = Math.round(width);
    this.#host.changed({ type: "properties", sheet: this.#name });
  }

  /**
   * Fits columns to their widest shown text, estimated at 7 px a character (13 px for wide CJK
   * characters and emoji), 10 % more when bold, plus padding. Empty columns keep their width.
   */
  autoResizeColumns(start: number, count: number): void {
    this.#checkColumn(start);
    this.#checkColumn(start + count - 1);
    const timeZone = this.#host.timeZone;
    for (let c = start; c < start + count; c++) {
      let widest = 0;
      this.#rows.forEach((cells, r) => {
        const cell = cells?.[c - 1];
        if (cell === undefined) return;
        const style = this.#styles[r]?.[c - 1];
        const text =
          typeof cell === "string"
            ? cell
            : formatForDisplay(cellValue(cell), style?.numberFormat, timeZone);
        const width = textWidth(text) * (style?.fontWeight === "bold" ? 1.1 : 1);
        if (width > widest) widest = width;
      });
      if (widest > 0) this.#widths[c - 1] = Math.ceil(widest + 12);
    }
    this.#host.changed({ type: "properties", sheet: this.#name });
  }

  #checkColumn(column: number): void {
    if (!Number.isInteger(column) || column < 1 || column > this.#maxColumns) {
      throw new SheetsError(MESSAGES.columnsOutOfBounds);
    }
  }

  // ---- direct API for tests, fixtures and the playground -------------------------------------

  /** The used range (A1 to the last row and column with content). */
  get usedRect(): GridRect | undefined {
    const numRows = this.lastRow();
    const numColumns = this.lastColumn();
    if (numRows === 0 || numColumns === 0) return undefined;
    return { row: 1, column: 1, numRows, numColumns };
  }

  values(): unknown[][] {
    const used = this.usedRect;
    return used ? this.readValues(used) : [];
  }

  displayValues(): string[][] {
    const used = this.usedRect;
    return used ? this.readDisplayValues(used) : [];
  }

  formulas(): string[][] {
    const used = this.usedRect;
    return used ? this.readFormulas(used) : [];
  }

  numberFormats(): string[][] {
    const used = this.usedRect;
    return used ? this.readNumberFormats(used) : [];
  }

  fontWeights(): string[][] {
    const used = this.usedRect;
    return used ? this.readStyle(used, "fontWeight", "normal") : [];
  }

  /** Writes a block at (row, column), growing the sheet if needed; typed input unless `raw`. */
  setValuesDirect(
    row: number,
    column: number,
    values: readonly (readonly unknown[])[],
    options: WriteOptions = {},
  ): void {
    const numColumns = Math.max(0, ...values.map((line) => line.length));
    if (values.length === 0 || numColumns === 0) return;
    this.ensureSize(row + values.length - 1, column + numColumns - 1);
    const padded = values.map((line) =>
      line.length === numColumns
        ? line
        : [...line, ...new Array(numColumns - line.length).fill("")],
    );
    this.writeValues({ row, column, numRows: values.length, numColumns }, padded, options);
  }

  /** Every cell with a style, as [row, column, style] (1-based), for snapshots. */
  *styledCells(maxRows = Number.POSITIVE_INFINITY): Generator<[number, number, Style]> {
    const limit = Math.min(this.#styles.length, maxRows);
    for (let r = 0; r < limit; r++) {
      const styles = this.#styles[r];
      if (!styles) continue;
      for (let c = 0; c < styles.length; c++) {
        const style = styles[c];
        if (style) yield [r + 1, c + 1, style];
      }
    }
  }

  /** Column widths that differ from the default, by column number. */
  columnWidths(): Record<number, number> {
    const widths: Record<number, number> = {};
    this.#widths.forEach((width, c) => {
      if (width !== undefined) widths[c + 1] = width;
    });
    return widths;
  }
}

function checkDimensions(rect: GridRect, values: readonly unknown[]): void {
  if (values.length !== rect.numRows) {
    throw new SheetsError(MESSAGES.rowsMismatch(values.length, rect.numRows));
  }
  for (const line of values) {
    const length = Array.isArray(line) ? line.length : 0;
    if (length !== rect.numColumns) {
      throw new SheetsError(MESSAGES.columnsMismatch(length, rect.numColumns));
    }
  }
}

function scriptValue(value: CellScalar | undefined, sink: ValueSink): unknown {
  if (value === undefined) return "";
  if (typeof value !== "object") return value;
  if (value instanceof CellDate) return sink.date(value.ms);
  return value.code;
}

/** A formula's result as a cell value: results are values, never re-read as typed input. */
function resultScalar(value: unknown): CellScalar | undefined {
  if (value instanceof CellError) return value;
  switch (typeof value) {
    case "number":
      return Number.isFinite(value)
        ? value
        : new CellError("#NUM!", "The result is not a finite number.");
    case "boolean":
      return value;
    case "string":
      if (value.length > LIMITS.charactersPerCell)
        return new CellError("#ERROR!", MESSAGES.cellTooLong);
      return value === "" ? undefined : value;
    case "undefined":
      return undefined;
    default:
      if (value === null) return undefined;
      if (isScriptDate(value)) return new CellDate(Date.prototype.getTime.call(value));
      return String(value);
  }
}

/** Inserts `count` slots filled with `fill` at `index`, shifting the rest. */
function insertInto<T>(array: T[], index: number, count: number, fill: T): void {
  if (index >= array.length) {
    if (fill === undefined) return;
    array.length = index;
  }
  const length = array.length;
  array.length = length + count;
  array.copyWithin(index + count, index, length);
  array.fill(fill, index, index + count);
}

/** Rendered width of text in px: the widest line, wide characters counting double. */
function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split("\n")) {
    let width = 0;
    for (const char of line) width += isWide(char.codePointAt(0)!) ? 13 : 7;
    if (width > widest) widest = width;
  }
  return widest;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f000
  );
}

/** What clear({contentsOnly, formatOnly}) clears, as Range.clear and Sheet.clear read it: both without options. */
export function clearedParts(options: unknown): { contents: boolean; formats: boolean } {
  const { contentsOnly, formatOnly } = (options ?? {}) as {
    contentsOnly?: boolean;
    formatOnly?: boolean;
  };
  const only = contentsOnly || formatOnly;
  return { contents: !only || Boolean(contentsOnly), formats: !only || Boolean(formatOnly) };
}
