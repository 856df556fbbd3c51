// The emulated PropertiesService: document, script and per-user string stores that outlive
// executions, with Apps Script's limits (9 KB a value, 500 KB a store, 50,000 calls a day).

import { COST_MS } from "../costs.js";
import type { Execution } from "../execution.js";
import {
  DailyQuota,
  realmArray,
  realmObject,
  requireArgs,
  signatureError,
  storeUser,
  utf8Length,
} from "./shared.js";

export const PROPERTY_LIMITS = {
  valueBytes: 9 * 1024,
  storeBytes: 500 * 1024,
  callsPerDay: 50_000,
} as const;

export const PROPERTY_ERRORS = {
  valueTooLarge: "Argument too large: value",
  storeFull:
    "You have exceeded the property storage quota. Please remove some properties and try again.",
  dailyQuota: "Service invoked too many times for one day: properties.",
} as const;

/** One properties store: a string map, directly readable and writable by tests. */
export class PropertyStore {
  readonly #map = new Map<string, string>();

  get(key: string): string | null {
    return this.#map.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.#map.set(key, value);
  }

  delete(key: string): void {
    this.#map.delete(key);
  }

  clear(): void {
    this.#map.clear();
  }

  keys(): string[] {
    return [...this.#map.keys()];
  }

  entries(): [string, string][] {
    return [...this.#map.entries()];
  }

  /** Bytes used: keys and values, UTF-8. */
  size(): number {
    let total = 0;
    for (const [key, value] of this.#map) total += utf8Length(key) + utf8Length(value);
    return total;
  }

  /** Applies `writes` (null deletes) only if the store then stays within its 500 KB. */
  apply(writes: ReadonlyMap<string, string | null>, deleteAllOthers: boolean): boolean {
    const next = new Map(deleteAllOthers ? [] : this.#map);
    for (const [key, value] of writes) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    let total = 0;
    for (const [key, value] of next) total += utf8Length(key) + utf8Length(value);
    if (total > PROPERTY_LIMITS.storeBytes) return false;
    this.#map.clear();
    for (const [key, value] of next) this.#map.set(key, value);
    return true;
  }
}

/** Every properties store of the runtime; persists across executions. */
export class PropertyStores {
  readonly document = new PropertyStore();
  readonly script = new PropertyStore();
  readonly quota = new DailyQuota(PROPERTY_LIMITS.callsPerDay);
  readonly #users = new Map<string, PropertyStore>();

  user(email: string): PropertyStore {
    let store = this.#users.get(email);
    if (!store) {
      store = new PropertyStore();
      this.#users.set(email, store);
    }
    return store;
  }
}

/**
 * The PropertiesService global of one execution. `document` is the store of the spreadsheet the
 * execution is bound to; null outside a document, where Apps Script answers null.
 */
export function createPropertiesService(
  stores: PropertyStores,
  exec: Execution,
  document: PropertyStore | null = stores.document,
) {
  return {
    getDocumentProperties() {
      exec.guard("PropertiesService.getDocumentProperties", "properties", COST_MS.propertiesCall);
      // Typed as present: only an execution bound to no document sees the null.
      if (document === null) return null as unknown as ReturnType<typeof createProperties>;
      return createProperties(stores, document, exec, false);
    },
    getScriptProperties() {
      exec.guard("PropertiesService.getScriptProperties", "properties", COST_MS.propertiesCall);
      return createProperties(stores, stores.script, exec, false);
    },
    getUserProperties() {
      exec.guard("PropertiesService.getUserProperties", "properties", COST_MS.propertiesCall);
      // A documented Apps Script fact: inside a custom function these are the owner's.
      return createProperties(stores, stores.user(storeUser(exec)), exec, true);
    },
    toString: () => "PropertiesService",
  };
}

function createProperties(
  stores: PropertyStores,
  store: PropertyStore,
  exec: Execution,
  isUserStore: boolean,
) {
  const call = (method: string, writes: boolean): void => {
    exec.guard(`Properties.${method}`, "properties", COST_MS.propertiesCall);
    // Editors calling a custom function reach the owner's user properties but can't change them.
    if (
      writes &&
      isUserStore &&
      exec.kind === "customFunction" &&
      exec.effectiveUser !== exec.owner
    ) {
      exec.fail(`You do not have permission to call Properties.${method}`);
    }
    if (!stores.quota.consume(exec.effectiveUser, 1, exec.clock.now())) {
      exec.fail(PROPERTY_ERRORS.dailyQuota);
    }
  };
  const checkValue = (value: string): void => {
    if (utf8Length(value) > PROPERTY_LIMITS.valueBytes) exec.fail(PROPERTY_ERRORS.valueTooLarge);
  };
  const write = (writes: Map<string, string | null>, deleteAllOthers = false): void => {
    if (!store.apply(writes, deleteAllOthers)) exec.fail(PROPERTY_ERRORS.storeFull);
  };

  const properties = {
    getProperty(key: unknown): string | null {
      call("getProperty", false);
      requireArgs(exec, "PropertiesService.Properties.getProperty", [key], 1);
      return store.get(String(key));
    },
    setProperty(key: unknown, value: unknown) {
      call("setProperty", true);
      requireArgs(exec, "PropertiesService.Properties.setProperty", [key, value], 2);
      const text = String(value);
      checkValue(text);
      write(new Map([[String(key), text]]));
      return properties;
    },
    getProperties(): Record<string, string> {
      call("getProperties", false);
      return realmObject(exec, store.entries());
    },
    setProperties(values: unknown, deleteAllOthers?: unknown) {
      call("setProperties", true);
      if (values === null || typeof values !== "object") {
        throw signatureError(exec, "PropertiesService.Properties.setProperties", [values]);
      }
      const writes = new Map<string, string | null>();
      for (const [key, value] of Object.entries(values as object)) {
        const text = String(value);
        checkValue(text);
        writes.set(key, text);
      }
      write(writes, deleteAllOthers === true);
      return properties;
    },
    deleteProperty(key: unknown) {
      call("deleteProperty", true);
      requireArgs(exec, "PropertiesService.Properties.deleteProperty", [key], 1);
      store.delete(String(key));
      return properties;
    },
    deleteAllProperties() {
      call("deleteAllProperties", true);
      store.clear();
      return properties;
    },
    getKeys(): string[] {
      call("getKeys", false);
      return realmArray(exec, store.keys());
    },
    toString: () => "Properties",
  };
  return properties;
}
