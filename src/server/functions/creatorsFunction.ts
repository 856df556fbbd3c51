// TT_INFLUENCERS and TT_TOP_POTENTIAL: arguments as Sheets hands them → a validated query → the
// data layer within a custom function's 30 seconds → a table. Bad input and a missing key fail
// before any request; running out of time fails with what to do, not Apps Script's bare timeout.

import { message } from "../../shared/messages/index.js";
import { validateQuery } from "../../shared/query/index.js";
import type { SourceName, SourceQuery } from "../../shared/query/types.js";
import { AddonError } from "../errors.js";
import type { DocumentEnvironment } from "../platform/types.js";
import { keyFor } from "../settings/settings.js";
import { type FetchedRecords, fetchRecords } from "../sources/fetchRecords.js";
import { recordsTable } from "../sources/rows.js";
import type { CellValue } from "../sources/values.js";
import { filterPairs } from "./filterArguments.js";
import { invalidInput } from "./invalidInput.js";

/** Apps Script stops a custom function at 30 s; leave room for loading the bundle and the answer. */
export const FORMULA_BUDGET_MS = 25_000;

/** A custom function needs nothing beyond the document's own environment. */
export type FunctionEnvironment = DocumentEnvironment;

export interface CreatorsArguments {
  readonly region: unknown;
  readonly limit: unknown;
  readonly filters: readonly unknown[];
}

export function creatorsTable(
  source: SourceName,
  args: CreatorsArguments,
  env: FunctionEnvironment,
): CellValue[][] | string {
  const started = env.data.clock.now();
  const pairs = filterPairs(args.filters);
  if (!Array.isArray(pairs)) throw invalidInput([pairs]);
  const { timeZone } = env;
  const validation = validateQuery(
    { source, region: args.region, limit: args.limit, filters: pairs },
    { now: started, timeZone, limitContext: "formula" },
  );
  if (!validation.ok) throw invalidInput(validation.issues);
  const { query, output } = validation.value;

  const fetched = fetchRecords(
    { query, key: keyFor(env.properties, source), deadline: started + FORMULA_BUDGET_MS },
    env.data,
  );
  if (fetched.stoppedBy === "deadline") throw outOfTime(query, fetched);
  const table = recordsTable(source, fetched.records, output, timeZone);
  // Sheets can't show an empty array: with no header and no rows, the cell stays blank.
  return table.length === 0 ? "" : table;
}

function outOfTime(query: SourceQuery, fetched: FetchedRecords): AddonError {
  return new AddonError(
    "TIMEOUT",
    message("fetch.timeout", {
      rows: fetched.records.length,
      limit: query.limit,
      pages: fetched.stats.cachedPages + fetched.stats.sharedPages + fetched.stats.requests,
    }),
  );
}
