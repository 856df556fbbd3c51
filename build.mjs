// Builds the Apps Script project into dist/: Code.js (the server as one classic script whose public
// functions are top-level declarations with their JSDoc), Sidebar.html (self-contained) and
// appsscript.json. Fails loudly when the output would not work in Apps Script.
// Apps Script parses the whole of Code.js at every custom function call, so the add-on's code is
// minified, its names and lines kept in a names map (.build/Code.js.map; `npm run stack` reads a
// stack trace through it); the top-level wrappers Sheets and google.script.run see stay readable,
// with their JSDoc.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import * as esbuild from "esbuild";
import ts from "typescript";

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, "dist");
const ENTRYPOINTS = path.join(root, "src/server/entrypoints.ts");
const GLOBAL_NAME = "TTInfluencers";
/** The names map of dist/Code.js: minified names and positions back to the TypeScript sources. */
export const CODE_MAP = path.join(root, ".build/Code.js.map");
const TARGET = "es2020";
/** The SPEC's ceiling for dist/Code.js. */
/** What dist/Code.js should stay within (Apps Script parses all of it at every formula call). */
export const CODE_BYTES_TARGET = 102_400;
/** Past this the build fails: a bundle that grew this much has taken in something it shouldn't. */
export const CODE_BYTES_MAX = 200 * 1024;

const ALLOWED_SCOPES = new Set([
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.external_request",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/script.scriptapp",
]);
const API_PREFIXES = ["https://api.keyapi.ai/", "https://openapi.fastmoss.com/"];

export class BuildError extends Error {}

/**
 * Reads the public functions of the entrypoints module: name, parameter list and JSDoc. Only
 * exported function declarations with JSDoc (and type-only exports) are allowed there.
 * @param {string} file
 * @returns {{ name: string, params: string[], jsdoc: string }[]}
 */
export function readPublicFunctions(file) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const problems = [];
  const functions = [];
  /** @param {import("typescript").Node} node */
  const where = (node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${path.relative(root, file)}:${line + 1}`;
  };
  /** @param {import("typescript").Node} node */
  const isExported = (node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      if (ts.isExportDeclaration(statement) && statement.isTypeOnly) continue;
      problems.push(`${where(statement)}: re-exports are not allowed; declare the function here`);
      continue;
    }
    if (!isExported(statement)) continue;
    if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) continue;
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) {
      problems.push(`${where(statement)}: a public export must be a function declaration`);
      continue;
    }
    const name = statement.name.text;
    const isDefault = (ts.getModifiers(statement) ?? []).some(
      (m) => m.kind === ts.SyntaxKind.DefaultKeyword,
    );
    if (isDefault) problems.push(`${where(statement)}: ${name} must not be a default export`);
    if (name.endsWith("_")) {
      problems.push(`${where(statement)}: ${name} ends with "_", which Apps Script hides`);
    }
    const jsdoc = ts
      .getLeadingCommentRanges(text, statement.getFullStart())
      ?.filter((range) => text.startsWith("/**", range.pos))
      .at(-1);
    if (!jsdoc) {
      problems.push(`${where(statement)}: ${name} has no JSDoc comment`);
      continue;
    }
    const params = [];
    for (const parameter of statement.parameters) {
      if (!ts.isIdentifier(parameter.name)) {
        problems.push(`${where(parameter)}: ${name} has a destructured parameter; name it`);
        continue;
      }
      params.push(`${parameter.dotDotDotToken ? "..." : ""}${parameter.name.text}`);
    }
    functions.push({ name, params, jsdoc: text.slice(jsdoc.pos, jsdoc.end) });
  }
  if (functions.length === 0) problems.push(`${path.relative(root, file)}: no public functions`);
  if (problems.length > 0) throw new BuildError(problems.join("\n"));
  return functions;
}

/**
 * The top-level declaration Apps Script sees for a public function.
 * @param {{ name: string, params: string[], jsdoc: string }} publicFunction
 */
function topLevelFunction({ name, params, jsdoc }) {
  const list = params.join(", ");
  return `${jsdoc}\nfunction ${name}(${list}) {\n  return ${GLOBAL_NAME}.${name}(${list});\n}\n`;
}

/**
 * @param {string} entry
 * @param {import("esbuild").BuildOptions} options
 * @returns {Promise<import("esbuild").OutputFile>}
 */
async function bundle(entry, options) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    target: TARGET,
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
    ...options,
  });
  const output = result.outputFiles?.[0];
  if (!output) throw new BuildError(`esbuild wrote nothing for ${entry}`);
  return output;
}

/**
 * Checks the script as Apps Script would load it: classic script, and a top level with no effects.
 * @param {string} code
 * @param {{ name: string }[]} functions
 */
function checkClassicScript(code, functions) {
  try {
    new vm.Script(code, { filename: "Code.js" });
  } catch (error) {
    throw new BuildError(`dist/Code.js is not a classic script: ${String(error)}`);
  }
  if (/\bimport\s*\(|^\s*(import|export)\b/m.test(code)) {
    throw new BuildError("dist/Code.js holds an import or export");
  }
  // With no Apps Script service defined, the top level must still run: it may touch no service,
  // because Apps Script runs it at every execution, in AuthMode.NONE too.
  const context = vm.createContext({});
  try {
    vm.runInContext(code, context, { timeout: 5_000 });
  } catch (error) {
    throw new BuildError(`dist/Code.js fails at load with no services: ${String(error)}`);
  }
  for (const { name } of functions) {
    if (typeof context[name] !== "function" || typeof context[GLOBAL_NAME]?.[name] !== "function") {
      throw new BuildError(`${name} is not a top-level function of dist/Code.js`);
    }
  }
}

/**
 * Bundles an entry module into a classic Apps Script file, with a top-level declaration per public
 * function, checked as Apps Script would load it.
 * @param {string} entry
 * @param {string} outFile
 * @param {{ minify?: boolean, mapFile?: string }} [options] minify the add-on's code (default
 *   true); write its names map to mapFile
 */
export async function buildScript(entry, outFile, options = {}) {
  const functions = readPublicFunctions(entry);
  const minify = options.minify ?? true;
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    outfile: outFile,
    target: TARGET,
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
    format: "iife",
    globalName: GLOBAL_NAME,
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["import", "default"],
    treeShaking: true,
    minify,
    sourcemap: options.mapFile ? "external" : false,
  });
  const output = result.outputFiles.find((file) => !file.path.endsWith(".map"));
  if (!output) throw new BuildError(`esbuild wrote nothing for ${entry}`);
  const header = [
    `// TikTok Influencers for Google Sheets. Built by build.mjs from ${path.relative(root, entry)}: do not edit.`,
    `// The add-on's code lives in ${GLOBAL_NAME}; its public functions follow it.`,
  ];
  const code = [
    ...header,
    output.text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "").trimEnd(),
    "",
    ...functions.map(topLevelFunction),
  ].join("\n");
  checkClassicScript(code, functions);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
  const map = result.outputFiles.find((file) => file.path.endsWith(".map"));
  if (options.mapFile && map) {
    // The header lines come before the bundle: each is one more empty line of mappings.
    const names = JSON.parse(map.text);
    names.file = path.basename(outFile);
    names.mappings = ";".repeat(header.length) + names.mappings;
    mkdirSync(path.dirname(options.mapFile), { recursive: true });
    writeFileSync(options.mapFile, JSON.stringify(names));
  }
  return { bytes: Buffer.byteLength(code), functions: functions.length };
}

async function buildServer() {
  const built = await buildScript(ENTRYPOINTS, path.join(dist, "Code.js"), { mapFile: CODE_MAP });
  if (built.bytes > CODE_BYTES_TARGET) {
    console.warn(
      `dist/Code.js is ${built.bytes} bytes, over the target of ${CODE_BYTES_TARGET} (Apps Script parses it at every formula call)`,
    );
  }
  if (built.bytes > CODE_BYTES_MAX) {
    throw new BuildError(
      `dist/Code.js is ${built.bytes} bytes, over the ceiling of ${CODE_BYTES_MAX}: what grew it so?`,
    );
  }
  return built;
}

async function buildSidebar() {
  const sidebar = path.join(root, "src/sidebar");
  const script = await bundle(path.join(sidebar, "main.ts"), {
    format: "iife",
    platform: "browser",
    minify: true,
  });
  const styles = await bundle(path.join(sidebar, "styles.css"), { minify: true });
  const template = readFileSync(path.join(sidebar, "index.html"), "utf8");
  // An inline script ends at the first "</script" whatever the JavaScript around it means.
  const js = script.text.replace(/<\/(script)/gi, "<\\/$1");
  for (const slot of ["<!-- styles -->", "<!-- script -->"]) {
    if (!template.includes(slot)) throw new BuildError(`src/sidebar/index.html lacks ${slot}`);
  }
  const html = template
    .replace("<!-- styles -->", () => `<style>${styles.text.trim()}</style>`)
    .replace("<!-- script -->", () => `<script>${js.trim()}</script>`);
  writeFileSync(path.join(dist, "Sidebar.html"), html);
  return { bytes: Buffer.byteLength(html) };
}

/**
 * Copies appsscript.json after checking it against the SPEC: V8, narrow scopes, API whitelist.
 * @param {string} outDir
 */
export function buildManifest(outDir = dist) {
  const manifest = JSON.parse(readFileSync(path.join(root, "appsscript.json"), "utf8"));
  const problems = [];
  if (manifest.runtimeVersion !== "V8") problems.push('runtimeVersion must be "V8"');
  const scopes = manifest.oauthScopes ?? [];
  if (scopes.length === 0) problems.push("oauthScopes must be explicit");
  for (const scope of scopes) {
    if (!ALLOWED_SCOPES.has(scope)) problems.push(`scope not allowed: ${scope}`);
  }
  for (const prefix of API_PREFIXES) {
    if (!(manifest.urlFetchWhitelist ?? []).includes(prefix)) {
      problems.push(`urlFetchWhitelist lacks ${prefix}`);
    }
  }
  if (problems.length > 0) throw new BuildError(`appsscript.json: ${problems.join("; ")}`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "appsscript.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Builds dist/ and answers a one-line summary. */
export async function build() {
  mkdirSync(dist, { recursive: true });
  const server = await buildServer();
  const sidebar = await buildSidebar();
  buildManifest();
  const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  return (
    `dist/Code.js ${kb(server.bytes)} (${server.functions} public functions), ` +
    `dist/Sidebar.html ${kb(sidebar.bytes)}, dist/appsscript.json`
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().then(console.log, (error) => {
    console.error(error instanceof BuildError ? `Build failed:\n${error.message}` : error);
    process.exit(1);
  });
}
