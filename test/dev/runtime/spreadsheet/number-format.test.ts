// Display values: what a cell shows under each number format the add-on uses, and the automatic one.

import { describe, expect, it } from "vitest";
import { formatForDisplay } from "../../../../dev/runtime/spreadsheet/index.js";
import { harness } from "./harness.js";

function shown(value: unknown, format?: string, timeZone = "Etc/UTC"): string {
  const { sheet } = harness({ timeZone });
  const cell = sheet().getRange("C3");
  if (format !== undefined) cell.setNumberFormat(format);
  cell.setValue(value);
  return cell.getDisplayValue();
}

describe("number formats", () => {
  it.each([
    [1234.567, "0", "1235"],
    [1234.567, "#,##0", "1,235"],
    [1234.5, "0.00", "1234.50"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [0.12345, "0.00%", "12.35%"],
    [0.5, "0%", "50%"],
    [1234.5, "$#,##0.00", "$1,234.50"],
    [-1234.5, "$#,##0.00", "-$1,234.50"],
    [-3, "0", "-3"],
    [0, "#,##0.00", "0.00"],
    [0.5, "#.##", ".5"],
    [5, "0.00;(0.00)", "5.00"],
    [-5, "0.00;(0.00)", "(5.00)"],
    [0, '0;-0;"zero"', "zero"],
    [12345.678, "0.00E+00", "1.23E+04"],
    [42, '0 "pcs"', "42 pcs"],
    [6787580688797713000, "0", "6787580688797710000"],
  ])("shows %s under %s as %s", (value, format, expected) => {
    expect(shown(value, format)).toBe(expected);
  });

  it("shows numbers in the automatic format", () => {
    expect(shown(1234.5)).toBe("1234.5");
    expect(shown(0.1 + 0.2)).toBe("0.3");
    expect(shown(1 / 3)).toBe("0.3333333333");
    expect(shown(123456789012)).toBe("123456789012");
    expect(shown(6787580688797713000)).toBe("6.78758E+18");
    expect(shown(true)).toBe("TRUE");
  });

  it("shows dates in the spreadsheet's time zone", () => {
    const instant = new Date(Date.UTC(2026, 0, 31, 23, 45, 7));
    expect(shown(instant, "yyyy-mm-dd")).toBe("2026-01-31");
    expect(shown(instant, "yyyy-mm-dd hh:mm")).toBe("2026-01-31 23:45");
    expect(shown(instant, "yyyy-mm-dd hh:mm", "Asia/Shanghai")).toBe("2026-02-01 07:45");
    expect(shown(instant, "yyyy-mm-dd hh:mm", "America/New_York")).toBe("2026-01-31 18:45");
    expect(shown(instant, "M/d/yyyy h:mm am/pm")).toBe("1/31/2026 11:45 PM");
    expect(shown(instant, "dddd, mmmm d")).toBe("Saturday, January 31");
    expect(shown(instant, "mmm d, yyyy")).toBe("Jan 31, 2026");
    expect(shown(instant, "hh:mm:ss")).toBe("23:45:07");
  });

  it("reads numbers in a date format as Dates, and shows them as dates", () => {
    const { sheet } = harness();
    const cell = sheet().getRange("A1").setNumberFormat("yyyy-mm-dd").setValue(46053);
    expect(cell.getDisplayValue()).toBe("2026-01-31");
    expect((cell.getValue() as Date).toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });

  it("shows text as it is, whatever the format", () => {
    expect(shown("abc", "0.00")).toBe("abc");
    expect(shown("0012", "@")).toBe("0012");
    expect(shown(12.5, "@")).toBe("12.5");
  });

  it("is available to the playground without a sheet", () => {
    expect(formatForDisplay(1234.5, "#,##0.00", "Etc/UTC")).toBe("1,234.50");
    expect(formatForDisplay(undefined, "0", "Etc/UTC")).toBe("");
  });
});
