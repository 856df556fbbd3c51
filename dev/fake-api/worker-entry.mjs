// Worker thread entry of the fake API server: loads the TypeScript server through tsx's API (a
// worker gets none of the parent's loaders under vitest) and serves the parent's control messages.

import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

/** @type {typeof import("./server.js")} */
const { createFakeApi } = await tsImport("./server.ts", import.meta.url);

/** @type {import("./worker.js").WorkerStartData} */
const start = workerData;
const port = parentPort;
if (port === null) throw new Error("worker-entry.mjs must run in a worker thread");

try {
  const api = createFakeApi({ seed: start.seed, config: start.config, scale: start.scale });
  const { url } = await api.listen(start.port, start.host);

  port.on("message", async (/** @type {import("./worker.js").ControlRequest} */ request) => {
    try {
      let value;
      if (request.op === "configure") api.configure(request.patch);
      else if (request.op === "reset") api.reset();
      else if (request.op === "stats") value = api.stats();
      else if (request.op === "close") await api.close();
      port.postMessage({ id: request.id, ok: true, value });
      if (request.op === "close") port.close();
    } catch (error) {
      port.postMessage({
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
  port.postMessage({ type: "ready", url });
} catch (error) {
  port.postMessage({
    type: "failed",
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
