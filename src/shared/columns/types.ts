// What a column of the add-on's output is: its key (the API field or path), its label and
// description in both languages, and the format the sheet shows it with.

export type SourceName = "keyapi" | "fastmoss";

export const SOURCE_NAMES: readonly SourceName[] = ["keyapi", "fastmoss"];

/** How a column's values look in a sheet. */
export type ColumnFormat =
  /** A whole number shown with thousands separators: 1,234,567. */
  | "count"
  /** A decimal number: 2.62. */
  | "number"
  /** A ratio shown as a percentage: 0.0512 → 5.12 %. */
  | "ratio"
  /** An amount of money: 244,052.07. */
  | "money"
  /** A calendar date. */
  | "date"
  /** Text kept exactly as the API sent it, ids included. */
  | "text"
  /** A web address. */
  | "link";

export interface Localized {
  readonly en: string;
  readonly zh: string;
}

export interface ColumnSpec {
  readonly key: string;
  readonly label: Localized;
  readonly description: Localized;
  readonly format: ColumnFormat;
}

export interface ColumnCatalogue {
  readonly source: SourceName;
  /** Every column, in the order `columns=all` writes them. */
  readonly columns: readonly ColumnSpec[];
  /** The columns written when the user names none, in order. */
  readonly defaultKeys: readonly string[];
  /** The column that identifies a creator (upserts match rows on it). */
  readonly idKey: string;
}

/** A compact way to write a catalogue entry: key, format, English and Chinese label and description. */
export function column(
  key: string,
  format: ColumnFormat,
  label: readonly [en: string, zh: string],
  description: readonly [en: string, zh: string],
): ColumnSpec {
  return {
    key,
    format,
    label: { en: label[0], zh: label[1] },
    description: { en: description[0], zh: description[1] },
  };
}
