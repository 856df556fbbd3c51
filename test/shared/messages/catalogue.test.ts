// The message catalogue: both languages say the same things with the same placeholders.

import { describe, expect, it } from "vitest";
import { localeFrom, MESSAGE_IDS, message } from "../../../src/shared/messages/index.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogue", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(message("source.unknown", { value: "tiktok" })).toBe(
      'source must be "keyapi" or "fastmoss", not "tiktok".',
    );
    expect(message("source.unknown")).toContain("{value}");
    expect(message("source.unknown", { value: "x" }, "zh")).toContain('"x"');
  });

  it.each(MESSAGE_IDS)("%s: Chinese has the English placeholders and is translated", (id) => {
    expect(placeholders(message(id, {}, "zh"))).toEqual(placeholders(message(id, {}, "en")));
    expect(message(id, {}, "zh")).not.toBe(message(id, {}, "en"));
  });

  it("chooses Chinese for zh locales and English otherwise", () => {
    expect(localeFrom("zh_CN")).toBe("zh");
    expect(localeFrom("zh-TW")).toBe("zh");
    expect(localeFrom("en_US")).toBe("en");
    expect(localeFrom("")).toBe("en");
    expect(localeFrom(undefined)).toBe("en");
  });
});
