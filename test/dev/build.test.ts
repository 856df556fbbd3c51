// build.mjs's reading of the public surface: what it accepts and what makes the build fail.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPublicFunctions } from "../../build.mjs";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function entrypoints(source: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "entrypoints-"));
  folders.push(folder);
  const file = path.join(folder, "entrypoints.ts");
  writeFileSync(file, source);
  return file;
}

describe("readPublicFunctions", () => {
  it("reads names, parameter names and JSDoc, rest parameters included", () => {
    const file = entrypoints(`
      export type Summary = { rows: number };
      /**
       * Adds.
       * @customfunction
       */
      export function ADD(a: number, b: number): number { return a + b; }
      /** Many. */
      export function MANY(first: unknown, ...rest: unknown[]): number { return rest.length; }
      function helper() { return 1; }
    `);
    expect(readPublicFunctions(file)).toEqual([
      {
        name: "ADD",
        params: ["a", "b"],
        jsdoc: "/**\n       * Adds.\n       * @customfunction\n       */",
      },
      { name: "MANY", params: ["first", "...rest"], jsdoc: "/** Many. */" },
    ]);
  });

  it.each([
    ["a constant", "/** x */ export const X = () => 1;", /must be a function declaration/],
    ["a function without JSDoc", "export function X() { return 1; }", /X has no JSDoc comment/],
    ["a line comment instead of JSDoc", "// x\nexport function X() { return 1; }", /no JSDoc/],
    [
      "a destructured parameter",
      "/** x */ export function X({ a }: { a: number }) { return a; }",
      /destructured/,
    ],
    ["a private name", "/** x */ export function hidden_() { return 1; }", /ends with "_"/],
    ["a re-export", "export { something } from './x';", /re-exports are not allowed/],
    ["a default export", "/** x */ export default function X() { return 1; }", /default export/],
    ["nothing public", "function x() { return 1; }", /no public functions/],
  ])("fails the build for %s", (_case, source, problem) => {
    expect(() => readPublicFunctions(entrypoints(source))).toThrow(problem);
  });
});
