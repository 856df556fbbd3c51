// `npm start`: the local demo. Starts the fake KeyAPI + FastMoss server, loads the built
// dist/Code.js in the local Apps Script runtime, and evaluates formulas typed as in a cell.

import { createInterface } from "node:readline";
import { DEMO_FASTMOSS_TOKEN, DEMO_KEYAPI_KEY } from "../fake-api/server.js";
import { startFakeApiInWorker } from "../fake-api/worker.js";
import { AppsScriptRuntime, apiRoutes, ScriptError } from "../runtime/runtime.js";
import { FormulaSyntaxError, parseFormulaCall } from "./formula.js";

const CELL_WIDTH = 28;
const MAX_ROWS = 25;

function cellText(value: unknown): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? "");
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > CELL_WIDTH ? `${oneLine.slice(0, CELL_WIDTH - 1)}…` : oneLine;
}

/** Prints a custom function's answer as a grid, the way the cells would show it. */
export function formatGrid(value: unknown): string {
  const rows = Array.isArray(value)
    ? value.map((row) => (Array.isArray(row) ? row : [row]))
    : [[value]];
  const shown = rows.slice(0, MAX_ROWS).map((row) => row.map(cellText));
  const widths: number[] = [];
  for (const row of shown) {
    row.forEach((text, index) => {
      widths[index] = Math.max(widths[index] ?? 0, text.length);
    });
  }
  const lines = shown.map((row) =>
    row.map((text, index) => text.padEnd(widths[index] ?? 0)).join(" │ "),
  );
  if (rows.length > MAX_ROWS) lines.push(`… ${rows.length - MAX_ROWS} more rows`);
  return lines.join("\n");
}

/** Evaluates one line typed at the prompt; answers what to print. */
export function evaluateLine(rt: AppsScriptRuntime, line: string): string {
  try {
    const call = parseFormulaCall(line);
    if (!call) return 'Type a formula such as =TT_COLUMNS("keyapi"), or "exit".';
    return formatGrid(rt.customFunction(call.name, call.args));
  } catch (error) {
    if (error instanceof ScriptError) return `#ERROR! ${error.message}`;
    if (error instanceof FormulaSyntaxError) return `Formula parse error: ${error.message}`;
    throw error;
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const api = await startFakeApiInWorker({ port }).catch(() => startFakeApiInWorker({ port: 0 }));
  const rt = new AppsScriptRuntime({ routes: apiRoutes(api.url) });
  rt.serverCall("saveSettings", [
    { keyapiKey: DEMO_KEYAPI_KEY, fastmossToken: DEMO_FASTMOSS_TOKEN },
  ]);
  console.log(`Fake KeyAPI + FastMoss at ${api.url}; the demo keys are saved in the settings.`);
  console.log("dist/Code.js loaded in the local Apps Script runtime. Try:");
  console.log('  =TT_INFLUENCERS("US", 10, "min_total_followers_cnt", 100000, "sort_type", 1)');
  console.log('  =TT_TOP_POTENTIAL("DE", 10, "date_type", "month")');
  console.log('  =TT_COLUMNS("keyapi")\n');

  const prompt = createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: "cell> ",
  });
  prompt.on("line", (line) => {
    const text = line.trim();
    if (text === "exit" || text === "quit") {
      prompt.close();
      return;
    }
    if (text !== "") console.log(evaluateLine(rt, text));
    prompt.prompt();
  });
  // End of input (Ctrl-D), Ctrl-C or "exit": stop the runtime's worker and the fake server.
  prompt.on("close", () => {
    rt.close();
    void api.close();
  });
  prompt.prompt();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
