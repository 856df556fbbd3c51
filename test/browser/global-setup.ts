// Before the browser suite: chromium must be installed (fail loudly, never skip), and dist/ is
// built from the current source, since the playground serves the real bundle and sidebar.
import { build } from "../../build.mjs";
import { assertChromiumInstalled } from "./chromium.js";

export default async function setup(): Promise<void> {
  assertChromiumInstalled();
  await build();
}
