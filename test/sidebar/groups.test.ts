// The search form shows every filter of each source's shared spec, once, ranges side by side.

import { describe, expect, it } from "vitest";
import { SOURCE_NAMES } from "../../src/shared/columns/index.js";
import { FILTER_SPECS } from "../../src/shared/query/index.js";
import { FILTER_GROUPS, groupRows, rangeCaption } from "../../src/sidebar/search/groups.js";

describe.each(SOURCE_NAMES)("%s filter groups", (source) => {
  const rows = FILTER_GROUPS[source].flatMap((group) => groupRows(source, group));
  const shown = rows.flatMap((row) =>
    row.kind === "single"
      ? [row.spec.name]
      : row.kind === "range"
        ? [row.min.name, row.max.name]
        : [row.type.name, row.value.name],
  );

  it("hold every filter of the spec exactly once", () => {
    expect([...shown].sort()).toEqual(FILTER_SPECS[source].map((spec) => spec.name).sort());
  });

  it("pair each range's minimum with its maximum", () => {
    for (const row of rows) {
      if (row.kind !== "range") continue;
      expect(row.min.range).toEqual({ bound: "min", partner: row.max.name });
      expect(row.max.range).toEqual({ bound: "max", partner: row.min.name });
    }
    const ranges = FILTER_SPECS[source].filter((spec) => spec.range?.bound === "min");
    expect(rows.filter((row) => row.kind === "range")).toHaveLength(ranges.length);
  });

  it("caption each range with what its bounds share, in both languages", () => {
    for (const row of rows) {
      if (row.kind !== "range") continue;
      for (const locale of ["en", "zh"] as const) {
        const caption = rangeCaption(row.min, row.max, locale);
        expect(caption).not.toBe("");
        expect(row.min.label[locale].startsWith(caption)).toBe(true);
        expect(caption).not.toMatch(/at (least|most)|[上下]限|,$/);
      }
    }
  });
});

describe("rangeCaption", () => {
  it("reads the shared part of the labels", () => {
    const [min, max] = FILTER_SPECS.keyapi.filter((s) => s.name.endsWith("total_followers_cnt"));
    expect(rangeCaption(min!, max!, "en")).toBe("Followers");
    expect(rangeCaption(min!, max!, "zh")).toBe("粉丝数");
  });
});
