// SPEC "Many cells at once": the built bundle's formulas recalculated together in the runtime's
// concurrent mode (one execution per cell, up to 30 at once, one virtual clock, the document's
// cache and lock shared) against a KeyAPI that allows 10 requests a second.

import { describe, expect, it } from "vitest";
import type { FakeApiHandle } from "../../dev/fake-api/worker.js";
import type { AppsScriptRuntime, CellOutcome } from "../../dev/runtime/runtime.js";
import { useAddonWorld } from "./addonWorld.js";

let api: FakeApiHandle;
let rt: AppsScriptRuntime;
useAddonWorld((world) => {
  ({ api, rt } = world);
});

const LIMITED = { latencyMs: 300, rateLimit: { keyapi: 10, fastmoss: 10 } };

/** `count` different TT_INFLUENCERS cells of 100 rows each. */
function differentCells(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    name: "TT_INFLUENCERS",
    args: ["US", 100, "min_total_followers_cnt", 1000 + index],
  }));
}

async function served() {
  const { keyapi } = await api.stats();
  return {
    requests: keyapi.requests,
    credits: keyapi.credits,
    refused: keyapi.log.filter((entry) => entry.status === 429).length,
    pages: keyapi.log.filter((entry) => entry.status === 200).map((entry) => entry.params),
  };
}

const rowsOf = (cell: CellOutcome) => (cell.ok ? (cell.value as unknown[][]).length - 1 : 0);

describe("many cells at once", { timeout: 120_000 }, () => {
  it("20 different cells at the same moment all answer, within 30 s, for at most 210 credits", async () => {
    await api.configure(LIMITED);
    const start = rt.clock.now();
    const cells = rt.customFunctionsAtOnce(differentCells(20));
    expect(cells.filter((cell) => !cell.ok).map((cell) => cell.error?.message)).toEqual([]);
    expect(cells.map(rowsOf)).toEqual(Array(20).fill(100));
    expect(cells.every((cell) => cell.startedAt === start)).toBe(true);
    for (const cell of cells) expect(cell.endedAt - cell.startedAt).toBeLessThan(30_000);
    const { requests, credits, refused } = await served();
    expect(requests).toBeLessThanOrEqual(210);
    expect(credits).toBeLessThanOrEqual(210);
    expect(refused).toBe(0);
    // Few lock acquisitions: a reservation per wave, not per request.
    const locks = cells.reduce((sum, cell) => sum + (cell.calls["Lock.tryLock"] ?? 0), 0);
    expect(locks).toBeLessThan(requests / 2);
  });

  it("two cells with the same formula at the same moment pay once", async () => {
    await api.configure(LIMITED);
    const cells = rt.customFunctionsAtOnce([
      { name: "TT_INFLUENCERS", args: ["US", 100] },
      { name: "TT_INFLUENCERS", args: ["US", 100] },
    ]);
    expect(cells.map((cell) => cell.ok)).toEqual([true, true]);
    expect(cells[1]!.value).toEqual(cells[0]!.value);
    expect(rowsOf(cells[0]!)).toBe(100);
    const { requests } = await served();
    expect(requests).toBeLessThanOrEqual(10);
  });

  it("cells that cannot finish in 30 s keep their pages; the next recalculation finishes them", async () => {
    await api.configure(LIMITED);
    const cells = differentCells(40);
    const first = rt.customFunctionsAtOnce(cells);
    const failed = first.filter((cell) => !cell.ok);
    expect(failed.length).toBeGreaterThan(0);
    for (const cell of failed) {
      expect(cell.error?.message).toMatch(
        /^TT_INFLUENCERS: ran out of time after \d+ of 100 rows .* a recalculation will finish it/,
      );
      expect(cell.endedAt - cell.startedAt).toBeLessThan(30_000);
    }
    rt.advance(60_000);
    const second = rt.customFunctionsAtOnce(cells);
    expect(second.filter((cell) => !cell.ok).map((cell) => cell.error?.message)).toEqual([]);
    expect(second.map(rowsOf)).toEqual(Array(40).fill(100));
    const { requests, pages } = await served();
    expect(requests).toBeLessThanOrEqual(410);
    // No page was paid for twice.
    const keys = pages.map((params) => JSON.stringify(params));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("backs off together after a 429 from an API slower than assumed, and still answers every cell", async () => {
    await api.configure({ latencyMs: 300, rateLimit: { keyapi: 5, fastmoss: 5 } });
    const cells = rt.customFunctionsAtOnce(differentCells(5));
    expect(cells.filter((cell) => !cell.ok).map((cell) => cell.error?.message)).toEqual([]);
    const { requests, refused } = await served();
    expect(requests - refused).toBe(50);
    // The API did refuse (it is slower than assumed), and the shared rate halved at the first
    // refusals: far fewer than a refusal per page.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(20);
  });
});
