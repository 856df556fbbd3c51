// The API keys and the daily credit cap, kept in the document's properties so that custom functions
// and scheduled refreshes work for every editor. A key is never answered whole: only a hint of its end.

import { message } from "../../shared/messages/index.js";
import type { SourceName } from "../../shared/query/types.js";
import { type KeySetting, SOURCES } from "../../shared/sources.js";
import { AddonError } from "../errors.js";
import type { PropertyStore } from "../platform/types.js";

export interface KeyStatus {
  readonly set: boolean;
  /** The key's last characters, at most four and never the whole key; "" when not set. */
  readonly hint: string;
}

export interface SettingsView {
  readonly keyapiKey: KeyStatus;
  readonly fastmossToken: KeyStatus;
  /** KeyAPI credits the document may spend a day; absent when there is no cap. */
  readonly dailyCreditCap?: number;
}

const PROPERTY: Readonly<Record<KeySetting, string>> = {
  keyapiKey: "tt.keyapiKey",
  fastmossToken: "tt.fastmossToken",
};
const MAX_KEY_LENGTH = 500;
const CAP_PROPERTY = "tt.dailyCreditCap";
const MAX_CAP = 1_000_000;

/** At most four characters, and never more than half the key. */
export function keyHint(key: string): string {
  return key.slice(key.length - Math.min(4, Math.floor(key.length / 2)));
}

export function readSettings(store: PropertyStore): SettingsView {
  const status = (setting: KeySetting): KeyStatus => {
    const key = store.get(PROPERTY[setting]) ?? "";
    return { set: key !== "", hint: keyHint(key) };
  };
  const cap = readCreditCap(store);
  return {
    keyapiKey: status("keyapiKey"),
    fastmossToken: status("fastmossToken"),
    ...(cap === undefined ? {} : { dailyCreditCap: cap }),
  };
}

/** The daily KeyAPI credit cap; undefined when none is set. */
export function readCreditCap(store: PropertyStore): number | undefined {
  const cap = Number(store.get(CAP_PROPERTY) ?? "");
  return Number.isInteger(cap) && cap > 0 ? cap : undefined;
}

/** A cap as given: a whole number, or "" / 0 for none (answers 0); anything else is an error. */
function capOf(value: unknown): number {
  const text = typeof value === "string" ? value.trim().replace(/[,\s]/g, "") : value;
  const cap =
    text === ""
      ? 0
      : typeof text === "number" || typeof text === "string"
        ? Number(text)
        : Number.NaN;
  if (!Number.isInteger(cap) || cap < 0 || cap > MAX_CAP) {
    throw new AddonError("INVALID_ARGUMENT", message("credits.capInvalid"));
  }
  return cap;
}

/**
 * Stores the keys and the cap given; an empty string removes one (a cap of 0 too); absent ones are
 * left as they are. Everything is checked before anything is stored.
 */
export function saveKeys(store: PropertyStore, input: unknown): SettingsView {
  const given =
    typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const changes: [KeySetting, string][] = [];
  for (const setting of Object.keys(PROPERTY) as KeySetting[]) {
    const value = given[setting];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string") {
      throw new AddonError("INVALID_ARGUMENT", message("settings.notText", { name: setting }));
    }
    const key = value.trim();
    if (key.length > MAX_KEY_LENGTH || /\s/.test(key)) {
      throw new AddonError("INVALID_ARGUMENT", message("settings.malformed", { name: setting }));
    }
    changes.push([setting, key]);
  }
  const cap = given.dailyCreditCap == null ? undefined : capOf(given.dailyCreditCap);
  if (cap === 0) store.delete(CAP_PROPERTY);
  else if (cap !== undefined) store.set(CAP_PROPERTY, String(cap));
  for (const [setting, key] of changes) {
    if (key === "") store.delete(PROPERTY[setting]);
    else store.set(PROPERTY[setting], key);
  }
  return readSettings(store);
}

/** The key or token for a source; "" when none is set. */
export function keyFor(store: PropertyStore, source: SourceName): string {
  return store.get(PROPERTY[SOURCES[source].keySetting]) ?? "";
}
