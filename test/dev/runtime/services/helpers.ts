// Shared setup for the service tests: executions built directly on a virtual clock, and the echo
// server started in a worker thread (a fetch blocks the test's own thread).

import { once } from "node:events";
import net from "node:net";
import { Worker } from "node:worker_threads";
import { VirtualClock } from "../../../../dev/runtime/clock.js";
import {
  type AuthMode,
  Execution,
  type ExecutionKind,
  SCOPES,
} from "../../../../dev/runtime/execution.js";

/** 2026-03-08 09:05:03.007 UTC: a Sunday, an hour before US daylight saving time begins. */
export const START = Date.UTC(2026, 2, 8, 9, 5, 3, 7);

export const OWNER = "owner@example.com";

const NODE_REALM = { Error, TypeError, Date, Array, Object };

export interface ExecOptions {
  readonly clock?: VirtualClock;
  readonly id?: number;
  readonly kind?: ExecutionKind;
  readonly authMode?: AuthMode;
  readonly user?: string;
  readonly timeLimitMs?: number;
  readonly scopes?: readonly string[];
}

let nextId = 1;

export function makeExec(options: ExecOptions = {}): Execution {
  const kind = options.kind ?? "serverCall";
  const user = options.user ?? OWNER;
  return new Execution({
    id: options.id ?? nextId++,
    kind,
    authMode: options.authMode ?? (kind === "customFunction" ? "CUSTOM_FUNCTION" : "FULL"),
    activeUser: kind === "customFunction" ? "" : user,
    effectiveUser: user,
    owner: OWNER,
    clock: options.clock ?? new VirtualClock(START),
    realm: NODE_REALM,
    scopes: new Set(
      options.scopes ?? [
        SCOPES.spreadsheetsCurrentOnly,
        SCOPES.externalRequest,
        SCOPES.containerUi,
      ],
    ),
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
  });
}

/** Calls `fn` and answers the message of what it threw (fails if it threw nothing). */
export function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (error) {
    const { name, message } = error as Error;
    return { name, message };
  }
  throw new Error("expected an exception");
}

export interface EchoServer {
  readonly port: number;
  readonly base: string;
  close(): Promise<number>;
}

export async function startEchoServer(): Promise<EchoServer> {
  const worker = new Worker(new URL("./echo-server.mjs", import.meta.url));
  const [port] = (await once(worker, "message")) as [number];
  return { port, base: `http://127.0.0.1:${port}`, close: () => worker.terminate() };
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  return port;
}
