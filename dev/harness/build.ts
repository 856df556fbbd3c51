// Builds the data-layer harness into .build/harness/ (Code.js and the manifest), for runtime tests
// and `npm run bench`.

import path from "node:path";
import { buildManifest, buildScript } from "../../build.mjs";

export const HARNESS_DIR = path.resolve(".build/harness");
export const HARNESS_CODE = path.join(HARNESS_DIR, "Code.js");

export async function buildHarness(): Promise<string> {
  await buildScript(path.resolve("dev/harness/entrypoints.ts"), HARNESS_CODE);
  buildManifest(HARNESS_DIR);
  return HARNESS_CODE;
}
