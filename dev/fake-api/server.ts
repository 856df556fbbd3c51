// The fake KeyAPI + FastMoss HTTP server: routing by path (and by X-Forwarded-Host when the local
// runtime sends it), virtual time from X-Virtual-Time, the admin endpoints, and the knobs' state.

import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type ApiName,
  defaultConfig,
  type FakeApiConfig,
  type FakeApiConfigPatch,
  mergeConfig,
} from "./config.js";
import { Dataset } from "./dataset.js";
import { FASTMOSS_HOST, FASTMOSS_PATH, FastMossSearch } from "./fastmoss.js";
import { answerFastMoss } from "./fastmoss-endpoint.js";
import {
  type ApiReply,
  type EndpointContext,
  FailureScript,
  JSON_CONTENT_TYPE,
  RateWindow,
} from "./gateway.js";
import { KEYAPI_HOST, KEYAPI_PATH, KeyApiSearch } from "./keyapi.js";
import { answerKeyApi } from "./keyapi-endpoint.js";
import { type FakeApiStats, StatsRecorder } from "./stats.js";

export type { ApiName, FailureRule, FakeApiConfig, FakeApiConfigPatch } from "./config.js";
export { DEMO_FASTMOSS_TOKEN, DEMO_KEYAPI_KEY } from "./config.js";
export type { DriftFlags } from "./drift.js";
export type { ApiStats, FakeApiStats, RequestLogEntry } from "./stats.js";

export const DEFAULT_SEED = 42;
/** Requests carry the client's virtual now here (epoch ms). */
export const VIRTUAL_TIME_HEADER = "x-virtual-time";
/** Responses carry the latency the client must pretend the request took (ms). */
export const SIMULATED_LATENCY_HEADER = "X-Simulated-Latency-Ms";
const MAX_BODY_BYTES = 1_000_000;

export interface FakeApiOptions {
  seed?: number;
  config?: FakeApiConfigPatch;
  /** Creators per region as a multiple of the usual (default 1: about 68,000 in all). */
  scale?: number;
}

export interface FakeApi {
  readonly seed: number;
  /** The request handler, for a server of your own. */
  readonly handler: (request: IncomingMessage, response: ServerResponse) => void;
  /** Starts a server on `host:port` (port 0: any free port). */
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
  /** Merges a patch into the knobs (nested objects key by key; `failures` replaced). */
  configure(patch: FakeApiConfigPatch): void;
  /** Back to the knobs given at creation, with fresh stats, rate windows and failures. */
  reset(): void;
  stats(): FakeApiStats;
  config(): FakeApiConfig;
}

type Route = { api: ApiName } | { status: 404 | 405; allow?: string };

const HOST_API: Readonly<Record<string, ApiName>> = {
  [KEYAPI_HOST]: "keyapi",
  [FASTMOSS_HOST]: "fastmoss",
};
const API_ROUTES: Readonly<Record<ApiName, { path: string; method: string }>> = {
  keyapi: { path: KEYAPI_PATH, method: "GET" },
  fastmoss: { path: FASTMOSS_PATH, method: "POST" },
};

/** Which API a request is for. With X-Forwarded-Host, a path only exists on its own API's host. */
export function routeRequest(
  method: string,
  path: string,
  forwardedHost: string | undefined,
): Route {
  const normalisedPath = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const api = (Object.keys(API_ROUTES) as ApiName[]).find(
    (name) => API_ROUTES[name].path === normalisedPath,
  );
  if (api === undefined) return { status: 404 };
  if (forwardedHost !== undefined) {
    const host = forwardedHost.split(",")[0]!.trim().toLowerCase().replace(/:\d+$/, "");
    if (HOST_API[host] !== api) return { status: 404 };
  }
  const { method: allowed } = API_ROUTES[api];
  return method === allowed || (allowed === "GET" && method === "HEAD")
    ? { api }
    : { status: 405, allow: allowed };
}

/** The client's virtual now, or the server's clock when the header is absent or unreadable. */
export function virtualNow(header: string | string[] | undefined): number {
  const text = Array.isArray(header) ? header[0] : header;
  const value = text === undefined ? Number.NaN : Number(text.trim());
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : Date.now();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained and dropped: the body is then invalid JSON (10001).
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { "Content-Type": JSON_CONTENT_TYPE, ...headers });
  response.end(JSON.stringify(body));
}

export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const seed = options.seed ?? DEFAULT_SEED;
  const initialConfig = mergeConfig(defaultConfig(), options.config ?? {});
  const dataset = new Dataset(seed, options.scale ?? 1);
  const keyApiSearch = new KeyApiSearch(dataset);
  const fastMossSearch = new FastMossSearch(dataset);
  const recorder = new StatsRecorder();
  let config = structuredClone(initialConfig);
  let rateWindows = { keyapi: new RateWindow(), fastmoss: new RateWindow() };
  const failures = new FailureScript();
  failures.load(config.failures);
  let requestNumber = 0;

  const context = (): EndpointContext => ({
    seed,
    dataset,
    config,
    rateWindows,
    failures,
    nextRequestNumber: () => ++requestNumber,
  });

  const configure = (patch: FakeApiConfigPatch): void => {
    config = mergeConfig(config, patch);
    if (patch.failures !== undefined) failures.load(config.failures);
  };

  const reset = (): void => {
    config = structuredClone(initialConfig);
    failures.load(config.failures);
    rateWindows = { keyapi: new RateWindow(), fastmoss: new RateWindow() };
    recorder.clear();
    requestNumber = 0;
  };

  const stats = (): FakeApiStats => ({
    ...recorder.snapshot(),
    creditsRemaining: config.credits,
    fastmossQuotaRemaining: config.fastmossQuota,
    failuresPending: failures.pending(),
  });

  async function admin(request: IncomingMessage, response: ServerResponse, path: string) {
    const method = request.method ?? "GET";
    if (path === "/__admin/stats" && method === "GET") return sendJson(response, 200, stats());
    if (path === "/__admin/config" && method === "GET") return sendJson(response, 200, config);
    if (path === "/__admin/reset" && method === "POST") {
      reset();
      return sendJson(response, 200, config);
    }
    if (path === "/__admin/config" && method === "POST") {
      let patch: unknown;
      try {
        patch = JSON.parse((await readBody(request)) || "{}");
      } catch {
        return sendJson(response, 400, { error: "the body is not valid JSON" });
      }
      try {
        configure(patch as FakeApiConfigPatch);
      } catch (error) {
        return sendJson(response, 400, {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return sendJson(response, 200, config);
    }
    return sendJson(response, 404, { error: `no admin endpoint ${method} ${path}` });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake-api.local");
    if (url.pathname.startsWith("/__admin/")) return admin(request, response, url.pathname);
    const method = request.method ?? "GET";
    const forwardedHost = request.headers["x-forwarded-host"];
    const route = routeRequest(
      method,
      url.pathname,
      Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost,
    );
    if ("status" in route) {
      request.resume();
      const message = route.status === 404 ? "Not Found" : "Method Not Allowed";
      return sendJson(
        response,
        route.status,
        { code: route.status, data: null, message: `${message}: ${method} ${url.pathname}` },
        route.allow ? { Allow: route.allow } : {},
      );
    }
    const now = virtualNow(request.headers[VIRTUAL_TIME_HEADER]);
    const authorization = request.headers.authorization;
    let reply: ApiReply;
    if (route.api === "keyapi") {
      request.resume();
      reply = answerKeyApi(context(), keyApiSearch, {
        query: url.searchParams,
        authorization,
        now,
      });
    } else {
      const body = await readBody(request);
      reply = answerFastMoss(context(), fastMossSearch, {
        contentType: request.headers["content-type"],
        body,
        authorization,
        now,
      });
    }
    recorder.record({
      api: route.api,
      virtualTime: now,
      page: reply.page,
      pageSize: reply.pageSize,
      status: reply.status,
      code: reply.code,
      latencyMs: reply.latencyMs,
      params: reply.params,
      rows: reply.rows,
      credits: reply.credits,
    });
    if (config.realDelay && reply.latencyMs > 0) await sleep(reply.latencyMs);
    response.writeHead(reply.status, {
      "Content-Type": reply.contentType,
      [SIMULATED_LATENCY_HEADER]: String(reply.latencyMs),
      ...reply.headers,
    });
    response.end(method === "HEAD" ? undefined : reply.body);
  }

  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      // A bug of the fake itself: say so plainly rather than imitate an API error.
      if (!response.headersSent) {
        sendJson(response, 500, {
          code: 500,
          data: null,
          message: `fake-api bug: ${String(error)}`,
        });
      } else response.destroy();
    });
  };

  let server: http.Server | null = null;

  return {
    seed,
    handler,
    listen(port = 0, host = "127.0.0.1") {
      if (server !== null) return Promise.reject(new Error("the fake API is already listening"));
      const started = http.createServer(handler);
      // A client whose thread was blocked (the runtime runs synchronously) can't see an idle
      // connection expire: keep connections long enough that it never reuses a closed one.
      started.keepAliveTimeout = 120_000;
      server = started;
      return new Promise((resolve, reject) => {
        started.once("error", reject);
        started.listen(port, host, () => {
          const { port: actual } = started.address() as AddressInfo;
          resolve({ url: `http://${host.includes(":") ? `[${host}]` : host}:${actual}` });
        });
      });
    },
    close() {
      const running = server;
      server = null;
      if (running === null) return Promise.resolve();
      return new Promise((resolve, reject) => {
        running.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open until they time out.
        running.closeAllConnections();
      });
    },
    configure,
    reset,
    stats,
    config: () => structuredClone(config),
  };
}
