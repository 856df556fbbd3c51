// UrlFetchApp over real loopback HTTP: round trips, virtual time (fetchAll charges the longest
// answer, not the sum), the headers the local servers rely on, Apps Script's limits and errors.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../dev/runtime/clock.js";
import { HttpBridge } from "../../../../dev/runtime/services/http-bridge.js";
import { createUrlFetchApp, URLFETCH_LIMITS } from "../../../../dev/runtime/services/url-fetch.js";
import { Blob } from "../../../../dev/runtime/services/utilities.js";
import {
  closedPort,
  type EchoServer,
  makeExec,
  OWNER,
  START,
  startEchoServer,
  thrown,
} from "./helpers.js";

const API = "https://api.keyapi.ai";

let server: EchoServer;
let bridge: HttpBridge;

beforeAll(async () => {
  server = await startEchoServer();
});

afterAll(async () => {
  await bridge?.close();
  await server.close();
});

beforeEach(async () => {
  await bridge?.close();
  bridge = new HttpBridge({ routes: { [API]: server.base } });
});

function setup(options: Parameters<typeof makeExec>[0] = {}) {
  const clock = options.clock ?? new VirtualClock(START);
  const exec = makeExec({ ...options, clock });
  return { clock, exec, app: createUrlFetchApp(bridge, exec) };
}

interface Echo {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  greeting: string;
}

describe("UrlFetchApp.fetch", () => {
  it("round-trips a GET through a route: status, headers, UTF-8 and CJK text", () => {
    const { app } = setup();
    const response = app.fetch(`${API}/v1/echo?region=US&name=${encodeURIComponent("李小龍")}`);
    expect(response.getResponseCode()).toBe(200);
    expect(response.getHeaders()["Content-Type"]).toBe("application/json; charset=utf-8");
    const echo = JSON.parse(response.getContentText()) as Echo;
    expect(echo.method).toBe("GET");
    expect(echo.path).toBe("/v1/echo");
    expect(echo.query).toEqual({ region: "US", name: "李小龍" });
    expect(echo.greeting).toBe("héllo 世界 👋");
    expect(echo.headers["user-agent"]).toContain("Google-Apps-Script");
  });

  it("sends the payload, content type and headers the script gives", () => {
    const { app } = setup();
    const json = app.fetch(`${API}/echo`, {
      method: "post",
      contentType: "application/json",
      headers: { Authorization: "Bearer secret-key" },
      payload: JSON.stringify({ region: "US", 名前: "テスト" }),
    });
    const echo = JSON.parse(json.getContentText()) as Echo;
    expect(echo.method).toBe("POST");
    expect(echo.headers["content-type"]).toBe("application/json");
    expect(echo.headers.authorization).toBe("Bearer secret-key");
    expect(JSON.parse(echo.body)).toEqual({ region: "US", 名前: "テスト" });

    const form = JSON.parse(
      app.fetch(`${API}/echo`, { method: "POST", payload: { q: "a b", n: 1 } }).getContentText(),
    ) as Echo;
    expect(form.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(form.body).toBe("q=a+b&n=1");

    const bytes = JSON.parse(
      app
        .fetch(`${API}/echo`, { method: "put", payload: [104, 105], contentType: "text/plain" })
        .getContentText(),
    ) as Echo;
    expect(bytes.body).toBe("hi");
  });

  it("sends X-Virtual-Time and X-Forwarded-Host, and strips the latency header", () => {
    const { app, clock } = setup();
    clock.advance(1234);
    const response = app.fetch(`${API}/echo?latency=250`);
    const echo = JSON.parse(response.getContentText()) as Echo;
    expect(echo.headers["x-virtual-time"]).toBe(String(START + 1234));
    expect(echo.headers["x-forwarded-host"]).toBe("api.keyapi.ai");
    const names = Object.keys(response.getHeaders()).map((name) => name.toLowerCase());
    expect(names).not.toContain("x-simulated-latency-ms");
    expect(Object.keys(response.getAllHeaders()).map((name) => name.toLowerCase())).not.toContain(
      "x-simulated-latency-ms",
    );
    expect(clock.now()).toBe(START + 1234 + 250);
  });

  it("answers bytes as Java's signed bytes, and a blob", () => {
    const { app } = setup();
    const response = app.fetch(`${API}/bytes?size=300`);
    const content = response.getContent();
    expect(content).toHaveLength(300);
    expect(content[250]).toBe(-6); // 250 as a signed byte
    expect(content.every((byte) => byte >= -128 && byte <= 127)).toBe(true);
    const blob = response.getBlob();
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.getContentType()).toBe("application/octet-stream");
    expect(blob.getName()).toBe("bytes");
    expect(blob.getBytes()).toEqual(content);
  });

  it("carries bodies of tens of MB", () => {
    const { app } = setup();
    const size = 20 * 1024 * 1024;
    const response = app.fetch(`${API}/bytes?size=${size}`);
    const blob = response.getBlob();
    expect(blob.bytes.byteLength).toBe(size);
    expect(blob.bytes[size - 1]).toBe((size - 1) % 251);
  });

  it("reads the charset of the answer, or the one asked for", () => {
    const { app } = setup();
    const latin = app.fetch(`${API}/text?value=${encodeURIComponent("café")}&type=text/plain`);
    expect(latin.getContentText()).toBe("café");
    expect(latin.getContentText("ISO-8859-1")).toBe("cafÃ©");
  });

  it("keeps repeated headers in getAllHeaders", () => {
    const { app } = setup();
    const response = app.fetch(`${API}/cookies`);
    expect(response.getAllHeaders()["Set-Cookie"]).toEqual(["a=1", "b=2"]);
    expect(response.getHeaders()["Set-Cookie"]).toBe("a=1");
    expect(response.getHeaders()["X-Single"]).toBe("one");
  });

  it("follows redirects unless told not to", () => {
    const { app, clock } = setup();
    const followed = app.fetch(
      `${API}/redirect?latency=100&to=${encodeURIComponent("/echo?latency=200")}`,
    );
    expect((JSON.parse(followed.getContentText()) as Echo).path).toBe("/echo");
    expect(clock.now()).toBe(START + 300);
    const stopped = app.fetch(`${API}/redirect?to=/echo`, { followRedirects: false });
    expect(stopped.getResponseCode()).toBe(302);
    expect(stopped.getHeaders().Location).toBe("/echo");
  });

  it("fetches loopback URLs that no route names", () => {
    const { app } = setup();
    const echo = JSON.parse(app.fetch(`${server.base}/echo`).getContentText()) as Echo;
    expect(echo.headers["x-forwarded-host"]).toBeUndefined();
    expect(echo.headers["x-virtual-time"]).toBe(String(START));
  });
});

describe("virtual time", () => {
  it("fetchAll of 10 requests at 300 ms costs 300 ms, and answers in order", () => {
    const { app, clock } = setup();
    const requests = Array.from({ length: 10 }, (_, index) => ({
      url: `${API}/echo?latency=300&n=${index}`,
    }));
    const responses = app.fetchAll(requests);
    expect(clock.now() - START).toBe(300);
    const echoes = responses.map((response) => JSON.parse(response.getContentText()) as Echo);
    expect(echoes.map((echo) => echo.query.n)).toEqual(requests.map((_, index) => String(index)));
    expect(new Set(echoes.map((echo) => echo.headers["x-virtual-time"]))).toEqual(
      new Set([String(START)]),
    );
    expect(bridge.log).toHaveLength(10);
  });

  it("10 sequential fetches at 300 ms cost 3,000 ms", () => {
    const { app, clock } = setup();
    for (let index = 0; index < 10; index++) app.fetch(`${API}/echo?latency=300`);
    expect(clock.now() - START).toBe(3000);
    expect(bridge.log.map((entry) => entry.virtualTime)).toEqual(
      Array.from({ length: 10 }, (_, index) => START + index * 300),
    );
  });

  it("fetchAll charges the longest of different latencies", () => {
    const { app, clock } = setup();
    app.fetchAll([`${API}/echo?latency=100`, `${API}/echo?latency=700`, `${API}/echo?latency=50`]);
    expect(clock.now() - START).toBe(700);
  });

  it("past the declared latency limit: the timeout is charged and Apps Script's error thrown", () => {
    const { app, clock } = setup();
    const error = thrown(() =>
      app.fetch(`${API}/echo?latency=70000`, { muteHttpExceptions: true }),
    );
    expect(error).toEqual({ name: "Exception", message: `Timeout: ${API}/echo?latency=70000` });
    expect(clock.now() - START).toBe(URLFETCH_LIMITS.timeoutMs);
  });

  it("a server that never answers times out in real time too, without hanging", async () => {
    await bridge.close();
    bridge = new HttpBridge({ routes: { [API]: server.base }, realTimeoutMs: 300 });
    const { app, clock } = setup();
    const startedAt = Date.now();
    expect(thrown(() => app.fetch(`${API}/hang`)).message).toBe(`Timeout: ${API}/hang`);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(clock.now() - START).toBe(URLFETCH_LIMITS.timeoutMs);
    // The bridge still works afterwards.
    expect(app.fetch(`${API}/echo`).getResponseCode()).toBe(200);
  });

  it("reaching the execution's deadline during a fetch ends the execution", () => {
    const { app, exec, clock } = setup({ kind: "customFunction", timeLimitMs: 30_000 });
    clock.advance(29_000);
    expect(thrown(() => app.fetch(`${API}/echo?latency=5000`)).message).toBe(
      "Exceeded maximum execution time",
    );
    expect(exec.killed).toBe(true);
    expect(clock.now()).toBe(exec.deadline);
    expect(bridge.log).toHaveLength(1);
    expect(thrown(() => app.fetch(`${API}/echo`)).message).toBe("Exceeded maximum execution time");
    expect(bridge.log).toHaveLength(1);
  });
});

describe("HTTP errors", () => {
  it("throws Apps Script's error for a status of 400 or more, quoting the start of the body", () => {
    const { app } = setup();
    const error = thrown(() => app.fetch(`${API}/echo?status=429&pad=${"x".repeat(200)}`));
    expect(error.name).toBe("Exception");
    expect(error.message).toMatch(
      /^Request failed for https:\/\/api\.keyapi\.ai returned code 429\. Truncated server response: \{"method":"GET".{120,}\.\.\. \(use muteHttpExceptions option to examine full response\)$/,
    );
    const quoted = /Truncated server response: (.*)\.\.\. \(use/.exec(error.message)?.[1];
    expect(quoted).toHaveLength(URLFETCH_LIMITS.quotedBody);
  });

  it("quotes a short body whole", () => {
    const { app } = setup();
    expect(thrown(() => app.fetch(`${API}/text?status=401&value=bad%20key`)).message).toBe(
      "Request failed for https://api.keyapi.ai returned code 401. Truncated server response: bad key " +
        "(use muteHttpExceptions option to examine full response)",
    );
  });

  it("with muteHttpExceptions answers the response instead", () => {
    const { app } = setup();
    const response = app.fetch(`${API}/echo?status=429`, { muteHttpExceptions: true });
    expect(response.getResponseCode()).toBe(429);
    expect((JSON.parse(response.getContentText()) as Echo).query.status).toBe("429");
  });

  it("fetchAll throws for the first failing request, after charging the batch", () => {
    const { app, clock } = setup();
    const error = thrown(() =>
      app.fetchAll([
        { url: `${API}/echo?latency=400`, muteHttpExceptions: true },
        { url: `${API}/echo?status=500&latency=100` },
      ]),
    );
    expect(error.message).toMatch(
      /^Request failed for https:\/\/api\.keyapi\.ai returned code 500\./,
    );
    expect(clock.now() - START).toBe(400);
  });

  it("a refused connection fails as an unavailable address", async () => {
    const port = await closedPort();
    await bridge.close();
    bridge = new HttpBridge({ routes: { [API]: `http://127.0.0.1:${port}` } });
    const { app } = setup();
    expect(thrown(() => app.fetch(`${API}/v1/x?y=1`)).message).toBe(
      `Address unavailable: ${API}/v1/x?y=1`,
    );
    expect(bridge.log[0]).toMatchObject({
      status: 0,
      error: "ECONNREFUSED",
      url: `${API}/v1/x?y=1`,
    });
  });

  it("a connection reset fails as an unavailable address", () => {
    const { app } = setup();
    expect(thrown(() => app.fetch(`${API}/reset`)).message).toBe(
      `Address unavailable: ${API}/reset`,
    );
  });

  it("a host neither routed nor local fails as Apps Script's unknown host, and nothing is sent", () => {
    const { app } = setup();
    expect(thrown(() => app.fetch("https://example.invalid/path")).message).toBe(
      "DNS error: https://example.invalid/path",
    );
    expect(bridge.log[0]).toMatchObject({ status: 0, error: "ENOTFOUND" });
  });

  it("refuses invalid URLs and methods", () => {
    const { app } = setup();
    expect(thrown(() => app.fetch("not a url")).message).toBe("Invalid argument: not a url");
    expect(thrown(() => app.fetch(`${API}/in.("a","b")`)).message).toBe(
      `Invalid argument: ${API}/in.("a","b")`,
    );
    expect(thrown(() => app.fetch(`${API}/echo`, { method: "TRACE" })).message).toBe(
      "Invalid argument: method",
    );
    expect(bridge.log).toHaveLength(0);
  });
});

describe("limits", () => {
  it("refuses a URL longer than 2 KB", () => {
    const { app } = setup();
    const url = `${API}/echo?q=${"a".repeat(2048)}`;
    expect(thrown(() => app.fetch(url)).message).toBe("Limit Exceeded: URLFetch URL Length.");
    expect(
      app.fetch(`${API}/echo?q=${"a".repeat(2048 - `${API}/echo?q=`.length)}`).getResponseCode(),
    ).toBe(200);
  });

  it("refuses more than 100 headers", () => {
    const { app } = setup();
    const headers = Object.fromEntries(
      Array.from({ length: 101 }, (_, index) => [`X-H${index}`, "v"]),
    );
    expect(thrown(() => app.fetch(`${API}/echo`, { headers })).message).toBe(
      "Limit Exceeded: URLFetch headers.",
    );
  });

  it("refuses URLs outside the manifest's urlFetchWhitelist", async () => {
    await bridge.close();
    bridge = new HttpBridge({
      routes: {
        [API]: server.base,
        "https://openapi.fastmoss.com": server.base,
        "https://x.example.com": server.base,
      },
      whitelist: ["https://api.keyapi.ai/", "https://*.example.com/"],
    });
    const { app } = setup();
    expect(app.fetch(`${API}/echo`).getResponseCode()).toBe(200);
    expect(app.fetch("https://x.example.com/echo").getResponseCode()).toBe(200);
    expect(
      thrown(() => app.fetch("https://openapi.fastmoss.com/creator/v1/rank/topPotential")).message,
    ).toBe(
      "Request to https://openapi.fastmoss.com/creator/v1/rank/topPotential failed because the URL has not " +
        "been whitelisted in the script manifest.",
    );
    expect(bridge.log).toHaveLength(2);
  });

  it("counts 20,000 calls per user per day on the virtual clock, each request of a fetchAll", async () => {
    expect(bridge.quota.limit).toBe(20_000);
    await bridge.close();
    bridge = new HttpBridge({ routes: { [API]: server.base }, dailyQuota: 5 });
    const { app, clock } = setup();
    app.fetchAll([`${API}/echo`, `${API}/echo`, `${API}/echo`]);
    app.fetch(`${API}/echo`);
    expect(thrown(() => app.fetchAll([`${API}/echo`, `${API}/echo`])).message).toBe(
      "Service invoked too many times for one day: urlfetch.",
    );
    expect(bridge.log).toHaveLength(4);
    // Another user has a quota of their own.
    const other = createUrlFetchApp(bridge, makeExec({ clock, user: "editor@example.com" }));
    other.fetchAll([`${API}/echo`, `${API}/echo`]);
    app.fetch(`${API}/echo`);
    expect(thrown(() => app.fetch(`${API}/echo`)).message).toBe(
      "Service invoked too many times for one day: urlfetch.",
    );
    clock.advance(24 * 3_600_000);
    const tomorrow = createUrlFetchApp(bridge, makeExec({ clock }));
    expect(tomorrow.fetch(`${API}/echo`).getResponseCode()).toBe(200);
    expect(bridge.quota.used(OWNER, clock.now())).toBe(1);
  });
});

describe("authorization", () => {
  it.each(["NONE", "LIMITED"] as const)("refuses UrlFetch in AuthMode.%s", (authMode) => {
    const { app } = setup({ authMode, kind: "simpleTrigger" });
    expect(thrown(() => app.fetch(`${API}/echo`))).toEqual({
      name: "Exception",
      message: "You do not have permission to call UrlFetchApp.fetch",
    });
    expect(thrown(() => app.fetchAll([`${API}/echo`])).message).toBe(
      "You do not have permission to call UrlFetchApp.fetchAll",
    );
    expect(bridge.log).toHaveLength(0);
  });

  it("is allowed in custom functions, and refused without the external_request scope", () => {
    expect(setup({ kind: "customFunction" }).app.fetch(`${API}/echo`).getResponseCode()).toBe(200);
    const { app } = setup({ scopes: [] });
    expect(thrown(() => app.fetch(`${API}/echo`)).message).toBe(
      "You do not have permission to call UrlFetchApp.fetch. Required permissions: " +
        "https://www.googleapis.com/auth/script.external_request",
    );
  });

  it("counts every call on the execution", () => {
    const { app, exec } = setup();
    app.fetch(`${API}/echo`).getContentText();
    app.fetchAll([`${API}/echo`]);
    expect(exec.calls.get("UrlFetchApp.fetch")).toBe(1);
    expect(exec.calls.get("UrlFetchApp.fetchAll")).toBe(1);
    expect(exec.calls.get("HTTPResponse.getContentText")).toBe(1);
  });
});

describe("the request log", () => {
  it("records method, original URL, status, virtual time, latency and execution — never a header", () => {
    const { app, exec } = setup();
    app.fetch(`${API}/echo?latency=120&status=404`, {
      method: "post",
      headers: { Authorization: "Bearer sk-very-secret" },
      payload: "x",
      muteHttpExceptions: true,
    });
    expect(bridge.log).toEqual([
      {
        method: "POST",
        url: `${API}/echo?latency=120&status=404`,
        status: 404,
        virtualTime: START,
        latencyMs: 120,
        execId: exec.id,
      },
    ]);
    expect(JSON.stringify(bridge.log)).not.toContain("sk-very-secret");
  });
});

describe("UrlFetchApp.getRequest", () => {
  it("answers the request Apps Script would send, without sending it", () => {
    const { app } = setup();
    const request = app.getRequest(`${API}/echo`, {
      method: "POST",
      payload: "a=1",
      headers: { "X-Key": "k" },
    });
    expect(request).toMatchObject({
      url: `${API}/echo`,
      method: "post",
      payload: "a=1",
      contentType: "application/x-www-form-urlencoded",
      followRedirects: true,
      muteHttpExceptions: false,
      validateHttpsCertificates: true,
    });
    expect((request.headers as Record<string, string>)["X-Key"]).toBe("k");
    expect(bridge.log).toHaveLength(0);
  });
});
