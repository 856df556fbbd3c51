// Lookups in the sidebar's catalogue, counts, and remembering the chosen language where storage
// may refuse.

import { describe, expect, it } from "vitest";
import {
  formatCount,
  rememberLocale,
  type StorageLike,
  storedLocale,
  t,
  tn,
} from "../../src/sidebar/i18n.js";

class MemoryStorage implements StorageLike {
  readonly values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

const refusing: StorageLike = {
  getItem() {
    throw new DOMException("denied", "SecurityError");
  },
  setItem() {
    throw new DOMException("denied", "SecurityError");
  },
};

describe("t", () => {
  it("fills placeholders in the language asked and leaves unknown ones visible", () => {
    expect(t("en", "save.saved", { name: "US beauty" })).toMatch(/^Saved “US beauty”\. /);
    expect(t("zh", "save.saved", { name: "US beauty" })).toMatch(/^已保存“US beauty”。/);
    expect(t("en", "save.saved")).toMatch(/^Saved “{name}”\. /);
  });
});

describe("tn", () => {
  it("chooses the singular or plural sentence and groups the count", () => {
    expect(tn("en", "saved.rows", 1)).toBe("1 row");
    expect(tn("en", "saved.rows", 12345)).toBe("12,345 rows");
    expect(tn("en", "saved.rows", 0)).toBe("0 rows");
    expect(tn("zh", "saved.rows", 1)).toBe("1 行");
    expect(formatCount("zh", 100000)).toBe("100,000");
  });
});

describe("the remembered language", () => {
  it("is read back after it is remembered", () => {
    const storage = new MemoryStorage();
    expect(storedLocale(storage)).toBeUndefined();
    rememberLocale(storage, "zh");
    expect(storedLocale(storage)).toBe("zh");
  });

  it("ignores anything but en and zh", () => {
    const storage = new MemoryStorage();
    storage.setItem("tt.sidebar.locale", "fr");
    expect(storedLocale(storage)).toBeUndefined();
  });

  it("is simply not remembered where storage refuses or is missing", () => {
    expect(() => rememberLocale(refusing, "zh")).not.toThrow();
    expect(storedLocale(refusing)).toBeUndefined();
    expect(() => rememberLocale(undefined, "en")).not.toThrow();
    expect(storedLocale(undefined)).toBeUndefined();
  });
});
