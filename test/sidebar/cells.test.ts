// Preview cells read as the sheet would show them.

import { describe, expect, it } from "vitest";
import { cellText } from "../../src/sidebar/preview/cells.js";

describe("cellText", () => {
  it.each([
    [1234567, "count", "1,234,567"],
    [0.0512, "ratio", "5.12%"],
    [0.5, "ratio", "50%"],
    [244052.07, "money", "244,052.07"],
    [12.5, "money", "12.50"],
    [2.625, "number", "2.63"],
    [42, "text", "42"],
    ["7234567890123456789", "text", "7234567890123456789"],
    ["0012345", "text", "0012345"],
    ["=SUM(A1)", "text", "=SUM(A1)"],
    ["n/a", "count", "n/a"],
    ["", "count", ""],
    [null, "text", ""],
    [true, "text", "TRUE"],
    [Number.NaN, "count", ""],
  ] as const)("%j as %s reads %j", (value, format, text) => {
    expect(cellText(value, format, "en", "UTC")).toBe(text);
  });

  it("shows a date as the day it is in the spreadsheet's time zone", () => {
    // Midnight in New York, sent by the server as an instant.
    // Written as the sheet writes dates, in either language: one format everywhere.
    expect(cellText("2025-08-16T04:00:00.000Z", "date", "en", "America/New_York")).toBe(
      "2025-08-16",
    );
    expect(cellText("2025-08-16T04:00:00.000Z", "date", "zh", "America/New_York")).toBe(
      "2025-08-16",
    );
    expect(cellText("2025-08-16T04:00:00.000Z", "date", "en", "Tokyo/Nowhere")).toBe("2025-08-16");
    expect(cellText("2025-08-15T20:00:00.000Z", "date", "en", "Asia/Tokyo")).toBe("2025-08-16");
    expect(cellText("soon", "date", "en", "UTC")).toBe("soon");
  });

  it("formats numbers the Chinese way too", () => {
    expect(cellText(0.0512, "ratio", "zh", "UTC")).toBe("5.12%");
    expect(cellText(1234567, "count", "zh", "UTC")).toBe("1,234,567");
  });
});
