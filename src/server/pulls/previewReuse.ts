// "Write to sheet" right after a preview of the same query doesn't pay again for the page the
// preview fetched: the preview notes the query for 30 minutes, and the pull's first chunk then
// reads page 1 from the page cache. The note, like the pages, is kept per key (by its digest).

import type { SourceQuery } from "../../shared/query/types.js";
import type { DataServices } from "../platform/types.js";
import { canonicalQuery } from "../sources/fetchRecords.js";

export const PREVIEW_REUSE_SECONDS = 1800;

const markKey = (data: DataServices, query: SourceQuery, key: string) =>
  `tt1|previewed|${data.hash(key)}.${data.hash(canonicalQuery(query))}`;

/** Notes that a preview fetched (or found cached) page 1 of `query` at the pull's page size. */
export function notePreview(data: DataServices, query: SourceQuery, key: string): void {
  data.cache.putAll({ [markKey(data, query, key)]: "1" }, PREVIEW_REUSE_SECONDS);
}

/** Whether a preview of `query` with this key fetched its first page in the last 30 minutes. */
export function previewedRecently(data: DataServices, query: SourceQuery, key: string): boolean {
  const mark = markKey(data, query, key);
  return data.cache.getAll([mark])[mark] !== undefined;
}
