// The world a runtime test runs in: the fake APIs in a worker (one per file, reset before each
// test) and a fresh local Apps Script runtime per test, routed to them, with the demo keys saved.

import { afterAll, beforeAll, beforeEach } from "vitest";
import { type FakeApiHandle, startFakeApiInWorker } from "../../dev/fake-api/worker.js";
import {
  AppsScriptRuntime,
  apiRoutes,
  type RuntimeOptions,
  ScriptError,
} from "../../dev/runtime/runtime.js";

/** Virtual time in the runtime's units. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const DEMO_KEYS = { keyapiKey: "demo-keyapi-key", fastmossToken: "demo-fastmoss-token" };

/** What runQuery, resumeJob and getJobStatus answer. */
export interface Summary {
  status: "done" | "running" | "failed";
  rows: number;
  requests: number;
  sheet: string;
  message?: string;
  jobId?: string;
}

export interface AddonWorld {
  readonly api: FakeApiHandle;
  readonly rt: AppsScriptRuntime;
}

export interface WorldOptions {
  /** Save the demo keys in each fresh runtime (default true). */
  readonly keys?: boolean;
  readonly runtime?: Partial<RuntimeOptions>;
}

/** Registers the hooks; `use` receives each test's world before it runs. */
export function useAddonWorld(use: (world: AddonWorld) => void, options: WorldOptions = {}): void {
  let api: FakeApiHandle | undefined;
  let rt: AppsScriptRuntime | undefined;
  beforeAll(async () => {
    api = await startFakeApiInWorker({});
  });
  afterAll(async () => {
    rt?.close();
    await api?.close();
  });
  beforeEach(async () => {
    rt?.close();
    if (!api) throw new Error("the fake API did not start");
    await api.reset();
    rt = new AppsScriptRuntime({ routes: apiRoutes(api.url), ...options.runtime });
    if (options.keys ?? true) rt.serverCall("saveSettings", [DEMO_KEYS]);
    use({ api, rt });
  });
}

/** A formula's error message, as hovering over #ERROR! shows it; fails the test if it answers. */
export function cellErrorOf(rt: AppsScriptRuntime, name: string, args: readonly unknown[]): string {
  try {
    rt.customFunction(name, args);
  } catch (error) {
    if (error instanceof ScriptError) return error.message;
    throw error;
  }
  throw new Error(`${name} did not fail`);
}

/**
 * Drives a pull with resumeJob back to back until it stops running, as the sidebar does — at most
 * `executions` more, so that a pull that never ends fails the test rather than hanging it.
 */
export function resumeToEnd(rt: AppsScriptRuntime, summary: Summary, executions = 100): Summary {
  let current = summary;
  for (let run = 0; current.status === "running"; run++) {
    if (run === executions) throw new Error(`still running after ${executions} more executions`);
    current = rt.serverCall("resumeJob", [current.jobId]) as Summary;
  }
  return current;
}
