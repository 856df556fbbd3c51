// The script-facing Spreadsheet (the bound file): its sheets, the active sheet and range, time
// zone, locale, owner, and toasts.

import { COST_MS } from "../costs.js";
import { resolveA1 } from "./a1.js";
import { READ, type ServiceContext, WRITE } from "./context.js";
import { MESSAGES, SheetsError } from "./errors.js";
import type { SheetModel } from "./sheet-model.js";

const META = COST_MS.sheetsMetadataCall;

/** The model behind a Sheet facade of this execution, or undefined for anything else. */
export type SheetLookup = (value: unknown) => SheetModel | undefined;

export class SpreadsheetFacade {
  readonly #ctx: ServiceContext;
  readonly #sheetOf: SheetLookup;

  constructor(ctx: ServiceContext, sheetOf: SheetLookup) {
    this.#ctx = ctx;
    this.#sheetOf = sheetOf;
  }

  #read<T>(method: string, costMs: number, body: () => T): T {
    return this.#ctx.call(`Spreadsheet.${method}`, READ, costMs, body);
  }

  #write<T>(method: string, costMs: number, body: () => T): T {
    return this.#ctx.call(`Spreadsheet.${method}`, WRITE, costMs, body);
  }

  #sheetArgument(method: string, value: unknown): SheetModel {
    const sheet = this.#sheetOf(value);
    if (!sheet) this.#ctx.signature(`Spreadsheet.${method}`, [value]);
    return sheet;
  }

  toString(): string {
    return "Spreadsheet";
  }

  getId(): string {
    return this.#read("getId", META, () => this.#ctx.model.id);
  }
  getName(): string {
    return this.#read("getName", META, () => this.#ctx.model.name);
  }
  getUrl(): string {
    return this.#read("getUrl", META, () => this.#ctx.model.url);
  }

  getSheets(): object[] {
    return this.#read("getSheets", META, () =>
      this.#ctx.array(this.#ctx.model.sheets.map((sheet) => this.#ctx.facades.sheet(sheet))),
    );
  }

  getNumSheets(): number {
    return this.#read("getNumSheets", META, () => this.#ctx.model.sheets.length);
  }

  getSheetByName(name: unknown): object | null {
    return this.#read("getSheetByName", META, () => {
      if (typeof name !== "string") this.#ctx.signature("Spreadsheet.getSheetByName", [name]);
      const sheet = this.#ctx.model.findSheet(name as string);
      return sheet ? this.#ctx.facades.sheet(sheet) : null;
    });
  }

  getSheetById(id: unknown): object | null {
    return this.#read("getSheetById", META, () => {
      const sheetId = this.#ctx.integer(id, "Spreadsheet.getSheetById", [id]);
      const sheet = this.#ctx.model.findSheetById(sheetId);
      return sheet ? this.#ctx.facades.sheet(sheet) : null;
    });
  }

  /**
   * `insertSheet()`, `insertSheet(name)`, `insertSheet(index)`, `insertSheet(name, index)`; the
   * index is 0-based. The new sheet becomes the active one, as in Sheets.
   */
  insertSheet(...args: unknown[]): object {
    return this.#write("insertSheet", META, () => {
      let name: string | undefined;
      let index: number | undefined;
      const [first, second] = args;
      if (typeof first === "string") {
        name = first;
        if (second !== undefined && typeof second !== "object") {
          index = this.#ctx.integer(second, "Spreadsheet.insertSheet", args);
        }
      } else if (typeof first === "number") {
        index = this.#ctx.integer(first, "Spreadsheet.insertSheet", args);
      } else if (first !== undefined && (typeof first !== "object" || first === null)) {
        this.#ctx.signature("Spreadsheet.insertSheet", args);
      }
      const sheet = this.#ctx.model.insertSheet(name, index);
      this.#ctx.model.setActiveSheet(sheet);
      return this.#ctx.facades.sheet(sheet);
    });
  }

  deleteSheet(sheet: unknown): void {
    this.#write("deleteSheet", META, () => {
      this.#ctx.model.deleteSheet(this.#sheetArgument("deleteSheet", sheet));
    });
  }

  getActiveSheet(): object {
    return this.#read("getActiveSheet", META, () =>
      this.#ctx.facades.sheet(this.#ctx.model.activeSheet),
    );
  }

  setActiveSheet(sheet: unknown): object {
    return this.#write("setActiveSheet", META, () => {
      const model = this.#sheetArgument("setActiveSheet", sheet);
      this.#ctx.model.setActiveSheet(model);
      return this.#ctx.facades.sheet(model);
    });
  }

  getActiveRange(): object {
    return this.#read("getActiveRange", META, () => {
      const { sheet, rect } = this.#ctx.model.activeRange;
      return this.#ctx.facades.range(sheet, rect);
    });
  }

  /** "Sheet1!A1:B2", or "A1:B2" of the active sheet. */
  getRange(a1Notation: unknown): object {
    return this.#read("getRange", 0, () => {
      if (typeof a1Notation !== "string") this.#ctx.signature("Spreadsheet.getRange", [a1Notation]);
      const { sheet, reference } = this.#ctx.model.resolveRange(a1Notation as string);
      return this.#ctx.facades.range(sheet, resolveA1(reference, sheet.maxRows, sheet.maxColumns));
    });
  }

  getSpreadsheetTimeZone(): string {
    return this.#read("getSpreadsheetTimeZone", META, () => this.#ctx.model.timeZone);
  }

  setSpreadsheetTimeZone(timezone: unknown): void {
    this.#write("setSpreadsheetTimeZone", META, () => {
      if (typeof timezone !== "string") {
        this.#ctx.signature("Spreadsheet.setSpreadsheetTimeZone", [timezone]);
      }
      this.#ctx.model.setTimeZone(timezone as string);
    });
  }

  getSpreadsheetLocale(): string {
    return this.#read("getSpreadsheetLocale", META, () => this.#ctx.model.locale);
  }

  setSpreadsheetLocale(locale: unknown): void {
    this.#write("setSpreadsheetLocale", META, () => {
      if (typeof locale !== "string" || locale === "") {
        throw new SheetsError(MESSAGES.invalidArgument("locale"));
      }
      this.#ctx.model.setLocale(locale);
    });
  }

  getOwner(): object {
    return this.#read("getOwner", META, () => {
      const email = this.#ctx.model.owner;
      return {
        getEmail: () => this.#ctx.call("User.getEmail", "session", 0, () => email),
        toString: () => email,
      };
    });
  }

  /** Shown in the corner of the window for `timeoutSeconds` (default 5); recorded in UiState. */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.#write("toast", META, () => {
      this.#ctx.ui.addToast({
        message: String(msg),
        title: title === undefined || title === null ? "" : String(title),
        seconds: typeof timeoutSeconds === "number" ? timeoutSeconds : 5,
        executionId: this.#ctx.exec.id,
      });
    });
  }
}
