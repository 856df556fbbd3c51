// The emulated UrlFetchApp: synchronous HTTP as in Apps Script, over real loopback through the
// HttpBridge. Time is virtual: the server declares each response's latency, fetch charges it and
// fetchAll charges the longest of its batch. Limits and errors follow Apps Script's.

import type { Execution } from "../execution.js";
import type { FetchLogEntry, HttpBridge, WireRequest, WireResult } from "./http-bridge.js";
import { bytesFromScript, realmArray, realmObject, signatureError, signedBytes } from "./shared.js";
import { Blob, decodeText, encodeText, encodingOf } from "./utilities.js";

export const URLFETCH_LIMITS = {
  urlLength: 2048,
  headers: 100,
  /** Apps Script gives up on a request after about 60 s (observed; not configurable). */
  timeoutMs: 60_000,
  postBytes: 50 * 1024 * 1024,
  maxRedirects: 10,
  /** Characters of the body an HTTP error quotes before "..." (observed). */
  quotedBody: 147,
} as const;

/** The response header a local server uses to declare the latency to charge, in virtual ms. */
export const LATENCY_HEADER = "X-Simulated-Latency-Ms";

export const URLFETCH_ERRORS = {
  invalidUrl: (url: string) => `Invalid argument: ${url}`,
  invalidMethod: "Invalid argument: method",
  urlLength: "Limit Exceeded: URLFetch URL Length.",
  headers: "Limit Exceeded: URLFetch headers.",
  postSize: "Limit Exceeded: URLFetch POST Size.",
  notWhitelisted: (url: string) =>
    `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`,
  dailyQuota: "Service invoked too many times for one day: urlfetch.",
  dns: (url: string) => `DNS error: ${url}`,
  unavailable: (url: string) => `Address unavailable: ${url}`,
  timeout: (url: string) => `Timeout: ${url}`,
  httpStatus: (origin: string, status: number, body: string) =>
    `Request failed for ${origin} returned code ${status}. Truncated server response: ${body} ` +
    "(use muteHttpExceptions option to examine full response)",
} as const;

const METHODS = new Set(["GET", "DELETE", "PATCH", "POST", "PUT"]);
/** Characters Apps Script refuses unescaped in a URL. */
const UNSAFE_URL_CHARS = /[\s"<>\\^`{|}]/;
const USER_AGENT =
  "Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: local)";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface PreparedRequest {
  /** The URL as the script gave it. */
  readonly url: string;
  readonly method: string;
  readonly headers: [string, string][];
  readonly body: Uint8Array | null;
  readonly muteHttpExceptions: boolean;
  readonly followRedirects: boolean;
  readonly insecure: boolean;
}

/** A request in flight: where it is now, what it cost so far, how it ended. */
interface Flight {
  readonly request: PreparedRequest;
  url: string;
  /** A 303 (or a 301/302 after a POST) turns the request into a GET without a body. */
  method: string;
  body: Uint8Array | null;
  latencyMs: number;
  hops: number;
  outcome?:
    | {
        readonly kind: "response";
        readonly status: number;
        readonly headers: [string, string][];
        readonly body: Uint8Array;
      }
    | { readonly kind: "failure"; readonly message: string }
    | { readonly kind: "timeout" };
}

function headerIndex(headers: readonly [string, string][], name: string): number {
  const lower = name.toLowerCase();
  return headers.findIndex(([key]) => key.toLowerCase() === lower);
}

/** Form encoding as Java's URLEncoder does it (spaces as "+"). */
function formEncode(values: Record<string, unknown>): string {
  const encode = (text: string) =>
    encodeURIComponent(text)
      .replace(/%20/g, "+")
      .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return Object.entries(values)
    .map(([key, value]) => `${encode(key)}=${encode(String(value))}`)
    .join("&");
}

function contentTypeCharset(contentType: string | undefined): string | undefined {
  return contentType ? /;\s*charset="?([^";]+)"?/i.exec(contentType)?.[1] : undefined;
}

class HTTPResponse {
  readonly #exec: Execution;
  readonly #url: string;
  readonly #status: number;
  readonly #headers: readonly [string, string][];
  readonly #body: Uint8Array;

  constructor(
    exec: Execution,
    url: string,
    status: number,
    headers: [string, string][],
    body: Uint8Array,
  ) {
    this.#exec = exec;
    this.#url = url;
    this.#status = status;
    this.#headers = headers;
    this.#body = body;
  }

  #guard(method: string): void {
    this.#exec.guard(`HTTPResponse.${method}`, "urlfetch");
  }

  #header(name: string): string | undefined {
    const index = headerIndex(this.#headers, name);
    return index < 0 ? undefined : this.#headers[index]![1];
  }

  getResponseCode(): number {
    this.#guard("getResponseCode");
    return this.#status;
  }

  getContentText(charset?: unknown): string {
    this.#guard("getContentText");
    // Apps Script reads the answer's declared charset, else UTF-8.
    const declared = charset ?? contentTypeCharset(this.#header("Content-Type"));
    return decodeText(this.#body, encodingOf(this.#exec, declared));
  }

  getContent(): number[] {
    this.#guard("getContent");
    return signedBytes(this.#exec, this.#body);
  }

  getBlob(): Blob {
    this.#guard("getBlob");
    const contentType = this.#header("Content-Type")?.split(";")[0]?.trim() || null;
    const name = new URL(this.#url).pathname.split("/").pop() || null;
    return new Blob(this.#exec, this.#body.slice(), contentType, name);
  }

  getAs(contentType: unknown): Blob {
    this.#guard("getAs");
    return new Blob(this.#exec, this.#body.slice(), String(contentType), null);
  }

  /** One value per header; for a repeated header, the first. */
  getHeaders(): Record<string, string> {
    this.#guard("getHeaders");
    const seen = new Map<string, string>();
    for (const [name, value] of this.#headers) if (!seen.has(name)) seen.set(name, value);
    return realmObject(this.#exec, seen);
  }

  /** Every header; a repeated one (Set-Cookie) as an array of its values. */
  getAllHeaders(): Record<string, string | string[]> {
    this.#guard("getAllHeaders");
    const grouped = new Map<string, string[]>();
    for (const [name, value] of this.#headers)
      grouped.set(name, [...(grouped.get(name) ?? []), value]);
    return realmObject(
      this.#exec,
      [...grouped].map(([name, values]): [string, string | string[]] => [
        name,
        values.length === 1 ? values[0]! : realmArray(this.#exec, values),
      ]),
    );
  }

  toString(): string {
    return "HTTPResponse";
  }
}

/** The UrlFetchApp global of one execution. */
export function createUrlFetchApp(bridge: HttpBridge, exec: Execution) {
  const prepare = (api: string, url: unknown, params: unknown): PreparedRequest => {
    if (typeof url !== "string") throw signatureError(exec, api, [url, params]);
    const options = (params ?? {}) as Record<string, unknown>;
    if (typeof options !== "object") throw signatureError(exec, api, [url, params]);
    if (Buffer.byteLength(url, "utf8") > URLFETCH_LIMITS.urlLength) {
      exec.fail(URLFETCH_ERRORS.urlLength);
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      exec.fail(URLFETCH_ERRORS.invalidUrl(url));
    }
    const escaping = options.escaping !== false;
    if (
      (parsed.protocol !== "http:" && parsed.protocol !== "https:") ||
      (escaping && UNSAFE_URL_CHARS.test(url))
    ) {
      exec.fail(URLFETCH_ERRORS.invalidUrl(url));
    }

    const method = String(options.method ?? "get").toUpperCase();
    if (!METHODS.has(method)) exec.fail(URLFETCH_ERRORS.invalidMethod);

    const headers: [string, string][] = [];
    const given = options.headers;
    if (given !== undefined && given !== null) {
      if (typeof given !== "object") throw signatureError(exec, api, [url, params]);
      for (const [name, value] of Object.entries(given)) headers.push([name, String(value)]);
    }
    if (headers.length > URLFETCH_LIMITS.headers) exec.fail(URLFETCH_ERRORS.headers);

    let body: Uint8Array | null = null;
    let defaultType: string | null = "application/x-www-form-urlencoded";
    const payload = options.payload;
    if (payload !== undefined && payload !== null && method !== "GET") {
      if (payload instanceof Blob) {
        body = payload.bytes.slice();
        defaultType = payload.getContentType() ?? defaultType;
      } else if (typeof payload === "object") {
        // A byte array goes as it is; any other object is sent as a form.
        body =
          bytesFromScript(payload) ??
          encodeText(formEncode(payload as Record<string, unknown>), "utf8");
      } else {
        body = encodeText(String(payload), "utf8");
      }
      if (body.byteLength > URLFETCH_LIMITS.postBytes) exec.fail(URLFETCH_ERRORS.postSize);
      const contentType = options.contentType;
      const typeIndex = headerIndex(headers, "Content-Type");
      if (contentType !== undefined && contentType !== null) {
        if (typeIndex >= 0) headers.splice(typeIndex, 1);
        headers.push(["Content-Type", String(contentType)]);
      } else if (typeIndex < 0 && defaultType) {
        headers.push(["Content-Type", defaultType]);
      }
    }
    if (headerIndex(headers, "User-Agent") < 0) headers.push(["User-Agent", USER_AGENT]);
    return {
      url,
      method,
      headers,
      body,
      muteHttpExceptions: options.muteHttpExceptions === true,
      followRedirects: options.followRedirects !== false,
      insecure: options.validateHttpsCertificates === false,
    };
  };

  const record = (
    flight: Flight,
    sentAt: number,
    status: number,
    latencyMs: number,
    error?: string,
  ) => {
    const entry: FetchLogEntry = {
      method: flight.method,
      url: flight.url,
      status,
      virtualTime: sentAt,
      latencyMs,
      execId: exec.id,
      ...(error ? { error } : {}),
    };
    bridge.log.push(entry);
  };

  /** Sends the flights still under way, each once; answers those that must go on (redirects). */
  const sendRound = (flights: Flight[], start: number): Flight[] => {
    const wire: (WireRequest | null)[] = [];
    const sentAt: number[] = [];
    for (const flight of flights) {
      const time = start + flight.latencyMs;
      sentAt.push(time);
      const resolution = bridge.resolve(new URL(flight.url));
      if (!resolution) {
        wire.push(null);
        continue;
      }
      const headers: [string, string][] = [
        ...flight.request.headers,
        ["X-Virtual-Time", String(time)],
      ];
      if (resolution.routed) headers.push(["X-Forwarded-Host", new URL(flight.url).host]);
      wire.push({
        url: resolution.target,
        method: flight.method,
        headers,
        body: flight.body,
        timeoutMs: bridge.realTimeoutMs,
        insecure: flight.request.insecure,
      });
    }
    const sendable = wire.filter((request): request is WireRequest => request !== null);
    const answers = bridge.exchange(sendable);
    const results: (WireResult | null)[] = [];
    let next = 0;
    for (const request of wire) results.push(request ? answers[next++]! : null);

    const onward: Flight[] = [];
    flights.forEach((flight, index) => {
      const result = results[index];
      if (!result) {
        record(flight, sentAt[index]!, 0, 0, "ENOTFOUND");
        flight.outcome = { kind: "failure", message: URLFETCH_ERRORS.dns(flight.url) };
        return;
      }
      if ("error" in result) {
        record(flight, sentAt[index]!, 0, 0, result.error.code);
        if (result.error.code === "ETIMEDOUT") {
          flight.latencyMs = URLFETCH_LIMITS.timeoutMs;
          flight.outcome = { kind: "timeout" };
        } else if (result.error.code === "ENOTFOUND" || result.error.code === "EAI_AGAIN") {
          flight.outcome = { kind: "failure", message: URLFETCH_ERRORS.dns(flight.url) };
        } else {
          flight.outcome = { kind: "failure", message: URLFETCH_ERRORS.unavailable(flight.url) };
        }
        return;
      }
      const headers: [string, string][] = [];
      let declared = 0;
      for (let i = 0; i + 1 < result.headers.length; i += 2) {
        const name = result.headers[i]!;
        const value = result.headers[i + 1]!;
        // The declared latency is for the runtime alone: the script never sees it.
        if (name.toLowerCase() === LATENCY_HEADER.toLowerCase()) {
          declared = Math.max(0, Number(value) || 0);
        } else {
          headers.push([name, value]);
        }
      }
      record(flight, sentAt[index]!, result.status, declared);
      flight.latencyMs += declared;
      if (flight.latencyMs > URLFETCH_LIMITS.timeoutMs) {
        flight.latencyMs = URLFETCH_LIMITS.timeoutMs;
        flight.outcome = { kind: "timeout" };
        return;
      }
      const location = headers[headerIndex(headers, "Location")]?.[1];
      if (
        flight.request.followRedirects &&
        REDIRECT_STATUSES.has(result.status) &&
        location !== undefined &&
        flight.hops < URLFETCH_LIMITS.maxRedirects
      ) {
        flight.hops++;
        if (
          result.status === 303 ||
          ((result.status === 301 || result.status === 302) && flight.method !== "GET")
        ) {
          flight.method = "GET";
          flight.body = null;
        }
        flight.url = new URL(location, flight.url).href;
        onward.push(flight);
        return;
      }
      flight.outcome = { kind: "response", status: result.status, headers, body: result.body };
    });
    return onward;
  };

  /** Performs prepared requests at the same time; charges the longest; throws as Apps Script does. */
  const perform = (requests: PreparedRequest[]): HTTPResponse[] => {
    if (requests.length === 0) return [];
    for (const request of requests) {
      if (!bridge.isWhitelisted(request.url))
        exec.fail(URLFETCH_ERRORS.notWhitelisted(request.url));
    }
    if (!bridge.quota.consume(exec.effectiveUser, requests.length, exec.clock.now())) {
      exec.fail(URLFETCH_ERRORS.dailyQuota);
    }
    const start = exec.clock.now();
    const flights: Flight[] = requests.map((request) => ({
      request,
      url: request.url,
      method: request.method,
      body: request.body,
      latencyMs: 0,
      hops: 0,
    }));
    for (let pending = flights; pending.length > 0; ) pending = sendRound(pending, start);

    exec.spend(Math.max(...flights.map((flight) => flight.latencyMs)));
    return flights.map((flight) => {
      const outcome = flight.outcome!;
      if (outcome.kind === "timeout") exec.fail(URLFETCH_ERRORS.timeout(flight.request.url));
      if (outcome.kind === "failure") exec.fail(outcome.message);
      if (outcome.status >= 400 && !flight.request.muteHttpExceptions) {
        const text = decodeText(outcome.body, "utf8");
        const quoted =
          text.length > URLFETCH_LIMITS.quotedBody
            ? `${text.slice(0, URLFETCH_LIMITS.quotedBody)}...`
            : text;
        exec.fail(
          URLFETCH_ERRORS.httpStatus(new URL(flight.request.url).origin, outcome.status, quoted),
        );
      }
      return new HTTPResponse(exec, flight.url, outcome.status, outcome.headers, outcome.body);
    });
  };

  return {
    fetch(url: unknown, params?: unknown): HTTPResponse {
      exec.guard("UrlFetchApp.fetch", "urlfetch");
      return perform([prepare("UrlFetchApp.fetch", url, params)])[0]!;
    },

    fetchAll(requests: unknown): HTTPResponse[] {
      exec.guard("UrlFetchApp.fetchAll", "urlfetch");
      if (!Array.isArray(requests)) throw signatureError(exec, "UrlFetchApp.fetchAll", [requests]);
      const prepared = requests.map((request: unknown) =>
        typeof request === "string"
          ? prepare("UrlFetchApp.fetchAll", request, {})
          : prepare("UrlFetchApp.fetchAll", (request as { url?: unknown } | null)?.url, request),
      );
      return realmArray(exec, perform(prepared));
    },

    getRequest(url: unknown, params?: unknown): Record<string, unknown> {
      exec.guard("UrlFetchApp.getRequest", "urlfetch");
      const request = prepare("UrlFetchApp.getRequest", url, params);
      const typeIndex = headerIndex(request.headers, "Content-Type");
      return realmObject<unknown>(exec, [
        ["url", request.url],
        ["method", request.method.toLowerCase()],
        [
          "headers",
          realmObject(
            exec,
            request.headers.filter((_, index) => index !== typeIndex),
          ),
        ],
        ["payload", request.body ? decodeText(request.body, "utf8") : ""],
        ["contentType", typeIndex >= 0 ? request.headers[typeIndex]![1] : null],
        ["validateHttpsCertificates", !request.insecure],
        ["followRedirects", request.followRedirects],
        ["muteHttpExceptions", request.muteHttpExceptions],
        ["useIntranet", false],
      ]);
    },

    toString: () => "UrlFetchApp",
  };
}
