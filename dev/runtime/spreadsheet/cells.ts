// What a cell holds and how it is styled. Plain values stay JavaScript primitives so that a sheet of
// a million cells is a million array slots, not a million objects; only dates, errors, formulas
// and spilled formula results are objects. Styles are shared, immutable and interned.

/** A date-time value; kept apart from numbers so it reads back as a Date whatever its format. */
export class CellDate {
  constructor(readonly ms: number) {}
}

/** An error value such as #ERROR!, #REF! or #N/A; `getValues()` answers its code. */
export class CellError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

export type CellScalar = string | number | boolean | CellDate | CellError;

/** A formula and its last result; a 2-D result spills into the cells right and below. */
export class Formula {
  result: CellScalar | undefined;
  spillRows = 1;
  spillColumns = 1;

  /**
   * `evaluable` is false for the formulas Sheets can't parse: a bare "=" and the operator-led
   * text ("+abc", "-abc", "@abc") that becomes "=+abc" and shows #ERROR!.
   */
  constructor(
    readonly formula: string,
    readonly evaluable: boolean,
    result?: CellScalar,
  ) {
    this.result = result;
  }
}

/** A value placed by another cell's formula; it belongs to that formula. */
export class Spill {
  constructor(
    readonly value: CellScalar | undefined,
    readonly anchor: Formula,
    readonly rowOffset: number,
    readonly columnOffset: number,
  ) {}
}

/** `undefined` is an empty cell. */
export type Cell = CellScalar | Formula | Spill | undefined;

/** The value a cell shows: a formula's result, a spilled value, or the cell's own. */
export function cellValue(cell: Cell): CellScalar | undefined {
  if (cell instanceof Formula) return cell.result;
  if (cell instanceof Spill) return cell.value;
  return cell;
}

export type StyleProperty =
  | "numberFormat"
  | "fontWeight"
  | "horizontalAlignment"
  | "wrap"
  | "background";

type StyleValues = { readonly [P in StyleProperty]?: string };

/** A cell's formatting. `undefined` everywhere means Sheets' defaults. */
export class Style {
  readonly #next = new Map<string, Style | undefined>();

  private constructor(readonly values: StyleValues) {}

  get numberFormat(): string | undefined {
    return this.values.numberFormat;
  }
  get fontWeight(): string | undefined {
    return this.values.fontWeight;
  }

  /** The interned style equal to this one with `property` set (or reset with `undefined`). */
  with(property: StyleProperty, value: string | undefined): Style | undefined {
    const key = `${property}\u0000${value ?? ""}`;
    if (this.#next.has(key)) return this.#next.get(key);
    const next = Style.intern({ ...this.values, [property]: value });
    this.#next.set(key, next);
    return next;
  }

  static readonly #interned = new Map<string, Style>();

  static intern(values: StyleValues): Style | undefined {
    const clean: Record<string, string> = {};
    for (const property of STYLE_PROPERTIES) {
      const value = values[property];
      if (value !== undefined) clean[property] = value;
    }
    const key = STYLE_PROPERTIES.map((property) => clean[property] ?? "").join("\u0001");
    if (key === EMPTY_KEY) return undefined;
    let style = Style.#interned.get(key);
    if (!style) {
      style = new Style(Object.freeze(clean));
      Style.#interned.set(key, style);
    }
    return style;
  }
}

const STYLE_PROPERTIES: readonly StyleProperty[] = [
  "numberFormat",
  "fontWeight",
  "horizontalAlignment",
  "wrap",
  "background",
];
const EMPTY_KEY = STYLE_PROPERTIES.map(() => "").join("\u0001");

export function withStyle(
  style: Style | undefined,
  property: StyleProperty,
  value: string | undefined,
): Style | undefined {
  if (style) return style.with(property, value);
  return value === undefined ? undefined : Style.intern({ [property]: value });
}
