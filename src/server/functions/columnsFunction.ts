// TT_COLUMNS: the column catalogue of a source as a table, so users can pick `columns=` keys.

import { catalogueOf } from "../../shared/columns/index.js";
import { message } from "../../shared/messages/index.js";
import { readSource } from "../../shared/query/index.js";
import type { CellValue } from "../sources/values.js";
import { invalidInput } from "./invalidInput.js";

/** Key, label, description, format and default-set membership of every column of the source. */
export function columnsTable(sourceArgument: unknown): CellValue[][] {
  const source = readSource(sourceArgument);
  if (typeof source !== "string") throw invalidInput([source]);
  const catalogue = catalogueOf(source);
  const defaults = new Set(catalogue.defaultKeys);
  return [
    [
      message("columns.header.key"),
      message("columns.header.label"),
      message("columns.header.description"),
      message("columns.header.format"),
      message("columns.header.default"),
    ],
    ...catalogue.columns.map((spec) => [
      spec.key,
      spec.label.en,
      spec.description.en,
      spec.format,
      defaults.has(spec.key),
    ]),
  ];
}
