// How strings written by setValues become cells: Sheets' typed-input rules, and the two ways to
// keep text as text (the "@" format and a leading apostrophe).

import { describe, expect, it } from "vitest";
import { harness } from "./harness.js";

/** Writes one value into A1 of a fresh sheet (formatted `format` first) and reads it back. */
function roundTrip(value: unknown, format?: string) {
  const { sheet } = harness();
  const cell = sheet().getRange("A1");
  if (format) cell.setNumberFormat(format);
  cell.setValues([[value]]);
  return {
    value: cell.getValue(),
    formula: cell.getFormula(),
    display: cell.getDisplayValue(),
    format: cell.getNumberFormat(),
  };
}

describe("typed input (USER_ENTERED)", () => {
  it("turns number-like text into numbers, losing zeros and precision", () => {
    expect(roundTrip("0012345").value).toBe(12345);
    expect(roundTrip("6787580688797713413").value).toBe(6787580688797713000);
    expect(roundTrip("6787580688797713413").value).not.toBe("6787580688797713413");
    expect(roundTrip("-12.5").value).toBe(-12.5);
    expect(roundTrip("+7").value).toBe(7);
    expect(roundTrip(".5").value).toBe(0.5);
    expect(roundTrip(" 42 ").value).toBe(42);
    expect(roundTrip("1e3").value).toBe(1000);
  });

  it("reads thousands separators, percentages and currency, and formats the cell", () => {
    expect(roundTrip("1,234")).toMatchObject({ value: 1234, format: "#,##0", display: "1,234" });
    expect(roundTrip("50%")).toMatchObject({ value: 0.5, format: "0%", display: "50%" });
    expect(roundTrip("12.5%")).toMatchObject({ value: 0.125, format: "0.00%", display: "12.50%" });
    expect(roundTrip("$5")).toMatchObject({ value: 5, format: "$#,##0.00", display: "$5.00" });
    expect(roundTrip("-$1,234.5").value).toBe(-1234.5);
    expect(roundTrip("12,34").value).toBe("12,34");
  });

  it("reads TRUE and FALSE in any case as booleans", () => {
    expect(roundTrip("TRUE").value).toBe(true);
    expect(roundTrip("false").value).toBe(false);
    expect(roundTrip("False").display).toBe("FALSE");
    expect(roundTrip("truthy").value).toBe("truthy");
  });

  it("reads dates in ISO and US order as Dates in the spreadsheet's time zone", () => {
    const iso = roundTrip("2026-01-31");
    expect(iso.value).toBeInstanceOf(Date);
    expect((iso.value as Date).toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(iso.display).toBe("2026-01-31");
    const us = roundTrip("1/31/2026");
    expect((us.value as Date).toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(us.display).toBe("1/31/2026");
    expect(roundTrip("2026-02-30").value).toBe("2026-02-30");
    const { sheet, model } = harness({ timeZone: "Asia/Shanghai" });
    expect(model.timeZone).toBe("Asia/Shanghai");
    const cell = sheet().getRange("B2").setValue("2026-01-31 08:30");
    expect((cell.getValue() as Date).toISOString()).toBe("2026-01-31T00:30:00.000Z");
  });

  it("makes formulas of text that starts with =", () => {
    const result = roundTrip('=HYPERLINK("https://example.com")');
    expect(result.formula).toBe('=HYPERLINK("https://example.com")');
    expect(result.value).toBe("#N/A");
  });

  it("makes failing formulas of text led by +, - or @ that is not a number", () => {
    for (const text of ["+abc", "-abc", "@handle", "- item", "-"]) {
      const result = roundTrip(text);
      expect(result.value).toBe("#ERROR!");
      expect(result.display).toBe("#ERROR!");
      expect(result.formula).toBe(`=${text}`);
    }
  });

  it("keeps text with a leading apostrophe, without the apostrophe", () => {
    expect(roundTrip("'=1+1")).toMatchObject({ value: "=1+1", formula: "" });
    expect(roundTrip("'0012345").value).toBe("0012345");
    expect(roundTrip("'@handle").value).toBe("@handle");
  });

  it("stores any string verbatim in a cell formatted as plain text", () => {
    expect(roundTrip("=1+1", "@")).toMatchObject({ value: "=1+1", formula: "" });
    expect(roundTrip("+abc", "@").value).toBe("+abc");
    expect(roundTrip("@handle", "@").value).toBe("@handle");
    expect(roundTrip("0012345", "@").value).toBe("0012345");
    expect(roundTrip("TRUE", "@").value).toBe("TRUE");
    expect(roundTrip("2026-01-31", "@").value).toBe("2026-01-31");
    expect(roundTrip("'quoted", "@").value).toBe("'quoted");
  });

  it("keeps a 19-digit id as text, every digit, under @", () => {
    const { sheet } = harness();
    const ids = sheet().getRange(1, 1, 3, 1).setNumberFormat("@");
    ids.setValues([["6787580688797713413"], ["7000000000000000001"], ["0000000000000000042"]]);
    expect(ids.getValues()).toEqual([
      ["6787580688797713413"],
      ["7000000000000000001"],
      ["0000000000000000042"],
    ]);
    expect(ids.getDisplayValues()[0]).toEqual(["6787580688797713413"]);
  });

  it("round-trips CJK text and emoji", () => {
    const texts = [
      "李小龙",
      "達人ランキング",
      "크리에이터",
      "🔥🚀 best",
      "👩‍👩‍👧‍👦",
      "混合 mixed ✨",
    ];
    const { sheet } = harness();
    const range = sheet().getRange(1, 1, 1, texts.length);
    range.setValues([texts]);
    expect(range.getValues()).toEqual([texts]);
    expect(range.getDisplayValues()).toEqual([texts]);
  });
});

describe("script values", () => {
  it("keeps numbers, booleans and Dates whatever the format", () => {
    expect(roundTrip(12.5, "@").value).toBe(12.5);
    expect(roundTrip(true, "@").value).toBe(true);
    const date = new Date(Date.UTC(2026, 0, 31, 10, 30));
    expect(roundTrip(date, "@").value).toEqual(date);
    expect(roundTrip(date, "0.00").value).toEqual(date);
    expect(roundTrip(-0).value).toBe(0);
  });

  it("gives Dates written to automatic cells a date-time format", () => {
    const date = new Date(Date.UTC(2026, 0, 31, 10, 30, 5));
    expect(roundTrip(date)).toMatchObject({
      value: date,
      format: "M/d/yyyy H:mm:ss",
      display: "1/31/2026 10:30:05",
    });
  });

  it("empties cells for null, undefined and the empty string", () => {
    const { sheet } = harness();
    const row = sheet().getRange(1, 1, 1, 4);
    row.setValues([["x", null, undefined, ""]]);
    expect(row.getValues()).toEqual([["x", "", "", ""]]);
    expect(sheet().getLastColumn()).toBe(1);
  });

  it("applies the same rules to setValue, appendRow and every cell of a range", () => {
    const { sheet } = harness();
    const s = sheet();
    s.getRange("A1:B2").setValue("007");
    expect(s.getRange("A1:B2").getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    s.appendRow(["=1+1", "'=2", "-x"]);
    expect(s.getRange("A3:C3").getFormulas()).toEqual([["=1+1", "", "=-x"]]);
  });
});
