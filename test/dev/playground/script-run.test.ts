// The sidebar's google.script.run shim without a browser: asynchronous handlers with the user
// object, Errors for failures, immutable runners, 10 calls in flight, and the wire format that
// lets the runtime refuse a Date or a function as Apps Script does.

import { describe, expect, it, vi } from "vitest";
import {
  createGoogleScript,
  createScriptRun,
  MAX_CONCURRENT_CALLS,
  type RpcTransport,
} from "../../../dev/playground/client/script-run.js";
import {
  decodeFromTransport,
  encodeForTransport,
  type RpcAnswer,
} from "../../../dev/playground/transport.js";
import { findUntransportable } from "../../../dev/runtime/realm.js";

function settled<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function answering(answer: (name: string, args: readonly unknown[]) => RpcAnswer): RpcTransport {
  return async (name, args) => answer(name, args);
}

describe("google.script.run shim", () => {
  it("calls the success handler later, with the answer and the user object", async () => {
    const transport = vi.fn(answering((_name, args) => ({ ok: true, value: { got: args } })));
    const run = createScriptRun(transport);
    const done = settled<[unknown, unknown]>();
    let calledSynchronously = false;
    const returned = run
      .withSuccessHandler((value, user) => {
        calledSynchronously = true;
        done.resolve([value, user]);
      })
      .withUserObject({ row: 3 }).previewQuery!({ source: "keyapi" }, "en");
    expect(returned).toBeUndefined();
    expect(calledSynchronously).toBe(false);
    expect(await done.promise).toEqual([{ got: [{ source: "keyapi" }, "en"] }, { row: 3 }]);
    expect(transport).toHaveBeenCalledWith("previewQuery", [{ source: "keyapi" }, "en"]);
  });

  it("hands the failure handler an Error with the server's name and message", async () => {
    const run = createScriptRun(
      answering(() => ({ ok: false, error: { name: "Exception", message: "TT: no key" } })),
    );
    const done = settled<[unknown, unknown]>();
    run
      .withSuccessHandler(() => done.resolve(["success?", undefined]))
      .withFailureHandler((error, user) => done.resolve([error, user]))
      .withUserObject("me").runQuery!({});
    const [error, user] = await done.promise;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("TT: no key");
    expect((error as Error).name).toBe("Exception");
    expect(user).toBe("me");
  });

  it("reports a failure without a failure handler, and a handler's exception, elsewhere", async () => {
    const reported: unknown[] = [];
    const done = settled<void>();
    const run = createScriptRun(
      answering((name) =>
        name === "bad" ? { ok: false, error: { name: "Error", message: "nope" } } : { ok: true },
      ),
      {
        reportError: (error) => {
          reported.push(error);
          if (reported.length === 2) done.resolve();
        },
      },
    );
    run.bad!();
    run.withSuccessHandler(() => {
      throw new Error("handler bug");
    }).good!();
    await done.promise;
    expect(reported.map((error) => (error as Error).message).sort()).toEqual([
      "handler bug",
      "nope",
    ]);
  });

  it("turns a transport failure into a NetworkError for the failure handler", async () => {
    const run = createScriptRun(async () => {
      throw new Error("Connection failure due to HTTP 0");
    });
    const done = settled<Error>();
    run.withFailureHandler((error) => done.resolve(error)).getSettings!();
    const error = await done.promise;
    expect(error.name).toBe("NetworkError");
    expect(error.message).toBe("Connection failure due to HTTP 0");
  });

  it("leaves the runner it was called on unchanged: each with… answers a new runner", async () => {
    const run = createScriptRun(answering((name) => ({ ok: true, value: name })));
    const seen: string[] = [];
    const done = settled<void>();
    const first = run.withSuccessHandler((value) => {
      seen.push(`first:${value}`);
      if (seen.length === 2) done.resolve();
    });
    const second = first.withSuccessHandler((value) => {
      seen.push(`second:${value}`);
      if (seen.length === 2) done.resolve();
    });
    first.a!();
    second.b!();
    await done.promise;
    expect(seen.sort()).toEqual(["first:a", "second:b"]);
    expect(() => run.withSuccessHandler("nope" as never)).toThrow(TypeError);
    expect((run as unknown as { then?: unknown }).then).toBeUndefined();
  });

  it(`keeps at most ${MAX_CONCURRENT_CALLS} calls in flight and runs the rest as they finish`, async () => {
    const pending: ((answer: RpcAnswer) => void)[] = [];
    let inFlight = 0;
    let most = 0;
    const run = createScriptRun(
      () =>
        new Promise<RpcAnswer>((resolve) => {
          inFlight++;
          most = Math.max(most, inFlight);
          pending.push((answer) => {
            inFlight--;
            resolve(answer);
          });
        }),
    );
    let answered = 0;
    const all = settled<void>();
    for (let i = 0; i < 25; i++) {
      run.withSuccessHandler(() => {
        answered++;
        if (answered === 25) all.resolve();
      }).call!(i);
    }
    expect(pending).toHaveLength(MAX_CONCURRENT_CALLS);
    while (answered < 25) {
      const next = pending.shift();
      if (next) next({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await all.promise;
    expect(most).toBe(MAX_CONCURRENT_CALLS);
  });

  it("fails a call whose arguments can't be copied (a cycle), without sending it", async () => {
    const transport = vi.fn(answering(() => ({ ok: true })));
    const run = createScriptRun(transport);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const done = settled<Error>();
    run.withFailureHandler((error) => done.resolve(error)).saveQuery!(cyclic);
    expect((await done.promise).message).toMatch(/circular/);
    expect(transport).not.toHaveBeenCalled();
  });

  it("gives google.script.host and google.script.url harmless stand-ins", async () => {
    const script = createGoogleScript(
      answering(() => ({ ok: true })),
      "http://127.0.0.1:1",
    );
    expect(() => {
      script.host.close();
      script.host.setHeight(400);
      script.host.setWidth(300);
      script.host.editor.focus();
    }).not.toThrow();
    expect(script.host.origin).toBe("http://127.0.0.1:1");
    const location = await new Promise((resolve) => script.url.getLocation(resolve));
    expect(location).toEqual({ hash: "", parameter: {}, parameters: {} });
  });
});

describe("the wire format of google.script.run calls", () => {
  it("carries plain values unchanged", () => {
    const value = { a: [1, "two", true, null], nested: { deep: [[1, 2]] }, empty: {} };
    expect(decodeFromTransport(JSON.parse(JSON.stringify(encodeForTransport(value))))).toEqual(
      value,
    );
  });

  it.each([
    ["a Date", [new Date(0)], "arguments[0] (Date)"],
    ["a function", [{ onDone: () => 1 }], "arguments[0].onDone (function)"],
    ["a Map", [[new Map()]], "arguments[0][0] (Map)"],
    ["a class instance", [new (class Query {})()], "arguments[0] (Object)"],
  ])(
    "rebuilds %s on the server, so the runtime refuses it as Apps Script does",
    (_, args, path) => {
      const sent = JSON.parse(JSON.stringify(encodeForTransport(args)));
      expect(findUntransportable(decodeFromTransport(sent), "arguments")).toBe(path);
    },
  );

  it("drops undefined object members and sends undefined array items as null, as JSON does", () => {
    expect(encodeForTransport({ a: undefined, b: [undefined] })).toEqual({ b: [null] });
  });
});
