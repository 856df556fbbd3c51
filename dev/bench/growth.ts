// The growth bench: =TT_GROWTH over a history of 50,000 snapshot rows (5,000 creators × 10 runs,
// the default KeyAPI columns), run by the built dist/Code.js in the local runtime as a cell calls
// it — the range handed over as a custom function's argument, read-only, under its 30-second limit.

import path from "node:path";
import { build } from "../../build.mjs";
import { catalogueOf } from "../../src/shared/columns/index.js";
import { AppsScriptRuntime } from "../runtime/runtime.js";

export interface GrowthBench {
  readonly rows: number;
  readonly creators: number;
  readonly columns: number;
  /** Real time of the whole execution, the argument's hand-over included. */
  readonly wallSeconds: number;
  /**
   * The execution's time on the runtime's virtual clock, which moves with service calls only (none
   * here: TT_GROWTH makes no request and reads no sheet), so the wall time is the measure.
   */
  readonly virtualSeconds: number;
  readonly limitSeconds: number;
}

const CREATORS = 5_000;
const RUNS = 10;
const DAY = 86_400_000;

/** A history sheet's values as a history pull writes them: the run's time, then the columns. */
export function benchHistory(start: number): unknown[][] {
  const specs = catalogueOf("keyapi").defaultKeys.map(
    (key) => catalogueOf("keyapi").columns.find((spec) => spec.key === key)!,
  );
  const rows: unknown[][] = [["Snapshot at", ...specs.map((spec) => spec.label.en)]];
  for (let run = 0; run < RUNS; run++) {
    const time = new Date(start + run * DAY);
    for (let creator = 0; creator < CREATORS; creator++) {
      const followers = Math.round(
        (1_000 + creator * 37) * (1 + ((creator % 13) - 3) / 200) ** run,
      );
      rows.push([
        time,
        ...specs.map((spec) => {
          if (spec.key === "user_id") return String(7_000_000_000_000_000_000n + BigInt(creator));
          if (spec.key === "unique_id") return `creator_${creator}`;
          if (spec.key === "total_followers_cnt") return followers;
          if (spec.format === "text" || spec.format === "link") return `${spec.key} ${creator}`;
          return (creator * 7 + run) % 1_000;
        }),
      ]);
    }
  }
  return rows;
}

export async function benchGrowth(): Promise<GrowthBench> {
  await build();
  const rt = new AppsScriptRuntime({ codePath: path.resolve("dist/Code.js") });
  try {
    const values = benchHistory(rt.clock.now() - RUNS * DAY);
    const wallStart = performance.now();
    const table = rt.customFunction("TT_GROWTH", [values, "", 7]) as unknown[][];
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const record = rt.executions.at(-1)!;
    if (table.length !== CREATORS + 1) throw new Error(`TT_GROWTH answered ${table.length} rows`);
    return {
      rows: values.length - 1,
      creators: table.length - 1,
      columns: values[0]!.length,
      wallSeconds,
      virtualSeconds: (record.endedAt - record.startedAt) / 1000,
      limitSeconds: 30,
    };
  } finally {
    rt.close();
  }
}

/** The bench's lines for the report. */
export function describeGrowthBench(bench: GrowthBench): string {
  return [
    "\nTT_GROWTH — a history range as a custom function's argument (built bundle)\n",
    `rows ${bench.rows.toLocaleString("en-US")} · creators ${bench.creators.toLocaleString("en-US")} · columns ${bench.columns}`,
    `wall ${bench.wallSeconds.toFixed(2)} s · runtime clock ${bench.virtualSeconds.toFixed(2)} s · limit ${bench.limitSeconds} s`,
  ].join("\n");
}
