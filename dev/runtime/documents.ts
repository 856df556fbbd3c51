// The spreadsheets of the runtime: several files one user works in, each with its own document
// properties, document cache and document lock, while user properties, the user's triggers and
// UrlFetch's daily quota stay shared. An execution is bound to one of them, or — a time-driven
// trigger with no active spreadsheet — to none.

import type { VirtualClock } from "./clock.js";
import { COST_MS } from "./costs.js";
import type { Execution } from "./execution.js";
import { CacheStore } from "./services/cache.js";
import { PropertyStore } from "./services/properties.js";
import { MESSAGES, SpreadsheetModel } from "./spreadsheet/index.js";
import { COPY_PASTE_TYPES, type CopyPasteType } from "./spreadsheet/range.js";
import type { SpreadsheetAppLike } from "./spreadsheet/spreadsheet-app.js";
import { UiState } from "./spreadsheet/ui-state.js";

/** A document service a test can take away, to see the add-on cope without it. */
export type DocumentService = "properties" | "cache" | "lock";

export interface DocumentState {
  readonly spreadsheet: SpreadsheetModel;
  readonly ui: UiState;
  readonly properties: PropertyStore;
  readonly cache: CacheStore;
  /** The lock table's key of this document's lock. */
  readonly lockKey: string;
  /** Services that answer null here (Apps Script answers null outside a document). */
  readonly unavailable: Set<DocumentService>;
}

export interface NewSpreadsheetOptions {
  readonly name?: string;
  /** A Drive file id; default one derived from the count of files. */
  readonly id?: string;
  /** Default the first spreadsheet's. */
  readonly timeZone?: string;
}

/** Every spreadsheet of the runtime, the first one first; persists across executions. */
export class DocumentTable {
  readonly primary: DocumentState;
  readonly #clock: VirtualClock;
  readonly #documents = new Map<string, DocumentState>();

  constructor(primary: Omit<DocumentState, "unavailable">, clock: VirtualClock) {
    this.primary = { ...primary, unavailable: new Set() };
    this.#clock = clock;
    this.#documents.set(primary.spreadsheet.id, this.primary);
  }

  /** Creates another spreadsheet of the same owner, with stores of its own. */
  open(options: NewSpreadsheetOptions = {}): DocumentState {
    const number = this.#documents.size + 1;
    const id = options.id ?? `${number}LocalRuntimeSpreadsheet`.padEnd(44, "0");
    if (this.#documents.has(id)) throw new Error(`a spreadsheet with id ${id} exists already`);
    const spreadsheet = new SpreadsheetModel({
      id,
      name: options.name ?? `Spreadsheet ${number}`,
      owner: this.primary.spreadsheet.owner,
      timeZone: options.timeZone ?? this.primary.spreadsheet.timeZone,
    });
    const document: DocumentState = {
      spreadsheet,
      ui: new UiState(),
      properties: new PropertyStore(),
      cache: new CacheStore(this.#clock),
      lockKey: `document:${id}`,
      unavailable: new Set(),
    };
    this.#documents.set(id, document);
    return document;
  }

  get(id: string): DocumentState {
    const document = this.#documents.get(id);
    if (!document) throw new Error(`no spreadsheet with id ${id}`);
    return document;
  }

  list(): DocumentState[] {
    return [...this.#documents.values()];
  }
}

/**
 * SpreadsheetApp in an execution bound to no spreadsheet (a time-driven trigger that runs without
 * one): there is nothing active, no Ui, and no file this add-on's scope may open.
 */
export function createDetachedSpreadsheetApp(exec: Execution): SpreadsheetAppLike {
  const META = COST_MS.sheetsMetadataCall;
  const none = (api: string) => {
    exec.guard(api, "spreadsheet.read", META);
    return null as unknown as object;
  };
  const open = (api: string, method: string): object => {
    exec.guard(api, "spreadsheet.read", META);
    if (!exec.scopes.has("https://www.googleapis.com/auth/spreadsheets")) {
      exec.fail(MESSAGES.openByIdScope.replace("openById", method));
    }
    return exec.fail(MESSAGES.openByIdMissing(method));
  };
  return {
    CopyPasteType: Object.freeze(
      Object.fromEntries(COPY_PASTE_TYPES.map((name) => [name, name])) as Record<
        CopyPasteType,
        CopyPasteType
      >,
    ),
    getActiveSpreadsheet: () => none("SpreadsheetApp.getActiveSpreadsheet"),
    getActive: () => none("SpreadsheetApp.getActive"),
    getActiveSheet: () => none("SpreadsheetApp.getActiveSheet"),
    getActiveRange: () => none("SpreadsheetApp.getActiveRange"),
    setActiveSheet: () => none("SpreadsheetApp.setActiveSheet"),
    getUi: () => {
      exec.guard("SpreadsheetApp.getUi", "menu");
      return exec.fail(MESSAGES.getUiContext);
    },
    flush: () => {
      exec.guard("SpreadsheetApp.flush", "spreadsheet.read", META);
    },
    openById: () => open("SpreadsheetApp.openById", "openById"),
    openByUrl: () => open("SpreadsheetApp.openByUrl", "openByUrl"),
  };
}
