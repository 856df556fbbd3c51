// One execution of the script (a custom function call, a sidebar call, a trigger, onOpen): its
// authorization mode, user and deadline, and the guard that every emulated service calls first.

import type { VirtualClock } from "./clock.js";

export type AuthMode = "NONE" | "LIMITED" | "CUSTOM_FUNCTION" | "FULL";

/** What started the execution; it decides the time limit. */
export type ExecutionKind =
  | "customFunction"
  | "simpleTrigger"
  | "serverCall"
  | "menuItem"
  | "timeTrigger"
  | "editor";

/** Apps Script's wall-clock limits: 30 s for custom functions and simple triggers, 6 min else. */
export const TIME_LIMIT_MS: Readonly<Record<ExecutionKind, number>> = {
  customFunction: 30_000,
  simpleTrigger: 30_000,
  serverCall: 360_000,
  menuItem: 360_000,
  timeTrigger: 360_000,
  editor: 360_000,
};

/** What a service call needs; each authorization mode grants a set of these. */
const ALL = [
  "menu",
  "ui",
  "locale",
  "utilities",
  "spreadsheet.read",
  "spreadsheet.write",
  "properties",
  "cache",
  "lock",
  "urlfetch",
  "triggers",
  "html",
  "session",
] as const;

export type Capability = (typeof ALL)[number];

/** Every capability but these. */
const allBut = (...withheld: Capability[]) =>
  new Set<Capability>(ALL.filter((capability) => !withheld.includes(capability)));

/**
 * AuthMode.NONE (an installed add-on not yet used in this file): menus and the locale only.
 * LIMITED: the bound document and the stores, no network, no triggers, no sidebars.
 * CUSTOM_FUNCTION: read-only spreadsheet, stores, UrlFetch; no Ui, no triggers.
 */
const GRANTS: Readonly<Record<AuthMode, ReadonlySet<Capability>>> = {
  NONE: new Set<Capability>(["menu", "locale", "utilities"]),
  LIMITED: allBut("ui", "urlfetch", "triggers"),
  CUSTOM_FUNCTION: allBut("menu", "ui", "spreadsheet.write", "triggers"),
  FULL: allBut(),
};

export const SCOPES = {
  spreadsheetsCurrentOnly: "https://www.googleapis.com/auth/spreadsheets.currentonly",
  spreadsheets: "https://www.googleapis.com/auth/spreadsheets",
  externalRequest: "https://www.googleapis.com/auth/script.external_request",
  containerUi: "https://www.googleapis.com/auth/script.container.ui",
  scriptApp: "https://www.googleapis.com/auth/script.scriptapp",
} as const;

/** The manifest scopes that allow a capability (any one of them); absent means none needed. */
const SCOPES_FOR: Partial<Record<Capability, readonly string[]>> = {
  "spreadsheet.read": [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets],
  "spreadsheet.write": [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets],
  urlfetch: [SCOPES.externalRequest],
  ui: [SCOPES.containerUi],
  triggers: [SCOPES.scriptApp],
};

/** The intrinsics of the script's own realm: values handed to the script must be made of these. */
export interface Realm {
  readonly Error: ErrorConstructor;
  readonly TypeError: TypeErrorConstructor;
  readonly Date: DateConstructor;
  readonly Array: ArrayConstructor;
  readonly Object: ObjectConstructor;
}

/** What starts an execution: who runs what, in which realm and clock, plus its test knobs. */
export type ExecutionOptions = Pick<
  Execution,
  | "id"
  | "kind"
  | "authMode"
  | "activeUser"
  | "effectiveUser"
  | "owner"
  | "clock"
  | "realm"
  | "scopes"
> & {
  /** True when the effective user must authorize the add-on again. */
  readonly authorizationRequired?: boolean;
  /** Overrides the kind's time limit (tests). */
  readonly timeLimitMs?: number;
  /** Service methods told to fail, with the error each throws (e.g. a locale lookup). */
  readonly faults?: ReadonlyMap<string, string>;
};

export class Execution {
  readonly id: number;
  readonly kind: ExecutionKind;
  readonly authMode: AuthMode;
  /** The user at the keyboard (empty for custom functions and time triggers, as in Apps Script). */
  readonly activeUser: string;
  /** The user whose authorization the execution runs under. */
  readonly effectiveUser: string;
  /** The spreadsheet's owner: custom functions read this user's user properties. */
  readonly owner: string;
  readonly clock: VirtualClock;
  readonly realm: Realm;
  /** OAuth scopes of the manifest. */
  readonly scopes: ReadonlySet<string>;
  readonly authorizationRequired: boolean;
  readonly startedAt: number;
  readonly deadline: number;
  /** Calls per service method, e.g. "Range.setValues" → 3. */
  readonly calls = new Map<string, number>();
  /** Lines written with Logger.log and console.*. */
  readonly logs: string[] = [];
  readonly #faults: ReadonlyMap<string, string>;
  #killed = false;

  constructor(options: ExecutionOptions) {
    this.id = options.id;
    this.kind = options.kind;
    this.authMode = options.authMode;
    this.activeUser = options.activeUser;
    this.effectiveUser = options.effectiveUser;
    this.owner = options.owner;
    this.clock = options.clock;
    this.realm = options.realm;
    this.scopes = options.scopes;
    this.authorizationRequired = options.authorizationRequired ?? false;
    this.startedAt = options.clock.now();
    this.deadline = this.startedAt + (options.timeLimitMs ?? TIME_LIMIT_MS[options.kind]);
    this.#faults = options.faults ?? new Map();
  }

  /** True once the execution ran past its deadline: Apps Script would have ended it. */
  get killed(): boolean {
    return this.#killed;
  }

  /** Milliseconds left before the deadline. */
  remainingMs(): number {
    return Math.max(0, this.deadline - this.clock.now());
  }

  can(capability: Capability): boolean {
    return GRANTS[this.authMode].has(capability);
  }

  /**
   * Every emulated service method calls this first: it counts the call, refuses it when the
   * execution is over or the mode or manifest does not allow it, and charges its simulated time.
   */
  guard(api: string, capability: Capability, costMs = 0): void {
    this.assertAlive();
    this.calls.set(api, (this.calls.get(api) ?? 0) + 1);
    const fault = this.#faults.get(api);
    if (fault !== undefined) this.fail(fault);
    if (!this.can(capability)) this.fail(`You do not have permission to call ${api}`);
    const scopes = SCOPES_FOR[capability];
    if (scopes && !scopes.some((scope) => this.scopes.has(scope))) {
      this.fail(`You do not have permission to call ${api}. Required permissions: ${scopes[0]}`);
    }
    if (scopes && this.authorizationRequired) {
      this.fail("Authorization is required to perform that action.");
    }
    if (costMs > 0) this.spend(costMs);
  }

  /** Moves the clock by simulated time; past the deadline the execution ends, as Apps Script's does. */
  spend(ms: number): void {
    this.assertAlive();
    if (this.clock.now() + ms > this.deadline) {
      this.clock.advanceTo(this.deadline);
      this.#killed = true;
      this.assertAlive();
    }
    this.clock.advance(ms);
  }

  /** Throws Apps Script's timeout error once the deadline has passed. */
  assertAlive(): void {
    if (this.#killed || this.clock.now() > this.deadline) {
      this.#killed = true;
      throw this.error("Exceeded maximum execution time");
    }
  }

  /** An error of the script's own realm, named like Apps Script's service exceptions. */
  error(message: string): Error {
    const error = new this.realm.Error(message);
    error.name = "Exception";
    return error;
  }

  fail(message: string): never {
    throw this.error(message);
  }

  log(line: string): void {
    this.logs.push(line);
  }
}
