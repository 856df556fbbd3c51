// Test suites: unit (pure src modules), dev (the local runtime and the fake APIs as libraries),
// runtime (the built dist/Code.js loaded in the local runtime against the fake APIs).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/server/**/*.test.ts", "test/shared/**/*.test.ts"] },
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
    ],
  },
});
