// The typed wrapper over google.script.run: the locale goes last where the server takes one,
// failures are Errors with the server's message, at most 10 calls run at once, and the types
// follow the server module.

import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  type Answer,
  type CallArgs,
  createRpc,
  type Jsonify,
  limitConcurrency,
  scriptRunTransport,
  serverError,
  type Transport,
} from "../../src/sidebar/rpc.js";

function recording(answer: unknown = { ok: true }) {
  const calls: [string, readonly unknown[]][] = [];
  const transport: Transport = async (name, args) => {
    calls.push([name, args]);
    return answer;
  };
  return { calls, transport };
}

describe("createRpc", () => {
  it("appends the sidebar's locale to the calls that speak one", async () => {
    const { calls, transport } = recording();
    const rpc = createRpc({ transport, locale: () => "zh" });
    await rpc.call("runQuery", { source: "keyapi" });
    await rpc.call("resumeJob", "job-1");
    await rpc.call("getSidebarContext");
    await rpc.call("deleteQuery", "q1");
    await rpc.call("getSettings");
    expect(calls).toEqual([
      ["runQuery", [{ source: "keyapi" }, "zh"]],
      ["resumeJob", ["job-1", "zh"]],
      ["getSidebarContext", ["zh"]],
      ["deleteQuery", ["q1"]],
      ["getSettings", []],
    ]);
  });

  it("lets the server choose while the sidebar's locale isn't known", async () => {
    const { calls, transport } = recording();
    const rpc = createRpc({ transport, locale: () => undefined });
    await rpc.call("getSidebarContext");
    await rpc.call("listQueries");
    expect(calls).toEqual([
      ["getSidebarContext", []],
      ["listQueries", []],
    ]);
  });

  it("rejects with an Error carrying the server's message", async () => {
    const transport: Transport = async () => {
      throw new Error("Exception: KeyAPI refused the key (HTTP 401).");
    };
    const rpc = createRpc({ transport, locale: () => "en" });
    const failure = rpc.call("testConnection", "keyapi");
    await expect(failure).rejects.toBeInstanceOf(Error);
    await expect(failure).rejects.toThrow(/^KeyAPI refused the key \(HTTP 401\)\.$/);
  });
});

describe("serverError", () => {
  it("keeps the message, without a runtime's prefix, and the original as cause", () => {
    const original = new Error("AddonError: 尚未设置 KeyAPI 密钥");
    const error = serverError(original);
    expect(error.message).toBe("尚未设置 KeyAPI 密钥");
    expect(error.cause).toBe(original);
    expect(serverError({ message: "plain object" }).message).toBe("plain object");
    expect(serverError("text").message).toBe("text");
  });
});

describe("scriptRunTransport", () => {
  const host = globalThis as { google?: unknown };
  afterEach(() => {
    delete host.google;
  });

  /** A google.script.run that answers each call with `answer(name, args)`. */
  function fakeScriptRun(answer: (name: string, args: unknown[]) => unknown) {
    const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): unknown =>
      new Proxy(
        {},
        {
          get(_, name: string) {
            if (name === "withSuccessHandler") return (h: (v: unknown) => void) => runner(h, fail);
            if (name === "withFailureHandler") return (h: (e: unknown) => void) => runner(ok, h);
            return (...args: unknown[]) => {
              queueMicrotask(() => {
                try {
                  ok?.(answer(name, args));
                } catch (error) {
                  fail?.(error);
                }
              });
            };
          },
        },
      );
    host.google = { script: { run: runner() } };
  }

  it("calls the server function by name and settles with its answer or failure", async () => {
    fakeScriptRun((name, args) => {
      if (name === "deleteQuery") throw new Error("gone");
      return { name, args };
    });
    const transport = scriptRunTransport(() => "no server");
    await expect(transport("listQueries", ["en"])).resolves.toEqual({
      name: "listQueries",
      args: ["en"],
    });
    await expect(transport("deleteQuery", ["q1"])).rejects.toThrow("gone");
  });

  it("fails with the given message where google.script.run is missing", async () => {
    const transport = scriptRunTransport(() => "no server");
    await expect(transport("listQueries", [])).rejects.toThrow("no server");
  });
});

describe("limitConcurrency", () => {
  it("runs at most `max` calls at once and the rest in order", async () => {
    let running = 0;
    let most = 0;
    const started: unknown[] = [];
    const releases: (() => void)[] = [];
    const slow: Transport = (_, args) => {
      running += 1;
      most = Math.max(most, running);
      started.push(args[0]);
      return new Promise((resolve) => {
        releases.push(() => {
          running -= 1;
          resolve(args[0]);
        });
      });
    };
    const limited = limitConcurrency(slow, 3);
    const calls = Array.from({ length: 7 }, (_, i) => limited("getJobStatus", [i]));
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    while (releases.length > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(await Promise.all(calls)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
  });
});

describe("types", () => {
  it("maps what google.script.run carries", () => {
    expectTypeOf<
      Jsonify<{ at: Date; n: number; f: () => void; o?: string; u: string | undefined }>
    >().toEqualTypeOf<{ at: string; n: number; o?: string; u?: string }>();
    expectTypeOf<Jsonify<Date[]>>().toEqualTypeOf<string[]>();
    expectTypeOf<Jsonify<readonly (string | number)[]>>().toEqualTypeOf<(string | number)[]>();
  });

  it("derives arguments and answers from the server module", () => {
    expectTypeOf<CallArgs<"runQuery">>().toEqualTypeOf<[query: unknown]>();
    expectTypeOf<CallArgs<"getSidebarContext">>().toEqualTypeOf<[]>();
    expectTypeOf<CallArgs<"deleteQuery">>().toEqualTypeOf<[id: unknown]>();
    expectTypeOf<Answer<"runQuery">["status"]>().toEqualTypeOf<"done" | "running" | "failed">();
    expectTypeOf<Answer<"runQuery">>().toHaveProperty("jobId");
    expectTypeOf<Answer<"listQueries">[number]["lastRun"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Answer<"getSidebarContext">["locale"]>().toEqualTypeOf<"en" | "zh">();
  });
});
