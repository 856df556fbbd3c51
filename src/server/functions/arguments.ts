// Reading custom-function arguments as Sheets hands them: single values, 2-D arrays for ranges,
// "" for blank cells.

import { message } from "../../shared/messages/index.js";
import { AddonError } from "../errors.js";

/** A single-cell argument: a one-cell range is accepted as its value, a larger range is refused. */
export function singleValue(name: string, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const cells = value.flat();
  if (cells.length === 1) return cells[0];
  throw new AddonError("INVALID_ARGUMENT", message("argument.notSingle", { name }));
}
