// Runtimes over small fixture scripts for the runtime's own tests: the add-on's manifest, and every
// runtime a test made closed after it.

import { afterEach } from "vitest";
import { AppsScriptRuntime, type RuntimeOptions } from "../../../dev/runtime/runtime.js";

export const FIXTURE_MANIFEST = {
  timeZone: "Etc/UTC",
  runtimeVersion: "V8",
  oauthScopes: [
    "https://www.googleapis.com/auth/spreadsheets.currentonly",
    "https://www.googleapis.com/auth/script.external_request",
    "https://www.googleapis.com/auth/script.container.ui",
    "https://www.googleapis.com/auth/script.scriptapp",
  ],
  urlFetchWhitelist: ["https://api.keyapi.ai/", "https://openapi.fastmoss.com/"],
};

/** A factory of runtimes over `code`, each closed after the test that made it. */
export function useFixtureRuntimes(
  htmlDir: string,
): (code: string, options?: Partial<RuntimeOptions>) => AppsScriptRuntime {
  const runtimes: AppsScriptRuntime[] = [];
  afterEach(() => {
    for (const rt of runtimes.splice(0)) rt.close();
  });
  return (code, options = {}) => {
    const rt = new AppsScriptRuntime({ code, manifest: FIXTURE_MANIFEST, htmlDir, ...options });
    runtimes.push(rt);
    return rt;
  };
}
