// JSON values under a name prefix in a property store: how jobs and saved queries are kept. A
// damaged entry reads as missing rather than failing the others; a full store is a coded error
// that says so, not Google's bare quota message.

import { message } from "../../shared/messages/index.js";
import { AddonError, describeError, isPropertyStoreFull } from "../errors.js";
import type { PropertyStore } from "./types.js";

export class JsonStore<T> {
  readonly #properties: PropertyStore;
  readonly #prefix: string;

  constructor(properties: PropertyStore, prefix: string) {
    this.#properties = properties;
    this.#prefix = prefix;
  }

  load(id: string): T | undefined {
    return this.#parse(this.#properties.get(this.#prefix + id));
  }

  save(id: string, value: T): void {
    try {
      this.#properties.set(this.#prefix + id, JSON.stringify(value));
    } catch (error) {
      if (!isPropertyStoreFull(error)) throw error;
      throw new AddonError(
        "STORAGE_FULL",
        message("storage.full", { detail: describeError(error).slice(0, 120) }),
        { cause: error },
      );
    }
  }

  /** True when there was something to delete. */
  delete(id: string): boolean {
    const existed = this.#properties.get(this.#prefix + id) !== null;
    this.#properties.delete(this.#prefix + id);
    return existed;
  }

  /** Every value, with its id. */
  entries(): [string, T][] {
    const found: [string, T][] = [];
    for (const [name, json] of Object.entries(this.#properties.list(this.#prefix))) {
      const value = this.#parse(json);
      if (value !== undefined) found.push([name.slice(this.#prefix.length), value]);
    }
    return found;
  }

  #parse(json: string | null): T | undefined {
    if (!json) return undefined;
    try {
      return JSON.parse(json) as T;
    } catch {
      return undefined;
    }
  }
}
