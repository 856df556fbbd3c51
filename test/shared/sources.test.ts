// The source registry: each descriptor agrees with itself, and the paging rules the server plans
// with (lastPageFor) are the ones the sidebar prices with (estimateCost).

import { describe, expect, it } from "vitest";
import { adapterOf } from "../../src/server/sources/adapters.js";
import { lastPageFor } from "../../src/server/sources/fetchRecords.js";
import { SOURCE_NAMES } from "../../src/shared/columns/index.js";
import { estimateCost } from "../../src/shared/query/paging.js";
import type { SourceQuery } from "../../src/shared/query/types.js";
import {
  isSourceName,
  SOURCE_LIST,
  SOURCES,
  servesRegion,
  sourceLabel,
} from "../../src/shared/sources.js";

const NOW = Date.UTC(2026, 5, 15, 12);

describe("the source registry", () => {
  it("has one descriptor per source name, in the add-on's order, each under its own name", () => {
    expect(SOURCE_LIST.map((source) => source.name)).toEqual(SOURCE_NAMES);
    for (const name of SOURCE_NAMES) {
      expect(SOURCES[name].name).toBe(name);
      expect(SOURCES[name].columns.source).toBe(name);
    }
    expect(sourceLabel("keyapi")).toBe("KeyAPI");
    expect(sourceLabel("fastmoss")).toBe("FastMoss");
  });

  it("tells a source name from anything else, exactly", () => {
    expect(isSourceName("keyapi")).toBe(true);
    expect(isSourceName("fastmoss")).toBe(true);
    for (const value of ["KeyAPI", " keyapi", "", "toString", undefined, 1]) {
      expect(isSourceName(value)).toBe(false);
    }
  });

  it("knows which regions each source serves", () => {
    expect(servesRegion("keyapi", "NZ")).toBe(true);
    expect(servesRegion("keyapi", "NZL")).toBe(false);
    expect(servesRegion("fastmoss", "DE")).toBe(true);
    expect(servesRegion("fastmoss", "NZ")).toBe(false);
  });

  it.each([1, 7, 10, 99, 100, 101, 999, 1000, 5000, 100_000, 250_000])(
    "plans and prices %i rows with the same last page",
    (limit) => {
      for (const name of SOURCE_NAMES) {
        const query = { ...adapterOf(name).connectionQuery(NOW), limit } as SourceQuery;
        const cost = estimateCost(name, limit);
        expect(cost.requests).toBe(lastPageFor(query));
        expect(cost.credits).toBe(cost.requests * SOURCES[name].creditsPerRequest);
      }
    },
  );

  it("bounds FastMoss by its first 1,000 entries and KeyAPI by 10,000 pages", () => {
    expect(estimateCost("fastmoss", 5000)).toEqual({ requests: 10, credits: 0 });
    expect(estimateCost("keyapi", 250_000)).toEqual({ requests: 10_000, credits: 10_000 });
  });
});

describe("the server adapters", () => {
  it("send a one-row connection test of their own source", () => {
    for (const name of SOURCE_NAMES) {
      const query = adapterOf(name).connectionQuery(NOW);
      expect(query).toMatchObject({ source: name, region: "US", limit: 1 });
    }
    expect(adapterOf("fastmoss").connectionQuery(NOW)).toMatchObject({
      date: { type: "day", value: "2026-06-14" },
    });
  });

  it("page with the registry's page size and label", () => {
    for (const name of SOURCE_NAMES) {
      const query = adapterOf(name).connectionQuery(NOW);
      const api = adapterOf(name).pagedApi({ ...query, limit: 500 } as never, "key-123456", {
        first: 1,
        last: 3,
      });
      expect(api.label).toBe(SOURCES[name].label);
      expect(api.pageSize).toBe(Math.min(500, SOURCES[name].maxPageSize));
    }
  });
});
