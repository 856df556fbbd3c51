// The script-facing Sheet: its name, size, rows and columns, frozen panes, column widths and
// ranges. Structural changes keep Sheets' rules: a fixed grid that grows only by insertion.

import { COST_MS, sheetsDataCost } from "../costs.js";
import { resolveA1, splitSheetName } from "./a1.js";
import { SheetCharts } from "./charts.js";
import { READ, type ServiceContext, WRITE } from "./context.js";
import { MESSAGES, SheetsError } from "./errors.js";
import { clearedParts, type SheetModel } from "./sheet-model.js";

const META = COST_MS.sheetsMetadataCall;
/** Clearing moves no data: one call, whatever the size. */
const CLEAR = COST_MS.sheetsDataCall;

export class SheetFacade {
  readonly #ctx: ServiceContext;
  readonly #sheet: SheetModel;
  readonly #charts: SheetCharts;

  constructor(ctx: ServiceContext, sheet: SheetModel) {
    this.#ctx = ctx;
    this.#sheet = sheet;
    this.#charts = new SheetCharts(ctx, sheet);
  }

  #read<T>(method: string, costMs: number, body: () => T): T {
    return this.#ctx.sheetCall(this.#sheet, `Sheet.${method}`, READ, costMs, body);
  }

  #write(method: string, costMs: number, body: () => void): this {
    this.#ctx.sheetCall(this.#sheet, `Sheet.${method}`, WRITE, costMs, body);
    return this;
  }

  #int(value: unknown, method: string, args: readonly unknown[]): number {
    return this.#ctx.integer(value, `Sheet.${method}`, args);
  }

  toString(): string {
    return "Sheet";
  }

  getName(): string {
    return this.#read("getName", META, () => this.#sheet.name);
  }

  setName(name: unknown): this {
    return this.#write("setName", META, () => {
      if (typeof name !== "string") this.#ctx.signature("Sheet.setName", [name]);
      this.#ctx.model.renameSheet(this.#sheet, name as string);
    });
  }

  getSheetId(): number {
    return this.#read("getSheetId", META, () => this.#sheet.sheetId);
  }

  getIndex(): number {
    return this.#read("getIndex", META, () => this.#sheet.index);
  }

  getParent(): object {
    return this.#read("getParent", 0, () => this.#ctx.facades.spreadsheet());
  }

  /** `getRange("A1:B2")` or `getRange(row, column, numRows?, numColumns?)`; costs nothing. */
  getRange(...args: unknown[]): object {
    return this.#read("getRange", 0, () => {
      const [first] = args;
      if (typeof first === "string" && args.length === 1) {
        const { sheetName, reference } = splitSheetName(first);
        const sheet = sheetName === undefined ? this.#sheet : this.#ctx.model.findSheet(sheetName);
        if (!sheet) throw new SheetsError(MESSAGES.rangeNotFound);
        return this.#ctx.facades.range(
          sheet,
          resolveA1(reference, sheet.maxRows, sheet.maxColumns),
        );
      }
      if (args.length < 2 || args.length > 4) this.#ctx.signature("Sheet.getRange", args);
      const [row, column, numRows = 1, numColumns = 1] = args.map((arg) =>
        this.#int(arg, "getRange", args),
      );
      const rect = this.#sheet.checkRect({
        row: row!,
        column: column!,
        numRows: numRows!,
        numColumns: numColumns!,
      });
      return this.#ctx.facades.range(this.#sheet, rect);
    });
  }

  getDataRange(): object {
    return this.#read("getDataRange", META, () =>
      this.#ctx.facades.range(this.#sheet, {
        row: 1,
        column: 1,
        numRows: Math.max(1, this.#sheet.lastRow()),
        numColumns: Math.max(1, this.#sheet.lastColumn()),
      }),
    );
  }

  getLastRow(): number {
    return this.#read("getLastRow", META, () => this.#sheet.lastRow());
  }
  getLastColumn(): number {
    return this.#read("getLastColumn", META, () => this.#sheet.lastColumn());
  }
  getMaxRows(): number {
    return this.#read("getMaxRows", META, () => this.#sheet.maxRows);
  }
  getMaxColumns(): number {
    return this.#read("getMaxColumns", META, () => this.#sheet.maxColumns);
  }

  // ---- rows and columns -----------------------------------------------------------------------

  insertRowsAfter(afterPosition: unknown, howMany: unknown): this {
    return this.#insertRows("insertRowsAfter", [afterPosition, howMany], "after");
  }
  insertRowsBefore(beforePosition: unknown, howMany: unknown): this {
    return this.#insertRows("insertRowsBefore", [beforePosition, howMany], "before");
  }
  insertRowAfter(afterPosition: unknown): this {
    return this.#insertRows("insertRowAfter", [afterPosition], "after");
  }
  insertRowBefore(beforePosition: unknown): this {
    return this.#insertRows("insertRowBefore", [beforePosition], "before");
  }
  insertRows(rowIndex: unknown, numRows?: unknown): this {
    const args = numRows === undefined ? [rowIndex] : [rowIndex, numRows];
    return this.#insertRows("insertRows", args, "before");
  }

  /** New rows take the formatting of the row they are inserted next to, as in Sheets. */
  #insertRows(method: string, args: readonly unknown[], side: "after" | "before"): this {
    return this.#write(method, META, () => {
      const position = this.#int(args[0], method, args);
      const count = args.length > 1 ? this.#int(args[1], method, args) : 1;
      if (position < 1 || position > this.#sheet.maxRows) {
        throw new SheetsError(MESSAGES.rowsOutOfBounds);
      }
      if (side === "after") this.#sheet.insertRows(position + 1, count, position);
      else this.#sheet.insertRows(position, count, position);
    });
  }

  insertColumnsAfter(afterPosition: unknown, howMany: unknown): this {
    return this.#insertColumns("insertColumnsAfter", [afterPosition, howMany], "after");
  }
  insertColumnsBefore(beforePosition: unknown, howMany: unknown): this {
    return this.#insertColumns("insertColumnsBefore", [beforePosition, howMany], "before");
  }
  insertColumnAfter(afterPosition: unknown): this {
    return this.#insertColumns("insertColumnAfter", [afterPosition], "after");
  }
  insertColumnBefore(beforePosition: unknown): this {
    return this.#insertColumns("insertColumnBefore", [beforePosition], "before");
  }

  #insertColumns(method: string, args: readonly unknown[], side: "after" | "before"): this {
    return this.#write(method, META, () => {
      const position = this.#int(args[0], method, args);
      const count = args.length > 1 ? this.#int(args[1], method, args) : 1;
      if (position < 1 || position > this.#sheet.maxColumns) {
        throw new SheetsError(MESSAGES.columnsOutOfBounds);
      }
      if (side === "after") this.#sheet.insertColumns(position + 1, count, position);
      else this.#sheet.insertColumns(position, count, position);
    });
  }

  deleteRows(rowPosition: unknown, howMany: unknown): this {
    return this.#write("deleteRows", META, () => {
      const args = [rowPosition, howMany];
      this.#sheet.deleteRows(
        this.#int(rowPosition, "deleteRows", args),
        this.#int(howMany, "deleteRows", args),
      );
    });
  }

  deleteRow(rowPosition: unknown): this {
    return this.#write("deleteRow", META, () => {
      this.#sheet.deleteRows(this.#int(rowPosition, "deleteRow", [rowPosition]), 1);
    });
  }

  deleteColumns(columnPosition: unknown, howMany: unknown): this {
    return this.#write("deleteColumns", META, () => {
      const args = [columnPosition, howMany];
      this.#sheet.deleteColumns(
        this.#int(columnPosition, "deleteColumns", args),
        this.#int(howMany, "deleteColumns", args),
      );
    });
  }

  deleteColumn(columnPosition: unknown): this {
    return this.#write("deleteColumn", META, () => {
      this.#sheet.deleteColumns(this.#int(columnPosition, "deleteColumn", [columnPosition]), 1);
    });
  }

  appendRow(rowContents: unknown): this {
    const length = Array.isArray(rowContents) ? rowContents.length : 1;
    return this.#write("appendRow", sheetsDataCost(length), () => {
      if (!Array.isArray(rowContents)) this.#ctx.signature("Sheet.appendRow", [rowContents]);
      this.#sheet.appendRow(rowContents as unknown[]);
    });
  }

  // ---- clearing -------------------------------------------------------------------------------

  clear(options?: unknown): this {
    return this.#write("clear", CLEAR, () => {
      this.#sheet.clearRect(this.#sheet.gridRect, clearedParts(options));
    });
  }

  clearContents(): this {
    return this.#write("clearContents", CLEAR, () => {
      this.#sheet.clearRect(this.#sheet.gridRect, { contents: true, formats: false });
    });
  }

  clearFormats(): this {
    return this.#write("clearFormats", META, () => {
      this.#sheet.clearRect(this.#sheet.gridRect, { contents: false, formats: true });
    });
  }

  // ---- frozen panes, widths, visibility -------------------------------------------------------

  setFrozenRows(rows: unknown): void {
    this.#write("setFrozenRows", META, () => {
      this.#sheet.setFrozenRows(this.#int(rows, "setFrozenRows", [rows]));
    });
  }

  getFrozenRows(): number {
    return this.#read("getFrozenRows", META, () => this.#sheet.frozenRows);
  }

  setFrozenColumns(columns: unknown): void {
    this.#write("setFrozenColumns", META, () => {
      this.#sheet.setFrozenColumns(this.#int(columns, "setFrozenColumns", [columns]));
    });
  }

  getFrozenColumns(): number {
    return this.#read("getFrozenColumns", META, () => this.#sheet.frozenColumns);
  }

  setColumnWidth(columnPosition: unknown, width: unknown): this {
    return this.#write("setColumnWidth", META, () => {
      const args = [columnPosition, width];
      this.#sheet.setColumnWidths(
        this.#int(columnPosition, "setColumnWidth", args),
        1,
        this.#int(width, "setColumnWidth", args),
      );
    });
  }

  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): this {
    return this.#write("setColumnWidths", META, () => {
      const args = [startColumn, numColumns, width];
      const count = this.#int(numColumns, "setColumnWidths", args);
      if (count < 1) throw new SheetsError(MESSAGES.columnsOutOfBounds);
      this.#sheet.setColumnWidths(
        this.#int(startColumn, "setColumnWidths", args),
        count,
        this.#int(width, "setColumnWidths", args),
      );
    });
  }

  getColumnWidth(columnPosition: unknown): number {
    return this.#read("getColumnWidth", META, () =>
      this.#sheet.columnWidth(this.#int(columnPosition, "getColumnWidth", [columnPosition])),
    );
  }

  autoResizeColumns(startColumn: unknown, numColumns: unknown): this {
    return this.#write("autoResizeColumns", META, () => {
      const args = [startColumn, numColumns];
      const count = this.#int(numColumns, "autoResizeColumns", args);
      if (count < 1) throw new SheetsError(MESSAGES.columnsOutOfBounds);
      this.#sheet.autoResizeColumns(this.#int(startColumn, "autoResizeColumns", args), count);
    });
  }

  autoResizeColumn(columnPosition: unknown): this {
    return this.#write("autoResizeColumn", META, () => {
      this.#sheet.autoResizeColumns(
        this.#int(columnPosition, "autoResizeColumn", [columnPosition]),
        1,
      );
    });
  }

  activate(): this {
    return this.#write("activate", META, () => this.#ctx.model.setActiveSheet(this.#sheet));
  }

  hideSheet(): this {
    return this.#write("hideSheet", META, () => this.#ctx.model.setSheetHidden(this.#sheet, true));
  }

  showSheet(): this {
    return this.#write("showSheet", META, () => this.#ctx.model.setSheetHidden(this.#sheet, false));
  }

  isSheetHidden(): boolean {
    return this.#read("isSheetHidden", META, () => this.#sheet.hidden);
  }

  // ---- embedded charts (charts.ts) ------------------------------------------------------------

  newChart(): object {
    return this.#charts.newChart();
  }

  getCharts(): object[] {
    return this.#charts.getCharts();
  }

  insertChart(chart: unknown): void {
    this.#charts.insertChart(chart);
  }

  updateChart(chart: unknown): void {
    this.#charts.updateChart(chart);
  }

  removeChart(chart: unknown): void {
    this.#charts.removeChart(chart);
  }
}
