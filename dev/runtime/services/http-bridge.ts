// The synchronous HTTP machinery behind UrlFetchApp: a worker thread performs the requests over
// real loopback HTTP while the script's thread blocks on a shared signal (the synckit pattern).
// It also holds what outlives executions: the routes to local servers, the manifest's
// urlFetchWhitelist, the per-user daily quota and the request log.

import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import { DailyQuota } from "./shared.js";

/** One request as the worker performs it: the routed URL and the headers actually sent. */
export interface WireRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array | null;
  /** Real-time limit for this request. */
  readonly timeoutMs: number;
  /** validateHttpsCertificates: false */
  readonly insecure: boolean;
}

export interface WireResponse {
  readonly status: number;
  /** Node's rawHeaders: name, value, name, value… as the server sent them. */
  readonly headers: readonly string[];
  readonly body: Uint8Array;
}

export interface WireFailure {
  readonly error: { readonly code: string; readonly message: string };
}

export type WireResult = WireResponse | WireFailure;

/** One request as the log keeps it: never a header, so never a key. */
export interface FetchLogEntry {
  readonly method: string;
  /** The URL the script asked for, before routing. */
  readonly url: string;
  /** 0 when no answer came (connection refused, timeout…). */
  readonly status: number;
  /** Virtual time the request was sent. */
  readonly virtualTime: number;
  /** Latency the server declared (X-Simulated-Latency-Ms). */
  readonly latencyMs: number;
  readonly execId: number;
  /** Why no answer came, e.g. "ECONNREFUSED". */
  readonly error?: string;
}

export interface HttpBridgeOptions {
  /** Production origins to local servers, e.g. {"https://api.keyapi.ai": "http://127.0.0.1:8787"}. */
  readonly routes?: Readonly<Record<string, string>>;
  /** The manifest's urlFetchWhitelist; undefined lets every URL through. */
  readonly whitelist?: readonly string[] | undefined;
  /** UrlFetch calls per user per day: 20,000 (consumer accounts) unless told otherwise. */
  readonly dailyQuota?: number;
  /** Real time a request may take before it counts as timed out; default 60 s. */
  readonly realTimeoutMs?: number;
}

/** Where a URL goes: a routed local server, a loopback server named directly, or nowhere. */
export interface Resolution {
  readonly target: string;
  readonly routed: boolean;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Time the worker gets beyond the requests' own limit before it is deemed stuck. */
const WORKER_GRACE_MS = 5_000;

function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** A whitelist prefix as a test: a leading "*." in the host matches any subdomain. */
function prefixMatcher(prefix: string): (url: string) => boolean {
  const wildcard = /^(https?:\/\/)\*\.(.*)$/.exec(prefix);
  if (!wildcard) return (url) => url.startsWith(prefix);
  const escaped = wildcard[2]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^${wildcard[1]}[^/?#]+\\.${escaped}`);
  return (url) => pattern.test(url);
}

export class HttpBridge {
  /** Every request sent, oldest first (tests and benchmarks). */
  readonly log: FetchLogEntry[] = [];
  readonly quota: DailyQuota;
  readonly realTimeoutMs: number;
  readonly #routes = new Map<string, string>();
  #whitelist: readonly string[] | undefined;
  #matchers: ((url: string) => boolean)[] = [];
  #worker: Worker | null = null;
  #port: MessagePort | null = null;
  #signal: Int32Array | null = null;
  #nextId = 1;

  constructor(options: HttpBridgeOptions = {}) {
    for (const [origin, target] of Object.entries(options.routes ?? {}))
      this.setRoute(origin, target);
    this.setWhitelist(options.whitelist);
    this.quota = new DailyQuota(options.dailyQuota ?? 20_000);
    this.realTimeoutMs = options.realTimeoutMs ?? 60_000;
  }

  get routes(): Record<string, string> {
    return Object.fromEntries(this.#routes);
  }

  /** Sends requests for `origin` (scheme and host of a production URL) to the server at `target`. */
  setRoute(origin: string, target: string): void {
    this.#routes.set(originOf(origin), target.replace(/\/+$/, ""));
  }

  removeRoute(origin: string): void {
    this.#routes.delete(originOf(origin));
  }

  get whitelist(): readonly string[] | undefined {
    return this.#whitelist;
  }

  setWhitelist(prefixes: readonly string[] | undefined): void {
    this.#whitelist = prefixes ? [...prefixes] : undefined;
    this.#matchers = (prefixes ?? []).map(prefixMatcher);
  }

  isWhitelisted(url: string): boolean {
    return this.#whitelist === undefined || this.#matchers.some((matches) => matches(url));
  }

  /**
   * Where `url` goes. Routed origins go to their local server; a loopback URL is fetched as is;
   * any other host is unreachable from here, and deliberately so: nothing (a real API key least
   * of all) may leave this machine.
   */
  resolve(url: URL): Resolution | null {
    const base = this.#routes.get(`${url.protocol}//${url.host}`);
    if (base) return { target: `${base}${url.pathname}${url.search}`, routed: true };
    if (LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname)) {
      return { target: url.href, routed: false };
    }
    return null;
  }

  /**
   * Performs `requests` at the same time and answers in order, blocking the calling thread until
   * every answer is in (or the worker is deemed stuck, when every request answers ETIMEDOUT).
   */
  exchange(requests: readonly WireRequest[]): WireResult[] {
    if (requests.length === 0) return [];
    const { port, signal } = this.#start();
    const id = this.#nextId++;
    port.postMessage({ id, requests });
    const limit = Math.max(...requests.map((request) => request.timeoutMs)) + WORKER_GRACE_MS;
    const giveUpAt = Date.now() + limit;
    for (;;) {
      const seen = Atomics.load(signal, 0);
      for (
        let received = receiveMessageOnPort(port);
        received;
        received = receiveMessageOnPort(port)
      ) {
        const reply = received.message as { id: number; results: WireResult[] };
        // Answers to an earlier batch the caller gave up on are dropped.
        if (reply.id === id) return reply.results;
      }
      const left = giveUpAt - Date.now();
      if (left <= 0) break;
      Atomics.wait(signal, 0, seen, left);
    }
    // The worker is stuck: replace it, so the next call starts clean.
    void this.#stop();
    return requests.map(() => ({
      error: { code: "ETIMEDOUT", message: "the HTTP worker did not answer in time" },
    }));
  }

  /** Stops the worker; a later request starts a new one. */
  close(): Promise<void> {
    return this.#stop();
  }

  #start(): { port: MessagePort; signal: Int32Array } {
    if (this.#worker && this.#port && this.#signal)
      return { port: this.#port, signal: this.#signal };
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(new URL("./http-worker.mjs", import.meta.url), {
      workerData: { port: port2, signal },
      transferList: [port2],
    });
    // Neither keeps the process alive: the bridge is only busy while a caller is blocked on it.
    worker.unref();
    // A worker that dies shows as a stuck one to the next caller; the event must not crash Node.
    worker.on("error", () => {
      if (this.#worker === worker) void this.#stop();
    });
    port1.unref();
    this.#worker = worker;
    this.#port = port1;
    this.#signal = signal;
    return { port: port1, signal };
  }

  async #stop(): Promise<void> {
    const worker = this.#worker;
    this.#port?.close();
    this.#worker = null;
    this.#port = null;
    this.#signal = null;
    if (worker) await worker.terminate();
  }
}
