// Where a pull's columns go in an existing sheet, and how upserts merge by id.

import { describe, expect, it } from "vitest";
import {
  columnRuns,
  identityLayout,
  layoutFor,
  placeRow,
  planUpsert,
} from "../../../src/server/pulls/layout.js";
import type { SheetColumn } from "../../../src/server/pulls/sheetFormat.js";

const columns: SheetColumn[] = [
  { key: "user_id", header: "User ID", format: "text" },
  { key: "unique_id", header: "Handle", format: "text" },
  { key: "total_followers_cnt", header: "Followers", format: "count" },
];

describe("layoutFor", () => {
  it("is the identity for the pull's own header", () => {
    expect(layoutFor(["User ID", "Handle", "Followers"], columns)).toEqual(identityLayout(3));
  });

  it("matches labels or keys in any case, keeps the user's columns, adds missing ones at the right", () => {
    const layout = layoutFor(["followers", "My notes", "user_id"], columns);
    expect(layout).toEqual({
      positions: [2, 3, 0],
      added: [[3, "Handle"]],
      width: 4,
      identity: false,
    });
    expect(columnRuns(layout)).toEqual([
      { first: 0, last: 0 },
      { first: 2, last: 3 },
    ]);
  });

  it("places a row in the layout's columns over a base row", () => {
    const layout = layoutFor(["followers", "My notes", "user_id"], columns);
    expect(placeRow(["1", "mia", 5], layout, [0, "note", "old"])).toEqual([5, "note", "1", "mia"]);
  });
});

describe("planUpsert", () => {
  const layout = layoutFor(["User ID", "Handle", "Followers", "Contacted?"], columns);
  const existing = [
    ["6787580688797713413", "a", 1, "yes"],
    ["6787580688797713414", "b", 2, ""],
    ["", "", "", "a row of the user's"],
  ];

  it("updates matching ids in place, keeps the user's column, appends new ids once", () => {
    const plan = planUpsert(
      existing,
      [
        ["6787580688797713414", "b2", 20],
        ["6787580688797713499", "new", 99],
        ["6787580688797713499", "new again", 100],
      ],
      layout,
      0,
    );
    expect(plan.updated).toBe(1);
    // Only the row the pull updated is written back: the others are in no run at all.
    expect(plan.updatedRuns).toEqual([{ start: 1, rows: [["6787580688797713414", "b2", 20, ""]] }]);
    expect(plan.appendedRows).toEqual([["6787580688797713499", "new again", 100, ""]]);
  });

  it("groups updated rows into runs of consecutive rows, leaving the rows between out", () => {
    const many = [["1"], ["2"], ["3"], ["4"], ["5"]];
    const plan = planUpsert(many, [["5"], ["1"], ["2"], ["4"]], identityLayout(1), 0);
    expect(plan.updatedRuns).toEqual([
      { start: 0, rows: [["1"], ["2"]] },
      { start: 3, rows: [["4"], ["5"]] },
    ]);
    expect(plan.updated).toBe(4);
  });

  it("compares ids as exact text: a near-identical 19-digit id is a new creator", () => {
    const plan = planUpsert(existing, [["6787580688797713415", "c", 3]], layout, 0);
    expect(plan.updated).toBe(0);
    expect(plan.appended).toBe(1);
  });
});
