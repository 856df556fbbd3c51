// Test suites: unit (pure src modules), dev (the local runtime and the fake APIs as libraries),
// runtime (the built dist/Code.js loaded in the local runtime against the fake APIs), browser
// (the playground page and the built sidebar in Debian's chromium, driven by playwright-core).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "test/server/**/*.test.ts",
            "test/shared/**/*.test.ts",
            "test/sidebar/**/*.test.ts",
          ],
        },
      },
      { extends: true, test: { name: "dev", include: ["test/dev/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "runtime",
          include: ["test/runtime/**/*.test.ts"],
          globalSetup: ["test/runtime/global-setup.ts"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
