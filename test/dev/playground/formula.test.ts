// Reading formulas typed in a cell into the arguments Sheets hands a custom function.

import { describe, expect, it } from "vitest";
import { FormulaSyntaxError, parseFormulaCall } from "../../../dev/playground/formula.js";

describe("parseFormulaCall", () => {
  it.each([
    ['=TT_COLUMNS("keyapi")', { name: "TT_COLUMNS", args: ["keyapi"] }],
    ["=tt_columns( )", { name: "TT_COLUMNS", args: [] }],
    [
      '=TT_INFLUENCERS("US", 50, "min_total_followers_cnt", 100000, "min_interaction_rate", 5%)',
      {
        name: "TT_INFLUENCERS",
        args: ["US", 50, "min_total_followers_cnt", 100000, "min_interaction_rate", 0.05],
      },
    ],
    [
      '=TT_INFLUENCERS("US", , "show_case_flag", TRUE)',
      { name: "TT_INFLUENCERS", args: ["US", "", "show_case_flag", true] },
    ],
    ['=X("say ""hi""", -1.5e3)', { name: "X", args: ['say "hi"', -1500] }],
    [
      '=X({"a", 1; "b", 2})',
      {
        name: "X",
        args: [
          [
            ["a", 1],
            ["b", 2],
          ],
        ],
      },
    ],
  ])("reads %s", (formula, call) => {
    expect(parseFormulaCall(formula)).toEqual(call);
  });

  it("resolves cell references through the resolver", () => {
    const call = parseFormulaCall("=X(A1, B2:C3)", (reference) =>
      reference === "A1" ? "US" : [[reference]],
    );
    expect(call).toEqual({ name: "X", args: ["US", [["B2:C3"]]] });
  });

  it("answers undefined for text that is not a function call", () => {
    expect(parseFormulaCall("hello")).toBeUndefined();
    expect(parseFormulaCall("=1+2")).toBeUndefined();
  });

  it.each(['=X("open', "=X(1 2)", "=X(1) extra", "=X({1, 2; 3})", "=X(A1)"])(
    "refuses %s",
    (formula) => {
      expect(() => parseFormulaCall(formula)).toThrow(FormulaSyntaxError);
    },
  );
});
