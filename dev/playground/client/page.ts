// The playground page's script: the add-on menu, the virtual clock, the notices, a live grid of
// the emulated spreadsheet that can be typed into, and the sidebar iframe reloaded whenever the
// script opens a sidebar. Everything the server sends is inserted as text, never as HTML.

import type { MenuEntry, MenuRecord } from "../../runtime/spreadsheet/index.js";
import type { GridSnapshot, Notice, PlaygroundState, Versions } from "../server.js";
import { showCharts } from "./chart.js";

type ServerVersions = Versions & { now: number };

interface CellAnswer {
  readonly ok: boolean;
  readonly error?: { readonly message: string };
}

const HOUR_MS = 3_600_000;
/** Empty rows shown below the data, so there is somewhere to type. */
const MIN_ROWS = 100;
const MIN_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;
const ROW_HEADER_WIDTH = 46;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page.`);
  return found as T;
}

function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; testId?: string } = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.testId) node.dataset.testid = props.testId;
  return node;
}

function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

const ui = {
  docTitle: element("doc-title"),
  menubar: element("menubar"),
  clock: element<HTMLTimeElement>("clock"),
  advance: element<HTMLButtonElement>("advance-hour"),
  spreadsheetPicker: element<HTMLSelectElement>("spreadsheet-picker"),
  newSpreadsheet: element<HTMLButtonElement>("new-spreadsheet"),
  keyapiKey: element("keyapi-key"),
  fastmossToken: element("fastmoss-token"),
  notices: element("notices"),
  nameBox: element("name-box"),
  formulaBar: element<HTMLInputElement>("formula-bar"),
  grid: element("grid"),
  tabs: element("tabs"),
  sidebarTitle: element("sidebar-title"),
  frame: element<HTMLIFrameElement>("sidebar-frame"),
};

// The grid's scroll box takes the keyboard focus: it is the spreadsheet's one focus stop.
ui.grid.tabIndex = 0;
ui.grid.setAttribute("role", "group");
ui.grid.setAttribute("aria-label", "Cells: arrows move, Enter or typing edits, Delete clears");

const page = {
  state: undefined as PlaygroundState | undefined,
  snapshot: undefined as GridSnapshot | undefined,
  seen: undefined as ServerVersions | undefined,
  /** The sheet shown; undefined follows the spreadsheet's active sheet. */
  sheet: undefined as string | undefined,
  /** The spreadsheet's active sheet when last seen: a change of it is followed. */
  activeSheet: undefined as string | undefined,
  selection: { row: 1, column: 1 },
  rows: 0,
  columns: 0,
  cells: [] as HTMLTableCellElement[][],
  localNotices: [] as Notice[],
  nextLocalNotice: -1,
};

/** Where embedded charts float over the grid, as Sheets shows them. */
function chartLayer(): HTMLElement {
  let layer = document.getElementById("charts");
  if (!layer) {
    layer = make("div", { className: "chart-layer", testId: "charts" });
    layer.id = "charts";
    ui.grid.parentElement?.append(layer);
  }
  return layer;
}

// ---- clock, keys, notices ------------------------------------------------------------------------

function showClock(now: number): void {
  const timeZone = page.state?.timeZone ?? "UTC";
  let text: string;
  try {
    text = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    }).format(now);
  } catch {
    text = new Date(now).toISOString();
  }
  ui.clock.textContent = text;
  ui.clock.dateTime = new Date(now).toISOString();
}

function showNotices(): void {
  const notices = [...(page.state?.notices ?? []), ...page.localNotices];
  ui.notices.replaceChildren(
    ...notices.map((notice) => {
      const box = make("div", { className: "notice", testId: "notice" });
      box.dataset.kind = notice.kind;
      box.setAttribute("role", notice.kind === "error" ? "alert" : "status");
      const text = make("div", { className: "notice-text" });
      if (notice.title)
        text.append(make("span", { className: "notice-title", text: notice.title }));
      text.append(notice.message);
      const dismiss = make("button", {
        className: "notice-dismiss",
        text: "×",
        testId: "notice-dismiss",
      });
      dismiss.type = "button";
      dismiss.setAttribute("aria-label", `Dismiss: ${notice.title || notice.message}`);
      dismiss.addEventListener("click", () => void dismissNotice(notice.id));
      box.append(make("span", { className: "notice-kind", text: notice.kind }), text, dismiss);
      return box;
    }),
  );
}

async function dismissNotice(id: number): Promise<void> {
  if (id < 0) {
    page.localNotices = page.localNotices.filter((notice) => notice.id !== id);
    showNotices();
    return;
  }
  await postJson("/dismiss", { id });
  await refreshState();
}

/** A problem of the page itself (a refused edit, a lost connection), shown like the script's. */
function noticeLocally(title: string, message: string): void {
  page.localNotices.push({
    id: page.nextLocalNotice--,
    kind: "error",
    title,
    message,
    at: Date.now(),
  });
  showNotices();
}

// ---- menus ---------------------------------------------------------------------------------------

function closeMenus(except?: Element): void {
  for (const open of Array.from(
    ui.menubar.querySelectorAll<HTMLElement>("[aria-expanded='true']"),
  )) {
    if (except && (open === except || open.parentElement?.contains(except))) continue;
    open.setAttribute("aria-expanded", "false");
    open.parentElement?.querySelector(":scope > .menu")?.setAttribute("hidden", "");
  }
}

function openMenu(button: HTMLElement, focusFirst: boolean): void {
  closeMenus(button);
  button.setAttribute("aria-expanded", "true");
  const menu = button.parentElement?.querySelector<HTMLElement>(":scope > .menu");
  menu?.removeAttribute("hidden");
  if (focusFirst) menu?.querySelector<HTMLElement>(".menu-item")?.focus();
}

function menuList(entries: readonly MenuEntry[], label: string): HTMLUListElement {
  const list = make("ul", { className: "menu" });
  list.setAttribute("role", "menu");
  list.setAttribute("aria-label", label);
  list.hidden = true;
  if (entries.length === 0)
    list.append(make("li", { className: "menu-empty", text: "No add-on menu yet" }));
  for (const entry of entries) {
    const item = make("li");
    item.setAttribute("role", "none");
    if (entry.type === "separator") {
      item.className = "menu-separator";
      item.setAttribute("role", "separator");
    } else if (entry.type === "submenu") {
      item.append(...submenu(entry.caption, entry.items));
    } else {
      const button = make("button", { className: "menu-item", text: entry.caption });
      button.type = "button";
      button.setAttribute("role", "menuitem");
      button.dataset.testid = `menu-item-${entry.functionName}`;
      button.addEventListener("click", () => void runMenuItem(entry.functionName));
      item.append(button);
    }
    list.append(item);
  }
  return list;
}

/** A menu item that opens a nested menu: its button and its (hidden) list. */
function submenu(caption: string, items: readonly MenuEntry[]): HTMLElement[] {
  const button = make("button", { className: "menu-item" });
  button.type = "button";
  button.setAttribute("role", "menuitem");
  button.setAttribute("aria-haspopup", "menu");
  button.setAttribute("aria-expanded", "false");
  button.append(make("span", { text: caption }), make("span", { className: "arrow", text: "▸" }));
  button.addEventListener("click", () => openMenu(button, false));
  button.addEventListener("mouseenter", () => openMenu(button, false));
  button.addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      openMenu(button, true);
    }
  });
  return [button, menuList(items, caption)];
}

function topMenu(caption: string, entries: readonly MenuEntry[], testId: string): HTMLElement {
  const root = make("div", { className: "menu-root" });
  const button = make("button", { className: "menu-button", text: caption, testId });
  button.type = "button";
  button.setAttribute("aria-haspopup", "menu");
  button.setAttribute("aria-expanded", "false");
  button.addEventListener("click", () => {
    if (button.getAttribute("aria-expanded") === "true") closeMenus();
    else openMenu(button, false);
  });
  button.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      openMenu(button, true);
    }
  });
  root.append(button, menuList(entries, caption));
  return root;
}

function showMenus(menus: readonly MenuRecord[]): void {
  const addonMenus: MenuEntry[] = menus
    .filter((menu) => menu.addon)
    .map((menu) => ({ type: "submenu", caption: menu.title, items: menu.items }));
  const roots = [topMenu("Extensions", addonMenus, "menu-extensions")];
  for (const menu of menus.filter((candidate) => !candidate.addon)) {
    roots.push(topMenu(menu.title, menu.items, `menu-${menu.title}`));
  }
  ui.menubar.replaceChildren(...roots);
  const firstAddon = ui.menubar.querySelector<HTMLElement>(".menu .menu-item[aria-haspopup]");
  if (firstAddon) firstAddon.dataset.testid = "menu-addon";
}

/** Arrow keys move between the items of the open menu; Escape and ArrowLeft close it. */
ui.menubar.addEventListener("keydown", (event) => {
  const current = document.activeElement as HTMLElement | null;
  const list = current?.closest(".menu");
  if (!current || !list) return;
  const items = Array.from(list.querySelectorAll<HTMLElement>(":scope > li > .menu-item"));
  const index = items.indexOf(current);
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    items[(index + step + items.length) % items.length]?.focus();
  } else if (
    event.key === "Escape" ||
    (event.key === "ArrowLeft" && list.parentElement?.closest(".menu"))
  ) {
    event.preventDefault();
    const opener = list.parentElement?.querySelector<HTMLElement>(":scope > button");
    opener?.setAttribute("aria-expanded", "false");
    list.setAttribute("hidden", "");
    opener?.focus();
  }
});
document.addEventListener("click", (event) => {
  if (!ui.menubar.contains(event.target as Node)) closeMenus();
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const open = ui.menubar.querySelector<HTMLElement>(".menu-button[aria-expanded='true']");
  if (!open) return;
  closeMenus();
  open.focus();
});

async function runMenuItem(functionName: string): Promise<void> {
  closeMenus();
  const answer = await postJson<CellAnswer>("/menu", { functionName });
  if (!answer.ok && !answer.error) noticeLocally("Menu", "The menu item could not run.");
  await refreshState();
}

// ---- the grid ------------------------------------------------------------------------------------

function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

function safeColour(colour: string): string | undefined {
  return /^(#[0-9a-f]{3,8}|[a-z]+)$/i.test(colour) ? colour : undefined;
}

function showTabs(snapshot: GridSnapshot): void {
  ui.tabs.setAttribute("role", "tablist");
  ui.tabs.replaceChildren(
    ...snapshot.spreadsheet.sheets
      .filter((sheet) => !sheet.hidden)
      .map((sheet) => {
        const tab = make("button", {
          className: "tab",
          text: sheet.name,
          testId: `sheet-tab-${sheet.name}`,
        });
        tab.type = "button";
        tab.setAttribute("role", "tab");
        tab.setAttribute("aria-selected", String(sheet.name === snapshot.sheet.name));
        tab.addEventListener("click", () => void showSheet(sheet.name));
        return tab;
      }),
  );
}

async function showSheet(name: string): Promise<void> {
  page.sheet = name;
  page.selection = { row: 1, column: 1 };
  ui.grid.scrollTo(0, 0);
  await postJson("/activate", { sheet: name });
  await refreshSnapshot();
  ui.grid.focus();
}

function showGrid(snapshot: GridSnapshot): void {
  const sheet = snapshot.sheet;
  const columns = Math.min(sheet.maxColumns, Math.max(sheet.lastColumn, MIN_COLUMNS));
  const rows =
    sheet.moreRows > 0
      ? sheet.rowsShown
      : Math.min(sheet.maxRows, Math.max(sheet.rowsShown + 30, MIN_ROWS));
  const formulas = new Map(sheet.formulas.map(([r, c, f]) => [cellKey(r, c), f]));
  const bold = new Set(sheet.bold.map(([r, c]) => cellKey(r, c)));
  const backgrounds = new Map(sheet.backgrounds.map(([r, c, colour]) => [cellKey(r, c), colour]));
  const errors = new Map(sheet.errors.map((error) => [cellKey(error.row, error.column), error]));

  const table = make("table", { className: "cells", testId: "cells" });
  table.setAttribute("role", "grid");
  table.setAttribute("aria-label", `Cells of ${sheet.name}`);
  const colgroup = make("colgroup");
  const rowHeaderCol = make("col");
  rowHeaderCol.style.width = `${ROW_HEADER_WIDTH}px`;
  colgroup.append(rowHeaderCol);
  let tableWidth = ROW_HEADER_WIDTH;
  for (let c = 1; c <= columns; c++) {
    const col = make("col");
    const width = sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH;
    col.style.width = `${width}px`;
    tableWidth += width;
    colgroup.append(col);
  }
  // A fixed layout at the columns' own widths: long text is cut, not widening its column.
  table.style.width = `${tableWidth}px`;
  const head = make("tr");
  const corner = make("th", { className: "corner" });
  corner.setAttribute("aria-hidden", "true");
  head.append(corner);
  for (let c = 1; c <= columns; c++) {
    const th = make("th", { text: columnLetters(c) });
    th.setAttribute("role", "columnheader");
    th.dataset.column = String(c);
    head.append(th);
  }
  const thead = make("thead");
  thead.append(head);

  const tbody = make("tbody");
  const cells: HTMLTableCellElement[][] = [];
  for (let r = 1; r <= rows; r++) {
    const tr = make("tr");
    const rowHeader = make("th", { text: String(r) });
    rowHeader.setAttribute("role", "rowheader");
    rowHeader.dataset.row = String(r);
    tr.append(rowHeader);
    const line: HTMLTableCellElement[] = [];
    const values = sheet.values[r - 1];
    const display = sheet.display[r - 1];
    for (let c = 1; c <= columns; c++) {
      const td = make("td");
      td.setAttribute("role", "gridcell");
      td.dataset.row = String(r);
      td.dataset.column = String(c);
      td.dataset.cell = `${columnLetters(c)}${r}`;
      td.id = `cell-${td.dataset.cell}`;
      const key = cellKey(r, c);
      const value = values?.[c - 1];
      const text = display?.[c - 1] ?? "";
      if (text !== "") td.textContent = text;
      const error = errors.get(key);
      if (error) {
        td.classList.add("err");
        td.title = `${error.code} ${error.message}`;
      } else if (typeof value === "number") td.classList.add("n");
      else if (typeof value === "boolean") td.classList.add("b");
      const formula = formulas.get(key);
      if (formula !== undefined) {
        td.dataset.formula = formula;
        if (!error) td.title = formula;
      }
      if (bold.has(key)) td.classList.add("bold");
      const background = backgrounds.get(key);
      if (background !== undefined) td.style.background = safeColour(background) ?? "";
      if (r <= sheet.frozenRows) td.classList.add("frozen-row");
      if (r === sheet.frozenRows) td.classList.add("frozen-edge");
      tr.append(td);
      line.push(td);
    }
    if (r <= sheet.frozenRows) rowHeader.classList.add("frozen-row");
    if (r === sheet.frozenRows) rowHeader.classList.add("frozen-edge");
    cells.push(line);
    tbody.append(tr);
  }
  if (sheet.moreRows > 0) {
    const more = make("tr", { className: "more" });
    const note = make("td", {
      text: `… ${sheet.moreRows.toLocaleString("en")} more rows (the playground shows the first ${sheet.rowsShown})`,
      testId: "more-rows",
    });
    note.colSpan = columns + 1;
    more.append(note);
    tbody.append(more);
  }
  table.append(colgroup, thead, tbody);
  const old = ui.grid.querySelector("table");
  if (old) old.replaceWith(table);
  else ui.grid.prepend(table);

  // Frozen rows stick below the column letters, each at the height it was laid out at.
  for (const frozen of Array.from(table.querySelectorAll<HTMLElement>(".frozen-row"))) {
    frozen.style.top = `${(frozen.parentElement as HTMLTableRowElement).offsetTop}px`;
    if (frozen.tagName === "TH") frozen.style.zIndex = "3";
  }
  page.rows = rows;
  page.columns = columns;
  page.cells = cells;
  select(Math.min(page.selection.row, rows), Math.min(page.selection.column, columns), false);
}

function cellAt(row: number, column: number): HTMLTableCellElement | undefined {
  return page.cells[row - 1]?.[column - 1];
}

/** What editing a cell starts from: its formula, else its value as typed. */
function cellInput(row: number, column: number): string {
  const td = cellAt(row, column);
  if (!td) return "";
  if (td.dataset.formula !== undefined) return td.dataset.formula;
  const value = page.snapshot?.sheet.values[row - 1]?.[column - 1];
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return td.textContent ?? "";
}

function select(row: number, column: number, scroll = true): void {
  for (const old of Array.from(ui.grid.querySelectorAll(".selected, th.active"))) {
    old.classList.remove("selected", "active");
    old.removeAttribute("aria-selected");
  }
  page.selection = { row, column };
  const td = cellAt(row, column);
  ui.nameBox.textContent = `${columnLetters(column)}${row}`;
  if (!editor.isOpen) ui.formulaBar.value = cellInput(row, column);
  if (!td) return;
  td.classList.add("selected");
  td.setAttribute("aria-selected", "true");
  td.closest("table")?.setAttribute("aria-activedescendant", td.id);
  ui.grid.querySelector(`thead th[data-column="${column}"]`)?.classList.add("active");
  ui.grid.querySelector(`tbody th[data-row="${row}"]`)?.classList.add("active");
  if (scroll) td.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function move(rows: number, columns: number): void {
  const row = Math.min(Math.max(page.selection.row + rows, 1), page.rows);
  const column = Math.min(Math.max(page.selection.column + columns, 1), page.columns);
  select(row, column);
}

/** Types `text` into a cell as a user would; the server evaluates formulas and spills. */
async function commit(row: number, column: number, text: string): Promise<void> {
  const sheet = page.snapshot?.sheet.name;
  if (!sheet) return;
  if (text === cellInput(row, column)) return;
  const td = cellAt(row, column);
  if (td && text.startsWith("=")) {
    td.textContent = "Loading…";
    td.classList.add("loading");
  }
  const answer = await postJson<CellAnswer>("/cell", { sheet, row, column, text });
  if (!answer.ok)
    noticeLocally(`${columnLetters(column)}${row}`, answer.error?.message ?? "Not saved.");
  await refreshSnapshot();
}

/** The in-cell editor: an input laid over the selected cell. */
const editor = {
  input: make("input", { className: "editor", testId: "cell-editor" }),
  isOpen: false,
  row: 0,
  column: 0,

  open(initial: string): void {
    const td = cellAt(page.selection.row, page.selection.column);
    if (!td) return;
    const table = td.closest("table") as HTMLTableElement;
    this.row = page.selection.row;
    this.column = page.selection.column;
    this.isOpen = true;
    const input = this.input;
    input.value = initial;
    input.setAttribute("aria-label", `Edit ${columnLetters(this.column)}${this.row}`);
    input.spellcheck = false;
    input.autocomplete = "off";
    input.style.left = `${table.offsetLeft + td.offsetLeft}px`;
    input.style.top = `${table.offsetTop + td.offsetTop}px`;
    input.style.height = `${td.offsetHeight}px`;
    input.style.minWidth = `${td.offsetWidth}px`;
    this.fit();
    ui.grid.append(input);
    input.focus();
    input.setSelectionRange(initial.length, initial.length);
    ui.formulaBar.value = initial;
  },

  fit(): void {
    this.input.style.width = `${Math.min(Math.max(this.input.value.length * 7.5 + 16, 0), 640)}px`;
  },

  close(save: boolean): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    const text = this.input.value;
    this.input.remove();
    ui.grid.focus();
    if (save) void commit(this.row, this.column, text);
    else ui.formulaBar.value = cellInput(page.selection.row, page.selection.column);
  },
};

editor.input.addEventListener("input", () => {
  editor.fit();
  ui.formulaBar.value = editor.input.value;
});
editor.input.addEventListener("keydown", (event) => {
  event.stopPropagation();
  if (event.key === "Enter") {
    event.preventDefault();
    editor.close(true);
    move(event.shiftKey ? -1 : 1, 0);
  } else if (event.key === "Tab") {
    event.preventDefault();
    editor.close(true);
    move(0, event.shiftKey ? -1 : 1);
  } else if (event.key === "Escape") {
    event.preventDefault();
    editor.close(false);
  }
});
editor.input.addEventListener("blur", () => editor.close(true));

ui.grid.addEventListener("mousedown", (event) => {
  const td = (event.target as HTMLElement).closest<HTMLTableCellElement>("td[data-row]");
  if (!td || event.target === editor.input) return;
  event.preventDefault();
  if (editor.isOpen) editor.close(true);
  select(Number(td.dataset.row), Number(td.dataset.column), false);
  ui.grid.focus();
});
ui.grid.addEventListener("dblclick", (event) => {
  const td = (event.target as HTMLElement).closest<HTMLTableCellElement>("td[data-row]");
  if (td) editor.open(cellInput(Number(td.dataset.row), Number(td.dataset.column)));
});
ui.grid.addEventListener("keydown", (event) => {
  if (editor.isOpen || event.target !== ui.grid) return;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const step = moves[event.key];
  if (step) {
    event.preventDefault();
    move(...step);
  } else if (event.key === "Enter" || event.key === "F2") {
    event.preventDefault();
    editor.open(cellInput(page.selection.row, page.selection.column));
  } else if (event.key === "Delete" || event.key === "Backspace") {
    event.preventDefault();
    void commit(page.selection.row, page.selection.column, "");
  } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    editor.open(event.key);
  }
});

ui.formulaBar.addEventListener("keydown", (event) => {
  if (event.key === "Enter") {
    event.preventDefault();
    const { row, column } = page.selection;
    void commit(row, column, ui.formulaBar.value);
    ui.grid.focus();
  } else if (event.key === "Escape") {
    event.preventDefault();
    ui.formulaBar.value = cellInput(page.selection.row, page.selection.column);
    ui.grid.focus();
  }
});

// ---- keeping up with the server --------------------------------------------------------------------

let snapshotRequest: Promise<void> | undefined;
let snapshotAgain = false;

/** Fetches the grid; a change during the fetch fetches once more afterwards. */
function refreshSnapshot(): Promise<void> {
  if (snapshotRequest) {
    snapshotAgain = true;
    return snapshotRequest;
  }
  snapshotRequest = (async () => {
    do {
      snapshotAgain = false;
      const query = page.sheet === undefined ? "" : `&sheet=${encodeURIComponent(page.sheet)}`;
      let snapshot = await getJson<GridSnapshot>(`/snapshot?maxRows=200${query}`);
      // The script activated another sheet (a pull just written): show it, as Sheets does.
      const active = snapshot.spreadsheet.activeSheet;
      if (page.activeSheet !== undefined && active !== page.activeSheet && active !== page.sheet) {
        snapshot = await getJson<GridSnapshot>(
          `/snapshot?maxRows=200&sheet=${encodeURIComponent(active)}`,
        );
      }
      page.activeSheet = active;
      page.snapshot = snapshot;
      page.sheet = snapshot.sheet.name;
      ui.docTitle.textContent = snapshot.spreadsheet.name;
      showTabs(snapshot);
      showGrid(snapshot);
      showCharts(chartLayer(), snapshot.sheet.charts);
    } while (snapshotAgain);
  })().finally(() => {
    snapshotRequest = undefined;
  });
  return snapshotRequest;
}

async function refreshState(): Promise<void> {
  const state = await getJson<PlaygroundState>("/state");
  page.state = state;
  showMenus(state.menus);
  showNotices();
  showClock(state.now);
  ui.keyapiKey.textContent = state.demoKeys.keyapiKey;
  ui.fastmossToken.textContent = state.demoKeys.fastmossToken;
  ui.keyapiKey.parentElement!.title = `Fake KeyAPI + FastMoss at ${state.fakeApiUrl}`;
  ui.sidebarTitle.textContent = state.sidebar.title || "TikTok Influencers";
  showSpreadsheets(state);
}

/** The user's spreadsheets, the one shown selected. */
function showSpreadsheets(state: PlaygroundState): void {
  ui.spreadsheetPicker.replaceChildren(
    ...state.spreadsheets.map(({ id, name }) => {
      const option = make("option", { text: name });
      option.value = id;
      option.selected = id === state.spreadsheetId;
      return option;
    }),
  );
}

/** Shows another spreadsheet (or opens a new one): its grid, menus and sidebar. */
async function switchSpreadsheet(body: { id: string } | { open: true }): Promise<void> {
  page.sheet = undefined;
  await postJson("/spreadsheet", body);
  await refreshState();
  await refreshSnapshot();
}

function reloadSidebar(opened: number): void {
  ui.frame.src = `/sidebar?opened=${opened}`;
}

function onVersions(versions: ServerVersions): void {
  const seen = page.seen;
  page.seen = versions;
  showClock(versions.now);
  if (seen === undefined || versions.ui !== seen.ui || versions.sidebar !== seen.sidebar) {
    void refreshState();
  }
  if (seen === undefined || versions.spreadsheet !== seen.spreadsheet) void refreshSnapshot();
  // A new sidebar from the script replaces the one shown (a restarted server starts again at 0).
  if (seen !== undefined && versions.sidebar !== seen.sidebar) reloadSidebar(versions.sidebar);
}

ui.advance.addEventListener("click", async () => {
  ui.advance.disabled = true;
  try {
    const answer = await postJson<{ ok: boolean; now?: number }>("/advance", { ms: HOUR_MS });
    if (answer.now !== undefined) showClock(answer.now);
  } finally {
    ui.advance.disabled = false;
  }
});

ui.spreadsheetPicker.addEventListener("change", () => {
  void switchSpreadsheet({ id: ui.spreadsheetPicker.value });
});

ui.newSpreadsheet.addEventListener("click", async () => {
  ui.newSpreadsheet.disabled = true;
  try {
    await switchSpreadsheet({ open: true });
  } finally {
    ui.newSpreadsheet.disabled = false;
  }
});

const events = new EventSource("/events");
events.addEventListener("message", (event) => onVersions(JSON.parse(event.data) as ServerVersions));
events.addEventListener("error", () => {
  if (events.readyState === EventSource.CLOSED)
    noticeLocally("Connection", "The playground server stopped.");
});
void refreshState();
void refreshSnapshot().then(() => ui.grid.focus());
