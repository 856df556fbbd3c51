// The sidebar's own catalogue: both languages say the same things with the same placeholders.

import { describe, expect, it } from "vitest";
import { en, zh } from "../../src/sidebar/messages.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const ids = Object.keys(en) as (keyof typeof en)[];

describe("sidebar message catalogue", () => {
  it("has the same ids in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual([...ids].sort());
  });

  it.each(ids)("%s: Chinese has the English placeholders and is translated", (id) => {
    expect(placeholders(zh[id])).toEqual(placeholders(en[id]));
    expect(zh[id]).not.toBe(en[id]);
    expect(zh[id].trim()).not.toBe("");
  });

  it("gives every counted sentence both forms", () => {
    for (const id of ids) {
      const counted = /^(.*)\.(one|other)$/.exec(id);
      if (!counted) continue;
      expect(ids).toContain(`${counted[1]}.one`);
      expect(ids).toContain(`${counted[1]}.other`);
    }
  });
});
