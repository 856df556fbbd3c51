// What the emulated Ui did, kept for tests and the playground: the menus built, sidebars and
// dialogs shown, alerts and prompts (answered from a queue tests fill), and toasts.

export type MenuEntry =
  | { readonly type: "item"; readonly caption: string; readonly functionName: string }
  | { readonly type: "separator" }
  | { readonly type: "submenu"; readonly caption: string; readonly items: readonly MenuEntry[] };

export interface MenuRecord {
  readonly title: string;
  /** True for `createAddonMenu()`: the menu under Extensions, titled with the add-on's name. */
  readonly addon: boolean;
  readonly items: readonly MenuEntry[];
}

export interface SidebarRecord {
  readonly title: string;
  readonly html: string;
  /** Always 300: Sheets ignores the width an HtmlOutput asks for. */
  readonly width: number;
  readonly requestedWidth?: number;
  readonly executionId: number;
}

export interface DialogRecord {
  readonly modal: boolean;
  readonly title: string;
  readonly html: string;
  readonly width?: number;
  readonly height?: number;
  readonly executionId: number;
}

export interface AlertRecord {
  readonly kind: "alert" | "prompt";
  readonly title: string;
  readonly message: string;
  /** The ButtonSet shown, e.g. "OK" or "YES_NO". */
  readonly buttons: string;
  /** The button the (simulated) user pressed. */
  readonly response: string;
  /** What the user typed, for prompts. */
  readonly text?: string;
  readonly executionId: number;
}

export interface ToastRecord {
  readonly message: string;
  readonly title: string;
  readonly seconds: number;
  readonly executionId: number;
}

/** A queued answer for the next alert or prompt; the default presses the set's first button. */
export interface UiResponse {
  readonly button?: "OK" | "CANCEL" | "YES" | "NO" | "CLOSE";
  readonly text?: string;
}

export interface UiStateOptions {
  /** The add-on's name: the title of the menu `createAddonMenu()` builds. */
  readonly addonName?: string;
}

export type UiEvent =
  | { readonly type: "menu"; readonly menu: MenuRecord }
  | { readonly type: "sidebar"; readonly sidebar: SidebarRecord }
  | { readonly type: "dialog"; readonly dialog: DialogRecord }
  | { readonly type: "alert"; readonly alert: AlertRecord }
  | { readonly type: "toast"; readonly toast: ToastRecord };

export class UiState {
  readonly addonName: string;
  readonly menus: MenuRecord[] = [];
  readonly sidebars: SidebarRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly #responses: UiResponse[] = [];
  readonly #listeners = new Set<(event: UiEvent) => void>();

  constructor(options: UiStateOptions = {}) {
    this.addonName = options.addonName ?? "TikTok Influencers";
  }

  /** The sidebar shown last (Sheets shows one at a time). */
  get sidebar(): SidebarRecord | undefined {
    return this.sidebars[this.sidebars.length - 1];
  }

  menu(title: string): MenuRecord | undefined {
    return this.menus.find((menu) => menu.title === title);
  }

  /** Queues answers for the next alerts and prompts, in order. */
  respondWith(...responses: UiResponse[]): void {
    this.#responses.push(...responses);
  }

  takeResponse(): UiResponse | undefined {
    return this.#responses.shift();
  }

  onChange(listener: (event: UiEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A menu added again (each onOpen adds it) replaces the one with the same title. */
  addMenu(menu: MenuRecord): void {
    const existing = this.menus.findIndex(
      (other) => other.title === menu.title && other.addon === menu.addon,
    );
    if (existing >= 0) this.menus[existing] = menu;
    else this.menus.push(menu);
    this.#emit({ type: "menu", menu });
  }

  addSidebar(sidebar: SidebarRecord): void {
    this.sidebars.push(sidebar);
    this.#emit({ type: "sidebar", sidebar });
  }

  addDialog(dialog: DialogRecord): void {
    this.dialogs.push(dialog);
    this.#emit({ type: "dialog", dialog });
  }

  addAlert(alert: AlertRecord): void {
    this.alerts.push(alert);
    this.#emit({ type: "alert", alert });
  }

  addToast(toast: ToastRecord): void {
    this.toasts.push(toast);
    this.#emit({ type: "toast", toast });
  }

  /** Forgets everything shown (menus included), e.g. when the playground reloads the file. */
  reset(): void {
    this.menus.length = 0;
    this.sidebars.length = 0;
    this.dialogs.length = 0;
    this.alerts.length = 0;
    this.toasts.length = 0;
    this.#responses.length = 0;
  }

  #emit(event: UiEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
