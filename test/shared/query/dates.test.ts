// FastMoss's period: always explicit; the latest period complete everywhere when the user names
// none; the user's own refused only while it is not over even in UTC+14.

import { describe, expect, it } from "vitest";
import { CONTEXT, fastmoss, messagesOf, NOW, onlyIssue, valid } from "./helpers.js";

const dateOf = (filters: [unknown, unknown][], context = CONTEXT) =>
  valid(fastmoss(filters, {}, context)).query;

const at = (iso: string) => ({ ...CONTEXT, now: Date.parse(iso) });

describe("the period picked for the user", () => {
  it.each([
    ["2026-03-10T13:00:00Z", "day", "2026-03-09"],
    ["2026-03-10T11:59:00Z", "day", "2026-03-08"],
    ["2026-03-10T12:00:00Z", "day", "2026-03-09"],
    ["2026-03-10T13:00:00Z", "week", "2026-10"],
    ["2026-03-09T11:59:00Z", "week", "2026-09"],
    ["2026-03-09T12:00:00Z", "week", "2026-10"],
    ["2026-01-05T12:00:00Z", "week", "2026-01"],
    ["2026-01-05T11:00:00Z", "week", "2025-52"],
    ["2026-03-10T13:00:00Z", "month", "2026-02"],
    ["2026-03-01T11:00:00Z", "month", "2026-01"],
    ["2026-03-01T12:00:00Z", "month", "2026-02"],
    ["2026-01-01T12:00:00Z", "month", "2025-12"],
  ])("at %s, %s is %s: over in UTC−12", (now, type, value) => {
    expect(dateOf([["date_type", type]], at(now))).toMatchObject({
      date: { type, value },
      filters: {},
    });
  });

  it("with neither date_type nor date_value, the latest complete day", () => {
    expect(dateOf([])).toMatchObject({ date: { type: "day", value: "2026-03-09" } });
  });
});

describe("the period the user names", () => {
  it.each([
    [[["date_value", "2026-03-01"]], "day", "2026-03-01"],
    [
      [
        ["date_type", "day"],
        ["date_value", " 2026-03-01 "],
      ],
      "day",
      "2026-03-01",
    ],
    [
      [
        ["date_type", "WEEK"],
        ["date_value", "2026-08"],
      ],
      "week",
      "2026-08",
    ],
    [
      [
        ["date_type", "week"],
        ["date_value", "2020-53"],
      ],
      "week",
      "2020-53",
    ],
    [
      [
        ["date_type", "week"],
        ["date_value", "2026-03-01"],
      ],
      "week",
      "2026-09",
    ],
    [
      [
        ["date_type", "month"],
        ["date_value", "2026-02"],
      ],
      "month",
      "2026-02",
    ],
    [
      [
        ["date_type", "month"],
        ["date_value", "2026-02-14"],
      ],
      "month",
      "2026-02",
    ],
    [[["date_value", "2026-03-10"]], "day", "2026-03-10"],
    [
      [
        ["date_type", "week"],
        ["date_value", "2026-10"],
      ],
      "week",
      "2026-10",
    ],
  ])("%j → %s %s", (filters, type, value) => {
    expect(dateOf(filters as [unknown, unknown][])).toMatchObject({ date: { type, value } });
  });

  it.each([
    ["Europe/Paris", "day", "2026-02-01"],
    ["America/New_York", "day", "2026-01-31"],
    ["Europe/Paris", "month", "2026-02"],
    ["America/New_York", "month", "2026-01"],
    ["Asia/Shanghai", "week", "2026-05"],
    ["Not/A_Zone", "day", "2026-01-31"],
  ])("a date cell is read in the spreadsheet's zone %s (%s → %s)", (timeZone, type, value) => {
    const cell = new Date("2026-01-31T23:30:00Z");
    const filters: [unknown, unknown][] = [["date_value", cell]];
    if (type !== "day") filters.push(["date_type", type]);
    expect(dateOf(filters, { ...CONTEXT, timeZone })).toMatchObject({ date: { type, value } });
  });

  it("Asia/Shanghai 2026-03-01 23:30 UTC is Monday the 2nd, in ISO week 10", () => {
    const filters: [unknown, unknown][] = [
      ["date_value", new Date("2026-03-01T23:30:00Z")],
      ["date_type", "week"],
    ];
    expect(dateOf(filters, { ...CONTEXT, timeZone: "Asia/Shanghai" })).toMatchObject({
      date: { value: "2026-10" },
    });
  });
});

describe("refused periods", () => {
  it.each([
    [[["date_value", "2026-02"]], "date.needsType"],
    [[["date_value", "March"]], "date.any"],
    [[["date_value", "2026-W08"]], "date.any"],
    [[["date_value", 46082]], "date.any"],
    [[["date_value", "2026-02-30"]], "date.any"],
    [
      [
        ["date_type", "day"],
        ["date_value", "2026-02"],
      ],
      "date.day",
    ],
    [
      [
        ["date_type", "day"],
        ["date_value", "2026-3-1"],
      ],
      "date.day",
    ],
    [
      [
        ["date_type", "week"],
        ["date_value", "2025-53"],
      ],
      "date.week",
    ],
    [
      [
        ["date_type", "week"],
        ["date_value", "2026-00"],
      ],
      "date.week",
    ],
    [
      [
        ["date_type", "month"],
        ["date_value", "2026-13"],
      ],
      "date.month",
    ],
    [
      [
        ["date_type", "month"],
        ["date_value", "Feb"],
      ],
      "date.month",
    ],
    [[["date_value", new Date(Number.NaN)]], "date.any"],
    [[["date_value", [["2026-03-01", "2026-03-02"]]]], "argument.notSingle"],
  ])("%j: %s", (filters, id) => {
    const issue = onlyIssue(fastmoss(filters as [unknown, unknown][]));
    expect(issue).toMatchObject({ parameter: "date_value", id });
  });

  it("a bad date_type does not also blame date_value", () => {
    const issue = onlyIssue(
      fastmoss([
        ["date_type", "year"],
        ["date_value", "2026-02"],
      ]),
    );
    expect(issue).toMatchObject({ parameter: "date_type", id: "filter.enum" });
  });

  it.each([
    ["day", "2026-03-11", "2026-03-09"],
    ["day", "2027-01-01", "2026-03-09"],
    ["week", "2026-11", "2026-10"],
    ["month", "2026-03", "2026-02"],
  ])(
    "a %s not over even in UTC+14 (%s) names the latest complete one (%s)",
    (type, value, latest) => {
      const result = fastmoss([
        ["date_type", type],
        ["date_value", value],
      ]);
      expect(onlyIssue(result)).toMatchObject({
        parameter: "date_value",
        id: "date.incomplete",
        params: { latest },
      });
      expect(messagesOf(result)[0]).toBe(
        `date_value "${value}" is not over yet: FastMoss ranks completed periods only; the latest complete one is ${latest}.`,
      );
    },
  );

  it("says so in Chinese too", () => {
    expect(messagesOf(fastmoss([["date_value", "2026-03-11"]]), "zh")[0]).toBe(
      'date_value "2026-03-11" 所在的周期尚未结束：FastMoss 只对已结束的周期排名，最近一个已结束的周期是 2026-03-09。',
    );
  });

  it("the clock in these tests is Tuesday 10 March 2026, 13:00 UTC", () => {
    expect(new Date(NOW).toISOString()).toBe("2026-03-10T13:00:00.000Z");
  });
});
