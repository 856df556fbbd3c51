// dist/Code.js as Apps Script sees it: one classic script whose public functions are top-level
// declarations with their JSDoc and parameter names, and whose top level touches no service.

import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { readPublicFunctions } from "../../build.mjs";
import { mapTrace } from "../../scripts/stack.mjs";

const code = readFileSync("dist/Code.js", "utf8");
const manifest = JSON.parse(readFileSync("dist/appsscript.json", "utf8"));
const publicFunctions = readPublicFunctions("src/server/entrypoints.ts");

describe("dist/Code.js", () => {
  it("parses as a classic script, with no import or export", () => {
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
  });

  it("declares each public function at top level with its JSDoc and parameter names", () => {
    for (const { name, params, jsdoc } of publicFunctions) {
      const declaration = `${jsdoc}\nfunction ${name}(${params.join(", ")}) {`;
      expect(code, name).toContain(declaration);
    }
    expect(code).toContain("@customfunction\n */\nfunction TT_COLUMNS(source) {");
  });

  it("makes nothing else global but the one namespace", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const globals = Object.keys(context).sort();
    expect(globals).toEqual(["TTInfluencers", ...publicFunctions.map((f) => f.name)].sort());
  });

  it("stays small, because Apps Script parses it at every custom function call", () => {
    // The goal is 102,400 bytes (CODE_BYTES_TARGET). The minified bundle of issue 14 met it alone;
    // with the setup check, the field rules, the sidebar's server side, growth and credits it does not
    // (see the closing notes): this bound only keeps it from growing unnoticed meanwhile.
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(156 * 1024);
  });

  it("is minified with a names map that reads its stack traces back to the sources", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context, { filename: "Code" });
    const error = vm.runInContext(
      "(function () { try { TT_INFLUENCERS(); } catch (e) { return e; } })()",
      context,
    ) as Error;
    const stack = (error.cause as Error).stack ?? "";
    // Minified: the trace names positions in Code, not the functions' own names.
    expect(stack).toMatch(/\(Code:3:\d+\)/);
    expect(stack).not.toMatch(/at documentCache /);
    const map = new SourceMap(JSON.parse(readFileSync(".build/Code.js.map", "utf8")));
    const mapped = mapTrace(stack, map);
    expect(mapped).toMatch(/src\/server\/platform\/appsScript\.ts:\d+:\d+/);
    expect(mapped).toMatch(/src\/server\/environments\.ts:\d+:\d+/);
    // The readable wrappers after the bundle keep their own lines.
    expect(mapTrace("at TT_COLUMNS (Code:99999:3)", map)).toBe("at TT_COLUMNS (Code:99999:3)");
  });
});

describe("dist/appsscript.json", () => {
  it("asks for V8 and the four narrow scopes, and whitelists the two API hosts", () => {
    expect(manifest.runtimeVersion).toBe("V8");
    expect([...manifest.oauthScopes].sort()).toEqual([
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/script.external_request",
      "https://www.googleapis.com/auth/script.scriptapp",
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
    ]);
    expect(manifest.urlFetchWhitelist).toEqual([
      "https://api.keyapi.ai/",
      "https://openapi.fastmoss.com/",
    ]);
  });
});

describe("dist/Sidebar.html", () => {
  it("is one self-contained page: styles and script inline, nothing loaded from elsewhere", () => {
    const html = readFileSync("dist/Sidebar.html", "utf8");
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(html.match(/<\/script/g)).toHaveLength(1);
  });
});
