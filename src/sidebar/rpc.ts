// The sidebar's one way to call the server: google.script.run as Promises, typed from the server
// module itself (arguments from its parameters, answers as google.script.run carries them), with
// the sidebar's language added as the last argument of the calls that speak one.

// The server module's own types name Apps Script's globals: the sidebar's program needs them to
// read its signatures (types only — nothing of the server is bundled into the sidebar).

import type * as Server from "../server/entrypoints.js";
import { AddonError } from "../shared/errors.js";
import type { Locale } from "../shared/messages/index.js";

type ServerModule = typeof Server;
type AnyFunction = (...args: never[]) => unknown;

/** What google.script.run can carry of any value. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

type Dropped = undefined | symbol | AnyFunction;
type Keep<T, K extends keyof T> = Exclude<T[K], undefined> extends Dropped ? never : K;
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * A value as it arrives through google.script.run: Dates as ISO text, functions and undefined
 * properties gone (a property that may be undefined may be absent), array holes as null.
 */
export type Jsonify<T> = unknown extends T
  ? JsonValue
  : T extends Date
    ? string
    : T extends string | number | boolean | null
      ? T
      : T extends Dropped
        ? undefined
        : T extends readonly (infer Item)[]
          ? (Item extends Dropped ? null : Jsonify<Item>)[]
          : T extends object
            ? Simplify<
                { [K in RequiredKeys<T> as Keep<T, K>]: Jsonify<T[K]> } & {
                  [K in OptionalKeys<T> as Keep<T, K>]?: Jsonify<Exclude<T[K], undefined>>;
                }
              >
            : never;

/** Whether a server function ends with an optional parameter (its locale). */
type TakesLocale<F extends AnyFunction> =
  Parameters<F> extends Required<Parameters<F>> ? false : true;

/**
 * The server functions the sidebar calls, each with whether it takes the locale last — checked
 * against the server's signatures, so a change there fails the sidebar's typecheck.
 */
const SPEAKS_LOCALE = {
  getSidebarContext: true,
  getSettings: false,
  saveSettings: true,
  testConnection: true,
  previewQuery: true,
  runQuery: true,
  resumeJob: true,
  getJobStatus: true,
  listJobs: true,
  saveQuery: true,
  listQueries: true,
  deleteQuery: false,
  runSavedQuery: true,
  runDiagnostics: true,
  chartGrowth: true,
  getGrowthTarget: false,
  getUsage: false,
} as const satisfies { readonly [N in keyof ServerModule]?: TakesLocale<ServerModule[N]> };

export type SidebarCall = keyof typeof SPEAKS_LOCALE;

type WithoutLast<P extends unknown[]> = Required<P> extends [...infer Head, unknown] ? Head : never;

/** A call's arguments: the server function's parameters, less the locale the wrapper adds. */
export type CallArgs<N extends SidebarCall> = (typeof SPEAKS_LOCALE)[N] extends true
  ? WithoutLast<Parameters<ServerModule[N]>>
  : Parameters<ServerModule[N]>;

/** A call's answer as the sidebar receives it. */
export type Answer<N extends SidebarCall> = Jsonify<ReturnType<ServerModule[N]>>;

/** Sends one call and settles with its raw answer or failure. */
export type Transport = (name: SidebarCall, args: readonly unknown[]) => Promise<unknown>;

export interface Rpc {
  call<N extends SidebarCall>(name: N, ...args: CallArgs<N>): Promise<Answer<N>>;
}

export interface RpcOptions {
  readonly transport: Transport;
  /** The sidebar's language now; undefined (before the server said) lets the server choose. */
  readonly locale: () => Locale | undefined;
}

export function createRpc({ transport, locale }: RpcOptions): Rpc {
  return {
    async call(name, ...args) {
      const language = SPEAKS_LOCALE[name] ? locale() : undefined;
      const sent: unknown[] = language === undefined ? [...args] : [...args, language];
      try {
        return (await transport(name, sent)) as never;
      } catch (reason) {
        throw serverError(reason);
      }
    },
  };
}

/**
 * The failure as an Error whose message is the server's own (already in the sidebar's language),
 * without the "Error: " or "Exception: " a runtime may put before it.
 */
export function serverError(reason: unknown): Error {
  const text =
    reason instanceof Error
      ? reason.message
      : typeof reason === "object" && reason !== null && "message" in reason
        ? String((reason as { message: unknown }).message)
        : String(reason);
  const message = text.replace(/^(?:[A-Za-z]*Error|Exception):\s*/, "");
  return new AddonError("SERVER_CALL", message, { cause: reason });
}

/** google.script.run, as much of it as the wrapper uses. */
interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

interface ScriptHost {
  google?: { script?: { run?: ScriptRun } };
}

/**
 * google.script.run as a Transport, looked up at each call (a local playground may install its
 * shim after this script loads).
 */
export function scriptRunTransport(unavailable: () => string): Transport {
  return (name, args) =>
    new Promise((resolve, reject) => {
      const run = (globalThis as ScriptHost).google?.script?.run;
      if (!run) {
        reject(new AddonError("UNAVAILABLE", unavailable()));
        return;
      }
      const runner = run
        .withSuccessHandler(resolve)
        .withFailureHandler(reject) as unknown as Record<
        string,
        ((...values: unknown[]) => void) | undefined
      >;
      if (typeof runner[name] !== "function") {
        reject(new AddonError("UNAVAILABLE", unavailable()));
        return;
      }
      runner[name](...args);
    });
}

/**
 * At most `max` calls in flight (google.script.run runs up to 10 at once); the others wait their
 * turn, in order.
 */
export function limitConcurrency(transport: Transport, max: number): Transport {
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> => {
    if (running < max) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  // A finished call hands its place straight to the next in line, so none can slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return async (name, args) => {
    await acquire();
    try {
      return await transport(name, args);
    } finally {
      release();
    }
  };
}
