// `npm start`'s prompt: formulas typed as in a cell are evaluated by the built bundle.

import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateLine, formatGrid } from "../../dev/playground/start.js";
import { AppsScriptRuntime } from "../../dev/runtime/runtime.js";

const rt = new AppsScriptRuntime();
afterAll(() => rt.close());

describe("the playground prompt", () => {
  it("evaluates a custom function and prints its grid", () => {
    const output = evaluateLine(rt, '=TT_COLUMNS("fastmoss")');
    expect(output.split("\n")[0]).toMatch(/^Key\s+│ Label\s+│ Description/);
    expect(output).toContain("creator.follower_count");
  });

  it("shows a failing formula as the cell would", () => {
    expect(evaluateLine(rt, '=TT_COLUMNS("nope")')).toBe(
      '#ERROR! TT_COLUMNS: source must be "keyapi" or "fastmoss", not "nope".',
    );
    expect(evaluateLine(rt, '=TT_COLUMNS("open')).toMatch(/^Formula parse error/);
  });

  it("truncates long cells and long answers", () => {
    const grid = formatGrid(Array.from({ length: 40 }, (_, index) => [index, "x".repeat(50)]));
    expect(grid).toContain("… 15 more rows");
    expect(grid).toContain(`${"x".repeat(27)}…`);
  });

  it("runs as a program: starts the fake API, answers a formula, stops on exit", () => {
    const run = spawnSync("npx", ["tsx", "dev/playground/start.ts"], {
      input:
        '=TT_COLUMNS("keyapi")\n=TT_INFLUENCERS("US", 3, "columns", "unique_id, total_followers_cnt")\nexit\n',
      encoding: "utf8",
      env: { ...process.env, PORT: "0" },
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Fake KeyAPI \+ FastMoss at http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toContain("total_followers_cnt");
    expect(run.stdout).toMatch(/Handle\s+│ Followers/);
  });
});
