// Parses a call of the add-on's custom functions as typed in a cell — =TT_INFLUENCERS("US", 50,
// "min_total_followers_cnt", 100000) — into a name and the arguments Sheets would hand over:
// strings, numbers, booleans, "" for blanks, 2-D arrays for {…} literals and cell ranges.

export type FormulaValue = string | number | boolean | FormulaValue[][];

export interface FormulaCall {
  readonly name: string;
  readonly args: FormulaValue[];
}

/** Answers the values of a cell reference such as "A1" or "B2:C4" (2-D for ranges). */
export type ReferenceResolver = (reference: string) => FormulaValue;

export class FormulaSyntaxError extends Error {
  override readonly name = "FormulaSyntaxError";
}

const REFERENCE = /^(?:'[^']+'!|[A-Za-z_][\w ]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/;

/** Parses `=NAME(args…)`; answers undefined when the text is not a function call. */
export function parseFormulaCall(
  text: string,
  resolve: ReferenceResolver = (reference) => {
    throw new FormulaSyntaxError(`cell references such as ${reference} are not available here`);
  },
): FormulaCall | undefined {
  const match = /^\s*=\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(text);
  if (!match) return undefined;
  const reader = new Reader(text, match[0].length, resolve);
  const args = reader.arguments();
  reader.skipSpaces();
  if (!reader.atEnd()) throw new FormulaSyntaxError(`unexpected text after ")": ${reader.rest()}`);
  return { name: match[1]!.toUpperCase(), args };
}

class Reader {
  #position: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly resolve: ReferenceResolver,
  ) {
    this.#position = start;
  }

  atEnd(): boolean {
    return this.#position >= this.text.length;
  }

  rest(): string {
    return this.text.slice(this.#position);
  }

  skipSpaces(): void {
    while (/\s/.test(this.text[this.#position] ?? "")) this.#position++;
  }

  /** The arguments up to the closing parenthesis; an empty slot is a blank (""). */
  arguments(): FormulaValue[] {
    const args: FormulaValue[] = [];
    this.skipSpaces();
    if (this.text[this.#position] === ")") {
      this.#position++;
      return args;
    }
    for (;;) {
      this.skipSpaces();
      const next = this.text[this.#position];
      args.push(next === "," || next === ")" ? "" : this.value());
      this.skipSpaces();
      const separator = this.text[this.#position++];
      if (separator === ")") return args;
      if (separator !== ",") throw new FormulaSyntaxError(`expected "," or ")" in ${this.text}`);
    }
  }

  value(): FormulaValue {
    const rest = this.rest();
    if (rest.startsWith('"')) return this.string();
    if (rest.startsWith("{")) return this.arrayLiteral();
    const number = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?/i.exec(rest);
    if (number) {
      this.#position += number[0].length;
      const isPercent = number[0].endsWith("%");
      const parsed = Number(isPercent ? number[0].slice(0, -1) : number[0]);
      return isPercent ? parsed / 100 : parsed;
    }
    const boolean = /^(TRUE|FALSE)\b/i.exec(rest);
    if (boolean) {
      this.#position += boolean[0].length;
      return boolean[0].toUpperCase() === "TRUE";
    }
    const reference = REFERENCE.exec(rest);
    if (reference) {
      this.#position += reference[0].length;
      return this.resolve(reference[0]);
    }
    throw new FormulaSyntaxError(`cannot read an argument at: ${rest}`);
  }

  string(): string {
    let result = "";
    this.#position++;
    for (;;) {
      const char = this.text[this.#position++];
      if (char === undefined) throw new FormulaSyntaxError("a string is not closed");
      if (char === '"') {
        if (this.text[this.#position] !== '"') return result;
        this.#position++;
      }
      result += char;
    }
  }

  /** {a, b; c, d}: commas separate columns, semicolons rows, as in Sheets. */
  arrayLiteral(): FormulaValue[][] {
    this.#position++;
    const rows: FormulaValue[][] = [[]];
    for (;;) {
      this.skipSpaces();
      rows.at(-1)!.push(this.value());
      this.skipSpaces();
      const separator = this.text[this.#position++];
      if (separator === "}") break;
      if (separator === ";") rows.push([]);
      else if (separator !== ",") throw new FormulaSyntaxError("expected , ; or } in an array");
    }
    if (rows.some((row) => row.length !== rows[0]!.length)) {
      throw new FormulaSyntaxError("the rows of an array literal must be the same length");
    }
    return rows;
  }
}
