// What the script-facing objects (SpreadsheetApp, Spreadsheet, Sheet, Range, Ui) share within one
// execution: the model, the execution's guard, the script's realm, and how to build each other.
// Every public method goes through `call` exactly once, so one script call is one counted call.

import type { Capability, Execution } from "../execution.js";
import type { GridRect } from "./a1.js";
import { MESSAGES, SheetsError, signatureMismatch } from "./errors.js";
import type { SpreadsheetModel } from "./model.js";
import type { SheetModel, ValueSink } from "./sheet-model.js";
import type { UiState } from "./ui-state.js";

export const READ: Capability = "spreadsheet.read";
export const WRITE: Capability = "spreadsheet.write";

/** Builds the facades; set by `createSpreadsheetApp`, so facade modules don't import each other. */
export interface FacadeFactory {
  spreadsheet(): object;
  sheet(sheet: SheetModel): object;
  range(sheet: SheetModel, rect: GridRect): object;
}

export class ServiceContext {
  readonly sink: ValueSink;
  facades!: FacadeFactory;

  constructor(
    readonly model: SpreadsheetModel,
    readonly exec: Execution,
    readonly ui: UiState,
  ) {
    const realm = exec.realm;
    this.sink = {
      date: (ms) => new realm.Date(ms),
      array: (length) => new realm.Array(length),
    };
  }

  /** Guards, counts and charges one script call, and turns model errors into script errors. */
  call<T>(api: string, capability: Capability, costMs: number, body: () => T): T {
    this.exec.guard(api, capability, costMs);
    try {
      return body();
    } catch (error) {
      if (error instanceof SheetsError) throw this.exec.error(error.message);
      throw error;
    }
  }

  /** Like `call`, for a method of a sheet that may have been deleted since. */
  sheetCall<T>(
    sheet: SheetModel,
    api: string,
    capability: Capability,
    costMs: number,
    body: () => T,
  ): T {
    return this.call(api, capability, costMs, () => {
      if (sheet.deleted) throw new SheetsError(MESSAGES.sheetDeleted(sheet.name));
      return body();
    });
  }

  fail(message: string): never {
    return this.exec.fail(message);
  }

  /** Apps Script's error for arguments of the wrong types. */
  signature(method: string, args: readonly unknown[]): never {
    return this.exec.fail(signatureMismatch(`SpreadsheetApp.${method}`, args));
  }

  array<T>(items: readonly T[]): T[] {
    const array = new this.exec.realm.Array<T>(items.length);
    for (let index = 0; index < items.length; index++) array[index] = items[index]!;
    return array;
  }

  /** An integer argument; a wrong type fails as Apps Script's overload resolution does. */
  integer(value: unknown, method: string, args: readonly unknown[]): number {
    if (typeof value !== "number" || Number.isNaN(value)) this.signature(method, args);
    return Math.trunc(value as number);
  }

  /** A 2-D array argument of `setValues`-like methods. */
  matrix(value: unknown, method: string): readonly unknown[] {
    if (!Array.isArray(value) || !value.every((line) => Array.isArray(line))) {
      this.signature(method, [value]);
    }
    return value as readonly unknown[];
  }
}
