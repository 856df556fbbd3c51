// UTF-8 byte counting and splitting, as cache limits count them.

import { describe, expect, it } from "vitest";
import { splitByUtf8Bytes, utf8Length } from "../../../src/server/http/utf8.js";

describe("utf8", () => {
  it.each([
    ["abc", 3],
    ["é", 2],
    ["达人", 6],
    ["😀", 4],
    ["a😀达", 8],
  ])("%s takes %i bytes", (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(utf8Length(text)).toBe(Buffer.byteLength(text));
  });

  it("splits into pieces within the limit without breaking characters", () => {
    const text = "达人😀abc".repeat(1000);
    const pieces = splitByUtf8Bytes(text, 1000);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) {
      expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(1000);
      expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});
