// TT_COLUMNS: the column catalogue of a source as a table, so users can pick `columns=` keys.

import { catalogueOf, SOURCE_NAMES, type SourceName } from "../../shared/columns/index.js";
import { message } from "../../shared/messages/index.js";
import { AddonError } from "../errors.js";
import { singleValue } from "./arguments.js";

export type CellValue = string | number | boolean | Date;

/** Reads the `source` argument: "keyapi" or "fastmoss", any case, surrounding spaces ignored. */
export function parseSource(argument: unknown): SourceName {
  const raw = singleValue("source", argument);
  const text = String(raw ?? "").trim();
  if (text === "") throw new AddonError("INVALID_ARGUMENT", message("source.required"));
  const source = SOURCE_NAMES.find((name) => name === text.toLowerCase());
  if (!source) throw new AddonError("INVALID_ARGUMENT", message("source.unknown", { value: text }));
  return source;
}

/** Key, label, description, format and default-set membership of every column of the source. */
export function columnsTable(sourceArgument: unknown): CellValue[][] {
  const catalogue = catalogueOf(parseSource(sourceArgument));
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
