// The emulated Sheets service of the local runtime: the persistent model, the Ui record, and the
// per-execution SpreadsheetApp factory.

export { cellA1, columnLetters, columnNumber, type GridRect, rectA1 } from "./a1.js";
export { CHART_TYPES, type ChartSnapshot, createCharts } from "./charts.js";
export { UNEVALUATED_FORMULA } from "./coercion.js";
export { LIMITS, MESSAGES, SheetsError } from "./errors.js";
export {
  type ChangeListener,
  type FormulaEvaluator,
  type FormulaRequest,
  type SheetSnapshot,
  type SnapshotOptions,
  SpreadsheetModel,
  type SpreadsheetModelOptions,
  type SpreadsheetSnapshot,
} from "./model.js";
export {
  AUTOMATIC_FORMAT,
  DATE_TIME_FORMAT,
  formatForDisplay,
  TEXT_FORMAT,
} from "./number-format.js";
export { SheetModel, type SpreadsheetChange } from "./sheet-model.js";
export { createSpreadsheetApp, type SpreadsheetAppLike } from "./spreadsheet-app.js";
export {
  type AlertRecord,
  type DialogRecord,
  type MenuEntry,
  type MenuRecord,
  type SidebarRecord,
  type ToastRecord,
  type UiEvent,
  type UiResponse,
  UiState,
  type UiStateOptions,
} from "./ui-state.js";
