// Helpers the emulated services share: values handed across the realm boundary (arrays, objects,
// Java-style signed bytes), Apps Script's argument errors, and per-user daily quotas.

import type { Execution } from "../execution.js";

/** An array of the script's own realm, so `instanceof Array` and `Array.isArray` both hold there. */
export function realmArray<T>(exec: Execution, items: Iterable<T>): T[] {
  const array = new exec.realm.Array<T>();
  for (const item of items) array.push(item);
  return array;
}

/** A plain object of the script's own realm. */
export function realmObject<T>(
  exec: Execution,
  entries: Iterable<readonly [string, T]>,
): Record<string, T> {
  const object = new exec.realm.Object() as Record<string, T>;
  for (const [key, value] of entries) object[key] = value;
  return object;
}

/** Dates may come from the script's realm, where `instanceof Date` fails. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function dateMillis(value: Date): number {
  return Date.prototype.getTime.call(value);
}

/** Java's bytes are signed: Apps Script hands byte arrays to scripts as numbers in −128..127. */
export function signedBytes(exec: Execution, bytes: Uint8Array): number[] {
  const array = new exec.realm.Array<number>(bytes.length);
  for (let index = 0; index < bytes.length; index++) array[index] = (bytes[index]! << 24) >> 24;
  return array;
}

/** A byte array from the script (signed or unsigned numbers), or null when `value` is not one. */
export function bytesFromScript(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (!Array.isArray(value)) return null;
  const bytes = new Uint8Array(value.length);
  for (let index = 0; index < value.length; index++) bytes[index] = Number(value[index]) & 0xff;
  return bytes;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** How Apps Script names an argument's type in its "don't match the method signature" errors. */
function javaTypeName(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return "String";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "Boolean";
  if (isDate(value)) return "Date";
  if (Array.isArray(value))
    return value.every((item) => typeof item === "number") ? "number[]" : "Object[]";
  return "Object";
}

/**
 * Apps Script's error for a call whose arguments fit none of the method's signatures, e.g.
 * "The parameters (String) don't match the method signature for CacheService.Cache.put."
 */
export function signatureError(exec: Execution, method: string, args: readonly unknown[]): Error {
  const types = args.map(javaTypeName).join(",");
  return exec.error(`The parameters (${types}) don't match the method signature for ${method}.`);
}

/** Throws the signature error unless the first `count` arguments are present. */
export function requireArgs(
  exec: Execution,
  method: string,
  args: readonly unknown[],
  count: number,
): void {
  for (let index = 0; index < count; index++) {
    if (args[index] === undefined) throw signatureError(exec, method, trimUndefined(args));
  }
}

function trimUndefined(args: readonly unknown[]): unknown[] {
  const list = [...args];
  while (list.length > 0 && list[list.length - 1] === undefined) list.pop();
  return list;
}

const DAY_MS = 86_400_000;

/**
 * A per-user daily quota on the virtual clock. Apps Script refreshes daily quotas at the end of a
 * 24-hour window rather than at midnight, so each user's window opens at their first counted call.
 */
export class DailyQuota {
  readonly limit: number;
  readonly #windows = new Map<string, { start: number; used: number }>();

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Counts `count` calls for `user` at virtual time `now`; false (and nothing counted) past the limit. */
  consume(user: string, count: number, now: number): boolean {
    const window = this.#window(user, now);
    if (window.used + count > this.limit) return false;
    window.used += count;
    return true;
  }

  /** Calls counted for `user` in the window open at `now`. */
  used(user: string, now: number): number {
    const window = this.#windows.get(user);
    return window && now - window.start < DAY_MS ? window.used : 0;
  }

  #window(user: string, now: number): { start: number; used: number } {
    let window = this.#windows.get(user);
    if (!window || now - window.start >= DAY_MS) {
      window = { start: now, used: 0 };
      this.#windows.set(user, window);
    }
    return window;
  }
}

/** The user whose per-user stores a call reaches: custom functions reach the owner's. */
export function storeUser(exec: Execution): string {
  return exec.kind === "customFunction" ? exec.owner : exec.effectiveUser;
}
