// Builds dist/ once before the runtime suite, so it always tests the bundle of the current source.
import { build } from "../../build.mjs";

export default async function setup(): Promise<void> {
  await build();
}
