// The Search tab's actions: the action bar that stays in sight (cost, Preview, Write to sheet),
// the preview's result, where to write (sheet and mode, each source its own) with the pull's
// progress, and "Save as scheduled query" (name and schedule).

import { MAX_SHEET_NAME } from "../../shared/pulls/targetFit.js";
import { estimateCost } from "../../shared/query/paging.js";
import { spendsCredits } from "../../shared/sources.js";
import { say, type ViewContext } from "../context.js";
import { h, uid } from "../dom.js";
import { formatCount } from "../i18n.js";
import { jobSlot } from "../jobs/jobPanel.js";
import { previewArea } from "../preview/previewTable.js";
import { capLeft, isBusy, jobActive, type SidebarState } from "../state.js";
import { sameItems, watch } from "../store.js";
import { field } from "../views/field.js";
import {
  costLine,
  limitForCost,
  SCHEDULES,
  type Schedule,
  type SearchForm,
  sourceForm,
  touched,
  WRITE_MODES,
  type WriteMode,
  withSourceForm,
} from "./form.js";
import { problemText, touchedProblem } from "./problems.js";
import { onSearchInput, searchSelect } from "./searchInputs.js";

/** Focuses the first field with a problem, after an action found some, opening its group. */
function focusFirstProblem(panel: HTMLElement): void {
  const invalid = panel.querySelector<HTMLElement>('[aria-invalid="true"]');
  const group = invalid?.closest("details");
  if (group) group.open = true;
  invalid?.focus();
}

/** Scrolls an element into sight below the sticky header (which holds the action bar). */
export function reveal(element: Element | null | undefined): void {
  if (!element) return;
  const header = document.querySelector<HTMLElement>(".top")?.offsetHeight ?? 0;
  const top = element.getBoundingClientRect().top + window.scrollY - header - 8;
  window.scrollTo({ top: Math.max(0, top) });
}

/** The Search tab's panel: where problems are looked for. */
const searchPanel = () => document.querySelector<HTMLElement>(".search") ?? document.body;

/** What the action bar's buttons do; also what Enter in a field does (preview). */
export async function previewNow(ctx: ViewContext): Promise<void> {
  const outcome = await ctx.actions.preview();
  if (outcome === "invalid") focusFirstProblem(searchPanel());
  else if (outcome === "done") reveal(document.querySelector("[data-testid=preview-area]"));
}

async function writeNow(ctx: ViewContext): Promise<void> {
  const started = ctx.actions.writeToSheet();
  // The pull's progress shows below the sheet and mode: bring it into sight while it runs.
  queueMicrotask(() => reveal(document.querySelector("[data-testid=write-section] .job-slot")));
  if ((await started) === "invalid") focusFirstProblem(searchPanel());
}

/**
 * What today's credit cap means for the run the form describes: what it leaves, or — when the run
 * needs more — that a pull would stop at the cap (and a formula fail without spending).
 */
function capNoteFor(ctx: ViewContext, state: SidebarState): { text: string; over: boolean } | null {
  const cap = capLeft(state);
  const limit = limitForCost(state.search.source, sourceForm(state.search).limit);
  if (!cap || limit === undefined || !spendsCredits(state.search.source)) return null;
  const { credits } = estimateCost(state.search.source, limit);
  const params = { left: formatCount(ctx.locale, cap.left), cap: formatCount(ctx.locale, cap.cap) };
  const over = credits > cap.left;
  return { text: say(ctx, over ? "cost.capHit" : "cost.capLeft", params), over };
}

/**
 * The bar in the sticky header while the Search tab is shown: the credit estimate, Preview and
 * Write to sheet — in reach at every scroll position, a few Tab presses from the top.
 */
export function actionBar(ctx: ViewContext): HTMLElement {
  const cost = h("p", { class: "cost", "data-testid": "cost", "aria-live": "polite" });
  const capNote = h("span", { class: "cost-cap", "data-testid": "cost-cap" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => {
      const limit = sourceForm(s.search).limit;
      const line = costLine(s.search.source, limit, ctx.locale) ?? say(ctx, "cost.unknown");
      const cap = capNoteFor(ctx, s);
      return [line, cap?.text, cap?.over] as const;
    },
    ([line, capText, over]) => {
      cost.textContent = line;
      if (capText === undefined) return;
      capNote.textContent = capText;
      capNote.classList.toggle("over", over === true);
      cost.append(capNote);
    },
    sameItems,
  );
  const preview = actionButton(ctx, {
    testid: "preview-button",
    label: (s) => say(ctx, isBusy(s, "preview") ? "preview.busy" : "preview.button"),
    disabled: (s) => isBusy(s, "preview"),
    onClick: () => void previewNow(ctx),
  });
  const write = actionButton(ctx, {
    testid: "write-button",
    primary: true,
    label: (s) => say(ctx, jobActive(s) ? "write.busy" : "write.button"),
    disabled: jobActive,
    onClick: () => void writeNow(ctx),
  });
  const bar = h(
    "div",
    {
      class: "action-bar",
      role: "toolbar",
      "aria-label": say(ctx, "bar.label"),
      "data-testid": "action-bar",
    },
    cost,
    h("div", { class: "actions" }, preview, write),
  );
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.view === "search",
    (shown) => {
      bar.hidden = !shown;
    },
  );
  return bar;
}

/** A button whose label and state follow the state (busy, disabled). */
function actionButton(
  ctx: ViewContext,
  options: {
    testid: string;
    primary?: boolean;
    label: (s: SidebarState) => string;
    disabled: (s: SidebarState) => boolean;
    onClick: () => void;
  },
): HTMLButtonElement {
  const button = h("button", {
    type: "button",
    class: options.primary ? "primary" : "secondary",
    "data-testid": options.testid,
    onClick: options.onClick,
  });
  watch(
    ctx.scope,
    ctx.store,
    (s) => `${options.label(s)}|${options.disabled(s)}`,
    () => {
      const s = ctx.store.get();
      button.textContent = options.label(s);
      button.disabled = options.disabled(s);
      button.setAttribute("aria-busy", String(options.disabled(s)));
    },
  );
  return button;
}

export function previewSection(ctx: ViewContext): HTMLElement {
  return h(
    "section",
    { class: "block", "aria-labelledby": "preview-heading" },
    h("h2", { id: "preview-heading" }, say(ctx, "preview.title")),
    h("p", { class: "help" }, say(ctx, "preview.help")),
    previewArea(ctx),
  );
}

const MODE_TEXT: Readonly<
  Record<WriteMode, { label: `mode.${WriteMode}`; help: `mode.${WriteMode}.help` }>
> = {
  replace: { label: "mode.replace", help: "mode.replace.help" },
  append: { label: "mode.append", help: "mode.append.help" },
  upsert: { label: "mode.upsert", help: "mode.upsert.help" },
  history: { label: "mode.history", help: "mode.history.help" },
};

/** The write modes as radio buttons, each with its one-line explanation. */
function modeChoice(ctx: ViewContext, chosen: WriteMode): HTMLElement {
  const name = uid("mode");
  return h(
    "fieldset",
    { class: "field choices", "data-testid": "mode" },
    h("legend", {}, say(ctx, "write.mode")),
    WRITE_MODES.map((mode) => {
      const help = h(
        "span",
        { id: uid(`mode-help-${mode}`), class: "help" },
        say(ctx, MODE_TEXT[mode].help),
      );
      const radio = h("input", {
        type: "radio",
        name,
        value: mode,
        checked: mode === chosen,
        "data-testid": `mode-${mode}`,
        "aria-describedby": help.id,
        onChange: () => ctx.actions.updateSearch((form) => withSourceForm(form, { mode })),
      });
      radio.checked = mode === chosen;
      return h(
        "label",
        { class: "choice" },
        radio,
        h("span", {}, say(ctx, MODE_TEXT[mode].label)),
        help,
      );
    }),
  );
}

/** What writing to the named sheet will do: create it, or write into an existing one. */
function sheetNote(ctx: ViewContext, form: SearchForm, sheets: readonly string[]): string {
  const { sheet: typed, mode } = sourceForm(form);
  const sheet = typed.trim();
  if (sheet === "") return "";
  const lower = sheet.toLowerCase();
  if (!sheets.some((name) => name.toLowerCase() === lower)) {
    return say(ctx, "write.newSheet", { sheet });
  }
  return say(ctx, mode === "replace" ? "write.replaceExisting" : "write.existing", { sheet });
}

export function writeSection(ctx: ViewContext): HTMLElement {
  const fields = sourceForm(ctx.store.get().search);
  const listId = uid("sheets");
  const sheets = h("datalist", { id: listId });
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.sheets,
    (names) => {
      sheets.replaceChildren(...names.map((name) => h("option", { value: name })));
    },
  );
  const note = h("p", { class: "help", "data-testid": "sheet-note", "aria-live": "polite" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => sheetNote(ctx, s.search, s.sheets),
    (text) => {
      note.textContent = text;
    },
  );
  const sheetField = field(ctx, {
    name: "sheet",
    label: say(ctx, "write.sheet"),
    control: h("input", {
      type: "text",
      "data-testid": "sheet-name",
      name: "sheet",
      value: fields.sheet,
      list: listId,
      autocomplete: "off",
      maxlength: String(MAX_SHEET_NAME),
      onInput: onSearchInput(ctx, (form, sheet) =>
        touched(withSourceForm(form, { sheet }), "sheet"),
      ),
    }),
    extra: [sheets, note],
    help: say(ctx, "write.sheetHelp"),
    problem: (s) => problemText(touchedProblem(s, "sheet"), ctx.locale, s.search.source),
  });
  const modeField = modeChoice(ctx, fields.mode);
  return h(
    "section",
    { class: "block", "aria-labelledby": "write-heading", "data-testid": "write-section" },
    h("h2", { id: "write-heading" }, say(ctx, "write.title")),
    h("p", { class: "help" }, say(ctx, "write.help")),
    sheetField,
    modeField,
    jobSlot(ctx, "search"),
  );
}

const SCHEDULE_TEXT: Readonly<
  Record<Schedule, { label: `schedule.${Schedule}`; help: `schedule.${Schedule}.help` }>
> = {
  off: { label: "schedule.off", help: "schedule.off.help" },
  hourly: { label: "schedule.hourly", help: "schedule.hourly.help" },
  daily: { label: "schedule.daily", help: "schedule.daily.help" },
  weekly: { label: "schedule.weekly", help: "schedule.weekly.help" },
};

export function saveSection(ctx: ViewContext): HTMLElement {
  const state = ctx.store.get();
  const nameField = field(ctx, {
    name: "name",
    label: say(ctx, "save.name"),
    control: h("input", {
      type: "text",
      "data-testid": "save-name",
      name: "name",
      value: state.search.name,
      autocomplete: "off",
      onInput: onSearchInput(ctx, (form, name) => touched({ ...form, name }, "name")),
    }),
    problem: (s) => problemText(touchedProblem(s, "name"), ctx.locale, s.search.source),
  });
  const scheduleHelp = h("p", { class: "help", "data-testid": "schedule-help" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.search.schedule,
    (schedule) => {
      scheduleHelp.textContent = say(ctx, SCHEDULE_TEXT[schedule].help);
    },
  );
  const scheduleField = searchSelect(ctx, {
    name: "schedule",
    testid: "save-schedule",
    label: say(ctx, "save.schedule"),
    choices: SCHEDULES.map((schedule) => ({
      value: schedule,
      label: say(ctx, SCHEDULE_TEXT[schedule].label),
    })),
    selected: state.search.schedule,
    choose: (form, schedule) => ({ ...form, schedule: schedule as Schedule }),
    extra: scheduleHelp,
  });
  const button = actionButton(ctx, {
    testid: "save-button",
    label: (s) =>
      say(
        ctx,
        isBusy(s, "save") ? "save.busy" : s.search.editingId ? "save.update" : "save.button",
      ),
    disabled: (s) => isBusy(s, "save"),
    onClick: async () => {
      if ((await ctx.actions.saveSearch()) === "invalid") focusFirstProblem(searchPanel());
    },
  });
  const note = h("p", { class: "note", "data-testid": "save-note", role: "status" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.saveNote,
    (saved) => {
      note.textContent = saved?.text ?? "";
    },
  );
  return h(
    "section",
    { class: "block", "aria-labelledby": "save-heading" },
    h("h2", { id: "save-heading" }, say(ctx, "save.title")),
    h("p", { class: "help" }, say(ctx, "save.help")),
    nameField,
    scheduleField,
    h("div", { class: "actions" }, button),
    note,
  );
}
