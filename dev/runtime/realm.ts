// A fresh script realm for each execution: a vm context holding the JavaScript built-ins and
// nothing of Node's (no setTimeout, fetch, URL, TextEncoder, Buffer), whose Date reads the
// virtual clock; and the conversions of values that cross between it and the host.

import { types } from "node:util";
import vm from "node:vm";
import type { VirtualClock } from "./clock.js";
import type { Realm } from "./execution.js";

export interface ScriptRealm {
  readonly context: vm.Context;
  readonly intrinsics: Realm;
}

// Installed inside the context: `new Date()` and `Date.now()` read the virtual clock, while
// `new Date(ms)` and friends behave as usual and `instanceof Date` keeps working.
const VIRTUAL_DATE_SOURCE = `(function installVirtualDate(now) {
  const RealDate = globalThis.Date;
  const VirtualDate = function Date(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return args.length === 0 ? new RealDate(now()) : new RealDate(...args);
  };
  VirtualDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, "constructor", { value: VirtualDate, writable: true, configurable: true });
  VirtualDate.now = () => now();
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, "Date", { value: VirtualDate, writable: true, configurable: true });
})`;

export function createScriptRealm(clock: VirtualClock): ScriptRealm {
  const context = vm.createContext({}, { name: "Apps Script execution" });
  const install = vm.runInContext(VIRTUAL_DATE_SOURCE, context) as (now: () => number) => void;
  install(() => clock.now());
  const intrinsics = vm.runInContext(
    "({ Error, TypeError, Date, Array, Object })",
    context,
  ) as Realm;
  return { context, intrinsics };
}

/** Copies a host value into the script's realm, as Sheets or google.script.run would hand it over. */
export function toScriptValue(value: unknown, realm: Realm): unknown {
  if (value === null || typeof value !== "object") return value;
  if (types.isDate(value)) return new realm.Date((value as Date).getTime());
  if (Array.isArray(value)) {
    const copy = new realm.Array();
    for (const item of value) copy.push(toScriptValue(item, realm));
    return copy;
  }
  const copy = new realm.Object() as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) copy[key] = toScriptValue(item, realm);
  return copy;
}

/** Copies a value out of the script's realm into plain host values (Dates become host Dates). */
export function fromScriptValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (types.isDate(value)) return new Date((value as Date).getTime());
  if (Array.isArray(value)) return value.map(fromScriptValue);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = fromScriptValue(item);
  return copy;
}

/**
 * google.script.run carries primitives, null, plain objects and arrays only; a Date, a function or
 * any other object makes the call fail. Answers the path of the first value it can't carry.
 */
export function findUntransportable(value: unknown, path = "value"): string | undefined {
  if (value === null || value === undefined) return undefined;
  const kind = typeof value;
  if (kind === "string" || kind === "number" || kind === "boolean") return undefined;
  if (kind !== "object") return `${path} (${kind})`;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUntransportable(value[index], `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  const prototype = Object.getPrototypeOf(value);
  const isPlain = prototype === null || Object.getPrototypeOf(prototype) === null;
  if (!isPlain || types.isDate(value)) {
    return `${path} (${Object.prototype.toString.call(value).slice(8, -1)})`;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = findUntransportable(item, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}
