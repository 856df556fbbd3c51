// Builds what the runtime would around the emulated Sheets service: a model, a Ui record, and
// executions of any kind and mode, with Node's own realm unless a test asks for a vm one.

import vm from "node:vm";
import { VirtualClock } from "../../../../dev/runtime/clock.js";
import {
  type AuthMode,
  Execution,
  type ExecutionKind,
  type Realm,
  SCOPES,
} from "../../../../dev/runtime/execution.js";
import {
  createSpreadsheetApp,
  SpreadsheetModel,
  type SpreadsheetModelOptions,
  UiState,
} from "../../../../dev/runtime/spreadsheet/index.js";

export const NODE_REALM: Realm = { Error, TypeError, Date, Array, Object };

/** The intrinsics of a fresh vm context: values handed to it must be of its realm. */
export function vmRealm(): { realm: Realm; context: vm.Context } {
  const context = vm.createContext({});
  const realm = vm.runInContext("({ Error, TypeError, Date, Array, Object })", context) as Realm;
  return { realm, context };
}

export interface RunOptions {
  readonly kind?: ExecutionKind;
  readonly authMode?: AuthMode;
  readonly scopes?: readonly string[];
  readonly timeLimitMs?: number;
  readonly realm?: Realm;
}

// The facades are loosely typed on purpose: tests call them as a script would.
// biome-ignore lint/suspicious/noExplicitAny: script-side objects
export type Script = any;

export function harness(options: SpreadsheetModelOptions = {}) {
  const model = new SpreadsheetModel(options);
  const ui = new UiState();
  const clock = new VirtualClock(Date.UTC(2026, 10, 16, 9));
  let nextId = 1;

  function execution(run: RunOptions = {}): { exec: Execution; app: Script } {
    const exec = new Execution({
      id: nextId++,
      kind: run.kind ?? "menuItem",
      authMode: run.authMode ?? "FULL",
      activeUser: "owner@example.com",
      effectiveUser: "owner@example.com",
      owner: "owner@example.com",
      clock,
      realm: run.realm ?? NODE_REALM,
      scopes: new Set(run.scopes ?? [SCOPES.spreadsheetsCurrentOnly, SCOPES.containerUi]),
      ...(run.timeLimitMs === undefined ? {} : { timeLimitMs: run.timeLimitMs }),
    });
    return { exec, app: createSpreadsheetApp(model, exec, ui) };
  }

  /** The active sheet of a fresh FULL execution. */
  function sheet(run: RunOptions = {}): Script {
    return execution(run).app.getActiveSheet();
  }

  return { model, ui, clock, execution, sheet };
}

/** The error a call throws, for asserting its realm, name and message. */
export function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to throw");
}
