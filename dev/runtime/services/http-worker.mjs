// The thread that performs UrlFetchApp's HTTP requests while the script's thread blocks: it takes
// a batch of requests, runs them at the same time over keep-alive connections, posts the answers
// back and wakes the caller through the shared signal (the synckit pattern).

import http from "node:http";
import https from "node:https";
import { workerData } from "node:worker_threads";

/**
 * @typedef {{ url: string, method: string, headers: [string, string][], body: Uint8Array | null,
 *   timeoutMs: number, insecure: boolean }} WireRequest
 * @typedef {{ status: number, headers: string[], body: Uint8Array }} WireResponse
 * @typedef {{ error: { code: string, message: string } }} WireFailure
 * @typedef {{ id: number, requests: WireRequest[] }} Batch
 */

/** @type {{ port: import("node:worker_threads").MessagePort, signal: Int32Array }} */
const { port, signal } = workerData;

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * @param {WireRequest} request
 * @returns {Promise<WireResponse | WireFailure>}
 */
function perform(request) {
  return new Promise((resolve) => {
    /** @param {string} code @param {string} message */
    const fail = (code, message) => resolve({ error: { code, message } });
    let target;
    try {
      target = new URL(request.url);
    } catch {
      fail("EINVAL", `invalid URL ${request.url}`);
      return;
    }
    const transport = target.protocol === "https:" ? https : http;
    /** @type {Record<string, string>} */
    const headers = {};
    for (const [name, value] of request.headers) headers[name] = value;
    if (request.body) headers["Content-Length"] = String(request.body.byteLength);
    const req = transport.request(target, {
      method: request.method,
      headers,
      agent: target.protocol === "https:" ? agents["https:"] : agents["http:"],
      rejectUnauthorized: !request.insecure,
    });
    // No answer within the real-time limit: the request is given up, as a hung server would be.
    req.setTimeout(request.timeoutMs, () =>
      req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
    );
    req.on("error", (error) => {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? "EUNKNOWN";
      fail(code, error.message);
    });
    req.on("response", (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      let size = 0;
      res.on("data", (chunk) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on("error", (error) => {
        const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? "ECONNRESET";
        fail(code, error.message);
      });
      res.on("aborted", () => fail("ECONNRESET", "response aborted"));
      res.on("end", () => {
        if (!res.complete) {
          fail("ECONNRESET", "response ended early");
          return;
        }
        // A buffer of its own, so it can be transferred to the caller without a copy.
        const body = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks) {
          body.set(chunk, offset);
          offset += chunk.length;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.rawHeaders, body });
      });
    });
    req.end(request.body ?? undefined);
  });
}

port.on("message", async (/** @type {Batch} */ batch) => {
  const results = await Promise.all(batch.requests.map(perform));
  /** @type {ArrayBuffer[]} */
  const transfer = [];
  for (const result of results) {
    if ("body" in result) transfer.push(/** @type {ArrayBuffer} */ (result.body.buffer));
  }
  port.postMessage({ id: batch.id, results }, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
