// "Write to sheet" right after a preview of the same query doesn't pay again for the page the
// preview fetched: the preview notes the query for 30 minutes, and the pull's first chunk then
// reads page 1 from the page cache.

import type { SourceQuery } from "../../shared/query/types.js";
import type { DataServices } from "../platform/types.js";
import { canonicalQuery } from "../sources/fetchRecords.js";

export const PREVIEW_REUSE_SECONDS = 1800;

const markKey = (data: DataServices, query: SourceQuery) =>
  `tt1|previewed|${data.hash(canonicalQuery(query))}`;

/** Notes that a preview fetched (or found cached) page 1 of `query` at the pull's page size. */
export function notePreview(data: DataServices, query: SourceQuery): void {
  data.cache.putAll({ [markKey(data, query)]: "1" }, PREVIEW_REUSE_SECONDS);
}

/** Whether a preview of `query` fetched its first page within the last 30 minutes. */
export function previewedRecently(data: DataServices, query: SourceQuery): boolean {
  const key = markKey(data, query);
  return data.cache.getAll([key])[key] !== undefined;
}
