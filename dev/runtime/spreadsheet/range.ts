// The script-facing Range: a fixed rectangle of one sheet. Reads and writes go to the model in one
// block per call; values the script gets back are made of the script's realm.

import { COST_MS, sheetsDataCost } from "../costs.js";
import { type GridRect, rectA1 } from "./a1.js";
import type { StyleProperty } from "./cells.js";
import { READ, type ServiceContext, WRITE } from "./context.js";
import { MESSAGES, SheetsError } from "./errors.js";
import { clearedParts, type PasteSpec, type SheetModel } from "./sheet-model.js";

const META = COST_MS.sheetsMetadataCall;
/** Clearing moves no data: one call, whatever the size. */
const CLEAR = COST_MS.sheetsDataCall;
const ALIGNMENTS = new Set(["left", "center", "right", "normal", "general"]);
const FONT_WEIGHTS = new Set(["bold", "normal"]);

/** `SpreadsheetApp.CopyPasteType`, whose values are their names here as in the other enums. */
export const COPY_PASTE_TYPES = [
  "PASTE_NORMAL",
  "PASTE_NO_BORDERS",
  "PASTE_FORMAT",
  "PASTE_FORMULA",
  "PASTE_DATA_VALIDATION",
  "PASTE_VALUES",
  "PASTE_CONDITIONAL_FORMATTING",
  "PASTE_COLUMN_WIDTHS",
] as const;
export type CopyPasteType = (typeof COPY_PASTE_TYPES)[number];

type Paste = Omit<PasteSpec, "transposed">;
const NORMAL: Paste = { contents: "formulas", formats: true, columnWidths: false };
const NOTHING: Paste = { contents: "none", formats: false, columnWidths: false };
/**
 * What each paste type copies of what the model keeps. Borders, data validation and conditional
 * formatting aren't modelled: PASTE_NO_BORDERS is a normal paste, the other two paste nothing.
 */
const PASTES: Readonly<Record<CopyPasteType, Paste>> = {
  PASTE_NORMAL: NORMAL,
  PASTE_NO_BORDERS: NORMAL,
  PASTE_FORMAT: { contents: "none", formats: true, columnWidths: false },
  PASTE_FORMULA: { contents: "formulas", formats: false, columnWidths: false },
  PASTE_VALUES: { contents: "values", formats: false, columnWidths: false },
  PASTE_COLUMN_WIDTHS: { contents: "none", formats: false, columnWidths: true },
  PASTE_DATA_VALIDATION: NOTHING,
  PASTE_CONDITIONAL_FORMATTING: NOTHING,
};

export class RangeFacade {
  readonly #ctx: ServiceContext;
  readonly #sheet: SheetModel;
  readonly #rect: GridRect;

  constructor(ctx: ServiceContext, sheet: SheetModel, rect: GridRect) {
    this.#ctx = ctx;
    this.#sheet = sheet;
    this.#rect = rect;
  }

  get #cells(): number {
    return this.#rect.numRows * this.#rect.numColumns;
  }

  get #topLeft(): GridRect {
    return { row: this.#rect.row, column: this.#rect.column, numRows: 1, numColumns: 1 };
  }

  /** Coordinates are known to the script without asking the server: they cost no time. */
  #local<T>(method: string, body: () => T): T {
    return this.#ctx.sheetCall(this.#sheet, `Range.${method}`, READ, 0, body);
  }

  #read<T>(method: string, costMs: number, body: () => T): T {
    return this.#ctx.sheetCall(this.#sheet, `Range.${method}`, READ, costMs, body);
  }

  #write(method: string, costMs: number, body: () => void): this {
    this.#ctx.sheetCall(this.#sheet, `Range.${method}`, WRITE, costMs, body);
    return this;
  }

  toString(): string {
    return "Range";
  }

  getRow(): number {
    return this.#local("getRow", () => this.#rect.row);
  }
  getColumn(): number {
    return this.#local("getColumn", () => this.#rect.column);
  }
  getNumRows(): number {
    return this.#local("getNumRows", () => this.#rect.numRows);
  }
  getNumColumns(): number {
    return this.#local("getNumColumns", () => this.#rect.numColumns);
  }
  getLastRow(): number {
    return this.#local("getLastRow", () => this.#rect.row + this.#rect.numRows - 1);
  }
  getLastColumn(): number {
    return this.#local("getLastColumn", () => this.#rect.column + this.#rect.numColumns - 1);
  }
  getA1Notation(): string {
    return this.#local("getA1Notation", () => rectA1(this.#rect));
  }
  getSheet(): object {
    return this.#local("getSheet", () => this.#ctx.facades.sheet(this.#sheet));
  }

  getCell(row: unknown, column: unknown): object {
    return this.#local("getCell", () => {
      const args = [row, column];
      const r = this.#ctx.integer(row, "Range.getCell", args);
      const c = this.#ctx.integer(column, "Range.getCell", args);
      // Apps Script's wording for a cell outside the range (observed).
      if (r < 1 || c < 1 || r > this.#rect.numRows || c > this.#rect.numColumns) {
        throw new SheetsError("Cell reference out of range");
      }
      const rect = {
        row: this.#rect.row + r - 1,
        column: this.#rect.column + c - 1,
        numRows: 1,
        numColumns: 1,
      };
      return this.#ctx.facades.range(this.#sheet, rect);
    });
  }

  offset(
    rowOffset: unknown,
    columnOffset: unknown,
    numRows?: unknown,
    numColumns?: unknown,
  ): object {
    return this.#local("offset", () => {
      const args = [rowOffset, columnOffset, numRows, numColumns].filter(
        (arg) => arg !== undefined,
      );
      const rect = this.#sheet.checkRect({
        row: this.#rect.row + this.#ctx.integer(rowOffset, "Range.offset", args),
        column: this.#rect.column + this.#ctx.integer(columnOffset, "Range.offset", args),
        numRows:
          numRows === undefined
            ? this.#rect.numRows
            : this.#ctx.integer(numRows, "Range.offset", args),
        numColumns:
          numColumns === undefined
            ? this.#rect.numColumns
            : this.#ctx.integer(numColumns, "Range.offset", args),
      });
      return this.#ctx.facades.range(this.#sheet, rect);
    });
  }

  // ---- values ---------------------------------------------------------------------------------

  getValues(): unknown[][] {
    return this.#read("getValues", sheetsDataCost(this.#cells), () =>
      this.#sheet.readValues(this.#rect, this.#ctx.sink),
    );
  }

  getValue(): unknown {
    return this.#read(
      "getValue",
      sheetsDataCost(1),
      () => this.#sheet.readValues(this.#topLeft, this.#ctx.sink)[0]![0],
    );
  }

  getDisplayValues(): string[][] {
    return this.#read("getDisplayValues", sheetsDataCost(this.#cells), () =>
      this.#sheet.readDisplayValues(this.#rect, this.#ctx.sink),
    );
  }

  getDisplayValue(): string {
    return this.#read(
      "getDisplayValue",
      sheetsDataCost(1),
      () => this.#sheet.readDisplayValues(this.#topLeft, this.#ctx.sink)[0]![0]!,
    );
  }

  getFormulas(): string[][] {
    return this.#read("getFormulas", sheetsDataCost(this.#cells), () =>
      this.#sheet.readFormulas(this.#rect, this.#ctx.sink),
    );
  }

  getFormula(): string {
    return this.#read(
      "getFormula",
      sheetsDataCost(1),
      () => this.#sheet.readFormulas(this.#topLeft, this.#ctx.sink)[0]![0]!,
    );
  }

  isBlank(): boolean {
    return this.#read("isBlank", sheetsDataCost(this.#cells), () => {
      for (let r = 0; r < this.#rect.numRows; r++) {
        for (let c = 0; c < this.#rect.numColumns; c++) {
          if (this.#sheet.cell(this.#rect.row + r, this.#rect.column + c) !== undefined)
            return false;
        }
      }
      return true;
    });
  }

  setValues(values: unknown): this {
    return this.#write("setValues", sheetsDataCost(this.#cells), () => {
      this.#sheet.writeValues(this.#rect, this.#ctx.matrix(values, "Range.setValues"));
    });
  }

  setValue(value: unknown): this {
    return this.#write("setValue", sheetsDataCost(this.#cells), () => {
      this.#sheet.fillValue(this.#rect, value);
    });
  }

  setFormulas(formulas: unknown): this {
    return this.#write("setFormulas", sheetsDataCost(this.#cells), () => {
      this.#sheet.writeFormulas(this.#rect, this.#ctx.matrix(formulas, "Range.setFormulas"));
    });
  }

  setFormula(formula: unknown): this {
    return this.#write("setFormula", sheetsDataCost(this.#cells), () => {
      if (typeof formula !== "string") this.#ctx.signature("Range.setFormula", [formula]);
      const line = new Array(this.#rect.numColumns).fill(formula);
      this.#sheet.writeFormulas(this.#rect, new Array(this.#rect.numRows).fill(line));
    });
  }

  clear(options?: unknown): this {
    return this.#write("clear", CLEAR, () => {
      this.#sheet.clearRect(this.#rect, clearedParts(options));
    });
  }

  clearContent(): this {
    return this.#write("clearContent", CLEAR, () => {
      this.#sheet.clearRect(this.#rect, { contents: true, formats: false });
    });
  }

  clearFormat(): this {
    return this.#write("clearFormat", META, () => {
      this.#sheet.clearRect(this.#rect, { contents: false, formats: true });
    });
  }

  // ---- copying --------------------------------------------------------------------------------

  /**
   * `copyTo(destination)`, `copyTo(destination, {contentsOnly | formatOnly})` and
   * `copyTo(destination, copyPasteType, transposed)`: only the destination's top-left cell
   * matters, as Apps Script documents it (the Sheets API's paste would repeat the source over a
   * destination that is a multiple of its size; the add-on never relies on that). The copy is done server-side, so no data crosses to the script, but Sheets still
   * writes every cell: it is charged as a data call of the source's size.
   */
  copyTo(...args: unknown[]): void {
    this.#ctx.sheetCall(this.#sheet, "Range.copyTo", WRITE, sheetsDataCost(this.#cells), () => {
      const [destination] = args;
      if (args.length > 3 || !RangeFacade.#isRange(destination)) {
        this.#ctx.signature("Range.copyTo", args);
      }
      const spec = this.#pasteSpec(args);
      const target = destination.#sheet;
      if (destination.#ctx.model !== this.#ctx.model) {
        throw new SheetsError(MESSAGES.copyOtherSpreadsheet);
      }
      if (target.deleted) throw new SheetsError(MESSAGES.sheetDeleted(target.name));
      target.pasteFrom(
        this.#sheet,
        this.#rect,
        destination.#rect.row,
        destination.#rect.column,
        spec,
      );
    });
  }

  /** The sheet and rectangle of a Range facade the script handed back (charts keep them). */
  static locate(value: unknown): { sheet: SheetModel; rect: GridRect } | undefined {
    return RangeFacade.#isRange(value) ? { sheet: value.#sheet, rect: value.#rect } : undefined;
  }

  /** A Range facade, which the script can't forge: it has the private fields. */
  static #isRange(value: unknown): value is RangeFacade {
    return typeof value === "object" && value !== null && #rect in value;
  }

  #pasteSpec(args: readonly unknown[]): PasteSpec {
    const [, second, transposed] = args;
    if (args.length === 1) return { ...NORMAL, transposed: false };
    if (typeof second === "string" && Object.hasOwn(PASTES, second)) {
      if (args.length === 3 && typeof transposed !== "boolean") {
        this.#ctx.signature("Range.copyTo", args);
      }
      const paste = PASTES[second as CopyPasteType];
      // (assumed) column widths are pasted onto the same columns, transposed or not.
      return { ...paste, transposed: transposed === true && !paste.columnWidths };
    }
    if (
      args.length === 2 &&
      typeof second === "object" &&
      second !== null &&
      !Array.isArray(second)
    ) {
      const { contentsOnly, formatOnly } = second as {
        contentsOnly?: unknown;
        formatOnly?: unknown;
      };
      // `contentsOnly` pastes values, formulas replaced by their results: scripts use
      // `range.copyTo(range, {contentsOnly: true})` to freeze formulas. (assumed) it wins when
      // both options are set; Apps Script doesn't refuse that.
      if (contentsOnly) return { ...PASTES.PASTE_VALUES, transposed: false };
      if (formatOnly) return { ...PASTES.PASTE_FORMAT, transposed: false };
      return { ...NORMAL, transposed: false };
    }
    return this.#ctx.signature("Range.copyTo", args);
  }

  activate(): this {
    return this.#write("activate", META, () =>
      this.#ctx.model.selectRange(this.#sheet, this.#rect),
    );
  }

  // ---- formats --------------------------------------------------------------------------------

  getNumberFormats(): string[][] {
    return this.#read("getNumberFormats", META, () =>
      this.#sheet.readNumberFormats(this.#rect, this.#ctx.sink),
    );
  }

  getNumberFormat(): string {
    return this.#read(
      "getNumberFormat",
      META,
      () => this.#sheet.readNumberFormats(this.#topLeft, this.#ctx.sink)[0]![0]!,
    );
  }

  setNumberFormat(format: unknown): this {
    return this.#setStyle("setNumberFormat", "numberFormat", format, (value) => value);
  }

  setNumberFormats(formats: unknown): this {
    return this.#setStyles("setNumberFormats", "numberFormat", formats);
  }

  getFontWeights(): string[][] {
    return this.#read("getFontWeights", META, () =>
      this.#sheet.readStyle(this.#rect, "fontWeight", "normal", this.#ctx.sink),
    );
  }

  getFontWeight(): string {
    return this.#read(
      "getFontWeight",
      META,
      () => this.#sheet.readStyle(this.#topLeft, "fontWeight", "normal", this.#ctx.sink)[0]![0]!,
    );
  }

  setFontWeight(fontWeight: unknown): this {
    return this.#setStyle("setFontWeight", "fontWeight", fontWeight, (value) => {
      if (!FONT_WEIGHTS.has(value)) throw new SheetsError(MESSAGES.invalidArgument("fontWeight"));
      return value === "normal" ? undefined : value;
    });
  }

  setFontWeights(fontWeights: unknown): this {
    return this.#setStyles("setFontWeights", "fontWeight", fontWeights, (value) =>
      value === "normal" ? undefined : value,
    );
  }

  setHorizontalAlignment(alignment: unknown): this {
    return this.#setStyle("setHorizontalAlignment", "horizontalAlignment", alignment, (value) => {
      const lower = value.toLowerCase();
      if (!ALIGNMENTS.has(lower)) throw new SheetsError(MESSAGES.invalidArgument("alignment"));
      return lower === "general" ? undefined : lower;
    });
  }

  setWrap(wrap: unknown): this {
    return this.#write("setWrap", META, () => {
      if (typeof wrap !== "boolean") this.#ctx.signature("Range.setWrap", [wrap]);
      this.#sheet.setStyle(this.#rect, "wrap", wrap ? "true" : "false");
    });
  }

  setBackground(color: unknown): this {
    return this.#setStyle("setBackground", "background", color, (value) => value.toLowerCase());
  }

  getBackground(): string {
    return this.#read(
      "getBackground",
      META,
      () => this.#sheet.readStyle(this.#topLeft, "background", "#ffffff", this.#ctx.sink)[0]![0]!,
    );
  }

  /** One value for every cell; null resets it to Sheets' default. */
  #setStyle(
    method: string,
    property: StyleProperty,
    value: unknown,
    normalise: (value: string) => string | undefined,
  ): this {
    return this.#write(method, META, () => {
      if (value !== null && typeof value !== "string")
        this.#ctx.signature(`Range.${method}`, [value]);
      this.#sheet.setStyle(
        this.#rect,
        property,
        value === null ? undefined : normalise(value as string),
      );
    });
  }

  #setStyles(
    method: string,
    property: StyleProperty,
    values: unknown,
    normalise: (value: string) => string | undefined = (value) => value,
  ): this {
    return this.#write(method, META, () => {
      const matrix = this.#ctx
        .matrix(values, `Range.${method}`)
        .map((line) =>
          (line as unknown[]).map((value) =>
            typeof value === "string" ? normalise(value) : value,
          ),
        );
      this.#sheet.setStyles(this.#rect, property, matrix);
    });
  }
}
