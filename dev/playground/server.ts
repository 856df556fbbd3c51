// The playground's HTTP server: the page (toolbar, live grid, sidebar iframe), the sidebar's
// HTML with the google.script shim, /rpc for google.script.run, and the routes the page drives the
// local runtime through. Everything runs in-process against the built dist/Code.js and the fake
// KeyAPI + FastMoss server in a worker.

import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { DEMO_FASTMOSS_TOKEN, DEMO_KEYAPI_KEY } from "../fake-api/config.js";
import type { FakeApiOptions } from "../fake-api/server.js";
import { type FakeApiHandle, startFakeApiInWorker } from "../fake-api/worker.js";
import type { DocumentState } from "../runtime/documents.js";
import {
  AppsScriptRuntime,
  apiRoutes,
  type ExecutionRecord,
  type RuntimeOptions,
} from "../runtime/runtime.js";
import { CellError, cellValue, Formula } from "../runtime/spreadsheet/cells.js";
import {
  cellA1,
  type MenuEntry,
  type MenuRecord,
  type SheetModel,
  type SheetSnapshot,
  type SpreadsheetModel,
  type UiEvent,
} from "../runtime/spreadsheet/index.js";
import { injectShim, loadAssets, type PlaygroundAssets } from "./assets.js";
import { type PlaygroundChart, playgroundCharts } from "./charts.js";
import { PlaygroundFormulas } from "./formulas.js";
import { decodeFromTransport, type RpcAnswer } from "./transport.js";

export interface PlaygroundOptions {
  /** Default 8080; 0 for any free port. A port already in use falls back to a free one. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** The fake API's seed and knobs (latency, failures, rate limits…). */
  readonly fakeApi?: FakeApiOptions;
  /** For the runtime (codePath, code, htmlDir, startTime, locale…); its routes go to the fake API. */
  readonly runtime?: Omit<RuntimeOptions, "routes">;
  /** Save the demo keys with saveSettings before the page opens; default true. */
  readonly saveDemoKeys?: boolean;
}

export interface Playground {
  /** e.g. http://127.0.0.1:8080 */
  readonly url: string;
  readonly runtime: AppsScriptRuntime;
  readonly api: FakeApiHandle;
  readonly formulas: PlaygroundFormulas;
  /** Stops the server, the runtime and the fake API worker. */
  close(): Promise<void>;
}

/** Something the script showed (an alert, a toast, a dialog) or an execution that failed. */
export interface Notice {
  readonly id: number;
  readonly kind: "alert" | "prompt" | "toast" | "dialog" | "error";
  readonly title: string;
  readonly message: string;
  /** Virtual time. */
  readonly at: number;
}

/** Counters the page compares to know what to fetch again. */
export interface Versions {
  spreadsheet: number;
  ui: number;
  sidebar: number;
}

export interface PlaygroundState {
  readonly spreadsheetName: string;
  /** The spreadsheet shown, and every spreadsheet of the user (the first is the one opened). */
  readonly spreadsheetId: string;
  readonly spreadsheets: readonly { readonly id: string; readonly name: string }[];
  readonly timeZone: string;
  readonly now: number;
  readonly menus: readonly MenuRecord[];
  readonly notices: readonly Notice[];
  readonly sidebar: { readonly title: string; readonly opened: number };
  readonly demoKeys: { readonly keyapiKey: string; readonly fastmossToken: string };
  readonly fakeApiUrl: string;
  readonly versions: Versions;
}

export interface GridCellError {
  readonly row: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

/** What GET /snapshot answers: the sheet list and the first rows of one sheet. */
export interface GridSnapshot {
  readonly spreadsheet: {
    readonly name: string;
    readonly timeZone: string;
    readonly activeSheet: string;
    readonly sheets: readonly { readonly name: string; readonly hidden: boolean }[];
  };
  /** The runtime's snapshot of the sheet, less its number formats and with charts as drawn. */
  readonly sheet: Pick<
    SheetSnapshot,
    | "name"
    | "maxRows"
    | "maxColumns"
    | "lastRow"
    | "lastColumn"
    | "frozenRows"
    | "frozenColumns"
    | "values"
    | "display"
    | "formulas"
    | "bold"
    | "backgrounds"
    | "columnWidths"
  > & {
    /** Rows sent in `values` and `display`. */
    readonly rowsShown: number;
    /** Rows with content after those sent. */
    readonly moreRows: number;
    /** The message behind each error shown (#ERROR!, #REF!, #N/A…), for the hover. */
    readonly errors: GridCellError[];
    /** The sheet's embedded charts with their data, drawn over the grid. */
    readonly charts: PlaygroundChart[];
  };
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_SNAPSHOT_ROWS = 200;
export const MAX_SNAPSHOT_ROWS = 1000;
const MAX_BODY_BYTES = 1_000_000;
const MAX_NOTICES = 20;
const EVENT_DELAY_MS = 40;
const HEARTBEAT_MS = 20_000;
const HOUR_MS = 3_600_000;
/** The furthest one click may move the clock: a year. */
const MAX_ADVANCE_MS = 366 * 24 * HOUR_MS;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first rows of one sheet (the active one when `sheetName` is missing or unknown). */
export function gridSnapshot(
  spreadsheet: SpreadsheetModel,
  sheetName: string | undefined,
  maxRows: number = DEFAULT_SNAPSHOT_ROWS,
): GridSnapshot {
  const sheet =
    (sheetName === undefined ? undefined : spreadsheet.findSheet(sheetName)) ??
    spreadsheet.activeSheet;
  const whole = spreadsheet.snapshot({ maxRows });
  const shown = whole.sheets.find((candidate) => candidate.sheetId === sheet.sheetId)!;
  return {
    spreadsheet: {
      name: whole.name,
      timeZone: whole.timeZone,
      activeSheet: whole.activeSheet,
      sheets: whole.sheets.map(({ name, hidden }) => ({ name, hidden })),
    },
    sheet: {
      name: shown.name,
      maxRows: shown.maxRows,
      maxColumns: shown.maxColumns,
      lastRow: shown.lastRow,
      lastColumn: shown.lastColumn,
      frozenRows: shown.frozenRows,
      frozenColumns: shown.frozenColumns,
      rowsShown: shown.values.length,
      moreRows: shown.lastRow - shown.values.length,
      values: shown.values,
      display: shown.display,
      formulas: shown.formulas,
      bold: shown.bold,
      backgrounds: shown.backgrounds,
      columnWidths: shown.columnWidths,
      errors: cellErrors(sheet, shown.values),
      charts: playgroundCharts(spreadsheet, shown.charts),
    },
  };
}

function cellErrors(sheet: SheetModel, values: readonly (readonly unknown[])[]): GridCellError[] {
  const errors: GridCellError[] = [];
  values.forEach((line, r) => {
    line.forEach((value, c) => {
      if (typeof value !== "string" || !value.startsWith("#")) return;
      const cell = cellValue(sheet.cell(r + 1, c + 1));
      if (cell instanceof CellError) {
        errors.push({ row: r + 1, column: c + 1, code: cell.code, message: cell.message });
      }
    });
  });
  return errors;
}

/** One cell as the grid shows it, answered after typing into it. */
export function describeCell(sheet: SheetModel, row: number, column: number) {
  const rect = { row, column, numRows: 1, numColumns: 1 };
  const cell = sheet.cell(row, column);
  const value = cellValue(cell);
  return {
    a1: cellA1(row, column),
    display: sheet.readDisplayValues(rect)[0]![0]!,
    formula: sheet.readFormulas(rect)[0]![0]! || undefined,
    error: value instanceof CellError ? { code: value.code, message: value.message } : undefined,
    spill:
      cell instanceof Formula ? { rows: cell.spillRows, columns: cell.spillColumns } : undefined,
  };
}

function menuFunctions(entries: readonly MenuEntry[], into = new Map<string, string>()) {
  for (const entry of entries) {
    if (entry.type === "item") into.set(entry.functionName, entry.caption);
    else if (entry.type === "submenu") menuFunctions(entry.items, into);
  }
  return into;
}

/** The live-update stream: one coalesced event per burst of changes, after the execution ends. */
class ChangeFeed {
  readonly versions: Versions = { spreadsheet: 0, ui: 0, sidebar: 0 };
  readonly #clients = new Set<ServerResponse>();
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(now: () => number) {
    this.#now = now;
    this.#heartbeat = setInterval(() => {
      for (const client of this.#clients) client.write(": still here\n\n");
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  subscribe(response: ServerResponse): void {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    response.write("retry: 1000\n\n");
    response.write(this.#message());
    this.#clients.add(response);
    response.on("close", () => this.#clients.delete(response));
  }

  bump(kind: keyof Versions): void {
    this.versions[kind]++;
    this.schedule();
  }

  /** Sends the versions and the clock soon (the timer fires once the running execution ends). */
  schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const message = this.#message();
      for (const client of this.#clients) client.write(message);
    }, EVENT_DELAY_MS);
  }

  close(): void {
    clearInterval(this.#heartbeat);
    clearTimeout(this.#timer);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }

  #message(): string {
    return `data: ${JSON.stringify({ ...this.versions, now: this.#now() })}\n\n`;
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  // A JSON content type keeps other web pages out: their cross-origin POSTs can't set it unasked.
  if (!request.headers["content-type"]?.startsWith("application/json")) {
    throw new HttpError(415, "Send JSON (content-type: application/json).");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "The request body is too large.");
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "The request body is not JSON.");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new HttpError(400, "The request body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(value));
}

function positiveInteger(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new HttpError(400, `${name} must be a whole number from 1.`);
  }
  return value;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/** Starts the fake API, the runtime with the demo keys and the add-on menu, and the server. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const [assets, api] = await Promise.all([
    loadAssets(),
    startFakeApiInWorker({ ...options.fakeApi, port: 0 }),
  ]);
  let runtime: AppsScriptRuntime;
  try {
    runtime = new AppsScriptRuntime({ ...options.runtime, routes: apiRoutes(api.url) });
  } catch (error) {
    await api.close();
    throw error;
  }
  const codePath = path.resolve(options.runtime?.codePath ?? "dist/Code.js");
  const sidebarFile = path.join(options.runtime?.htmlDir ?? path.dirname(codePath), "Sidebar.html");
  const host = options.host ?? "127.0.0.1";
  const app = new PlaygroundApp(runtime, api, assets, sidebarFile);
  try {
    app.open(options.saveDemoKeys ?? true);
    const server = createServer((request, response) => void app.handle(request, response));
    const requested = options.port ?? DEFAULT_PORT;
    const port = await listen(server, requested, host).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE" || requested === 0) throw error;
      return listen(server, 0, host);
    });
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      runtime,
      api,
      formulas: app.formulas,
      close() {
        closing ??= (async () => {
          app.close();
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          runtime.close();
          await api.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    app.close();
    runtime.close();
    await api.close();
    throw error;
  }
}

/** The routes, over one runtime. Executions run one at a time: the runtime is synchronous. */
class PlaygroundApp {
  readonly formulas: PlaygroundFormulas;
  readonly #runtime: AppsScriptRuntime;
  readonly #api: FakeApiHandle;
  readonly #assets: PlaygroundAssets;
  readonly #sidebarFile: string;
  readonly #feed: ChangeFeed;
  readonly #notices: Notice[] = [];
  readonly #stopListening: (() => void)[] = [];
  #nextNoticeId = 1;
  /** How many executions have been looked at for failures to report. */
  #executionsSeen = 0;
  /** The POST routes: what the page (and the sidebar's shim) ask the runtime to do. */
  readonly #actions: Readonly<Record<string, (body: Record<string, unknown>) => unknown>> = {
    "/rpc": (body) => this.#rpc(body),
    "/cell": (body) => this.#typeIntoCell(body),
    "/menu": (body) => this.#clickMenuItem(body),
    "/advance": (body) => this.#advance(body),
    "/activate": (body) => this.#activateSheet(body),
    "/dismiss": (body) => this.#dismiss(body),
    "/spreadsheet": (body) => this.#spreadsheet(body),
  };
  /** The spreadsheet shown: the grid, the menus and the sidebar are its; executions run in it. */
  #current: DocumentState;
  #saveDemoKeys = false;

  constructor(
    runtime: AppsScriptRuntime,
    api: FakeApiHandle,
    assets: PlaygroundAssets,
    sidebarFile: string,
  ) {
    this.#runtime = runtime;
    this.#api = api;
    this.#assets = assets;
    this.#sidebarFile = sidebarFile;
    this.#feed = new ChangeFeed(() => runtime.clock.now());
    this.formulas = new PlaygroundFormulas(runtime);
    this.#current = runtime.documents.primary;
  }

  /** Wires the live updates, saves the demo keys and runs onOpen, as opening the file does. */
  open(saveDemoKeys: boolean): void {
    this.#saveDemoKeys = saveDemoKeys;
    this.#openDocument(this.#runtime.documents.primary);
  }

  /** Wires a spreadsheet's live updates, saves the demo keys in it and runs its onOpen. */
  #openDocument(document: DocumentState): void {
    const { spreadsheet, ui } = document;
    this.formulas.install(spreadsheet);
    // Only the spreadsheet shown feeds the page; another one's changes wait until it is shown.
    const shown = () => this.#current === document;
    this.#stopListening.push(
      spreadsheet.onChange(() => {
        if (shown()) this.#feed.bump("spreadsheet");
      }),
      ui.onChange((event) => {
        if (shown()) this.#onUiEvent(event);
      }),
    );
    const id = spreadsheet.id;
    if (this.#saveDemoKeys) {
      this.formulas.whileScriptRuns(() =>
        this.#runtime.serverCall(
          "saveSettings",
          [{ keyapiKey: DEMO_KEYAPI_KEY, fastmossToken: DEMO_FASTMOSS_TOKEN }],
          undefined,
          id,
        ),
      );
    }
    this.formulas.whileScriptRuns(() =>
      this.#runtime.simpleTrigger("onOpen", "FULL", undefined, id),
    );
    this.#noticeFailedExecutions();
  }

  /** Opens another spreadsheet of the same user ({open: true}) or shows one ({id}). */
  #spreadsheet(body: Record<string, unknown>) {
    if (body.open === true) {
      const count = this.#runtime.documents.list().length;
      const document = this.#runtime.openSpreadsheet({ name: `Spreadsheet ${count + 1}` });
      this.#current = document;
      this.#openDocument(document);
    } else {
      const found = this.#runtime.documents
        .list()
        .find((document) => document.spreadsheet.id === body.id);
      if (!found) throw new HttpError(404, `There is no spreadsheet with id ${String(body.id)}.`);
      this.#current = found;
    }
    for (const kind of ["spreadsheet", "ui", "sidebar"] as const) this.#feed.bump(kind);
    return { ok: true, id: this.#current.spreadsheet.id, name: this.#current.spreadsheet.name };
  }

  close(): void {
    for (const stop of this.#stopListening) stop();
    this.#feed.close();
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://playground");
    try {
      await this.#route(request, response, url);
    } catch (error) {
      if (response.headersSent) {
        response.end();
        return;
      }
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, status, { ok: false, error: { name: "Error", message } });
    }
  }

  async #route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const route = `${request.method} ${url.pathname}`;
    switch (route) {
      case "GET /":
        return send(response, 200, "text/html; charset=utf-8", this.#assets.pageHtml);
      case "GET /page.js":
        return send(response, 200, "text/javascript; charset=utf-8", this.#assets.pageJs);
      case "GET /page.css":
        return send(response, 200, "text/css; charset=utf-8", this.#assets.pageCss);
      case "GET /sidebar":
        return send(response, 200, "text/html; charset=utf-8", this.#sidebarHtml());
      case "GET /state":
        return sendJson(response, 200, this.#state());
      case "GET /snapshot":
        return sendJson(response, 200, this.#snapshot(url.searchParams));
      case "GET /events":
        return this.#feed.subscribe(response);
      default:
        break;
    }
    const action = request.method === "POST" ? this.#actions[url.pathname] : undefined;
    if (!action) {
      const known = request.method === "GET" || request.method === "POST";
      throw new HttpError(known ? 404 : 405, `No route ${route}.`);
    }
    const answer = action(await readJson(request));
    this.#noticeFailedExecutions();
    this.#feed.schedule();
    sendJson(response, 200, answer);
  }

  #sidebarHtml(): string {
    let html = this.#current.ui.sidebar?.html;
    if (html === undefined) {
      try {
        html = readFileSync(this.#sidebarFile, "utf8");
      } catch {
        throw new HttpError(404, `${this.#sidebarFile} is missing: run npm run build.`);
      }
    }
    return injectShim(html, this.#assets.shimJs);
  }

  #state(): PlaygroundState {
    const { spreadsheet, ui } = this.#current;
    const { clock } = this.#runtime;
    return {
      spreadsheetName: spreadsheet.name,
      spreadsheetId: spreadsheet.id,
      spreadsheets: this.#runtime.documents
        .list()
        .map((document) => ({ id: document.spreadsheet.id, name: document.spreadsheet.name })),
      timeZone: spreadsheet.timeZone,
      now: clock.now(),
      menus: ui.menus,
      notices: this.#notices,
      sidebar: { title: ui.sidebar?.title ?? "", opened: ui.sidebars.length },
      demoKeys: { keyapiKey: DEMO_KEYAPI_KEY, fastmossToken: DEMO_FASTMOSS_TOKEN },
      fakeApiUrl: this.#api.url,
      versions: { ...this.#feed.versions },
    };
  }

  #snapshot(params: URLSearchParams): GridSnapshot {
    const asked = Number(params.get("maxRows") ?? DEFAULT_SNAPSHOT_ROWS);
    const maxRows = Number.isInteger(asked)
      ? Math.min(Math.max(asked, 1), MAX_SNAPSHOT_ROWS)
      : DEFAULT_SNAPSHOT_ROWS;
    return gridSnapshot(this.#current.spreadsheet, params.get("sheet") ?? undefined, maxRows);
  }

  /** google.script.run: the call's answer, or the Error its failure handler would get. */
  #rpc(body: Record<string, unknown>): RpcAnswer {
    const { name, args } = body;
    if (typeof name !== "string" || name === "")
      throw new HttpError(400, "name must be a function name.");
    if (!Array.isArray(args)) throw new HttpError(400, "args must be an array.");
    try {
      const value = this.formulas.whileScriptRuns(() =>
        this.#runtime.serverCall(
          name,
          decodeFromTransport(args) as unknown[],
          undefined,
          this.#current.spreadsheet.id,
        ),
      );
      return { ok: true, value };
    } catch (error) {
      const { name: errorName, message } =
        error instanceof Error ? error : { name: "Error", message: String(error) };
      return { ok: false, error: { name: errorName, message } };
    }
  }

  /** A user typing `text` into a cell: the model's typed-input rules, formulas evaluated. */
  #typeIntoCell(body: Record<string, unknown>) {
    const { sheet: sheetName, text } = body;
    if (typeof sheetName !== "string") throw new HttpError(400, "sheet must be a sheet name.");
    if (typeof text !== "string") throw new HttpError(400, "text must be a string.");
    const sheet = this.#current.spreadsheet.findSheet(sheetName);
    if (!sheet) throw new HttpError(404, `There is no sheet named "${sheetName}".`);
    const row = positiveInteger(body.row, "row");
    const column = positiveInteger(body.column, "column");
    if (row > sheet.maxRows || column > sheet.maxColumns) {
      throw new HttpError(400, `${cellA1(row, column)} is outside the sheet "${sheet.name}".`);
    }
    try {
      sheet.setValuesDirect(row, column, [[text]]);
    } catch (error) {
      throw new HttpError(400, error instanceof Error ? error.message : String(error));
    }
    return { ok: true, sheet: sheet.name, cell: describeCell(sheet, row, column) };
  }

  #clickMenuItem(body: Record<string, unknown>) {
    const { functionName } = body;
    const captions = new Map<string, string>();
    for (const menu of this.#current.ui.menus) menuFunctions(menu.items, captions);
    if (typeof functionName !== "string" || !captions.has(functionName)) {
      throw new HttpError(400, `No menu item runs ${String(functionName)}.`);
    }
    const record = this.formulas.whileScriptRuns(() =>
      this.#runtime.menuItem(functionName, undefined, this.#current.spreadsheet.id),
    );
    return { ok: record.ok, ...(record.error ? { error: record.error } : {}) };
  }

  #advance(body: Record<string, unknown>) {
    const ms = body.ms ?? HOUR_MS;
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms <= 0 || ms > MAX_ADVANCE_MS) {
      throw new HttpError(400, "ms must be a number of milliseconds above 0, a year at most.");
    }
    this.formulas.whileScriptRuns(() => this.#runtime.advance(ms));
    return { ok: true, now: this.#runtime.clock.now() };
  }

  #activateSheet(body: Record<string, unknown>) {
    const { spreadsheet } = this.#current;
    const sheet = typeof body.sheet === "string" ? spreadsheet.findSheet(body.sheet) : undefined;
    if (!sheet) throw new HttpError(404, `There is no sheet named "${String(body.sheet)}".`);
    spreadsheet.setActiveSheet(sheet);
    return { ok: true, sheet: sheet.name };
  }

  #dismiss(body: Record<string, unknown>) {
    const index = this.#notices.findIndex((notice) => notice.id === body.id);
    if (body.id === "all") this.#notices.length = 0;
    else if (index >= 0) this.#notices.splice(index, 1);
    this.#feed.bump("ui");
    return { ok: true };
  }

  #onUiEvent(event: UiEvent): void {
    switch (event.type) {
      case "menu":
        break;
      case "sidebar":
        this.#feed.bump("sidebar");
        break;
      case "alert":
        this.#addNotice(event.alert.kind, event.alert.title, event.alert.message);
        break;
      case "toast":
        this.#addNotice("toast", event.toast.title, event.toast.message);
        break;
      case "dialog":
        this.#addNotice(
          "dialog",
          event.dialog.title,
          "The script opened a dialog; the playground shows only sidebars.",
        );
        break;
    }
    this.#feed.bump("ui");
  }

  #addNotice(kind: Notice["kind"], title: string, message: string): void {
    this.#notices.push({
      id: this.#nextNoticeId++,
      kind,
      title,
      message,
      at: this.#runtime.clock.now(),
    });
    if (this.#notices.length > MAX_NOTICES)
      this.#notices.splice(0, this.#notices.length - MAX_NOTICES);
    this.#feed.bump("ui");
  }

  /** Menu items, triggers and onOpen have no caller to tell when they fail: the page tells. */
  #noticeFailedExecutions(): void {
    const { executions } = this.#runtime;
    for (; this.#executionsSeen < executions.length; this.#executionsSeen++) {
      const record: ExecutionRecord = executions[this.#executionsSeen]!;
      if (record.ok || record.kind === "serverCall" || record.kind === "customFunction") continue;
      this.#addNotice("error", `${record.functionName} failed`, record.error?.message ?? "");
    }
  }
}
