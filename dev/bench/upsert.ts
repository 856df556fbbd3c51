// The upsert bench: SpreadsheetApp write calls of an upsert of 1,000 rows into a 10,000-row sheet,
// run by the built dist/Code.js in the local runtime against the fake APIs. Upsert writes only the
// rows it updates (so a user's formulas elsewhere survive): runs of consecutive rows are one block
// each, so the count depends on how the pulled ids lie in the sheet — both cases are measured.

import path from "node:path";
import { build } from "../../build.mjs";
import { startFakeApiInWorker } from "../fake-api/worker.js";
import { AppsScriptRuntime, apiRoutes } from "../runtime/runtime.js";

export interface UpsertBench {
  readonly name: string;
  readonly updated: number;
  readonly appended: number;
  /** Runs of consecutive updated rows: the blocks the writer writes. */
  readonly writeCalls: number;
  readonly formatCalls: number;
  readonly sheetCalls: number;
  /** Modelled: the runtime's cost table for service calls, not a measurement of Google's. */
  readonly modelledSeconds: number;
}

const WRITES = new Set(["Range.setValues", "Range.setValue", "Range.copyTo"]);
const SHEET_CLASSES = /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./;

const SHEET_ROWS = 10_000;
const UPSERT_ROWS = 1_000;

const CASES: ReadonlyArray<{ name: string; filters: Record<string, number> }> = [
  // The same query again: its first 1,000 ids are the sheet's first 1,000 rows, in one run.
  { name: "same query, ids in one run", filters: {} },
  // A narrower query: its ids are scattered through the 10,000 rows, each a run of its own.
  { name: "narrower query, ids scattered", filters: { min_interaction_rate: 0.1 } },
];

export async function benchUpsert(): Promise<UpsertBench[]> {
  await build();
  const codePath = path.resolve("dist/Code.js");
  const api = await startFakeApiInWorker({});
  const results: UpsertBench[] = [];
  try {
    for (const { name, filters } of CASES) {
      await api.reset();
      const rt = new AppsScriptRuntime({ codePath, routes: apiRoutes(api.url) });
      try {
        rt.serverCall("saveSettings", [{ keyapiKey: "demo-keyapi-key" }]);
        const base = { source: "keyapi", region: "US", sheet: "Creators" };
        let summary = rt.serverCall("runQuery", [
          { ...base, limit: SHEET_ROWS, mode: "replace" },
        ]) as { status: string; jobId?: string };
        while (summary.status === "running")
          summary = rt.serverCall("resumeJob", [summary.jobId]) as typeof summary;
        if (summary.status !== "done") throw new Error(`filling the sheet: ${summary.status}`);
        const before = rt.spreadsheet.sheet("Creators").values().length - 1;
        const upsert = rt.serverCall("runQuery", [
          { ...base, limit: UPSERT_ROWS, filters, mode: "upsert" },
        ]) as { status: string; rows: number; message?: string };
        const record = rt.executions.at(-1)!;
        if (!record.ok) throw new Error(`upsert failed: ${record.error?.message}`);
        // One execution, whole: a failed or unfinished upsert has no figures to report.
        if (upsert.status !== "done") throw new Error(`upsert ${upsert.status}: ${upsert.message}`);
        const after = rt.spreadsheet.sheet("Creators").values().length - 1;
        const calls = Object.entries(record.calls);
        const count = (test: (api: string) => boolean) =>
          calls.filter(([api]) => test(api)).reduce((sum, [, n]) => sum + n, 0);
        results.push({
          name,
          updated: upsert.rows - (after - before),
          appended: after - before,
          writeCalls: count((api) => WRITES.has(api)),
          formatCalls: count((api) => api === "Range.setNumberFormats"),
          sheetCalls: count((api) => SHEET_CLASSES.test(api)),
          modelledSeconds: (record.endedAt - record.startedAt) / 1000,
        });
      } finally {
        rt.close();
      }
    }
  } finally {
    await api.close();
  }
  return results;
}
