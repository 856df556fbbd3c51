// The add-on's whole public surface: every function Sheets, the menu, the sidebar or a trigger can
// call. Each is a thin wrapper with JSDoc for the person who types or calls it; the build makes
// each one a top-level function of dist/Code.js.

import { columnsTable } from "./functions/columnsFunction.js";
import { runCustomFunction } from "./functions/customFunction.js";
import type { CellValue } from "./sources/values.js";

/**
 * Lists the columns a source can return, with their keys for the `columns` option.
 *
 * @param {string} source The data source: "keyapi" (for TT_INFLUENCERS) or "fastmoss" (for TT_TOP_POTENTIAL). Example: "keyapi"
 * @return {Array<Array<string>>} One row per column: key, label, description, format, and whether it is in the default set.
 * @customfunction
 */
export function TT_COLUMNS(source: unknown): CellValue[][] {
  return runCustomFunction("TT_COLUMNS", () => columnsTable(source));
}
