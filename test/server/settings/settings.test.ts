// Settings: keys stored in the document's properties, answered only as a hint.

import { describe, expect, it } from "vitest";
import { keyFor, keyHint, readSettings, saveKeys } from "../../../src/server/settings/settings.js";
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
