// How pulled values are written so that the sheet keeps them exactly.

import { describe, expect, it } from "vitest";
import {
  sheetCell,
  sheetColumns,
  widthRuns,
  withIdColumn,
} from "../../../src/server/pulls/sheetFormat.js";

describe("sheetCell", () => {
  it.each([
    ['=HYPERLINK("x")', "text", '=HYPERLINK("x")'],
    ["0012345", "text", "0012345"],
    ["N/A", "count", "'N/A"],
    ["+1 555", "money", "'+1 555"],
    [1234, "count", 1234],
    ["", "count", ""],
    [null, "text", ""],
  ] as const)("%j in a %s column → %j", (value, format, cell) => {
    expect(sheetCell(value, format)).toEqual(cell);
  });
});

describe("sheetColumns", () => {
  it("puts snapshot_at first in history mode, as a label or a key", () => {
    expect(
      sheetColumns("keyapi", { columns: ["user_id"], headers: "labels" }, "history").map(
        (c) => c.header,
      ),
    ).toEqual(["Snapshot at", "User ID"]);
    expect(
      sheetColumns("keyapi", { columns: ["user_id"], headers: "keys" }, "history").map(
        (c) => c.header,
      ),
    ).toEqual(["snapshot_at", "user_id"]);
  });

  it("adds the source's id column for upserts when it is missing", () => {
    expect(
      withIdColumn("fastmoss", { columns: ["creator.nickname"], headers: "labels" }).columns,
    ).toEqual(["creator.nickname", "uid"]);
  });

  it("groups equal widths into runs, one call each", () => {
    const columns = sheetColumns(
      "keyapi",
      {
        columns: [
          "unique_id",
          "nick_name",
          "total_followers_cnt",
          "total_views_cnt",
          "profile_url",
        ],
        headers: "labels",
      },
      "replace",
    );
    expect(widthRuns(columns)).toEqual([
      { start: 1, count: 2, width: 170 },
      { start: 3, count: 2, width: 100 },
      { start: 5, count: 1, width: 230 },
    ]);
  });
});
