// Evaluates the add-on's custom functions typed into the playground's grid, through the model's
// formulaEvaluator hook: references are read from the grid, the call runs as a cell's custom
// function execution, and a 2-D answer spills as in Sheets. A formula a script writes while it
// runs is evaluated once that execution ends, as Sheets recalculates after the script's writes.

import type { AppsScriptRuntime } from "../runtime/runtime.js";
import { resolveA1, splitSheetName } from "../runtime/spreadsheet/a1.js";
import { CellError, cellValue } from "../runtime/spreadsheet/cells.js";
import {
  type FormulaEvaluator,
  type FormulaRequest,
  type SheetModel,
  SheetsError,
  type SpreadsheetModel,
} from "../runtime/spreadsheet/index.js";
import { FormulaSyntaxError, type FormulaValue, parseFormulaCall } from "./formula.js";

export const ADDON_FUNCTIONS: ReadonlySet<string> = new Set([
  "TT_INFLUENCERS",
  "TT_TOP_POTENTIAL",
  "TT_COLUMNS",
]);

/** A referenced cell holds an error: Sheets answers that error without calling the function. */
class ReferencedError extends Error {
  constructor(readonly cellError: CellError) {
    super(cellError.message);
  }
}

/** The values of "A1", "B2:C4" or "'My sheet'!A1:B2", seen from a formula on `from`. */
export function readReference(
  spreadsheet: SpreadsheetModel,
  from: SheetModel,
  reference: string,
): FormulaValue {
  const { sheetName, reference: a1 } = splitSheetName(reference);
  const sheet = sheetName === undefined ? from : spreadsheet.findSheet(sheetName);
  if (!sheet)
    throw new ReferencedError(new CellError("#REF!", `Unresolved sheet name '${sheetName}'.`));
  let rect: ReturnType<typeof resolveA1>;
  try {
    rect = resolveA1(a1.replaceAll("$", ""), sheet.maxRows, sheet.maxColumns);
  } catch (error) {
    const message = error instanceof SheetsError ? error.message : String(error);
    throw new ReferencedError(new CellError("#REF!", `${reference}: ${message}`));
  }
  for (let r = 0; r < rect.numRows; r++) {
    for (let c = 0; c < rect.numColumns; c++) {
      const value = cellValue(sheet.cell(rect.row + r, rect.column + c));
      if (value instanceof CellError) throw new ReferencedError(value);
    }
  }
  // Dates arrive as Dates, as Sheets hands them to custom functions.
  const values = sheet.readValues(rect) as FormulaValue[][];
  const isSingleCell = rect.numRows === 1 && rect.numColumns === 1 && !a1.includes(":");
  return isSingleCell ? values[0]![0]! : values;
}

/** Plugs the add-on's custom functions into a runtime's spreadsheet. */
export class PlaygroundFormulas {
  readonly #runtime: AppsScriptRuntime;
  #scriptDepth = 0;
  readonly #deferred: FormulaRequest[] = [];

  constructor(runtime: AppsScriptRuntime) {
    this.#runtime = runtime;
  }

  /** Installs the evaluator in a spreadsheet (default the first) and re-evaluates its formulas. */
  install(spreadsheet = this.#runtime.spreadsheet): void {
    spreadsheet.formulaEvaluator = this.evaluate;
    spreadsheet.recalculate();
  }

  /** The model's hook: the formula's value, or undefined when it isn't the add-on's to evaluate. */
  readonly evaluate: FormulaEvaluator = (request) => {
    const name = /^\s*=\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(request.formula)?.[1]?.toUpperCase();
    if (name === undefined || !ADDON_FUNCTIONS.has(name)) return undefined;
    if (this.#scriptDepth > 0) {
      this.#deferred.push(request);
      return undefined;
    }
    return this.#evaluateNow(request);
  };

  /** Runs `work` (an execution of the script) and then evaluates the formulas it wrote. */
  whileScriptRuns<T>(work: () => T): T {
    this.#scriptDepth++;
    try {
      return work();
    } finally {
      this.#scriptDepth--;
      if (this.#scriptDepth === 0) this.#evaluateDeferred();
    }
  }

  #evaluateNow(request: FormulaRequest): unknown {
    const { spreadsheet, sheet, formula } = request;
    let call: ReturnType<typeof parseFormulaCall>;
    try {
      call = parseFormulaCall(formula, (reference) => readReference(spreadsheet, sheet, reference));
    } catch (error) {
      if (error instanceof ReferencedError) return error.cellError;
      if (error instanceof FormulaSyntaxError) {
        return new CellError("#ERROR!", `Formula parse error: ${error.message}`);
      }
      throw error;
    }
    if (!call) return undefined;
    // Custom functions are read-only: one can't write a formula that would need evaluating.
    this.#scriptDepth++;
    try {
      return this.#runtime.customFunction(call.name, call.args, undefined, spreadsheet.id);
    } finally {
      this.#scriptDepth--;
    }
  }

  #evaluateDeferred(): void {
    while (this.#deferred.length > 0) {
      const request = this.#deferred.shift()!;
      const { sheet, row, column, formula } = request;
      if (formulaAt(sheet, row, column) !== formula) continue;
      let result: unknown;
      try {
        result = this.#evaluateNow(request);
      } catch (error) {
        result = new CellError("#ERROR!", error instanceof Error ? error.message : String(error));
      }
      if (result !== undefined) sheet.setFormulaResult(row, column, result);
    }
  }
}

/** The formula in one cell now, if the cell (and its sheet) still exist. */
function formulaAt(sheet: SheetModel, row: number, column: number): string | undefined {
  if (sheet.deleted || row > sheet.maxRows || column > sheet.maxColumns) return undefined;
  return sheet.readFormulas({ row, column, numRows: 1, numColumns: 1 })[0]?.[0];
}
