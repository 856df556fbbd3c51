// PropertiesService: string stores with chaining, the 9 KB and 500 KB limits, the daily quota,
// and the owner's user properties inside custom functions.

import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../dev/runtime/clock.js";
import {
  createPropertiesService,
  PROPERTY_LIMITS,
  PropertyStores,
} from "../../../../dev/runtime/services/properties.js";
import { makeExec, OWNER, START, thrown } from "./helpers.js";

function setup(options: Parameters<typeof makeExec>[0] = {}, stores = new PropertyStores()) {
  const clock = options.clock ?? new VirtualClock(START);
  const exec = makeExec({ ...options, clock });
  return { clock, exec, stores, service: createPropertiesService(stores, exec) };
}

describe("a properties store", () => {
  it("sets, reads, chains and deletes", () => {
    const { service, stores } = setup();
    const props = service.getDocumentProperties();
    expect(props.setProperty("a", "1").setProperty("n", 7 as unknown as string)).toBe(props);
    expect(props.getProperty("a")).toBe("1");
    expect(props.getProperty("n")).toBe("7");
    expect(props.getProperty("missing")).toBeNull();
    props.setProperties({ b: "2", c: "3" });
    expect(props.getProperties()).toEqual({ a: "1", n: "7", b: "2", c: "3" });
    expect(props.getKeys().sort()).toEqual(["a", "b", "c", "n"]);
    props.setProperties({ only: "this" }, true);
    expect(props.getProperties()).toEqual({ only: "this" });
    props.deleteProperty("only").setProperty("x", "y");
    expect(stores.document.entries()).toEqual([["x", "y"]]);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it("refuses a value over 9 KB", () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    props.setProperty("max", "v".repeat(PROPERTY_LIMITS.valueBytes));
    expect(
      thrown(() => props.setProperty("big", "v".repeat(PROPERTY_LIMITS.valueBytes + 1))),
    ).toEqual({
      name: "Exception",
      message: "Argument too large: value",
    });
    expect(thrown(() => props.setProperties({ ok: "1", big: "é".repeat(4609) })).message).toBe(
      "Argument too large: value",
    );
    expect(props.getProperty("ok")).toBeNull();
  });

  it("refuses a write that takes the store past 500 KB, and keeps the store as it was", () => {
    const { service, stores } = setup();
    const props = service.getDocumentProperties();
    const value = "v".repeat(9_000);
    let written = 0;
    const error = thrown(() => {
      for (;;) {
        props.setProperty(`key-${String(written).padStart(3, "0")}`, value);
        written++;
      }
    });
    expect(error.message).toBe(
      "You have exceeded the property storage quota. Please remove some properties and try again.",
    );
    expect(written).toBe(56); // 56 × (7 + 9,000) bytes fit in 512,000; a 57th doesn't
    expect(stores.document.size()).toBeLessThanOrEqual(PROPERTY_LIMITS.storeBytes);
    expect(props.getProperty("key-056")).toBeNull();
    // Overwriting counts the new size, not both.
    props.setProperty("key-000", "small");
    props.setProperty("key-056", value);
  });

  it("counts 50,000 reads and writes per user per day", () => {
    const { service, stores, clock } = setup();
    const props = service.getUserProperties();
    stores.quota.consume(OWNER, PROPERTY_LIMITS.callsPerDay - 1, clock.now());
    props.setProperty("last", "1");
    expect(thrown(() => props.getProperty("last")).message).toBe(
      "Service invoked too many times for one day: properties.",
    );
    clock.advance(24 * 3_600_000);
    const tomorrow = setup({ clock }, stores).service.getUserProperties();
    expect(tomorrow.getProperty("last")).toBe("1");
  });
});

describe("PropertiesService", () => {
  it("inside a custom function, user properties are the spreadsheet owner's", () => {
    const stores = new PropertyStores();
    stores.user(OWNER).set("apiKey", "owner-key");
    stores.user("editor@example.com").set("apiKey", "editor-key");
    const inCell = setup({ kind: "customFunction", user: "editor@example.com" }, stores);
    const props = inCell.service.getUserProperties();
    expect(props.getProperty("apiKey")).toBe("owner-key");
    // Editors reach the owner's properties but can't change them.
    expect(thrown(() => props.setProperty("apiKey", "x")).message).toBe(
      "You do not have permission to call Properties.setProperty",
    );
    const fromSidebar = setup({ kind: "serverCall", user: "editor@example.com" }, stores);
    expect(fromSidebar.service.getUserProperties().getProperty("apiKey")).toBe("editor-key");
  });

  it("keeps the stores across executions", () => {
    const stores = new PropertyStores();
    setup({}, stores).service.getDocumentProperties().setProperty("k", "v");
    expect(
      setup({ kind: "customFunction" }, stores).service.getDocumentProperties().getProperty("k"),
    ).toBe("v");
  });

  it("is refused in AuthMode.NONE and allowed in LIMITED", () => {
    expect(
      thrown(() =>
        setup({ authMode: "NONE", kind: "simpleTrigger" }).service.getDocumentProperties(),
      ),
    ).toEqual({
      name: "Exception",
      message: "You do not have permission to call PropertiesService.getDocumentProperties",
    });
    setup({ authMode: "LIMITED", kind: "simpleTrigger" }).service.getDocumentProperties().getKeys();
  });

  it("charges each call to the clock", () => {
    const { service, clock } = setup();
    service.getScriptProperties().setProperty("a", "1").getProperty("a");
    expect(clock.now() - START).toBe(3 * 5);
  });
});
