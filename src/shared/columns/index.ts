// The column catalogues of both sources, looked up by source name.

import { FASTMOSS_COLUMNS } from "./fastmoss.js";
import { KEYAPI_COLUMNS } from "./keyapi.js";
import type { ColumnCatalogue, SourceName } from "./types.js";

export { FASTMOSS_AGE_BUCKETS, FASTMOSS_COLUMNS, FASTMOSS_GENDERS } from "./fastmoss.js";
export { KEYAPI_COLUMNS } from "./keyapi.js";
export { FIRST_SEEN_KEY, isSeenKey, LAST_SEEN_KEY, SEEN_KEYS } from "./seen.js";
export * from "./types.js";

const CATALOGUES: Readonly<Record<SourceName, ColumnCatalogue>> = {
  keyapi: KEYAPI_COLUMNS,
  fastmoss: FASTMOSS_COLUMNS,
};

export function catalogueOf(source: SourceName): ColumnCatalogue {
  return CATALOGUES[source];
}
