// The page planner against every data size: it fetches exactly the pages needed when data is
// plentiful, never more than 3 past the end when it is not, and uses a known total at once.

import { describe, expect, it } from "vitest";
import { PagePlanner, type PagePlannerOptions } from "../../../src/server/http/pagePlanner.js";

/** Runs a planner against a dataset of `total` records; answers the waves it made. */
function simulate(total: number, options: PagePlannerOptions, capacity = 10, withTotal = false) {
  const planner = new PagePlanner(options);
  const waves: number[][] = [];
  while (!planner.done()) {
    const wave = planner.next(capacity);
    if (wave.length === 0) throw new Error("stuck");
    waves.push(wave);
    for (const page of wave) {
      const count = Math.max(0, Math.min(options.pageSize, total - (page - 1) * options.pageSize));
      planner.accept(page, count, withTotal ? total : undefined);
    }
    if (waves.length > 20_000) throw new Error("runaway");
  }
  return { waves, requested: waves.flat(), planner };
}

const keyApi = (limit: number, firstPage = 1): PagePlannerOptions => ({
  pageSize: 10,
  firstPage,
  lastPage: Math.min(10_000, Math.ceil(limit / 10)),
  speculation: 3,
  probeLastPage: true,
});

describe("PagePlanner for an API without totals (KeyAPI)", () => {
  it.each([5, 10, 50, 95, 100, 250, 1000])(
    "limit %i: exactly ⌈limit/10⌉ requests when the data is plentiful, and never past the end by more than 3",
    (limit) => {
      for (let total = 0; total <= 260; total++) {
        const { requested, planner } = simulate(total, keyApi(limit));
        const needed = Math.ceil(limit / 10);
        const lastPage = Math.floor(total / 10) + 1; // the first page shorter than 10
        if (total >= limit) {
          expect(requested.length, `total ${total}`).toBe(needed);
        } else {
          const past = requested.filter((page) => page > lastPage).length;
          expect(past, `total ${total}`).toBeLessThanOrEqual(3);
          expect(requested, `total ${total}`).toContain(Math.min(lastPage, needed));
        }
        expect(new Set(requested).size, `no page twice, total ${total}`).toBe(requested.length);
        expect(planner.contiguousThrough()).toBeGreaterThanOrEqual(Math.min(needed, lastPage));
      }
    },
  );

  it("probes the last needed page first, then fetches the rest in full waves", () => {
    const { waves } = simulate(5_000, keyApi(1000));
    expect(waves[0]).toEqual([1, 2, 3, 100]);
    expect(waves[1]).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(waves).toHaveLength(11);
  });

  it("falls back to small safe waves when the probe shows the data ends sooner", () => {
    const { waves, requested } = simulate(95, keyApi(1000));
    expect(waves[0]).toEqual([1, 2, 3, 100]);
    expect(requested.filter((page) => page > 10).length).toBeLessThanOrEqual(3);
  });

  it("resumes at a later page without asking for earlier ones", () => {
    const { requested } = simulate(2_000, { ...keyApi(2_000, 51), lastPage: 100 });
    expect(Math.min(...requested)).toBe(51);
    expect(requested).toHaveLength(50);
  });

  it("asks again for a page that failed", () => {
    const planner = new PagePlanner(keyApi(30));
    expect(planner.next(10)).toEqual([1, 2, 3]);
    planner.accept(1, 10);
    planner.accept(3, 10);
    planner.retry(2);
    expect(planner.next(10)).toEqual([2]);
    planner.accept(2, 10);
    expect(planner.done()).toBe(true);
  });
});

describe("PagePlanner for an API with totals (FastMoss)", () => {
  const fastMoss = (limit: number): PagePlannerOptions => {
    const pageSize = Math.min(100, limit);
    return {
      pageSize,
      firstPage: 1,
      lastPage: Math.min(Math.ceil(limit / pageSize), Math.floor(1000 / pageSize)),
      speculation: 0,
      probeLastPage: false,
    };
  };

  it.each([
    [1000, 5_000, [[1], [2, 3, 4, 5, 6, 7, 8, 9, 10]]],
    [1000, 250, [[1], [2, 3]]],
    [1000, 0, [[1]]],
    [50, 5_000, [[1]]],
    [250, 5_000, [[1], [2, 3]]],
  ])(
    "limit %i over %i entries: the first page, then all the rest at once",
    (limit, total, waves) => {
      expect(simulate(total, fastMoss(limit), 50, true).waves).toEqual(waves);
    },
  );
});
