// The server's half of each source, keyed by source name: how a query becomes requests and answers
// become records (its PagedApi), how a record fills a cell, what a query may not ask of the API,
// and the smallest query a connection test sends. The facts shared with the sidebar live in
// src/shared/sources.ts; adding a source means one descriptor there and one adapter here.

import type { ColumnSpec } from "../../shared/columns/types.js";
import { message } from "../../shared/messages/index.js";
import { latestCompletePeriod } from "../../shared/query/dates.js";
import { grouped } from "../../shared/query/issues.js";
import type {
  FastMossQuery,
  KeyApiQuery,
  SourceName,
  SourceQuery,
} from "../../shared/query/types.js";
import { AddonError } from "../errors.js";
import type { PagedApi } from "../http/fetchPages.js";
import type { PageRange } from "./answers.js";
import { fastMossPagedApi } from "./fastmoss/api.js";
import { fastMossCell } from "./fastmoss/cells.js";
import { keyApiPagedApi, keyApiUrlTooLong, MAX_URL_CHARS } from "./keyapi/api.js";
import { keyApiCell } from "./keyapi/cells.js";
import type { CellValue } from "./values.js";

export interface SourceAdapter<Q extends SourceQuery> {
  /** The query's pages as requests, and how to read each answer. */
  readonly pagedApi: (query: Q, key: string, pages: PageRange) => PagedApi;
  /** One record's value for a column. */
  readonly cell: (
    record: Readonly<Record<string, unknown>>,
    column: ColumnSpec,
    timeZone: string,
  ) => CellValue;
  /** Why the API could not be sent this query at all (checked before any request), if it can't. */
  readonly requestProblem: (query: Q, lastPage: number) => AddonError | undefined;
  /** The one-row query a connection test sends, as of `now` (epoch ms). */
  readonly connectionQuery: (now: number) => Q;
}

type QueryOf<N extends SourceName> = Extract<SourceQuery, { readonly source: N }>;

const ADAPTERS: { readonly [N in SourceName]: SourceAdapter<QueryOf<N>> } = {
  keyapi: {
    pagedApi: keyApiPagedApi,
    cell: keyApiCell,
    requestProblem: (query: KeyApiQuery, lastPage: number) => {
      const tooLong = keyApiUrlTooLong(query, lastPage);
      if (!tooLong) return undefined;
      return new AddonError(
        "INVALID_ARGUMENT",
        message("limits.url", {
          length: grouped(tooLong.length),
          max: grouped(MAX_URL_CHARS),
          name: tooLong.longest,
        }),
      );
    },
    connectionQuery: () => ({ source: "keyapi", region: "US", limit: 1, filters: {} }),
  },
  fastmoss: {
    pagedApi: fastMossPagedApi,
    cell: (record, column) => fastMossCell(record, column),
    requestProblem: () => undefined,
    connectionQuery: (now: number): FastMossQuery => ({
      source: "fastmoss",
      region: "US",
      limit: 1,
      filters: {},
      // The latest day FastMoss has a ranking for, whatever its time zone.
      date: { type: "day", value: latestCompletePeriod("day", now).value },
    }),
  },
};

/**
 * The adapter of a source. Typed for the query it is given: the table's entries are keyed by the
 * same name as their queries' `source`, which TypeScript cannot follow through a union.
 */
export function adapterOf<Q extends SourceQuery>(source: Q["source"]): SourceAdapter<Q> {
  return ADAPTERS[source] as unknown as SourceAdapter<Q>;
}

/** The adapter for a query, typed for it. */
export function adapterFor<Q extends SourceQuery>(query: Q): SourceAdapter<Q> {
  return adapterOf<Q>(query.source);
}
