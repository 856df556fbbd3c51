// Several executions at once on one virtual clock, as Sheets runs recalculated cells (up to 30 per
// user at a time): each execution runs in its own thread and realm, but only one runs at any
// moment. Every move of an execution's clock (a sleep, a fetch's latency, a service's cost, a lock
// wait) hands control to the scheduler, which resumes the execution with the earliest time (the
// lowest id on ties), so runs are deterministic and requests reach the fake APIs in virtual-time
// order: fetchAll waves of different cells that overlap in time meet the API's rate limit together.
// The document's properties, caches, locks and UrlFetch (quota, log) stay in this thread, shared.

import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import { buildSync } from "esbuild";
import type { VirtualClock } from "./clock.js";
import type {
  ExecutionJob,
  ExecutionOutcome,
  ThreadReply,
  ThreadRequest,
  ThreadSetup,
} from "./concurrent-protocol.js";
import { TIME_LIMIT_MS } from "./execution.js";
import type {
  CacheStores,
  HttpBridge,
  LockKind,
  LockTable,
  PropertyStores,
} from "./services/index.js";

/** Sheets runs at most this many custom-function executions per user at once; others queue. */
export const MAX_CONCURRENT_EXECUTIONS = 30;
/** Real time an execution thread may take to answer before the run is declared stuck. */
const REAL_TIMEOUT_MS = 120_000;

/** One cell's custom-function call. */
export interface CellCall {
  readonly name: string;
  readonly args?: readonly unknown[];
  /** Virtual milliseconds after the common start at which the cell is recalculated. */
  readonly delayMs?: number;
}

/** What the cell shows, and when its execution ran on the virtual clock. */
export interface CellOutcome extends ExecutionOutcome {
  readonly id: number;
  readonly name: string;
}

/** What the scheduler needs of the runtime: its shared state and fixed facts. */
export interface ConcurrentHost {
  readonly clock: VirtualClock;
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  readonly locks: LockTable;
  readonly http: HttpBridge;
  readonly owner: string;
  readonly setup: Omit<ThreadSetup, "realTimeoutMs">;
  nextExecutionId(): number;
  record(outcome: CellOutcome, user: string): void;
}

interface Running {
  readonly job: ExecutionJob;
  readonly deadline: number;
  readonly thread: Thread;
  wakeAt: number;
  /** Waiting for a lock: which, since when, and until when it waits at most. */
  lock?: { readonly kind: LockKind; readonly since: number; readonly giveUpAt: number };
}

interface Thread {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly slot: number;
  running?: Running;
}

let workerFile: string | undefined;
/** Threads outlive a recalculation (starting one is the slow part): one pool per process. */
const pool: Thread[] = [];
const signal = new Int32Array(new SharedArrayBuffer(4 * (MAX_CONCURRENT_EXECUTIONS + 1)));

/** Stops the pooled execution threads (they never keep the process alive anyway). */
export async function closeExecutionThreads(): Promise<void> {
  await Promise.all(pool.splice(0).map((thread) => thread.worker.terminate()));
}

/** The execution thread's code, bundled once per process so it runs without a TypeScript loader. */
function executionThreadFile(): string {
  if (workerFile) return workerFile;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const outfile = path.resolve(here, "../../.build/runtime/concurrent-worker.mjs");
  mkdirSync(path.dirname(outfile), { recursive: true });
  const built = buildSync({
    entryPoints: [path.join(here, "concurrent-worker.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    outfile,
    logLevel: "error",
  });
  // Test files build it in parallel processes: write aside, then rename, so none loads half a file.
  const aside = `${outfile}.${process.pid}`;
  writeFileSync(aside, built.outputFiles[0]!.contents);
  renameSync(aside, outfile);
  workerFile = outfile;
  return outfile;
}

/**
 * Runs the cells' custom functions as one recalculation: all start at the current virtual time
 * (plus their `delayMs`), at most 30 at once, the rest as slots free up. Answers each cell's
 * outcome in the order given; the clock ends at the last execution's end.
 */
export function runCellsAtOnce(host: ConcurrentHost, calls: readonly CellCall[]): CellOutcome[] {
  if (calls.length === 0) return [];
  const start = host.clock.now();
  const jobs: ExecutionJob[] = calls.map((call) => ({
    id: host.nextExecutionId(),
    functionName: call.name,
    args: call.args ?? [],
    kind: "customFunction",
    authMode: "CUSTOM_FUNCTION",
    user: host.owner,
    startAt: start + Math.max(0, call.delayMs ?? 0),
  }));
  const waiting = [...jobs].sort((a, b) => a.startAt - b.startAt || a.id - b.id);
  const outcomes = new Map<number, CellOutcome>();

  const setup: ThreadSetup = { ...host.setup, realTimeoutMs: host.http.realTimeoutMs };
  const threadCount = Math.min(MAX_CONCURRENT_EXECUTIONS, jobs.length);
  const started: Thread[] = [];
  while (pool.length < threadCount) {
    const used = new Set(pool.map((thread) => thread.slot));
    let slot = 1;
    while (used.has(slot)) slot++;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(executionThreadFile(), {
      workerData: { port: port2, signal, slot },
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    const thread: Thread = { worker, port: port1, slot };
    pool.push(thread);
    started.push(thread);
  }
  const threads = pool.slice(0, threadCount);

  const receive = (thread: Thread): ThreadRequest => {
    const giveUpAt = Date.now() + REAL_TIMEOUT_MS;
    for (;;) {
      const seen = Atomics.load(signal, 0);
      const received = receiveMessageOnPort(thread.port);
      if (received) return received.message as ThreadRequest;
      const left = giveUpAt - Date.now();
      if (left <= 0) throw new Error(`execution thread ${thread.slot} stopped answering`);
      Atomics.wait(signal, 0, seen, Math.min(left, 1_000));
    }
  };
  const reply = (thread: Thread, message: ThreadReply): void => {
    thread.port.postMessage(message);
    Atomics.add(signal, thread.slot, 1);
    Atomics.notify(signal, thread.slot);
  };

  const running = (): Running[] => threads.flatMap((thread) => thread.running ?? []);
  const lockState = (kind: LockKind) => host.locks.state(kind, host.owner);
  const isFree = (kind: LockKind, now: number) => {
    const state = lockState(kind);
    return state.holder === null && state.otherUntil <= now;
  };
  /** A lock came free: the execution waiting longest for it is woken now to take it. */
  const wakeWaiter = (kind: LockKind): void => {
    const waiter = running()
      .filter((run) => run.lock?.kind === kind)
      .sort((a, b) => a.lock!.since - b.lock!.since || a.job.id - b.job.id)[0];
    if (waiter) waiter.wakeAt = Math.min(waiter.wakeAt, host.clock.now());
  };

  const dispatch = (target: string, method: string, args: readonly unknown[]): unknown => {
    const [service, scope] = target.split(".", 2) as [string, string | undefined];
    if (service === "http") {
      if (scope === "log" && method === "push") return void host.http.log.push(args[0] as never);
      if (scope === "quota") return host.http.quota.consume(...(args as [string, number, number]));
      if (method === "resolve") return host.http.resolve(new URL(String(args[0])));
      if (method === "isWhitelisted") return host.http.isWhitelisted(String(args[0]));
      if (method === "exchange") return host.http.exchange(args[0] as never);
    }
    const stores = service === "properties" ? host.properties : host.caches;
    let object: unknown;
    if (scope === "document") object = stores.document;
    else if (scope === "script") object = stores.script;
    else if (scope === "quota" && service === "properties") object = host.properties.quota;
    else if (scope?.startsWith("user:")) object = stores.user(scope.slice(5));
    const fn = (object as Record<string, unknown> | undefined)?.[method];
    if (typeof fn !== "function") throw new Error(`no shared service ${target}.${method}`);
    return (fn as (...a: unknown[]) => unknown).apply(object, [...args]);
  };

  /** Serves the thread's requests until its execution waits for time, a lock, or ends. */
  const serve = (thread: Thread): void => {
    const run = thread.running!;
    for (;;) {
      const request = receive(thread);
      const now = host.clock.now();
      switch (request.op) {
        case "call": {
          try {
            reply(thread, { value: dispatch(request.path, request.method, request.args), now });
          } catch (error) {
            reply(thread, { error: error instanceof Error ? error.message : String(error), now });
          }
          break;
        }
        case "sleep":
          run.wakeAt = request.until;
          return;
        case "lock": {
          const state = lockState(request.kind);
          if (state.holder === run.job.id || isFree(request.kind, now)) {
            state.holder = run.job.id;
            reply(thread, { value: true, now });
            break;
          }
          // Past the deadline Apps Script ends the execution; it wakes just after to find out.
          const giveUpAt = Math.min(now + request.timeoutMs, run.deadline + 1);
          run.lock = { kind: request.kind, since: now, giveUpAt };
          run.wakeAt = state.holder === null ? Math.min(giveUpAt, state.otherUntil) : giveUpAt;
          return;
        }
        case "unlock": {
          const state = lockState(request.kind);
          if (state.holder === run.job.id) {
            state.holder = null;
            wakeWaiter(request.kind);
          }
          reply(thread, { value: undefined, now });
          break;
        }
        case "holds":
          reply(thread, { value: lockState(request.kind).holder === run.job.id, now });
          break;
        case "done": {
          finish(run, request.outcome);
          thread.running = undefined;
          return;
        }
        case "ready":
          throw new Error(`execution thread ${thread.slot} restarted`);
      }
    }
  };

  const finish = (run: Running, outcome: ExecutionOutcome): void => {
    for (const kind of ["document", "script", "user"] as const) {
      const state = lockState(kind);
      if (state.holder === run.job.id) {
        state.holder = null;
        wakeWaiter(kind);
      }
    }
    const cell: CellOutcome = {
      id: run.job.id,
      name: run.job.functionName,
      ok: outcome.ok,
      ...(outcome.ok ? { value: outcome.value ?? "" } : { error: outcome.error! }),
      startedAt: outcome.startedAt,
      endedAt: outcome.endedAt,
      calls: outcome.calls,
      logs: outcome.logs,
    };
    outcomes.set(run.job.id, cell);
    host.record(cell, run.job.user);
  };

  try {
    for (const thread of started) {
      const first = receive(thread);
      if (first.op !== "ready") throw new Error(`execution thread ${thread.slot} did not start`);
    }
    for (;;) {
      const free = threads.find((thread) => !thread.running);
      const next = running().sort((a, b) => a.wakeAt - b.wakeAt || a.job.id - b.job.id)[0];
      const job = free ? waiting[0] : undefined;
      if (!next && !job) break;
      if (job && free && (!next || job.startAt < next.wakeAt)) {
        waiting.shift();
        host.clock.advanceTo(job.startAt);
        const now = host.clock.now();
        const limit = job.timeLimitMs ?? TIME_LIMIT_MS[job.kind];
        free.running = { job, thread: free, wakeAt: now, deadline: now + limit };
        reply(free, { job: { ...job, startAt: now }, setup, now });
        serve(free);
        continue;
      }
      const run = next!;
      host.clock.advanceTo(run.wakeAt);
      const now = host.clock.now();
      if (run.lock) {
        const { kind, giveUpAt } = run.lock;
        if (isFree(kind, now)) {
          lockState(kind).holder = run.job.id;
          run.lock = undefined;
          reply(run.thread, { value: true, now });
        } else if (now >= giveUpAt) {
          run.lock = undefined;
          reply(run.thread, { value: false, now });
        } else {
          // Woken for a lock another execution took first: wait on.
          const state = lockState(kind);
          run.wakeAt = state.holder === null ? Math.min(giveUpAt, state.otherUntil) : giveUpAt;
          continue;
        }
      } else {
        reply(run.thread, { value: undefined, now });
      }
      serve(run.thread);
    }
  } finally {
    // A thread left mid-execution (the run failed) can't be reused: its script waits for an answer.
    for (const thread of threads) {
      if (!thread.running) continue;
      thread.running = undefined;
      pool.splice(pool.indexOf(thread), 1);
      void thread.worker.terminate();
    }
  }
  return jobs.map((job) => outcomes.get(job.id)!);
}
