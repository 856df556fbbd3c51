// Builds dist/ and the data-layer harness once before the runtime suite, so it always tests the
// bundles of the current source.
import { build } from "../../build.mjs";
import { buildHarness } from "../../dev/harness/build.js";

export default async function setup(): Promise<void> {
  await build();
  await buildHarness();
}
