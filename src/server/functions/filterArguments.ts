// The filter arguments of TT_INFLUENCERS and TT_TOP_POTENTIAL as Sheets hands them: name, value
// pairs, or one two-column range of names and values in their place.

import { issue, type QueryIssue } from "../../shared/query/index.js";

export type FilterPair = readonly [unknown, unknown];

export function filterPairs(args: readonly unknown[]): FilterPair[] | QueryIssue {
  const [first] = args;
  if (args.length === 1 && Array.isArray(first)) return rangePairs(first);
  const pairs: FilterPair[] = [];
  for (let index = 0; index < args.length; index += 2) {
    const name = args[index];
    if (Array.isArray(name)) return issue("filters", "filters.nameIsRange", {});
    if (index + 1 >= args.length) {
      // A lone trailing blank is a stray comma, not a filter.
      if (name === "" || name === null || name === undefined) break;
      return issue(String(name), "filters.unpaired", { name: String(name) });
    }
    pairs.push([name, args[index + 1]]);
  }
  return pairs;
}

function rangePairs(range: readonly unknown[]): FilterPair[] | QueryIssue {
  const pairs: FilterPair[] = [];
  for (const row of range) {
    const cells = Array.isArray(row) ? row : [row];
    if (cells.length !== 2)
      return issue("filters", "filters.rangeShape", { columns: cells.length });
    pairs.push([cells[0], cells[1]]);
  }
  return pairs;
}
