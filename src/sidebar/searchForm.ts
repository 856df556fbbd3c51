// The search form as the sidebar's state holds it: each source's fields as typed, the saved
// query's name and schedule, and the empty form a session starts with. search/form.ts reads it.

import type { SourceName } from "../shared/columns/types.js";
import type { Schedule, WriteMode } from "../shared/pulls/types.js";
import { sourceOf } from "../shared/sources.js";

export type ColumnsMode = "default" | "all" | "pick";
export type HeadersChoice = "labels" | "keys";

/** One source's fields, as typed. */
export interface SourceForm {
  readonly region: string;
  readonly limit: string;
  /** What is typed or chosen in each filter field, by filter name; "" is not set. */
  readonly filters: Readonly<Record<string, string>>;
  readonly columnsMode: ColumnsMode;
  /** The columns picked when columnsMode is "pick". */
  readonly picked: readonly string[];
  readonly headers: HeadersChoice;
  /** Each source writes to its own sheet in its own mode: KeyAPI rows never land in FastMoss's. */
  readonly sheet: string;
  readonly mode: WriteMode;
}

export interface SearchForm {
  readonly source: SourceName;
  /** Each source keeps its own fields, so switching back and forth loses nothing. */
  readonly bySource: Readonly<Record<SourceName, SourceForm>>;
  readonly name: string;
  readonly schedule: Schedule;
  /** The saved query being edited: saving updates it. */
  readonly editingId?: string;
  /** Fields whose problems show: typed into, or needed by an action the user tried. */
  readonly touched: readonly ("sheet" | "name")[];
}

export const INITIAL_LIMIT = "100";

export function emptySourceForm(source: SourceName): SourceForm {
  return {
    region: "US",
    limit: INITIAL_LIMIT,
    filters: sourceOf(source).dated ? { date_type: "day" } : {},
    columnsMode: "default",
    picked: [],
    headers: "labels",
    sheet: "",
    mode: "replace",
  };
}

export function emptyForm(): SearchForm {
  return {
    source: "keyapi",
    bySource: { keyapi: emptySourceForm("keyapi"), fastmoss: emptySourceForm("fastmoss") },
    name: "",
    schedule: "off",
    touched: [],
  };
}
