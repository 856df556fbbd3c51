// The local Apps Script runtime: loads a bundle (dist/Code.js) as Apps Script does and runs every
// custom function call, server call, menu item and trigger as a fresh execution in its own realm,
// while the spreadsheet, the stores, the triggers and the virtual clock persist between them.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { VirtualClock } from "./clock.js";
import { type CellCall, type CellOutcome, runCellsAtOnce } from "./concurrent.js";
import {
  createDetachedSpreadsheetApp,
  type DocumentState,
  DocumentTable,
  type NewSpreadsheetOptions,
} from "./documents.js";

export type { CellCall, CellOutcome } from "./concurrent.js";

import { type AuthMode, Execution, type ExecutionKind } from "./execution.js";
import { createHtmlService } from "./html-service.js";
import { removeIntlTimeZones } from "./intl.js";
import {
  createScriptRealm,
  findUntransportable,
  fromScriptValue,
  type ScriptRealm,
  toScriptValue,
} from "./realm.js";
import { createScriptApp, TriggerTable } from "./script-app.js";
import {
  CacheStores,
  createCacheService,
  createLockService,
  createPropertiesService,
  createUrlFetchApp,
  createUtilities,
  HttpBridge,
  LockTable,
  PropertyStores,
} from "./services/index.js";
import { createConsole, createLogger, createSession } from "./session.js";
import {
  createCharts,
  createSpreadsheetApp,
  SpreadsheetModel,
  UiState,
} from "./spreadsheet/index.js";

export interface Manifest {
  readonly timeZone?: string;
  readonly runtimeVersion?: string;
  readonly oauthScopes?: readonly string[];
  readonly urlFetchWhitelist?: readonly string[];
}

export interface RuntimeOptions {
  /** The script's source; default: the file at `codePath`. */
  readonly code?: string;
  /** Default `dist/Code.js` of the working directory. */
  readonly codePath?: string;
  /** Default: `appsscript.json` beside the code. */
  readonly manifest?: Manifest;
  /** Folder of the HTML files HtmlService reads; default: the code's folder. */
  readonly htmlDir?: string;
  /** Production origins mapped to local servers, e.g. {"https://api.keyapi.ai": "http://127.0.0.1:8787"}. */
  readonly routes?: Readonly<Record<string, string>>;
  /** Virtual time of the first execution; default Monday 2026-11-16 09:00 UTC. */
  readonly startTime?: number | Date;
  /** The spreadsheet's time zone; default the manifest's, else Etc/UTC. */
  readonly timeZone?: string;
  /** The owner of the spreadsheet; also the default user of every execution. */
  readonly owner?: string;
  /** The users' locale (Session.getActiveUserLocale); default en. */
  readonly locale?: string;
  /** Apply the editor add-on rules to triggers; default true. */
  readonly isAddOn?: boolean;
  /** Seeds the random parts (trigger minutes). */
  readonly seed?: number;
}

export interface RunOptions {
  readonly kind: ExecutionKind;
  readonly authMode: AuthMode;
  /** Who runs it; default the owner. */
  readonly user?: string;
  /** Overrides the kind's time limit. */
  readonly timeLimitMs?: number;
  /** Id of the spreadsheet the execution is bound to (default the first); null for none. */
  readonly spreadsheet?: string | null;
}

export interface ExecutionRecord {
  readonly id: number;
  readonly functionName: string;
  readonly kind: ExecutionKind;
  readonly authMode: AuthMode;
  readonly user: string;
  /** The spreadsheet it was bound to; null when it had none. */
  readonly spreadsheet: string | null;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { readonly name: string; readonly message: string };
  /** Calls per service method, e.g. {"Range.setValues": 3}. */
  readonly calls: Readonly<Record<string, number>>;
  readonly logs: readonly string[];
}

/** A failed execution, seen from outside: the cell's #ERROR!, the failure handler's Error. */
export class ScriptError extends Error {
  readonly record: ExecutionRecord;

  constructor(record: ExecutionRecord) {
    super(record.error?.message ?? "The execution failed.");
    this.name = record.error?.name ?? "Error";
    this.record = record;
  }
}

const DEFAULT_START = Date.UTC(2026, 10, 16, 9, 0, 0);
const DAY_MS = 86_400_000;
/** Consumer accounts: 90 minutes of trigger runtime per user per day. */
const TRIGGER_RUNTIME_PER_DAY_MS = 90 * 60_000;
/** A real-time safety net so a runaway script can't hang the tests. */
const REAL_TIMEOUT_MS = 120_000;

export const PRODUCTION_ORIGINS = [
  "https://api.keyapi.ai",
  "https://openapi.fastmoss.com",
] as const;

/** Routes both production API origins to one local fake server. */
export function apiRoutes(baseUrl: string): Record<string, string> {
  return Object.fromEntries(PRODUCTION_ORIGINS.map((origin) => [origin, baseUrl]));
}

interface UserState {
  authorizationRequired: boolean;
  triggerRuntime: { day: number; usedMs: number };
}

export class AppsScriptRuntime {
  readonly clock: VirtualClock;
  readonly spreadsheet: SpreadsheetModel;
  readonly ui: UiState;
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  readonly locks: LockTable;
  readonly http: HttpBridge;
  readonly triggers: TriggerTable;
  readonly manifest: Manifest;
  readonly owner: string;
  readonly locale: string;
  /** The user's spreadsheets: `spreadsheet`, `ui` and the document stores above are the first's. */
  readonly documents: DocumentTable;
  /** Service methods told to fail in every execution, with Apps Script's error text. */
  readonly faults = new Map<string, string>();
  /**
   * Whether a time-driven trigger runs with its spreadsheet active. Google doesn't document it
   * for add-ons: false runs triggers bound to no spreadsheet, as attached to the script alone.
   */
  triggersHaveActiveSpreadsheet = true;
  /** Whether the script's Intl knows time zones (Google doesn't document it); false: UTC only. */
  intlTimeZones = true;
  /** Every execution so far, oldest first. */
  readonly executions: ExecutionRecord[] = [];
  readonly #script: vm.Script;
  readonly #code: string;
  readonly #htmlDir: string;
  readonly #scopes: ReadonlySet<string>;
  readonly #isAddOn: boolean;
  readonly #users = new Map<string, UserState>();
  #nextExecutionId = 1;

  constructor(options: RuntimeOptions = {}) {
    const codePath = path.resolve(options.codePath ?? "dist/Code.js");
    const code = options.code ?? readFileSync(codePath, "utf8");
    const manifestPath = path.join(path.dirname(codePath), "appsscript.json");
    this.manifest =
      options.manifest ??
      (existsSync(manifestPath)
        ? (JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest)
        : {});
    // Apps Script parses the whole project at every execution; a syntax error fails them all.
    this.#script = new vm.Script(code, { filename: "Code.gs" });
    this.#code = code;
    this.#htmlDir = options.htmlDir ?? path.dirname(codePath);
    // Without explicit scopes Apps Script infers them from the code: treat that as all granted.
    this.#scopes = new Set(this.manifest.oauthScopes ?? ALL_SCOPES);
    this.#isAddOn = options.isAddOn ?? true;
    this.owner = options.owner ?? "owner@example.com";
    this.locale = options.locale ?? "en";
    const start = options.startTime ?? DEFAULT_START;
    this.clock = new VirtualClock(typeof start === "number" ? start : start.getTime());
    this.spreadsheet = new SpreadsheetModel({
      owner: this.owner,
      timeZone: options.timeZone ?? this.manifest.timeZone ?? "Etc/UTC",
    });
    this.ui = new UiState();
    this.properties = new PropertyStores();
    this.caches = new CacheStores(this.clock);
    this.locks = new LockTable();
    this.triggers = new TriggerTable(options.seed ?? 1);
    this.http = new HttpBridge({
      routes: options.routes ?? {},
      whitelist: this.manifest.urlFetchWhitelist,
    });
    this.documents = new DocumentTable(
      {
        spreadsheet: this.spreadsheet,
        ui: this.ui,
        properties: this.properties.document,
        cache: this.caches.document,
        lockKey: "document",
      },
      this.clock,
    );
  }

  /** Another spreadsheet of the same user, with its own document properties, cache and lock. */
  openSpreadsheet(options: NewSpreadsheetOptions = {}): DocumentState {
    return this.documents.open(options);
  }

  /** Stops the HTTP worker; the runtime can't run executions afterwards. */
  close(): void {
    this.http.close();
  }

  /** Marks a user as needing to authorize the add-on again (their triggers then fail). */
  setAuthorizationRequired(user: string, required: boolean): void {
    this.#user(user).authorizationRequired = required;
  }

  /** Calls a custom function as a cell does: read-only, 30 seconds, answers the cell's value. */
  customFunction(
    name: string,
    args: readonly unknown[] = [],
    user = this.owner,
    spreadsheet?: string,
  ): unknown {
    const record = this.run(name, args, {
      kind: "customFunction",
      authMode: "CUSTOM_FUNCTION",
      user,
      ...(spreadsheet === undefined ? {} : { spreadsheet }),
    });
    if (!record.ok) throw new ScriptError(record);
    return record.value ?? "";
  }

  /**
   * Recalculates several cells at the same moment: each custom function call is its own execution,
   * up to 30 at once on the shared virtual clock (see concurrent.ts). Answers every cell's outcome.
   */
  customFunctionsAtOnce(calls: readonly CellCall[]): CellOutcome[] {
    // The execution threads model the services cells use, not this runtime's knobs: refuse to run
    // a storm in a simpler world than the test set up.
    const knobs = [
      ...(this.faults.size > 0 ? ["faults"] : []),
      ...(this.intlTimeZones ? [] : ["intlTimeZones = false"]),
      ...(this.documents.primary.unavailable.size > 0 ? ["unavailable document services"] : []),
    ];
    if (knobs.length > 0) {
      throw new Error(
        `customFunctionsAtOnce does not model ${knobs.join(", ")}; run cells one by one`,
      );
    }
    return runCellsAtOnce(
      {
        clock: this.clock,
        properties: this.properties,
        caches: this.caches,
        locks: this.locks,
        http: this.http,
        owner: this.owner,
        setup: {
          code: this.#code,
          owner: this.owner,
          locale: this.locale,
          scopes: [...this.#scopes],
          htmlDir: this.#htmlDir,
          isAddOn: this.#isAddOn,
          scriptTimeZone: this.manifest.timeZone ?? "Etc/UTC",
          spreadsheet: {
            id: this.spreadsheet.id,
            name: this.spreadsheet.name,
            timeZone: this.spreadsheet.timeZone,
            locale: this.spreadsheet.locale,
          },
        },
        nextExecutionId: () => this.#nextExecutionId++,
        record: (cell, user) =>
          this.executions.push({
            ...cell,
            functionName: cell.name,
            kind: "customFunction",
            authMode: "CUSTOM_FUNCTION",
            user,
            spreadsheet: this.spreadsheet.id,
          }),
      },
      calls,
    );
  }

  /** Calls a server function as `google.script.run` does from the sidebar. */
  serverCall(
    name: string,
    args: readonly unknown[] = [],
    user = this.owner,
    spreadsheet?: string,
  ): unknown {
    if (name.endsWith("_")) throw new Error(`Script function not found: ${name}`);
    const badArgument = findUntransportable(args, "arguments");
    if (badArgument) throw new Error(`google.script.run cannot send ${badArgument}.`);
    const record = this.run(name, args, {
      kind: "serverCall",
      authMode: "FULL",
      user,
      ...(spreadsheet === undefined ? {} : { spreadsheet }),
    });
    if (!record.ok) throw new ScriptError(record);
    const badAnswer = findUntransportable(record.value, "answer");
    if (badAnswer) throw new Error(`google.script.run cannot return ${badAnswer}.`);
    return record.value;
  }

  /** Runs a menu item's function, as clicking it in the add-on menu does. */
  menuItem(name: string, user = this.owner, spreadsheet?: string): ExecutionRecord {
    return this.run(name, [], {
      kind: "menuItem",
      authMode: "FULL",
      user,
      ...(spreadsheet === undefined ? {} : { spreadsheet }),
    });
  }

  /** Runs the onOpen or onInstall simple trigger in the given authorization mode. */
  simpleTrigger(
    name: "onOpen" | "onInstall",
    authMode: AuthMode,
    user = this.owner,
    spreadsheet?: string,
  ): ExecutionRecord {
    const event = { authMode, ...(authMode === "NONE" ? {} : { user: { email: user } }) };
    return this.run(name, [event], {
      kind: "simpleTrigger",
      authMode,
      user,
      ...(spreadsheet === undefined ? {} : { spreadsheet }),
    });
  }

  /** Moves the virtual clock forward, firing each time-driven trigger when it falls due. */
  advance(ms: number): void {
    this.advanceTo(this.clock.now() + ms);
  }

  advanceTo(epochMs: number): void {
    for (let due = this.triggers.nextDue(epochMs); due; due = this.triggers.nextDue(epochMs)) {
      const firedAt = due.nextFireAt ?? this.clock.now();
      this.clock.advanceTo(firedAt);
      if (this.#triggerRuntimeLeft(due.owner) > 0) {
        this.run(due.handler, [clockEvent(due.uid, this.clock.now())], {
          kind: "timeTrigger",
          authMode: "FULL",
          user: due.owner,
          spreadsheet: this.triggersHaveActiveSpreadsheet ? due.documentId : null,
        });
      }
      if (this.triggers.get(due.uid)) this.triggers.afterFiring(due, this.clock.now());
    }
    this.clock.advanceTo(epochMs);
  }

  /** Runs one execution of `functionName` and records it. */
  run(functionName: string, args: readonly unknown[], options: RunOptions): ExecutionRecord {
    const user = options.user ?? this.owner;
    const document =
      options.spreadsheet === null
        ? null
        : options.spreadsheet === undefined
          ? this.documents.primary
          : this.documents.get(options.spreadsheet);
    const realm = createScriptRealm(this.clock);
    if (!this.intlTimeZones) removeIntlTimeZones(realm.context);
    const noActiveUser = options.kind === "customFunction" || options.kind === "timeTrigger";
    const exec = new Execution({
      id: this.#nextExecutionId++,
      kind: options.kind,
      authMode: options.authMode,
      activeUser: noActiveUser ? "" : user,
      effectiveUser: options.kind === "customFunction" ? this.owner : user,
      owner: this.owner,
      clock: this.clock,
      realm: realm.intrinsics,
      scopes: this.#scopes,
      authorizationRequired:
        options.kind === "timeTrigger" && this.#user(user).authorizationRequired,
      ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
      faults: this.faults,
    });
    this.#installGlobals(realm, exec, document);

    let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
    try {
      this.#script.runInContext(realm.context, { timeout: REAL_TIMEOUT_MS });
      const value = callInContext(realm, functionName, toScriptValue(args, realm.intrinsics));
      exec.assertAlive();
      outcome = { ok: true, value: fromScriptValue(value) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      this.locks.releaseAll(exec.id);
    }

    const record: ExecutionRecord = {
      id: exec.id,
      functionName,
      kind: options.kind,
      authMode: options.authMode,
      user,
      spreadsheet: document ? document.spreadsheet.id : null,
      startedAt: exec.startedAt,
      endedAt: this.clock.now(),
      calls: Object.fromEntries(exec.calls),
      logs: [...exec.logs],
      ...(outcome.ok
        ? { ok: true, value: outcome.value }
        : { ok: false, error: describeError(outcome.error, exec.killed) }),
    };
    if (options.kind === "timeTrigger") this.#chargeTriggerRuntime(user, record);
    this.executions.push(record);
    return record;
  }

  /** Calls per service method over every execution so far (or those after `sinceId`). */
  callCounts(sinceId = 0): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const record of this.executions) {
      if (record.id <= sinceId) continue;
      for (const [api, count] of Object.entries(record.calls))
        totals[api] = (totals[api] ?? 0) + count;
    }
    return totals;
  }

  #installGlobals(realm: ScriptRealm, exec: Execution, document: DocumentState | null): void {
    const scriptTimeZone = this.manifest.timeZone ?? "Etc/UTC";
    const has = (service: "properties" | "cache" | "lock") =>
      document !== null && !document.unavailable.has(service);
    Object.assign(realm.context, {
      SpreadsheetApp: document
        ? createSpreadsheetApp(document.spreadsheet, exec, document.ui)
        : createDetachedSpreadsheetApp(exec),
      PropertiesService: createPropertiesService(
        this.properties,
        exec,
        has("properties") ? document!.properties : null,
      ),
      CacheService: createCacheService(this.caches, exec, has("cache") ? document!.cache : null),
      LockService: createLockService(this.locks, exec, has("lock") ? document!.lockKey : null),
      Charts: createCharts(),
      UrlFetchApp: createUrlFetchApp(this.http, exec),
      Utilities: createUtilities(exec),
      ScriptApp: createScriptApp(exec, {
        triggers: this.triggers,
        isAddOn: this.#isAddOn,
        scriptId: "local-script-id",
        spreadsheetId: document ? document.spreadsheet.id : null,
      }),
      HtmlService: createHtmlService(exec, this.#htmlDir),
      Session: createSession(exec, { userLocale: this.locale, scriptTimeZone }),
      Logger: createLogger(exec),
      console: createConsole(exec),
    });
  }

  #user(email: string): UserState {
    let state = this.#users.get(email);
    if (!state) {
      state = { authorizationRequired: false, triggerRuntime: { day: -1, usedMs: 0 } };
      this.#users.set(email, state);
    }
    return state;
  }

  #triggerRuntimeLeft(user: string): number {
    const usage = this.#user(user).triggerRuntime;
    const today = Math.floor(this.clock.now() / DAY_MS);
    return usage.day === today
      ? TRIGGER_RUNTIME_PER_DAY_MS - usage.usedMs
      : TRIGGER_RUNTIME_PER_DAY_MS;
  }

  #chargeTriggerRuntime(user: string, record: ExecutionRecord): void {
    const usage = this.#user(user).triggerRuntime;
    const today = Math.floor(record.startedAt / DAY_MS);
    if (usage.day !== today) {
      usage.day = today;
      usage.usedMs = 0;
    }
    usage.usedMs += record.endedAt - record.startedAt;
  }
}

const ALL_SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets",
  "https://www.googleapis.com/auth/script.external_request",
  "https://www.googleapis.com/auth/script.container.ui",
  "https://www.googleapis.com/auth/script.scriptapp",
];

const CALL_SLOT = "__localRuntimeCall__";

/** Calls a top-level function of the script inside its own realm, under the real-time safety net. */
function callInContext(realm: ScriptRealm, name: string, args: unknown): unknown {
  realm.context[CALL_SLOT] = { name, args };
  return vm.runInContext(
    `(function (call) {
      delete globalThis.${CALL_SLOT};
      const fn = globalThis[call.name];
      if (typeof fn !== "function") throw new Error("Script function not found: " + call.name);
      return fn.apply(globalThis, call.args);
    })(globalThis.${CALL_SLOT})`,
    realm.context,
    { timeout: REAL_TIMEOUT_MS },
  );
}

function describeError(error: unknown, killed: boolean): { name: string; message: string } {
  if (killed) return { name: "Exception", message: "Exceeded maximum execution time" };
  if (error !== null && typeof error === "object" && "message" in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: String(name ?? "Error"), message: String(message) };
  }
  return { name: "Error", message: String(error) };
}

/** The event object Apps Script hands a time-driven trigger's function. */
function clockEvent(triggerUid: string, now: number): Record<string, unknown> {
  const date = new Date(now);
  const startOfYear = Date.UTC(date.getUTCFullYear(), 0, 1);
  return {
    authMode: "FULL",
    triggerUid,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    "day-of-month": date.getUTCDate(),
    "day-of-week": date.getUTCDay() === 0 ? 7 : date.getUTCDay(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    timezone: "UTC",
    "week-of-year": Math.ceil(((now - startOfYear) / DAY_MS + 1) / 7),
  };
}
