// `npm run bench`: measures the add-on in the local runtime against the fake APIs (300 ms latency,
// 10 requests a second) — single pulls, recalculation storms in the runtime's concurrent mode, a
// 100,000-row pull over several executions, writes, and the bundle's size and parse time — each
// beside a floor computed from the APIs' own rules alone (never from what the add-on did) and the
// best simple alternative. Seconds of network are measured on the virtual clock; seconds of Sheets
// and service calls come from the runtime's cost model and are labelled "modelled".
// Prints tables, then JSON.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { build } from "../../build.mjs";
import type { SourceQuery } from "../../src/shared/query/types.js";
import { type FakeApiHandle, startFakeApiInWorker } from "../fake-api/worker.js";
import { buildHarness } from "../harness/build.js";
import type { HarnessResult } from "../harness/entrypoints.js";
import { AppsScriptRuntime, apiRoutes, type CellOutcome } from "../runtime/runtime.js";
import { benchGrowth, describeGrowthBench } from "./growth.js";
import { benchUpsert } from "./upsert.js";

const LATENCY_MS = 300;
const RATE_PER_SECOND = 10;
const KEYS = { keyapi: "demo-keyapi-key", fastmoss: "demo-fastmoss-token" } as const;
const CONFIG = {
  latencyMs: LATENCY_MS,
  rateLimit: { keyapi: RATE_PER_SECOND, fastmoss: RATE_PER_SECOND },
};
/** The commit before issue 14 (shared pacing, adaptive budget, small bundle): the "before" bundle. */
const BEFORE_COMMIT = "404fcfd";
/** Its figures as measured when issue 14 was done, for a clone without that history. */
const BEFORE_RECORDED = { bytes: 189_977, parseMs: 6.7 };

// ——— Floors: from the APIs' rules, the rate limit and the latency alone ———

/** Requests a pull of `rows` rows needs at least: KeyAPI pages hold 10, FastMoss pages 100. */
function requestFloor(source: "keyapi" | "fastmoss", rows: number): number {
  return Math.ceil(rows / (source === "keyapi" ? 10 : 100));
}

/**
 * Seconds `requests` requests need at least: the APIs count (t − 1000, t], so the n-th request
 * goes at ⌊(n − 1) ÷ rate⌋ seconds at the earliest, and its answer takes one latency.
 */
function secondsFloor(requests: number): number {
  return Math.floor((requests - 1) / RATE_PER_SECOND) + LATENCY_MS / 1000;
}

// ——— Single pulls: the add-on, one page at a time, and batches of the rate limit ———

interface Measured {
  readonly requests: number;
  readonly credits: number;
  readonly waves: number;
  readonly virtualSeconds: number;
  readonly rows: number;
}

export interface PullBench {
  readonly name: string;
  readonly ours: Measured;
  readonly onePageAtATime: Measured;
  readonly batches: Measured;
  readonly floorRequests: number;
  readonly floorSeconds: number;
  readonly vsFloor: number;
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

type PullWay = "ours" | "onePage" | "batches";

async function measurePull(codePath: string, query: SourceQuery, way: PullWay): Promise<Measured> {
  const api = await startFakeApiInWorker({ config: CONFIG });
  const rt = new AppsScriptRuntime({ codePath, routes: apiRoutes(api.url) });
  try {
    const start = rt.clock.now();
    const key = KEYS[query.source];
    const call: [string, unknown[]] =
      way === "ours"
        ? ["harnessPull", [query, key, 360_000]]
        : way === "onePage"
          ? ["harnessPullNaively", [query, key]]
          : ["harnessPullInBatches", [query, key, RATE_PER_SECOND]];
    const result = rt.serverCall(...call) as HarnessResult;
    if (result.error) throw new Error(`${query.source}: ${result.error.message}`);
    const served = (await api.stats())[query.source];
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

export async function benchPulls(codePath: string): Promise<PullBench[]> {
  const results: PullBench[] = [];
  for (const { name, query } of PULLS) {
    const ours = await measurePull(codePath, query, "ours");
    const onePageAtATime = await measurePull(codePath, query, "onePage");
    const batches = await measurePull(codePath, query, "batches");
    const floorRequests = requestFloor(query.source, query.limit);
    const floorSeconds = secondsFloor(floorRequests);
    results.push({
      name,
      ours,
      onePageAtATime,
      batches,
      floorRequests,
      floorSeconds,
      vsFloor: ours.virtualSeconds / floorSeconds,
    });
  }
  return results;
}

// ——— Many cells at once: the built add-on in the runtime's concurrent mode ———

export interface StormBench {
  readonly name: string;
  readonly cells: number;
  readonly requests: number;
  readonly refused: number;
  readonly credits: number;
  readonly failed: readonly number[];
  readonly slowestCellSeconds: number;
  readonly lockAcquisitions: number;
  readonly floorRequests: number;
  readonly floorSeconds: number;
}

const differentCells = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    name: "TT_INFLUENCERS",
    args: ["US", 100, "min_total_followers_cnt", 1000 + index],
  }));

async function withAddon<T>(
  run: (rt: AppsScriptRuntime, api: FakeApiHandle) => Promise<T>,
  scale = 1,
): Promise<T> {
  const api = await startFakeApiInWorker({ config: CONFIG, scale });
  const rt = new AppsScriptRuntime({ routes: apiRoutes(api.url) });
  try {
    rt.serverCall("saveSettings", [{ keyapiKey: KEYS.keyapi, fastmossToken: KEYS.fastmoss }]);
    return await run(rt, api);
  } finally {
    rt.close();
    await api.close();
  }
}

async function storm(
  name: string,
  recalculations: readonly (readonly { name: string; args: unknown[] }[])[],
  floorRequests: number,
  dailyCreditCap?: number,
): Promise<StormBench> {
  return withAddon(async (rt, api) => {
    if (dailyCreditCap !== undefined) rt.serverCall("saveSettings", [{ dailyCreditCap }]);
    const failed: number[] = [];
    let slowest = 0;
    let locks = 0;
    for (const cells of recalculations) {
      const outcomes: CellOutcome[] = rt.customFunctionsAtOnce(cells);
      failed.push(outcomes.filter((cell) => !cell.ok).length);
      for (const cell of outcomes) {
        slowest = Math.max(slowest, cell.endedAt - cell.startedAt);
        locks += cell.calls["Lock.tryLock"] ?? 0;
      }
      rt.advance(60_000);
    }
    const { keyapi } = await api.stats();
    return {
      name,
      cells: recalculations[0]?.length ?? 0,
      requests: keyapi.requests,
      refused: keyapi.log.filter((entry) => entry.status === 429).length,
      credits: keyapi.credits,
      failed,
      slowestCellSeconds: slowest / 1000,
      lockAcquisitions: locks,
      floorRequests,
      // Some recalculation carries at least its share of the requests: its slowest cell waits that long.
      floorSeconds: secondsFloor(Math.ceil(floorRequests / recalculations.length)),
    };
  });
}

export async function benchStorms(): Promise<StormBench[]> {
  const identical = [
    { name: "TT_INFLUENCERS", args: ["US", 100] },
    { name: "TT_INFLUENCERS", args: ["US", 100] },
  ];
  return [
    await storm("20 different cells", [differentCells(20)], 200),
    await storm("2 identical cells", [identical], 10),
    await storm("40 cells, 2 recalculations", [differentCells(40), differentCells(40)], 400),
    // Under a daily cap of 50 credits: 5 whole answers, the other cells refused before spending.
    await storm("20 cells, cap of 50 credits", [differentCells(20)], 50, 50),
  ];
}

// ——— A 100,000-row pull, driven back to back as the sidebar does ———

export interface LongPullBench {
  readonly rows: number;
  readonly requests: number;
  readonly refused: number;
  readonly executions: number;
  readonly virtualSeconds: number;
  readonly writeCalls: number;
  readonly peakPropertyBytes: number;
  readonly floorRequests: number;
  readonly floorSeconds: number;
  readonly floorExecutions: number;
}

const WRITE_METHODS = new Set([
  "Range.setValues",
  "Range.setValue",
  "Range.copyTo",
  "Sheet.appendRow",
]);

export async function benchLongPull(rows = 100_000): Promise<LongPullBench> {
  // Four times the usual dataset: the US alone then holds 120,000 creators.
  return withAddon(async (rt, api) => {
    const first = rt.executions.length;
    const start = rt.clock.now();
    let peak = rt.properties.document.size();
    type Summary = { status: string; rows: number; jobId?: string; message?: string };
    let summary = rt.serverCall("runQuery", [
      { source: "keyapi", region: "US", limit: rows, sheet: "Big", mode: "replace" },
    ]) as Summary;
    peak = Math.max(peak, rt.properties.document.size());
    while (summary.status === "running") {
      summary = rt.serverCall("resumeJob", [summary.jobId]) as Summary;
      peak = Math.max(peak, rt.properties.document.size());
    }
    if (summary.status !== "done") throw new Error(`the long pull failed: ${summary.message}`);
    const runs = rt.executions.slice(first);
    const { keyapi } = await api.stats();
    const floorRequests = requestFloor("keyapi", rows);
    const floorSeconds = secondsFloor(floorRequests);
    return {
      rows: summary.rows,
      requests: keyapi.requests,
      refused: keyapi.log.filter((entry) => entry.status === 429).length,
      executions: runs.length,
      virtualSeconds: (rt.clock.now() - start) / 1000,
      writeCalls: runs
        .flatMap((run) => Object.entries(run.calls))
        .filter(([method]) => WRITE_METHODS.has(method))
        .reduce((sum, [, count]) => sum + count, 0),
      peakPropertyBytes: peak,
      floorRequests,
      floorSeconds,
      floorExecutions: Math.ceil(floorSeconds / 360),
    };
  }, 4);
}

// ——— Writes: the add-on's writer against one appendRow per row (modelled time) ———

export interface WriteBenchResult {
  readonly rows: number;
  readonly ours: {
    readonly sheetCalls: number;
    readonly writeCalls: number;
    readonly modelledSeconds: number;
  };
  readonly naive: {
    readonly sheetCalls: number;
    readonly writeCalls: number;
    readonly modelledSeconds: number;
  };
  readonly fewerCalls: number;
}

const SHEET_CLASSES = /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./;

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
      modelledSeconds: (record.endedAt - record.startedAt) / 1000,
    };
  } finally {
    rt.close();
  }
}

export function benchWrites(codePath: string): WriteBenchResult[] {
  return [1000, 10_000].map((rows) => {
    const ours = measureWrite(codePath, rows, false);
    const naive = measureWrite(codePath, rows, true);
    return { rows, ours, naive, fewerCalls: naive.sheetCalls / ours.sheetCalls };
  });
}

// ——— The bundle: bytes, and what Apps Script does with them at every formula call ———

export interface BundleBench {
  readonly name: string;
  readonly bytes: number;
  /** Median of compiling the whole script and running its top level in a fresh V8 context. */
  readonly parseMs: number;
  readonly recorded?: boolean;
}

/** Compile + top level in a fresh context, the source varied so V8's compile cache can't help. */
export function parseTime(code: string, runs = 40): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const source = `${code}\n// run ${run} ${Math.random()}`;
    const context = vm.createContext({});
    const started = performance.now();
    new vm.Script(source).runInContext(context);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The bundle as it was before issue 14, built from git; undefined in a clone without it. */
function bundleBefore(): string | undefined {
  const dir = path.resolve(".build/bench/before");
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync("git", ["archive", BEFORE_COMMIT], { maxBuffer: 1 << 28 });
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
    symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
    execFileSync("node", ["build.mjs"], { cwd: dir, stdio: "ignore" });
    const file = path.join(dir, "dist/Code.js");
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

export function benchBundle(): BundleBench[] {
  const now = readFileSync("dist/Code.js", "utf8");
  const before = bundleBefore();
  return [
    {
      name: `before (${BEFORE_COMMIT})`,
      ...(before
        ? { bytes: Buffer.byteLength(before), parseMs: parseTime(before) }
        : { ...BEFORE_RECORDED, recorded: true }),
    },
    { name: "dist/Code.js now", bytes: Buffer.byteLength(now), parseMs: parseTime(now) },
  ];
}

// ——— Output ———

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

const n = (value: number) => value.toLocaleString("en");
const s = (value: number) => value.toFixed(2);

async function main(): Promise<void> {
  // The storms and the long pull run the add-on as shipped: dist/Code.js.
  await build();
  const codePath = await buildHarness();
  const pulls = await benchPulls(codePath);
  console.log(
    `Pulls — fake APIs at ${LATENCY_MS} ms latency, ${RATE_PER_SECOND} requests/s; virtual seconds.\n` +
      "floor: the APIs' paging rules, ⌊(requests − 1) ÷ rate⌋ + one latency. " +
      "1-page: one page after another; batches: fetchAll of 10 pages a second, no planner.\n",
  );
  console.log(
    table([
      [
        "pull",
        "rows",
        "requests",
        "floor req",
        "credits",
        "waves",
        "seconds",
        "floor s",
        "× floor",
        "1-page req",
        "1-page s",
        "batches req",
        "batches s",
      ],
      ...pulls.map((pull) => [
        pull.name,
        n(pull.ours.rows),
        String(pull.ours.requests),
        String(pull.floorRequests),
        String(pull.ours.credits),
        String(pull.ours.waves),
        s(pull.ours.virtualSeconds),
        s(pull.floorSeconds),
        s(pull.vsFloor),
        String(pull.onePageAtATime.requests),
        s(pull.onePageAtATime.virtualSeconds),
        String(pull.batches.requests),
        s(pull.batches.virtualSeconds),
      ]),
    ]),
  );

  const storms = await benchStorms();
  console.log(
    "\nMany cells at once — TT_INFLUENCERS(…, 100) cells recalculated together (runtime's concurrent " +
      "mode, at most 30 at a time); failed cells per recalculation\n",
  );
  console.log(
    table([
      [
        "cells",
        "requests",
        "floor req",
        "429s",
        "credits",
        "failed",
        "slowest cell s",
        "floor s",
        "lock acquisitions",
      ],
      ...storms.map((storm) => [
        storm.name,
        String(storm.requests),
        String(storm.floorRequests),
        String(storm.refused),
        String(storm.credits),
        storm.failed.join(" + "),
        s(storm.slowestCellSeconds),
        s(storm.floorSeconds),
        String(storm.lockAcquisitions),
      ]),
    ]),
  );

  const long = await benchLongPull();
  console.log(
    "\nA 100,000-row pull into a sheet (KeyAPI), resumeJob back to back; virtual seconds of the executions\n",
  );
  console.log(
    table([
      [
        "rows",
        "requests",
        "floor req",
        "429s",
        "executions",
        "floor exec",
        "seconds",
        "floor s",
        "× floor",
        "write calls",
        "peak property bytes",
      ],
      [
        n(long.rows),
        n(long.requests),
        n(long.floorRequests),
        String(long.refused),
        String(long.executions),
        String(long.floorExecutions),
        s(long.virtualSeconds),
        s(long.floorSeconds),
        s(long.virtualSeconds / long.floorSeconds),
        String(long.writeCalls),
        n(long.peakPropertyBytes),
      ],
    ]),
  );

  const writes = benchWrites(codePath);
  console.log(
    "\nWrites — the add-on's writer against one appendRow per row; SpreadsheetApp calls, and seconds " +
      "modelled by the runtime's cost constants (not measured on Google's servers)\n",
  );
  console.log(
    table([
      [
        "rows",
        "calls",
        "writes",
        "modelled s",
        "naive calls",
        "naive writes",
        "naive modelled s",
        "fewer calls",
      ],
      ...writes.map((write) => [
        n(write.rows),
        String(write.ours.sheetCalls),
        String(write.ours.writeCalls),
        s(write.ours.modelledSeconds),
        String(write.naive.sheetCalls),
        String(write.naive.writeCalls),
        s(write.naive.modelledSeconds),
        `${write.fewerCalls.toFixed(0)}×`,
      ]),
    ]),
  );

  const bundle = benchBundle();
  console.log(
    "\nThe bundle — Apps Script parses all of it at every custom function call; parse = compile + " +
      "top level in a fresh V8 context, median of 40, on this machine\n",
  );
  console.log(
    table([
      ["dist/Code.js", "bytes", "parse ms"],
      ...bundle.map((entry) => [
        entry.recorded ? `${entry.name}, recorded` : entry.name,
        n(entry.bytes),
        entry.parseMs.toFixed(2),
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
        s(upsert.modelledSeconds),
      ]),
    ]),
  );
  const growth = await benchGrowth();
  console.log(describeGrowthBench(growth));

  const report = {
    latencyMs: LATENCY_MS,
    ratePerSecond: RATE_PER_SECOND,
    pulls,
    storms,
    longPull: long,
    writes,
    upserts,
    growth,
    bundle,
  };
  console.log(`\n${JSON.stringify(report, null, 2)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
