// `SpreadsheetApp` for one execution: the entry point the runtime installs as a global. The file
// is the one the script is bound to; no other file can be opened.

import { COST_MS } from "../costs.js";
import type { Execution } from "../execution.js";
import type { GridRect } from "./a1.js";
import { READ, ServiceContext, WRITE } from "./context.js";
import { MESSAGES } from "./errors.js";
import type { SpreadsheetModel } from "./model.js";
import { COPY_PASTE_TYPES, type CopyPasteType, RangeFacade } from "./range.js";
import { SheetFacade } from "./sheet.js";
import type { SheetModel } from "./sheet-model.js";
import { SpreadsheetFacade } from "./spreadsheet.js";
import { createUi } from "./ui.js";
import type { UiState } from "./ui-state.js";

const META = COST_MS.sheetsMetadataCall;

export interface SpreadsheetAppLike {
  readonly CopyPasteType: Readonly<Record<CopyPasteType, CopyPasteType>>;
  getActiveSpreadsheet(): object;
  getActive(): object;
  getActiveSheet(): object;
  getActiveRange(): object;
  setActiveSheet(sheet: unknown): object;
  getUi(): object;
  flush(): void;
  openById(id: unknown): object;
  openByUrl(url: unknown): object;
}

export function createSpreadsheetApp(
  model: SpreadsheetModel,
  exec: Execution,
  ui: UiState,
): SpreadsheetAppLike {
  const ctx: ServiceContext = new ServiceContext(model, exec, ui);
  // Which model each Sheet facade stands for; the script can't forge one.
  const sheetModels = new WeakMap<object, SheetModel>();
  const sheetOf = (value: unknown) =>
    typeof value === "object" && value !== null ? sheetModels.get(value) : undefined;
  ctx.facades = {
    spreadsheet: () => new SpreadsheetFacade(ctx, sheetOf),
    sheet: (sheet: SheetModel) => {
      const facade = new SheetFacade(ctx, sheet);
      sheetModels.set(facade, sheet);
      return facade;
    },
    range: (sheet: SheetModel, rect: GridRect) => new RangeFacade(ctx, sheet, rect),
  };

  const app = {
    CopyPasteType: Object.freeze(
      Object.fromEntries(COPY_PASTE_TYPES.map((name) => [name, name])) as Record<
        CopyPasteType,
        CopyPasteType
      >,
    ),
    getActiveSpreadsheet() {
      return ctx.call("SpreadsheetApp.getActiveSpreadsheet", READ, META, () =>
        ctx.facades.spreadsheet(),
      );
    },
    getActive() {
      return ctx.call("SpreadsheetApp.getActive", READ, META, () => ctx.facades.spreadsheet());
    },
    getActiveSheet() {
      return ctx.call("SpreadsheetApp.getActiveSheet", READ, META, () =>
        ctx.facades.sheet(model.activeSheet),
      );
    },
    getActiveRange() {
      return ctx.call("SpreadsheetApp.getActiveRange", READ, META, () => {
        const { sheet, rect } = model.activeRange;
        return ctx.facades.range(sheet, rect);
      });
    },
    setActiveSheet(sheet: unknown) {
      return ctx.call("SpreadsheetApp.setActiveSheet", WRITE, META, () => {
        const target = sheetOf(sheet);
        if (!target) ctx.signature("SpreadsheetApp.setActiveSheet", [sheet]);
        model.setActiveSheet(target);
        return ctx.facades.sheet(target);
      });
    },
    /** Menus need nothing more than "menu", so onOpen can build them in AuthMode.NONE. */
    getUi() {
      return ctx.call("SpreadsheetApp.getUi", "menu", 0, () => {
        if (exec.kind === "timeTrigger") ctx.fail(MESSAGES.getUiContext);
        return createUi(ctx);
      });
    },
    /** Writes apply at once here, so there is nothing pending; the call still takes its time. */
    flush() {
      ctx.call("SpreadsheetApp.flush", READ, META, () => undefined);
    },
    openById(id: unknown) {
      return open("SpreadsheetApp.openById", "openById", id === model.id);
    },
    openByUrl(url: unknown) {
      const matches = typeof url === "string" && url.includes(`/d/${model.id}`);
      return open("SpreadsheetApp.openByUrl", "openByUrl", matches);
    },
    toString: () => "SpreadsheetApp",
  };

  /**
   * Opening a file by id needs the full `spreadsheets` scope (never in custom functions); with it,
   * only the bound file itself can be opened here, as the runtime holds no other.
   */
  function open(api: string, method: string, isBoundFile: boolean): object {
    return ctx.call(api, READ, META, () => {
      if (exec.authMode === "CUSTOM_FUNCTION")
        ctx.fail(`You do not have permission to call ${api}`);
      if (!exec.scopes.has("https://www.googleapis.com/auth/spreadsheets")) {
        ctx.fail(MESSAGES.openByIdScope.replace("openById", method));
      }
      if (!isBoundFile) ctx.fail(MESSAGES.openByIdMissing(method));
      return ctx.facades.spreadsheet();
    });
  }

  return app;
}
