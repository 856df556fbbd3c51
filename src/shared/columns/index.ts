// The column catalogues of both sources, looked up by source name in the source registry.

import { SOURCES } from "../sources.js";
import type { ColumnCatalogue, SourceName } from "./types.js";

export { FASTMOSS_AGE_BUCKETS, FASTMOSS_COLUMNS, FASTMOSS_GENDERS } from "./fastmoss.js";
export { KEYAPI_COLUMNS } from "./keyapi.js";
export { FIRST_SEEN_KEY, isSeenKey, LAST_SEEN_KEY, SEEN_KEYS } from "./seen.js";
export * from "./types.js";

export function catalogueOf(source: SourceName): ColumnCatalogue {
  return SOURCES[source].columns;
}
