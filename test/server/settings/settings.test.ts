// Settings: keys stored in the document's properties, answered only as a hint.

import { describe, expect, it } from "vitest";
import {
  keyFor,
  keyHint,
  readCreditCap,
  readSettings,
  saveKeys,
} from "../../../src/server/settings/settings.js";
import { memoryProperties } from "../http/fakes.js";

describe("settings", () => {
  it("stores trimmed keys, answers hints, and removes a key given as an empty string", () => {
    const store = memoryProperties();
    expect(
      saveKeys(store, { keyapiKey: "  kapi-1234567890abcd ", fastmossToken: "fm-token-wxyz" }),
    ).toEqual({
      keyapiKey: { set: true, hint: "abcd" },
      fastmossToken: { set: true, hint: "wxyz" },
    });
    expect(keyFor(store, "keyapi")).toBe("kapi-1234567890abcd");
    expect(saveKeys(store, { fastmossToken: "" })).toEqual({
      keyapiKey: { set: true, hint: "abcd" },
      fastmossToken: { set: false, hint: "" },
    });
    expect(keyFor(store, "fastmoss")).toBe("");
    expect(readSettings(store).keyapiKey.set).toBe(true);
  });

  it.each([
    ["abcdefghij", "ghij"],
    ["abcdef", "def"],
    ["abcd", "cd"],
    ["ab", "b"],
    ["a", ""],
    ["", ""],
  ])("never hints the whole key: %s → %s", (key, hint) => {
    expect(keyHint(key)).toBe(hint);
  });

  it.each([
    [{ keyapiKey: 12345 }, /keyapiKey must be text/],
    [{ keyapiKey: "two words" }, /doesn't look like a key/],
    [{ fastmossToken: "x".repeat(501) }, /over 500 characters/],
  ])("refuses %j and changes nothing", (input, problem) => {
    const store = memoryProperties();
    saveKeys(store, { keyapiKey: "existing-key" });
    expect(() => saveKeys(store, input)).toThrow(problem);
    expect(keyFor(store, "keyapi")).toBe("existing-key");
  });
});

describe("the daily credit cap", () => {
  it("is saved as a whole number, answered by readSettings, and removed by an empty string or 0", () => {
    const store = memoryProperties();
    expect(readSettings(store).dailyCreditCap).toBeUndefined();
    expect(saveKeys(store, { dailyCreditCap: 50 }).dailyCreditCap).toBe(50);
    expect(saveKeys(store, { dailyCreditCap: "1,200" }).dailyCreditCap).toBe(1200);
    expect(readCreditCap(store)).toBe(1200);
    // Keys are left as they are when only the cap is given.
    expect(saveKeys(store, { keyapiKey: "kapi-1234567890abcd" }).dailyCreditCap).toBe(1200);
    expect(saveKeys(store, { dailyCreditCap: "" }).dailyCreditCap).toBeUndefined();
    saveKeys(store, { dailyCreditCap: 10 });
    expect(saveKeys(store, { dailyCreditCap: 0 }).dailyCreditCap).toBeUndefined();
  });

  it("refuses a cap that is not a whole number of credits, storing nothing", () => {
    const store = memoryProperties();
    for (const bad of [-1, 2.5, "ten", true, 2_000_000, {}]) {
      expect(() =>
        saveKeys(store, { keyapiKey: "kapi-1234567890abcd", dailyCreditCap: bad }),
      ).toThrow(/dailyCreditCap must be a whole number/);
    }
    expect(store.values.size).toBe(0);
  });
});
