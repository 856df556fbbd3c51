// Lenient JSON: long integer ids survive as text; everything else parses as JSON does.

import { describe, expect, it } from "vitest";
import { parseApiJson, quoteLongIntegers } from "../../../src/server/http/json.js";

describe("parseApiJson", () => {
  it.each([
    ['{"user_id": 6787580688797713413}', { user_id: "6787580688797713413" }],
    ['{"ids": [-6787580688797713413, 12]}', { ids: ["-6787580688797713413", 12] }],
    ['{"n": 123456789012345}', { n: 123456789012345 }],
    [
      '{"ratio": 0.12345678901234567, "big": 1.5e300}',
      { ratio: Number("0.12345678901234567"), big: 1.5e300 },
    ],
    [
      '{"text": "6787580688797713413 \\" 99999999999999999"}',
      { text: '6787580688797713413 " 99999999999999999' },
    ],
    ['{"a":"x\\\\","b":12345678901234567890}', { a: "x\\", b: "12345678901234567890" }],
  ])("reads %s", (body, value) => {
    expect(parseApiJson(body)).toEqual(value);
  });

  it.each(["<html><body>502 Bad Gateway</body></html>", '{"code": 0, "data": [', ""])(
    "answers undefined for what isn't JSON: %j",
    (body) => {
      expect(parseApiJson(body)).toBeUndefined();
    },
  );

  it("leaves a body with no long integers untouched", () => {
    const body = '{"a": [1, 2.5, -3], "b": "1234567890123456789"}';
    expect(quoteLongIntegers(body)).toBe(body);
  });
});
