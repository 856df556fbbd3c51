// Every formula the README offers works: each is parsed as Sheets would and evaluated by the built
// bundle against the fake APIs, so the README can't drift from the product.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeApiHandle, startFakeApiInWorker } from "../../dev/fake-api/worker.js";
import { parseFormulaCall } from "../../dev/playground/formula.js";
import { AppsScriptRuntime, apiRoutes } from "../../dev/runtime/runtime.js";

const readme = readFileSync("README.md", "utf8");
const table = readme.slice(
  readme.indexOf("### Thirteen formulas to start from"),
  readme.indexOf("### What the errors mean"),
);
const formulas = [...table.matchAll(/`(=TT_[A-Z_]+\(.*?\))`/g)].map((match) => match[1]!);

/** The cells the README's formulas refer to. */
const CELLS: Record<string, unknown> = {
  "A1:B4": [
    ["influencer_category_name", "Beauty"],
    ["min_total_followers_cnt", 10000],
    ["sort_type", 1],
    ["", ""],
  ],
  C1: new Date("2026-11-12T00:00:00Z"),
  "'Creators history'!A1:N5000": [
    ["Snapshot at", "Handle", "Followers", "User ID"],
    [new Date("2026-11-01T09:00:00Z"), "anna", 1000, "1"],
    [new Date("2026-11-01T09:00:00Z"), "ben", 800, "2"],
    [new Date("2026-11-09T09:00:00Z"), "anna", 1200, "1"],
    [new Date("2026-11-09T09:00:00Z"), "ben", 1000, "2"],
  ],
};

let api: FakeApiHandle;
let rt: AppsScriptRuntime;

beforeAll(async () => {
  api = await startFakeApiInWorker({});
  rt = new AppsScriptRuntime({ routes: apiRoutes(api.url) });
  rt.serverCall("saveSettings", [
    { keyapiKey: "demo-keyapi-key", fastmossToken: "demo-fastmoss-token" },
  ]);
});

afterAll(async () => {
  rt.close();
  await api.close();
});

describe("the README's formulas", () => {
  it("are thirteen", () => {
    expect(formulas).toHaveLength(13);
  });

  it.each(formulas)("%s answers a table", (formula) => {
    const call = parseFormulaCall(formula, (reference) => CELLS[reference] as never);
    expect(call).toBeDefined();
    const answer = rt.customFunction(call!.name, call!.args) as unknown[][];
    expect(Array.isArray(answer)).toBe(true);
    expect(answer.length).toBeGreaterThan(1);
  });
});
