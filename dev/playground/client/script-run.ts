// The playground's stand-in for google.script.run and google.script.host inside the sidebar's
// iframe: every call goes to the local runtime through POST /rpc, with Apps Script's semantics —
// asynchronous handlers, at most 10 calls in flight, an Error for the failure handler.

import { encodeForTransport, type RpcAnswer } from "../transport.js";

/** Sends one call; resolves with the server's answer, rejects when the request itself failed. */
export type RpcTransport = (name: string, args: readonly unknown[]) => Promise<RpcAnswer>;

type SuccessHandler = (value: unknown, userObject: unknown) => void;
type FailureHandler = (error: Error, userObject: unknown) => void;

interface RunnerMethods {
  withSuccessHandler(handler: SuccessHandler): ScriptRun;
  withFailureHandler(handler: FailureHandler): ScriptRun;
  withUserObject(userObject: unknown): ScriptRun;
}

/** google.script.run: the three `with…` methods, and any server function by name. */
export type ScriptRun = RunnerMethods & {
  readonly [functionName: string]: (...args: unknown[]) => void;
};

interface RunnerSettings {
  readonly onSuccess?: SuccessHandler;
  readonly onFailure?: FailureHandler;
  readonly userObject?: unknown;
}

export interface ScriptRunOptions {
  /** Calls in flight at once; google.script.run allows 10. */
  readonly maxConcurrentCalls?: number;
  /** Where an exception thrown by a handler goes (the console, in a browser). */
  readonly reportError?: (error: unknown) => void;
}

export const MAX_CONCURRENT_CALLS = 10;

/** A property that must not look like a server function (so the runner is not a thenable). */
const NOT_FUNCTIONS = new Set(["then", "toJSON", "constructor"]);

export function createScriptRun(
  transport: RpcTransport,
  options: ScriptRunOptions = {},
): ScriptRun {
  const limit = options.maxConcurrentCalls ?? MAX_CONCURRENT_CALLS;
  const reportError =
    options.reportError ??
    ((error: unknown) =>
      setTimeout(() => {
        throw error;
      }, 0));
  const waiting: (() => void)[] = [];
  let inFlight = 0;

  const startNext = () => {
    while (inFlight < limit && waiting.length > 0) {
      inFlight++;
      waiting.shift()!();
    }
  };

  const settle = (settings: RunnerSettings, answer: RpcAnswer) => {
    try {
      if (answer.ok) settings.onSuccess?.(answer.value, settings.userObject);
      else {
        const error = new Error(answer.error.message);
        error.name = answer.error.name;
        if (settings.onFailure) settings.onFailure(error, settings.userObject);
        else reportError(error);
      }
    } catch (handlerError) {
      reportError(handlerError);
    }
  };

  const call = (settings: RunnerSettings, name: string, args: unknown[]) => {
    // Encoded now, as google.script.run copies the arguments when the call is made.
    let encoded: readonly unknown[] | undefined;
    let encodingError: unknown;
    try {
      encoded = encodeForTransport(args) as unknown[];
    } catch (error) {
      encodingError = error;
    }
    waiting.push(() => {
      const sent =
        encoded === undefined
          ? Promise.resolve<RpcAnswer>({
              ok: false,
              error: { name: "TypeError", message: describe(encodingError) },
            })
          : transport(name, encoded).catch(
              (error: unknown): RpcAnswer => ({
                ok: false,
                error: { name: "NetworkError", message: describe(error) },
              }),
            );
      // Handlers always run on a later task, never inside the call, as google.script.run's do.
      void sent.then((answer) =>
        setTimeout(() => {
          inFlight--;
          settle(settings, answer);
          startNext();
        }, 0),
      );
    });
    startNext();
  };

  const runner = (settings: RunnerSettings): ScriptRun => {
    const methods = {
      withSuccessHandler(handler: SuccessHandler) {
        return runner({ ...settings, onSuccess: handlerOrThrow(handler, "withSuccessHandler") });
      },
      withFailureHandler(handler: FailureHandler) {
        return runner({ ...settings, onFailure: handlerOrThrow(handler, "withFailureHandler") });
      },
      withUserObject(userObject: unknown) {
        return runner({ ...settings, userObject });
      },
    };
    return new Proxy(methods, {
      get(target, property) {
        if (typeof property !== "string") return undefined;
        if (Object.hasOwn(target, property)) return target[property as keyof typeof methods];
        if (NOT_FUNCTIONS.has(property)) return undefined;
        return (...args: unknown[]) => {
          call(settings, property, args);
        };
      },
    }) as unknown as ScriptRun;
  };

  return runner({});
}

function handlerOrThrow<T>(handler: T, method: string): T {
  if (typeof handler !== "function") throw new TypeError(`${method} needs a function.`);
  return handler;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** POSTs calls to the playground's /rpc, answering its JSON; an HTTP failure is a NetworkError. */
export function fetchTransport(endpoint = "/rpc"): RpcTransport {
  return async (name, args) => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, args }),
    });
    if (!response.ok && response.headers.get("content-type")?.includes("json") !== true) {
      throw new Error(`Connection failure due to HTTP ${response.status}`);
    }
    return (await response.json()) as RpcAnswer;
  };
}

export interface GoogleScript {
  readonly run: ScriptRun;
  readonly host: {
    readonly origin: string;
    close(): void;
    setHeight(height: number): void;
    setWidth(width: number): void;
    readonly editor: { focus(): void };
  };
  readonly url: {
    getLocation(
      callback: (location: { hash: string; parameter: object; parameters: object }) => void,
    ): void;
  };
}

/** google.script for the sidebar: `run` through /rpc; `host` and `url` as harmless stand-ins. */
export function createGoogleScript(transport: RpcTransport, origin: string): GoogleScript {
  // The playground always shows its sidebar, so closing or resizing it does nothing.
  const nothing = () => undefined;
  return {
    run: createScriptRun(transport),
    host: {
      origin,
      close: nothing,
      setHeight: nothing,
      setWidth: nothing,
      editor: { focus: nothing },
    },
    url: {
      getLocation(callback) {
        setTimeout(() => callback({ hash: "", parameter: {}, parameters: {} }), 0);
      },
    },
  };
}
