// `npm run bench`: measures pulls in the local runtime against the fake APIs (300 ms latency, 10
// requests a second): requests, credits, virtual time against the floor, and the same pull done
// the naive way (one page after another) in the same run. Prints a table, then JSON.

import type { SourceQuery } from "../../src/shared/query/types.js";
import { startFakeApiInWorker } from "../fake-api/worker.js";
import { buildHarness } from "../harness/build.js";
import type { HarnessResult } from "../harness/entrypoints.js";
import { AppsScriptRuntime, apiRoutes } from "../runtime/runtime.js";
import { benchUpsert } from "./upsert.js";

const LATENCY_MS = 300;
const RATE_PER_SECOND = 10;
const KEYS = { keyapi: "demo-keyapi-key", fastmoss: "demo-fastmoss-token" } as const;

interface Measured {
  readonly requests: number;
  readonly credits: number;
  readonly waves: number;
  readonly virtualSeconds: number;
  readonly rows: number;
}

export interface PullBench {
  readonly name: string;
  readonly parallel: Measured;
  readonly naive: Measured;
  readonly floorSeconds: number;
  readonly vsFloor: number;
  readonly speedUp: number;
}

const PULLS: ReadonlyArray<{ name: string; query: SourceQuery }> = [
  {
    name: "KeyAPI 1,000 rows",
    query: { source: "keyapi", region: "US", limit: 1000, filters: {} },
  },
  {
    name: "FastMoss 1,000 rows",
    query: {
      source: "fastmoss",
      region: "US",
      limit: 1000,
      filters: {},
      date: { type: "month", value: "2026-10" },
    },
  },
];

async function measure(codePath: string, query: SourceQuery, naive: boolean): Promise<Measured> {
  const api = await startFakeApiInWorker({
    config: {
      latencyMs: LATENCY_MS,
      rateLimit: { keyapi: RATE_PER_SECOND, fastmoss: RATE_PER_SECOND },
    },
  });
  const rt = new AppsScriptRuntime({ codePath, routes: apiRoutes(api.url) });
  try {
    const start = rt.clock.now();
    const key = KEYS[query.source];
    const result = (
      naive
        ? rt.serverCall("harnessPullNaively", [query, key])
        : rt.serverCall("harnessPull", [query, key, 360_000])
    ) as HarnessResult;
    if (result.error) throw new Error(`${query.source}: ${result.error.message}`);
    const stats = await api.stats();
    const served = stats[query.source];
    return {
      requests: served.requests,
      credits: served.credits,
      waves: result.stats.waves,
      virtualSeconds: (rt.clock.now() - start) / 1000,
      rows: result.rows,
    };
  } finally {
    rt.close();
    await api.close();
  }
}

export async function benchPulls(): Promise<PullBench[]> {
  const codePath = await buildHarness();
  const results: PullBench[] = [];
  for (const { name, query } of PULLS) {
    const parallel = await measure(codePath, query, false);
    const naive = await measure(codePath, query, true);
    const floorSeconds = Math.max(
      parallel.requests / RATE_PER_SECOND,
      (parallel.waves * LATENCY_MS) / 1000,
    );
    results.push({
      name,
      parallel,
      naive,
      floorSeconds,
      vsFloor: parallel.virtualSeconds / floorSeconds,
      speedUp: naive.virtualSeconds / parallel.virtualSeconds,
    });
  }
  return results;
}

export interface WriteBenchResult {
  readonly rows: number;
  readonly ours: {
    readonly sheetCalls: number;
    readonly writeCalls: number;
    readonly virtualSeconds: number;
  };
  readonly naive: {
    readonly sheetCalls: number;
    readonly writeCalls: number;
    readonly virtualSeconds: number;
  };
  readonly fewerCalls: number;
  readonly speedUp: number;
}

const SHEET_CLASSES = /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./;
const WRITE_METHODS = new Set([
  "Range.setValues",
  "Range.setValue",
  "Range.copyTo",
  "Sheet.appendRow",
]);

function measureWrite(codePath: string, rows: number, naive: boolean) {
  const rt = new AppsScriptRuntime({ codePath });
  try {
    const record = rt.run("harnessWrite", [rows, naive], { kind: "serverCall", authMode: "FULL" });
    if (!record.ok) throw new Error(`write of ${rows} rows failed: ${record.error?.message}`);
    const calls = Object.entries(record.calls);
    return {
      sheetCalls: calls
        .filter(([api]) => SHEET_CLASSES.test(api))
        .reduce((sum, [, count]) => sum + count, 0),
      writeCalls: calls
        .filter(([api]) => WRITE_METHODS.has(api))
        .reduce((sum, [, count]) => sum + count, 0),
      virtualSeconds: (record.endedAt - record.startedAt) / 1000,
    };
  } finally {
    rt.close();
  }
}

export async function benchWrites(): Promise<WriteBenchResult[]> {
  const codePath = await buildHarness();
  return [1000, 10_000].map((rows) => {
    const ours = measureWrite(codePath, rows, false);
    const naive = measureWrite(codePath, rows, true);
    return {
      rows,
      ours,
      naive,
      fewerCalls: naive.sheetCalls / ours.sheetCalls,
      speedUp: naive.virtualSeconds / ours.virtualSeconds,
    };
  });
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join("  "),
    )
    .join("\n");
}

async function main(): Promise<void> {
  const pulls = await benchPulls();
  console.log(
    `Pulls — fake APIs at ${LATENCY_MS} ms latency, ${RATE_PER_SECOND} requests/s; virtual time\n`,
  );
  const pullHeader = [
    "pull",
    "rows",
    "requests",
    "credits",
    "waves",
    "seconds",
    "floor s",
    "× floor",
  ];
  console.log(
    table([
      [...pullHeader, "naive req", "naive s", "speed-up"],
      ...pulls.map((pull) => [
        pull.name,
        String(pull.parallel.rows),
        String(pull.parallel.requests),
        String(pull.parallel.credits),
        String(pull.parallel.waves),
        pull.parallel.virtualSeconds.toFixed(2),
        pull.floorSeconds.toFixed(2),
        pull.vsFloor.toFixed(2),
        String(pull.naive.requests),
        pull.naive.virtualSeconds.toFixed(2),
        `${pull.speedUp.toFixed(2)}×`,
      ]),
    ]),
  );

  const writes = await benchWrites();
  console.log(
    "\nWrites — the add-on's writer against one appendRow per row; SpreadsheetApp calls, virtual time\n",
  );
  const writeHeader = [
    "rows",
    "calls",
    "writes",
    "seconds",
    "naive calls",
    "naive writes",
    "naive s",
  ];
  console.log(
    table([
      [...writeHeader, "fewer calls", "speed-up"],
      ...writes.map((write) => [
        write.rows.toLocaleString("en"),
        String(write.ours.sheetCalls),
        String(write.ours.writeCalls),
        write.ours.virtualSeconds.toFixed(2),
        String(write.naive.sheetCalls),
        String(write.naive.writeCalls),
        write.naive.virtualSeconds.toFixed(2),
        `${write.fewerCalls.toFixed(0)}×`,
        `${write.speedUp.toFixed(1)}×`,
      ]),
    ]),
  );
  const upserts = await benchUpsert();
  console.log(
    "\nUpsert — 1,000 rows into a 10,000-row sheet, only updated rows written (built bundle); seconds modelled\n",
  );
  console.log(
    table([
      ["case", "updated", "appended", "writes", "formats", "sheet calls", "modelled s"],
      ...upserts.map((upsert) => [
        upsert.name,
        String(upsert.updated),
        String(upsert.appended),
        String(upsert.writeCalls),
        String(upsert.formatCalls),
        String(upsert.sheetCalls),
        upsert.modelledSeconds.toFixed(2),
      ]),
    ]),
  );
  const report = { latencyMs: LATENCY_MS, ratePerSecond: RATE_PER_SECOND, pulls, writes, upserts };
  console.log(`\n${JSON.stringify(report, null, 2)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
