// The emulated CacheService: script, document and per-user caches that outlive executions, expire
// on the virtual clock and keep Apps Script's limits, including its first-in-first-out eviction.

import type { VirtualClock } from "../clock.js";
import { COST_MS } from "../costs.js";
import type { Execution } from "../execution.js";
import { realmObject, requireArgs, signatureError, storeUser, utf8Length } from "./shared.js";

export const CACHE_LIMITS = {
  keyChars: 250,
  valueBytes: 100 * 1024,
  defaultSeconds: 600,
  maxSeconds: 21_600,
  /** About this many items fit; past it the oldest tenth goes (observed). */
  items: 1_000,
  evictCount: 100,
} as const;

export const CACHE_ERRORS = {
  keyTooLarge: "Argument too large: key",
  valueTooLarge: "Argument too large: value",
} as const;

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/** One cache: entries in creation order (a Map keeps insertion order), expiring on the clock. */
export class CacheStore {
  readonly #clock: VirtualClock;
  readonly #entries = new Map<string, Entry>();

  constructor(clock: VirtualClock) {
    this.#clock = clock;
  }

  get(key: string): string | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.#clock.now()) {
      this.#entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /** Stores `value` for `seconds`; an overwrite is a new entry, youngest in eviction order. */
  put(key: string, value: string, seconds: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#clock.now() + seconds * 1000 });
    if (this.#entries.size > CACHE_LIMITS.items) this.#evict();
  }

  remove(key: string): void {
    this.#entries.delete(key);
  }

  /** Live keys, oldest first (tests). */
  keys(): string[] {
    this.#dropExpired();
    return [...this.#entries.keys()];
  }

  /** Live entries (tests). */
  size(): number {
    this.#dropExpired();
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }

  #evict(): void {
    this.#dropExpired();
    if (this.#entries.size <= CACHE_LIMITS.items) return;
    // Observed: Apps Script drops about 10 % at once, oldest created first, whatever was read lately.
    let toDrop = CACHE_LIMITS.evictCount;
    for (const key of this.#entries.keys()) {
      if (toDrop-- <= 0) break;
      this.#entries.delete(key);
    }
  }

  #dropExpired(): void {
    const now = this.#clock.now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
    }
  }
}

/** Every cache of the runtime; persists across executions. */
export class CacheStores {
  readonly script: CacheStore;
  readonly document: CacheStore;
  readonly #clock: VirtualClock;
  readonly #users = new Map<string, CacheStore>();

  constructor(clock: VirtualClock) {
    this.#clock = clock;
    this.script = new CacheStore(clock);
    this.document = new CacheStore(clock);
  }

  user(email: string): CacheStore {
    let cache = this.#users.get(email);
    if (!cache) {
      cache = new CacheStore(this.#clock);
      this.#users.set(email, cache);
    }
    return cache;
  }
}

/**
 * The CacheService global of one execution. `document` is the cache of the spreadsheet the
 * execution is bound to; null outside a document, where Apps Script answers null.
 */
export function createCacheService(
  caches: CacheStores,
  exec: Execution,
  document: CacheStore | null = caches.document,
) {
  return {
    getScriptCache() {
      exec.guard("CacheService.getScriptCache", "cache", COST_MS.cacheCall);
      return createCache(caches.script, exec);
    },
    getDocumentCache() {
      exec.guard("CacheService.getDocumentCache", "cache", COST_MS.cacheCall);
      // Typed as present: only an execution bound to no document sees the null.
      if (document === null) return null as unknown as ReturnType<typeof createCache>;
      return createCache(document, exec);
    },
    getUserCache() {
      exec.guard("CacheService.getUserCache", "cache", COST_MS.cacheCall);
      // Like user properties, a custom function reaches the owner's user cache.
      return createCache(caches.user(storeUser(exec)), exec);
    },
    toString: () => "CacheService",
  };
}

function createCache(store: CacheStore, exec: Execution) {
  const checkKey = (key: unknown): string => {
    const text = String(key);
    if (text.length > CACHE_LIMITS.keyChars) exec.fail(CACHE_ERRORS.keyTooLarge);
    return text;
  };
  const checkValue = (value: unknown): string => {
    // Observed: any value is accepted and stored as its string form.
    const text = String(value);
    if (utf8Length(text) > CACHE_LIMITS.valueBytes) exec.fail(CACHE_ERRORS.valueTooLarge);
    return text;
  };
  const keyList = (method: string, keys: unknown): string[] => {
    if (!Array.isArray(keys)) throw signatureError(exec, method, [keys]);
    return keys.map(checkKey);
  };

  return {
    get(key: unknown): string | null {
      exec.guard("Cache.get", "cache", COST_MS.cacheCall);
      requireArgs(exec, "CacheService.Cache.get", [key], 1);
      return store.get(checkKey(key));
    },
    getAll(keys: unknown): Record<string, string> {
      exec.guard("Cache.getAll", "cache", COST_MS.cacheCall);
      const found: [string, string][] = [];
      for (const key of keyList("CacheService.Cache.getAll", keys)) {
        const value = store.get(key);
        if (value !== null) found.push([key, value]);
      }
      return realmObject(exec, found);
    },
    put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
      exec.guard("Cache.put", "cache", COST_MS.cacheCall);
      requireArgs(exec, "CacheService.Cache.put", [key, value], 2);
      store.put(checkKey(key), checkValue(value), expirationSeconds(expirationInSeconds));
    },
    putAll(values: unknown, expirationInSeconds?: unknown): void {
      exec.guard("Cache.putAll", "cache", COST_MS.cacheCall);
      if (values === null || typeof values !== "object") {
        throw signatureError(exec, "CacheService.Cache.putAll", [values]);
      }
      const seconds = expirationSeconds(expirationInSeconds);
      // All checked before any is stored, so a refused item leaves the cache as it was.
      const items = Object.entries(values).map(([key, value]): [string, string] => [
        checkKey(key),
        checkValue(value),
      ]);
      for (const [key, value] of items) store.put(key, value, seconds);
    },
    remove(key: unknown): void {
      exec.guard("Cache.remove", "cache", COST_MS.cacheCall);
      requireArgs(exec, "CacheService.Cache.remove", [key], 1);
      store.remove(checkKey(key));
    },
    removeAll(keys: unknown): void {
      exec.guard("Cache.removeAll", "cache", COST_MS.cacheCall);
      for (const key of keyList("CacheService.Cache.removeAll", keys)) store.remove(key);
    },
    toString: () => "Cache",
  };
}

/**
 * Seconds an entry lives. Documented: 1 to 21,600, default 600. Observed: a negative value is
 * accepted rather than refused, so it falls back to the default here; a value above the
 * documented maximum is held to the maximum, which is the longest Apps Script keeps anything.
 */
function expirationSeconds(value: unknown): number {
  if (value === undefined || value === null) return CACHE_LIMITS.defaultSeconds;
  const seconds = Math.trunc(Number(value));
  if (!Number.isFinite(seconds) || seconds < 1) return CACHE_LIMITS.defaultSeconds;
  return Math.min(seconds, CACHE_LIMITS.maxSeconds);
}
