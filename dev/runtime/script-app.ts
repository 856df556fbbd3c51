// The emulated ScriptApp: installable triggers with the add-on rules (one time-driven trigger per
// user per document, none more often than hourly, 20 per user over all the user's spreadsheets),
// their firing schedule on the virtual clock, and the authorization info a trigger checks before
// it works. getProjectTriggers answers all of the user's triggers (in an add-on, every
// spreadsheet's); getUserTriggers(spreadsheet) only those made in that spreadsheet.

// The same seeded PRNG as the fake APIs: trigger minutes are random yet reproducible.
import { mulberry32 } from "../fake-api/random.js";
import type { Execution } from "./execution.js";
import { signatureError } from "./services/shared.js";

export const AUTH_MODES = ["NONE", "LIMITED", "CUSTOM_FUNCTION", "FULL"] as const;

const HOUR_MS = 3_600_000;
const MAX_TRIGGERS_PER_USER = 20;

export const TRIGGER_ERRORS = {
  /** (observed) Google's wording when a user already has 20 triggers of the script. */
  tooMany:
    "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
  tooManyClockInDocument:
    "This add-on has created too many time-based triggers in this document for this Google user account.",
} as const;

export type TriggerEvent = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE" | "ON_FORM_SUBMIT";

export interface TriggerRecord {
  readonly uid: string;
  readonly handler: string;
  readonly owner: string;
  /** The spreadsheet the trigger was made in; null when made outside any document. */
  readonly documentId: string | null;
  readonly event: TriggerEvent;
  /** Repeat period of a clock trigger; absent for one-off clock triggers and event triggers. */
  readonly periodMs?: number;
  /** Next virtual time a clock trigger fires. */
  nextFireAt?: number;
  readonly createdAt: number;
}

/** The project's installable triggers; persists across executions. */
export class TriggerTable {
  readonly #triggers = new Map<string, TriggerRecord>();
  #nextUid = 1_000_001;
  readonly #random: () => number;

  constructor(seed = 1) {
    this.#random = mulberry32(seed);
  }

  list(owner?: string): TriggerRecord[] {
    const all = [...this.#triggers.values()];
    return owner === undefined ? all : all.filter((trigger) => trigger.owner === owner);
  }

  add(trigger: Omit<TriggerRecord, "uid">): TriggerRecord {
    const record: TriggerRecord = { ...trigger, uid: String(this.#nextUid++) };
    this.#triggers.set(record.uid, record);
    return record;
  }

  remove(uid: string): boolean {
    return this.#triggers.delete(uid);
  }

  get(uid: string): TriggerRecord | undefined {
    return this.#triggers.get(uid);
  }

  /** The clock trigger due first at or before `untilMs`, if any. */
  nextDue(untilMs: number): TriggerRecord | undefined {
    let due: TriggerRecord | undefined;
    for (const trigger of this.#triggers.values()) {
      if (trigger.nextFireAt === undefined || trigger.nextFireAt > untilMs) continue;
      if (!due || trigger.nextFireAt < (due.nextFireAt ?? Number.POSITIVE_INFINITY)) due = trigger;
    }
    return due;
  }

  /** Apps Script picks a random minute in the hour for a repeating trigger and keeps it. */
  firstFireTime(createdAt: number, periodMs: number): number {
    const offset = Math.floor(this.#random() * Math.min(periodMs, HOUR_MS));
    return Math.floor(createdAt / HOUR_MS) * HOUR_MS + periodMs + offset;
  }

  /** Called after a clock trigger fired at its scheduled time: plan the next firing, or drop a one-off. */
  afterFiring(trigger: TriggerRecord, now: number): void {
    if (trigger.periodMs === undefined) {
      this.#triggers.delete(trigger.uid);
      return;
    }
    let next = (trigger.nextFireAt ?? now) + trigger.periodMs;
    // A firing that ran long doesn't cause a burst of catch-up runs.
    while (next <= now) next += trigger.periodMs;
    trigger.nextFireAt = next;
  }
}

export interface ScriptAppOptions {
  readonly triggers: TriggerTable;
  readonly isAddOn: boolean;
  readonly scriptId: string;
  /** The spreadsheet the execution is bound to; null when it has none. */
  readonly spreadsheetId: string | null;
}

export function createScriptApp(exec: Execution, options: ScriptAppOptions) {
  const { triggers } = options;
  const enumOf = <T extends string>(names: readonly T[]) =>
    Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as Record<T, T>;

  const AuthMode = enumOf(AUTH_MODES);
  const AuthorizationStatus = enumOf(["REQUIRED", "NOT_REQUIRED"] as const);
  const EventType = enumOf(["CLOCK", "ON_OPEN", "ON_EDIT", "ON_CHANGE", "ON_FORM_SUBMIT"] as const);
  const TriggerSource = enumOf(["SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS"] as const);
  const WeekDay = enumOf([
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
  ] as const);

  const triggerFacade = (record: TriggerRecord) => ({
    getUniqueId: () => record.uid,
    getHandlerFunction: () => record.handler,
    getEventType: () => record.event,
    getTriggerSource: () => (record.event === "CLOCK" ? "CLOCK" : "SPREADSHEETS"),
    getTriggerSourceId: () => (record.event === "CLOCK" ? null : record.documentId),
  });

  function createTrigger(
    record: Omit<TriggerRecord, "uid" | "owner" | "createdAt" | "documentId">,
  ) {
    const owner = exec.effectiveUser;
    const mine = triggers.list(owner);
    if (mine.length >= MAX_TRIGGERS_PER_USER) exec.fail(TRIGGER_ERRORS.tooMany);
    if (options.isAddOn && record.event === "CLOCK") {
      const here = mine.filter((trigger) => trigger.documentId === options.spreadsheetId);
      if (here.some((trigger) => trigger.event === "CLOCK")) {
        exec.fail(TRIGGER_ERRORS.tooManyClockInDocument);
      }
      if (record.periodMs !== undefined && record.periodMs < HOUR_MS) {
        // (assumed) wording; the rule itself is documented: add-on clock triggers run at most hourly.
        exec.fail(
          "Add-ons can't create time-based triggers that run more often than once per hour.",
        );
      }
    }
    return triggerFacade(
      triggers.add({
        ...record,
        owner,
        documentId: options.spreadsheetId,
        createdAt: exec.clock.now(),
      }),
    );
  }

  function clockTriggerBuilder(handler: string) {
    let periodMs: number | undefined;
    let fireAt: number | undefined;
    const builder = {
      everyMinutes(minutes: number) {
        if (![1, 5, 10, 15, 30].includes(minutes)) {
          exec.fail("The value passed to everyMinutes must be 1, 5, 10, 15 or 30.");
        }
        periodMs = minutes * 60_000;
        return builder;
      },
      everyHours(hours: number) {
        if (![1, 2, 4, 6, 8, 12].includes(hours)) {
          exec.fail("The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.");
        }
        periodMs = hours * HOUR_MS;
        return builder;
      },
      everyDays(days: number) {
        periodMs = days * 24 * HOUR_MS;
        return builder;
      },
      everyWeeks(weeks: number) {
        periodMs = weeks * 7 * 24 * HOUR_MS;
        return builder;
      },
      after(milliseconds: number) {
        fireAt = exec.clock.now() + milliseconds;
        return builder;
      },
      at(date: Date) {
        fireAt = date.getTime();
        return builder;
      },
      atHour: () => builder,
      nearMinute: () => builder,
      onWeekDay: () => builder,
      inTimezone: () => builder,
      create() {
        exec.guard("ClockTriggerBuilder.create", "triggers");
        if (periodMs === undefined && fireAt === undefined) {
          exec.fail("Missing a recurrence or a time for the time-based trigger.");
        }
        const nextFireAt = fireAt ?? triggers.firstFireTime(exec.clock.now(), periodMs ?? HOUR_MS);
        return createTrigger(
          periodMs === undefined
            ? { handler, event: "CLOCK", nextFireAt }
            : { handler, event: "CLOCK", periodMs, nextFireAt },
        );
      },
    };
    return builder;
  }

  function spreadsheetTriggerBuilder(handler: string) {
    let event: TriggerEvent | undefined;
    const builder = {
      onOpen() {
        event = "ON_OPEN";
        return builder;
      },
      onEdit() {
        event = "ON_EDIT";
        return builder;
      },
      onChange() {
        event = "ON_CHANGE";
        return builder;
      },
      onFormSubmit() {
        event = "ON_FORM_SUBMIT";
        return builder;
      },
      create() {
        exec.guard("SpreadsheetTriggerBuilder.create", "triggers");
        if (!event) exec.fail("Missing the event type of the spreadsheet trigger.");
        return createTrigger({ handler, event });
      },
    };
    return builder;
  }

  return {
    AuthMode,
    AuthorizationStatus,
    EventType,
    TriggerSource,
    WeekDay,
    newTrigger(functionName: string) {
      exec.guard("ScriptApp.newTrigger", "triggers");
      return {
        timeBased: () => clockTriggerBuilder(functionName),
        forSpreadsheet: () => spreadsheetTriggerBuilder(functionName),
      };
    },
    getProjectTriggers() {
      exec.guard("ScriptApp.getProjectTriggers", "triggers");
      return triggers.list(exec.effectiveUser).map(triggerFacade);
    },
    getUserTriggers(spreadsheet: unknown) {
      exec.guard("ScriptApp.getUserTriggers", "triggers");
      const getId =
        typeof spreadsheet === "object" && spreadsheet !== null
          ? (spreadsheet as { getId?: unknown }).getId
          : undefined;
      if (typeof getId !== "function") {
        throw signatureError(exec, "ScriptApp.getUserTriggers", [spreadsheet]);
      }
      const id = String(getId.call(spreadsheet));
      return triggers
        .list(exec.effectiveUser)
        .filter((trigger) => trigger.documentId === id)
        .map(triggerFacade);
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      exec.guard("ScriptApp.deleteTrigger", "triggers");
      const record = triggers.get(trigger.getUniqueId());
      if (!record || record.owner !== exec.effectiveUser) {
        exec.fail("Trigger not found or not owned by the current user.");
      }
      triggers.remove(record.uid);
    },
    getAuthorizationInfo(_authMode: string) {
      exec.guard("ScriptApp.getAuthorizationInfo", "session");
      const required = exec.authorizationRequired;
      return {
        getAuthorizationStatus: () => (required ? "REQUIRED" : "NOT_REQUIRED"),
        getAuthorizationUrl: () =>
          required ? `https://script.google.com/macros/d/${options.scriptId}/authorize` : null,
        getAuthorizedScopes: () => (required ? [] : [...exec.scopes]),
      };
    },
    getScriptId() {
      exec.guard("ScriptApp.getScriptId", "session");
      return options.scriptId;
    },
  };
}
