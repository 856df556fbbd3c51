// A tiny HTTP server for the UrlFetchApp tests, run in a worker thread because the test thread
// blocks during a fetch. It echoes each request as JSON; query parameters make it answer with a
// status, a declared latency (X-Simulated-Latency-Ms), a large or non-ASCII body, a redirect,
// a reset connection, or no answer at all.

import http from "node:http";
import { parentPort } from "node:worker_threads";

const server = http.createServer((req, res) => {
  /** @type {Buffer[]} */
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const query = url.searchParams;
    const body = Buffer.concat(chunks);
    if (url.pathname === "/hang") return;
    if (url.pathname === "/reset") {
      req.socket.destroy();
      return;
    }
    const status = Number(query.get("status") ?? 200);
    /** @type {Record<string, string | string[]>} */
    const headers = {};
    if (query.has("latency")) headers["X-Simulated-Latency-Ms"] = String(query.get("latency"));
    if (url.pathname === "/redirect") {
      res.writeHead(Number(query.get("code") ?? 302), {
        ...headers,
        Location: query.get("to") ?? "/echo",
      });
      res.end();
      return;
    }
    if (url.pathname === "/bytes") {
      const size = Number(query.get("size") ?? 0);
      const bytes = Buffer.alloc(size);
      for (let index = 0; index < size; index++) bytes[index] = index % 251;
      res.writeHead(status, { ...headers, "Content-Type": "application/octet-stream" });
      res.end(bytes);
      return;
    }
    if (url.pathname === "/text") {
      res.writeHead(status, {
        ...headers,
        "Content-Type": query.get("type") ?? "text/plain; charset=utf-8",
      });
      res.end(query.get("value") ?? "");
      return;
    }
    if (url.pathname === "/cookies") {
      res.writeHead(status, { ...headers, "Set-Cookie": ["a=1", "b=2"], "X-Single": "one" });
      res.end("cookies");
      return;
    }
    const echo = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(query),
      headers: req.headers,
      body: body.toString("utf8"),
      greeting: "héllo 世界 👋",
    };
    res.writeHead(status, { ...headers, "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(echo));
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  parentPort?.postMessage(typeof address === "object" && address ? address.port : 0);
});
