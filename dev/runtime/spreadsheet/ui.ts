// The script-facing Ui of `SpreadsheetApp.getUi()`: menus (allowed in every mode but custom
// functions, as onOpen needs), sidebars, dialogs, alerts and prompts (AuthMode.FULL only).

import { COST_MS } from "../costs.js";
import type { ServiceContext } from "./context.js";
import { LIMITS, signatureMismatch } from "./errors.js";
import type { MenuEntry } from "./ui-state.js";

const BUTTONS = ["OK", "CANCEL", "YES", "NO", "CLOSE"] as const;
const BUTTON_SETS = ["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"] as const;
type ButtonSet = (typeof BUTTON_SETS)[number];

const FIRST_BUTTON: Readonly<Record<ButtonSet, string>> = {
  OK: "OK",
  OK_CANCEL: "OK",
  YES_NO: "YES",
  YES_NO_CANCEL: "YES",
};

function enumOf<T extends string>(names: readonly T[]): Readonly<Record<T, T>> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as Record<T, T>;
}

export const Button = enumOf(BUTTONS);
export const ButtonSetEnum = enumOf(BUTTON_SETS);

interface HtmlOutputLike {
  getContent(): unknown;
  getTitle?(): unknown;
  getWidth?(): unknown;
  getHeight?(): unknown;
}

function isHtmlOutput(value: unknown): value is HtmlOutputLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as HtmlOutputLike).getContent === "function"
  );
}

function isButtonSet(value: unknown): value is ButtonSet {
  return typeof value === "string" && (BUTTON_SETS as readonly string[]).includes(value);
}

const menuRecords = new WeakMap<object, { caption: string; items: MenuEntry[] }>();

export function createUi(ctx: ServiceContext): object {
  const { exec, ui } = ctx;

  function menu(title: string, addon: boolean): object {
    const items: MenuEntry[] = [];
    const facade = {
      addItem(caption: unknown, functionName: unknown) {
        ctx.call("Menu.addItem", "menu", 0, () => {
          if (typeof caption !== "string" || typeof functionName !== "string") {
            ctx.fail(signatureMismatch("Menu.addItem", [caption, functionName]));
          }
          items.push({ type: "item", caption, functionName });
        });
        return facade;
      },
      addSeparator() {
        ctx.call("Menu.addSeparator", "menu", 0, () => items.push({ type: "separator" }));
        return facade;
      },
      addSubMenu(subMenu: unknown) {
        ctx.call("Menu.addSubMenu", "menu", 0, () => {
          const record =
            typeof subMenu === "object" && subMenu ? menuRecords.get(subMenu) : undefined;
          if (!record) ctx.fail(signatureMismatch("Menu.addSubMenu", [subMenu]));
          items.push({ type: "submenu", caption: record.caption, items: [...record.items] });
        });
        return facade;
      },
      addToUi() {
        ctx.call("Menu.addToUi", "menu", 0, () => ui.addMenu({ title, addon, items: [...items] }));
      },
      toString: () => "Menu",
    };
    menuRecords.set(facade, { caption: title, items });
    return facade;
  }

  function answer(kind: "alert" | "prompt", args: readonly unknown[]) {
    let title = "";
    let message: unknown;
    let buttons: unknown = "OK";
    if (args.length >= 3) [title, message, buttons] = args as [string, unknown, unknown];
    else if (args.length === 2) [message, buttons] = args;
    else [message] = args;
    const method = kind === "alert" ? "Ui.alert" : "Ui.prompt";
    if (typeof message !== "string" || typeof title !== "string" || !isButtonSet(buttons)) {
      ctx.fail(signatureMismatch(method, args));
    }
    const response = ui.takeResponse();
    const pressed = response?.button ?? FIRST_BUTTON[buttons];
    const text = kind === "prompt" ? (response?.text ?? "") : undefined;
    ui.addAlert({
      kind,
      title,
      message,
      buttons,
      response: pressed,
      ...(text === undefined ? {} : { text }),
      executionId: exec.id,
    });
    return { pressed, text: text ?? "" };
  }

  function htmlOf(method: string, output: unknown): HtmlOutputLike {
    if (!isHtmlOutput(output)) ctx.fail(signatureMismatch(method, [output]));
    return output;
  }

  return {
    Button,
    ButtonSet: ButtonSetEnum,
    createMenu(caption: unknown) {
      return ctx.call("Ui.createMenu", "menu", 0, () => {
        if (typeof caption !== "string") {
          ctx.fail(signatureMismatch("Ui.createMenu", [caption]));
        }
        return menu(caption, false);
      });
    },
    createAddonMenu() {
      return ctx.call("Ui.createAddonMenu", "menu", 0, () => menu(ui.addonName, true));
    },
    showSidebar(output: unknown) {
      ctx.call("Ui.showSidebar", "ui", COST_MS.sheetsMetadataCall, () => {
        const html = htmlOf("Ui.showSidebar", output);
        const requested = html.getWidth?.();
        ui.addSidebar({
          title: String(html.getTitle?.() ?? ""),
          html: String(html.getContent()),
          width: LIMITS.sidebarWidth,
          ...(typeof requested === "number" ? { requestedWidth: requested } : {}),
          executionId: exec.id,
        });
      });
    },
    showModalDialog(output: unknown, title: unknown) {
      ctx.call("Ui.showModalDialog", "ui", COST_MS.sheetsMetadataCall, () =>
        showDialog(true, output, title),
      );
    },
    showModelessDialog(output: unknown, title: unknown) {
      ctx.call("Ui.showModelessDialog", "ui", COST_MS.sheetsMetadataCall, () =>
        showDialog(false, output, title),
      );
    },
    alert(...args: unknown[]) {
      return ctx.call("Ui.alert", "ui", 0, () => answer("alert", args).pressed);
    },
    prompt(...args: unknown[]) {
      return ctx.call("Ui.prompt", "ui", 0, () => {
        const { pressed, text } = answer("prompt", args);
        return {
          getResponseText: () => ctx.call("PromptResponse.getResponseText", "ui", 0, () => text),
          getSelectedButton: () =>
            ctx.call("PromptResponse.getSelectedButton", "ui", 0, () => pressed),
          toString: () => "PromptResponse",
        };
      });
    },
    toString: () => "Ui",
  };

  function showDialog(modal: boolean, output: unknown, title: unknown): void {
    const method = modal ? "Ui.showModalDialog" : "Ui.showModelessDialog";
    const html = htmlOf(method, output);
    if (typeof title !== "string") ctx.fail(signatureMismatch(method, [output, title]));
    const width = html.getWidth?.();
    const height = html.getHeight?.();
    ui.addDialog({
      modal,
      title,
      html: String(html.getContent()),
      ...(typeof width === "number" ? { width } : {}),
      ...(typeof height === "number" ? { height } : {}),
      executionId: exec.id,
    });
  }
}
