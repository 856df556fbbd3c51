// The Search tab: the source switch, then for the chosen source its region, limit and cost, every
// filter, then the output options and the actions (each in its own module).

import { SOURCE_NAMES } from "../../shared/columns/index.js";
import type { SourceName } from "../../shared/columns/types.js";
import { SOURCE_MAX_LIMIT } from "../../shared/query/index.js";
import { sourceLabel, sourceOf } from "../../shared/sources.js";
import { inScope, say, type ViewContext } from "../context.js";
import { h, uid } from "../dom.js";
import { formatCount } from "../i18n.js";
import { runningPullsPanel } from "../jobs/runningPulls.js";
import type { SidebarState } from "../state.js";
import { rebuildOn, watch } from "../store.js";
import { field, select } from "../views/field.js";
import { previewNow, previewSection, saveSection, writeSection } from "./actionSections.js";
import { filterGroups } from "./filterFields.js";
import { sourceForm, withSourceForm } from "./form.js";
import { outputOptions } from "./outputOptions.js";
import { problemText, queryFieldProblem } from "./problems.js";
import { KEYAPI_SUGGESTED_REGIONS, regionLabel } from "./regions.js";
import { onSearchInput } from "./searchInputs.js";

const NO_KEY_MESSAGE = {
  keyapiKey: "search.noKeyapiKey",
  fastmossToken: "search.noFastmossToken",
} as const;

function sourceSwitch(ctx: ViewContext): HTMLElement {
  const buttons = SOURCE_NAMES.map((source) => {
    const button = h(
      "button",
      {
        type: "button",
        class: "segment",
        "data-testid": `source-${source}`,
        onClick: () => ctx.actions.switchSource(source),
      },
      sourceLabel(source),
    );
    watch(
      ctx.scope,
      ctx.store,
      (s) => s.search.source === source,
      (on) => {
        button.setAttribute("aria-pressed", String(on));
      },
    );
    return button;
  });
  const label = h(
    "span",
    { id: uid("source-label"), class: "segment-label" },
    say(ctx, "search.source"),
  );
  return h(
    "div",
    { class: "source-switch" },
    label,
    h("div", { class: "segments", role: "group", "aria-labelledby": label.id }, buttons),
  );
}

function editingBanner(ctx: ViewContext): HTMLElement {
  // Focusable from script: loading a saved query moves the keyboard here.
  const banner = h("div", {
    class: "banner",
    "data-testid": "editing",
    "aria-live": "polite",
    tabindex: "-1",
  });
  watch(
    ctx.scope,
    ctx.store,
    (s) => (s.search.editingId ? s.search.name : undefined),
    (name) => {
      banner.replaceChildren();
      banner.hidden = name === undefined;
      if (name === undefined) return;
      banner.append(
        h("span", {}, say(ctx, "search.editing", { name })),
        h(
          "button",
          {
            type: "button",
            class: "link",
            "data-testid": "stop-editing",
            onClick: () => ctx.actions.stopEditing(),
          },
          say(ctx, "search.stopEditing"),
        ),
      );
    },
  );
  return banner;
}

function missingKeyHint(ctx: ViewContext, source: SourceName): HTMLElement {
  const hint = h("p", { class: "banner warn", "data-testid": "missing-key" });
  const setting = sourceOf(source).keySetting;
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.settings[setting].set,
    (set) => {
      hint.hidden = set;
      hint.replaceChildren(
        say(ctx, NO_KEY_MESSAGE[setting]),
        " ",
        h(
          "button",
          { type: "button", class: "link", onClick: () => ctx.actions.showView("settings") },
          say(ctx, "search.openSettings"),
        ),
      );
    },
  );
  return hint;
}

function regionField(ctx: ViewContext, source: SourceName): HTMLElement {
  const fields = sourceForm(ctx.store.get().search);
  const onInput = onSearchInput(ctx, (form, region) => withSourceForm(form, { region }));
  const problem = (s: SidebarState) =>
    problemText(queryFieldProblem(s, "region"), ctx.locale, s.search.source);
  const { regions } = sourceOf(source);
  if (regions !== "any") {
    const options = regions.map((code) => ({
      value: code,
      label: regionLabel(code, ctx.locale),
    }));
    return field(ctx, {
      name: "region",
      label: say(ctx, "search.region"),
      control: select({ "data-testid": "region", name: "region", onInput }, options, fields.region),
      problem,
    });
  }
  const listId = uid("regions");
  return field(ctx, {
    name: "region",
    label: say(ctx, "search.region"),
    control: h("input", {
      type: "text",
      "data-testid": "region",
      name: "region",
      value: fields.region,
      list: listId,
      autocomplete: "off",
      spellcheck: "false",
      autocapitalize: "characters",
      onInput,
    }),
    extra: h(
      "datalist",
      { id: listId },
      KEYAPI_SUGGESTED_REGIONS.map((code) =>
        h("option", { value: code }, regionLabel(code, ctx.locale)),
      ),
    ),
    help: say(ctx, "search.regionHelp"),
    problem,
  });
}

function limitField(ctx: ViewContext, source: SourceName): HTMLElement {
  return field(ctx, {
    name: "limit",
    label: say(ctx, "search.limit"),
    control: h("input", {
      type: "text",
      inputmode: "numeric",
      autocomplete: "off",
      "data-testid": "limit",
      name: "limit",
      value: sourceForm(ctx.store.get().search).limit,
      onInput: onSearchInput(ctx, (form, limit) => withSourceForm(form, { limit })),
    }),
    help: say(ctx, "search.limitHelp", { max: formatCount(ctx.locale, SOURCE_MAX_LIMIT[source]) }),
    problem: (s) => problemText(queryFieldProblem(s, "limit"), ctx.locale, s.search.source),
  });
}

/** The fields of one source's search, rebuilt when the source changes or a saved query is loaded. */
function sourceBody(ctx: ViewContext, source: SourceName): HTMLElement[] {
  return [
    missingKeyHint(ctx, source),
    h("div", { class: "row" }, regionField(ctx, source), limitField(ctx, source)),
    ...filterGroups(ctx, source),
    outputOptions(ctx, source),
    previewSection(ctx),
    writeSection(ctx),
    saveSection(ctx),
  ];
}

/** Enter in a text field previews, as a search box would (the action bar stays where it is). */
function previewOnEnter(ctx: ViewContext, event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  if (event.key !== "Enter" || event.isComposing || target.tagName !== "INPUT") return;
  const type = (target as HTMLInputElement).type;
  if (type === "checkbox" || type === "radio") return;
  event.preventDefault();
  void previewNow(ctx);
}

export function searchView(ctx: ViewContext): HTMLElement {
  const body = h("div", { class: "search-body" });
  const banner = editingBanner(ctx);
  const panel = h(
    "div",
    { class: "search", onKeydown: (event: Event) => previewOnEnter(ctx, event as KeyboardEvent) },
    runningPullsPanel(ctx),
    banner,
    sourceSwitch(ctx),
    body,
  );
  let version = ctx.store.get().formVersion;
  rebuildOn(
    ctx.scope,
    ctx.store,
    (s) => `${s.search.source}:${s.formVersion}`,
    (_, inner) => {
      const loaded = ctx.store.get().formVersion !== version;
      version = ctx.store.get().formVersion;
      // A saved query was loaded (Edit): say so where the keyboard is.
      if (loaded) queueMicrotask(() => banner.focus());
      body.replaceChildren(...sourceBody(inScope(ctx, inner), ctx.store.get().search.source));
    },
  );
  return panel;
}
