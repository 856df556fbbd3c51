// Starts the fake API server in a worker thread. The local Apps Script runtime blocks its own thread
// (Atomics.wait) during a synchronous UrlFetch, so a server on that thread could never answer.

import { Worker } from "node:worker_threads";
import type { FakeApiConfigPatch, FakeApiOptions, FakeApiStats } from "./server.js";

export interface FakeApiWorkerOptions extends FakeApiOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/** A fake API running in a worker; every call crosses to the worker and back. */
export interface FakeApiHandle {
  /** Base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  configure(patch: FakeApiConfigPatch): Promise<void>;
  reset(): Promise<void>;
  stats(): Promise<FakeApiStats>;
  /** Stops the server and the worker. */
  close(): Promise<void>;
}

/** What the worker entry receives as `workerData`. */
export interface WorkerStartData {
  seed: number | undefined;
  config: FakeApiConfigPatch | undefined;
  scale: number | undefined;
  port: number;
  host: string;
}

export type ControlRequest =
  | { id: number; op: "configure"; patch: FakeApiConfigPatch }
  | { id: number; op: "reset" | "stats" | "close" };

type ControlReply =
  | { id: number; ok: true; value?: unknown }
  | { id: number; ok: false; error: string };
type StartMessage = { type: "ready"; url: string } | { type: "failed"; error: string };

export function startFakeApiInWorker(options: FakeApiWorkerOptions = {}): Promise<FakeApiHandle> {
  const startData: WorkerStartData = {
    seed: options.seed,
    config: options.config,
    scale: options.scale,
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
  };
  const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
    workerData: startData,
  });
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;
  let stopped: Error | null = null;

  const failAll = (error: Error) => {
    stopped = error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };

  const call = (request: {
    op: ControlRequest["op"];
    patch?: FakeApiConfigPatch;
  }): Promise<unknown> => {
    if (stopped !== null) return Promise.reject(stopped);
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...request });
    });
  };

  return new Promise((resolve, reject) => {
    worker.on("message", (message: StartMessage | ControlReply) => {
      if ("type" in message) {
        if (message.type === "failed") {
          reject(new Error(`the fake API worker failed to start: ${message.error}`));
          void worker.terminate();
          return;
        }
        resolve({
          url: message.url,
          configure: async (patch) => {
            await call({ op: "configure", patch });
          },
          reset: async () => {
            await call({ op: "reset" });
          },
          stats: async () => (await call({ op: "stats" })) as FakeApiStats,
          close: async () => {
            if (stopped !== null) return;
            await call({ op: "close" });
            await worker.terminate();
          },
        });
        return;
      }
      const waiting = pending.get(message.id);
      if (waiting === undefined) return;
      pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(message.error));
    });
    worker.on("error", (error) => {
      reject(error);
      failAll(error);
    });
    worker.on("exit", (code) => {
      const error = new Error(`the fake API worker exited (code ${code})`);
      reject(error);
      failAll(error);
    });
  });
}
