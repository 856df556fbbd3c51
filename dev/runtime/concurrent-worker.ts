// One execution thread of the concurrent runtime: runs executions one after another, each in a fresh
// realm, with the document's shared services (properties, caches, locks, UrlFetch) reached through
// synchronous calls to the scheduler, and a clock whose every move is a yield to the scheduler.

import vm from "node:vm";
import { type MessagePort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { VirtualClock } from "./clock.js";
import type {
  ExecutionJob,
  ExecutionOutcome,
  ThreadData,
  ThreadReply,
  ThreadRequest,
  ThreadSetup,
} from "./concurrent-protocol.js";
import { COST_MS } from "./costs.js";
import { Execution } from "./execution.js";
import { createHtmlService } from "./html-service.js";
import { createScriptRealm, fromScriptValue, toScriptValue } from "./realm.js";
import { createScriptApp, TriggerTable } from "./script-app.js";
import type { CacheStores } from "./services/cache.js";
import { createCacheService } from "./services/cache.js";
import type { HttpBridge } from "./services/http-bridge.js";
import { type LockKind, scriptLock } from "./services/lock.js";
import { createPropertiesService, type PropertyStores } from "./services/properties.js";
import { createUrlFetchApp } from "./services/url-fetch.js";
import { createUtilities } from "./services/utilities.js";
import { createConsole, createLogger, createSession } from "./session.js";
import { SpreadsheetModel } from "./spreadsheet/model.js";
import { createSpreadsheetApp } from "./spreadsheet/spreadsheet-app.js";
import { UiState } from "./spreadsheet/ui-state.js";

const { port, signal, slot } = workerData as ThreadData & {
  port: MessagePort;
  signal: Int32Array;
};
/** The runtime whose execution runs now (threads are pooled across runtimes). */
let setup: ThreadSetup;
const REAL_TIMEOUT_MS = 120_000;

/** Sends a request to the scheduler and blocks until it answers. */
function ask(request: ThreadRequest): ThreadReply {
  let seen = Atomics.load(signal, slot);
  port.postMessage(request);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (received) return received.message as ThreadReply;
    Atomics.wait(signal, slot, seen, 1_000);
    seen = Atomics.load(signal, slot);
  }
}

/** The clock as one execution sees it: its own time, which moves only when the scheduler says. */
class SharedClock extends VirtualClock {
  override advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock cannot move by ${ms} ms`);
    if (ms > 0) this.advanceTo(this.now() + ms);
  }

  override advanceTo(epochMs: number): void {
    if (epochMs <= this.now()) return;
    const reply = ask({ op: "sleep", until: epochMs });
    this.sync(reply);
  }

  sync(reply: ThreadReply): void {
    if ("now" in reply) super.advanceTo(reply.now);
  }
}

let clock = new SharedClock(0);

function call(path: string, method: string, args: readonly unknown[]): unknown {
  const reply = ask({ op: "call", path, method, args });
  clock.sync(reply);
  if ("error" in reply) throw new Error(reply.error);
  return "value" in reply ? reply.value : undefined;
}

/** A shared object of the main thread whose methods are called remotely. */
function remote<T>(path: string): T {
  return new Proxy(
    {},
    {
      get:
        (_, method) =>
        (...args: unknown[]) =>
          call(path, String(method), args),
    },
  ) as T;
}

const properties = {
  document: remote("properties.document"),
  script: remote("properties.script"),
  quota: remote("properties.quota"),
  user: (email: string) => remote(`properties.user:${email}`),
} as unknown as PropertyStores;

const caches = {
  document: remote("cache.document"),
  script: remote("cache.script"),
  user: (email: string) => remote(`cache.user:${email}`),
} as unknown as CacheStores;

const http = {
  log: remote("http.log"),
  quota: remote("http.quota"),
  get realTimeoutMs() {
    return setup.realTimeoutMs;
  },
  isWhitelisted: (url: string) => call("http", "isWhitelisted", [url]),
  resolve: (url: URL) => call("http", "resolve", [url.href]),
  exchange: (requests: unknown) => call("http", "exchange", [requests]),
} as unknown as HttpBridge;

/** LockService with the locks held in the main thread: waiting for one lets others run. */
function createSharedLockService(exec: Execution) {
  const lock = (kind: LockKind) =>
    scriptLock(exec, {
      acquire: (timeoutMs) => {
        const reply = ask({ op: "lock", kind, timeoutMs });
        clock.sync(reply);
        exec.assertAlive();
        return "value" in reply && reply.value === true;
      },
      release: () => clock.sync(ask({ op: "unlock", kind })),
      holds: () => {
        const reply = ask({ op: "holds", kind });
        clock.sync(reply);
        return "value" in reply && reply.value === true;
      },
    });
  return {
    getDocumentLock() {
      exec.guard("LockService.getDocumentLock", "lock", COST_MS.lockCall);
      return lock("document");
    },
    getScriptLock() {
      exec.guard("LockService.getScriptLock", "lock", COST_MS.lockCall);
      return lock("script");
    },
    getUserLock() {
      exec.guard("LockService.getUserLock", "lock", COST_MS.lockCall);
      return lock("user");
    },
    toString: () => "LockService",
  };
}

let compiled: { code: string; script: vm.Script } | undefined;

function runJob(job: ExecutionJob): ExecutionOutcome {
  if (compiled?.code !== setup.code) {
    compiled = { code: setup.code, script: new vm.Script(setup.code, { filename: "Code.gs" }) };
  }
  const { script } = compiled;
  const scopes = new Set(setup.scopes);
  clock = new SharedClock(job.startAt);
  const realm = createScriptRealm(clock);
  const noActiveUser = job.kind === "customFunction" || job.kind === "timeTrigger";
  const exec = new Execution({
    id: job.id,
    kind: job.kind,
    authMode: job.authMode,
    activeUser: noActiveUser ? "" : job.user,
    effectiveUser: job.kind === "customFunction" ? setup.owner : job.user,
    owner: setup.owner,
    clock,
    realm: realm.intrinsics,
    scopes,
    ...(job.timeLimitMs === undefined ? {} : { timeLimitMs: job.timeLimitMs }),
  });
  // Custom functions only read the document: a fresh model with its identity and time zone.
  const spreadsheet = new SpreadsheetModel({ ...setup.spreadsheet, owner: setup.owner });
  Object.assign(realm.context, {
    SpreadsheetApp: createSpreadsheetApp(spreadsheet, exec, new UiState()),
    PropertiesService: createPropertiesService(properties, exec),
    CacheService: createCacheService(caches, exec),
    LockService: createSharedLockService(exec),
    UrlFetchApp: createUrlFetchApp(http, exec),
    Utilities: createUtilities(exec),
    ScriptApp: createScriptApp(exec, {
      triggers: new TriggerTable(1),
      isAddOn: setup.isAddOn,
      scriptId: "local-script-id",
      spreadsheetId: setup.spreadsheet.id,
    }),
    HtmlService: createHtmlService(exec, setup.htmlDir),
    Session: createSession(exec, {
      userLocale: setup.locale,
      scriptTimeZone: setup.scriptTimeZone,
    }),
    Logger: createLogger(exec),
    console: createConsole(exec),
  });

  let result: Pick<ExecutionOutcome, "ok" | "value" | "error">;
  try {
    script.runInContext(realm.context, { timeout: REAL_TIMEOUT_MS });
    realm.context.__localRuntimeCall__ = {
      name: job.functionName,
      args: toScriptValue(job.args, realm.intrinsics),
    };
    const value = vm.runInContext(
      `(function (call) {
        delete globalThis.__localRuntimeCall__;
        const fn = globalThis[call.name];
        if (typeof fn !== "function") throw new Error("Script function not found: " + call.name);
        return fn.apply(globalThis, call.args);
      })(globalThis.__localRuntimeCall__)`,
      realm.context,
      { timeout: REAL_TIMEOUT_MS },
    );
    exec.assertAlive();
    result = { ok: true, value: fromScriptValue(value) };
  } catch (error) {
    result = { ok: false, error: describe(error, exec.killed) };
  }
  return {
    ...result,
    startedAt: exec.startedAt,
    endedAt: clock.now(),
    calls: Object.fromEntries(exec.calls),
    logs: [...exec.logs],
  };
}

function describe(error: unknown, killed: boolean): { name: string; message: string } {
  if (killed) return { name: "Exception", message: "Exceeded maximum execution time" };
  if (error !== null && typeof error === "object" && "message" in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: String(name ?? "Error"), message: String(message) };
  }
  return { name: "Error", message: String(error) };
}

for (let reply = ask({ op: "ready" }); "job" in reply; ) {
  setup = reply.setup;
  const outcome = runJob(reply.job);
  reply = ask({ op: "done", outcome });
}
port.close();
