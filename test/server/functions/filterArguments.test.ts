// Filter arguments as Sheets hands them: pairs, or one two-column range.

import { describe, expect, it } from "vitest";
import { filterPairs } from "../../../src/server/functions/filterArguments.js";

describe("filterPairs", () => {
  it.each([
    [[], []],
    [["min_total_followers_cnt", 100000], [["min_total_followers_cnt", 100000]]],
    [
      ["a", 1, "b", "x"],
      [
        ["a", 1],
        ["b", "x"],
      ],
    ],
    [
      [
        [
          ["a", 1],
          ["b", 2],
          ["", ""],
        ],
      ],
      [
        ["a", 1],
        ["b", 2],
        ["", ""],
      ],
    ],
    [["a", 1, ""], [["a", 1]]],
    [["a", [["single"]]], [["a", [["single"]]]]],
  ])("reads %j", (args, pairs) => {
    expect(filterPairs(args)).toEqual(pairs);
  });

  it.each([
    [["a", 1, "b"], "filters.unpaired", "b"],
    [[[["a", 1, "x"]]], "filters.rangeShape", "filters"],
    [[[["a"]]], "filters.rangeShape", "filters"],
    [[[["a", 1]], "b", 2], "filters.nameIsRange", "filters"],
  ])("refuses %j", (args, id, parameter) => {
    expect(filterPairs(args)).toMatchObject({ id, parameter });
  });
});
