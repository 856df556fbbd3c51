// Reads an Apps Script stack trace (stdin or the arguments) and prints it with each position in
// dist/Code.js mapped back to its TypeScript source and name, through the names map the build
// writes (.build/Code.js.map). The bundle is minified, so this is how its stack traces are read.

import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mapFile = path.join(root, ".build/Code.js.map");

/**
 * Rewrites every "Code:LINE:COLUMN" (Apps Script's form) or "Code.js:LINE:COLUMN" in a trace.
 * @param {string} trace
 * @param {SourceMap} map
 */
export function mapTrace(trace, map) {
  // Lines past the bundle are the readable top-level wrappers: they stay as they are.
  const mappedLines = map.payload.mappings.split(";").length;
  return trace.replace(/\bCode(?:\.js|\.gs)?:(\d+):(\d+)/g, (whole, line, column) => {
    if (Number(line) > mappedLines) return whole;
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !("originalSource" in entry) || entry.originalSource === undefined) return whole;
    const source = path.relative(root, path.resolve(path.dirname(mapFile), entry.originalSource));
    // Node's SourceMap gives the name at the position (its types lag behind: not in @types/node 20).
    const { name: original } = /** @type {{ name?: string }} */ (entry);
    const name = original ? ` ${original}` : "";
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}${name}`;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let payload;
  try {
    payload = JSON.parse(readFileSync(mapFile, "utf8"));
  } catch {
    console.error(`No names map at ${path.relative(root, mapFile)}: run npm run build first.`);
    process.exit(1);
  }
  const map = new SourceMap(payload);
  const given = process.argv.slice(2).join(" ");
  const trace = given !== "" ? given : readFileSync(0, "utf8");
  process.stdout.write(`${mapTrace(trace, map)}\n`);
}
