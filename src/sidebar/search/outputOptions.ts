// The Search tab's output options: which columns to write (the default set, all, or picked from
// the catalogue) and how the header row reads.

import { catalogueOf, isSeenKey } from "../../shared/columns/index.js";
import type { SourceName } from "../../shared/columns/types.js";
import { inScope, say, type ViewContext } from "../context.js";
import { h, uid } from "../dom.js";
import { inLocale } from "../i18n.js";
import { rebuildOn } from "../store.js";
import { problemLine, select } from "../views/field.js";
import { type ColumnsMode, type HeadersChoice, sourceForm, withSourceForm } from "./form.js";
import { problemText, queryFieldProblem } from "./problems.js";
import { onSearchInput, searchSelect } from "./searchInputs.js";

function columnPicker(ctx: ViewContext, source: SourceName): HTMLElement {
  const catalogue = catalogueOf(source);
  const picked = new Set(sourceForm(ctx.store.get().search).picked);
  const legend = h("legend", { class: "visually-hidden" }, say(ctx, "output.pickLegend"));
  const boxes = catalogue.columns.map((column) => {
    const box = h("input", {
      type: "checkbox",
      value: column.key,
      checked: picked.has(column.key),
      "data-testid": `column-${column.key}`,
      onChange: (event: Event) => {
        const { checked } = event.target as HTMLInputElement;
        ctx.actions.updateSearch((form) => {
          const keys = new Set(sourceForm(form).picked);
          if (checked) keys.add(column.key);
          else keys.delete(column.key);
          return withSourceForm(form, { picked: [...keys] });
        });
      },
    });
    box.checked = picked.has(column.key);
    return h(
      "label",
      { class: "check", title: inLocale(column.description, ctx.locale) },
      box,
      h("span", {}, inLocale(column.label, ctx.locale)),
      h("code", {}, column.key),
    );
  });
  return h("fieldset", { class: "picker", "data-testid": "column-picker" }, legend, boxes);
}

export function outputOptions(ctx: ViewContext, source: SourceName): HTMLElement {
  const catalogue = catalogueOf(source);
  const fields = sourceForm(ctx.store.get().search);
  const modes: { value: ColumnsMode; label: string }[] = [
    {
      value: "default",
      label: say(ctx, "output.default", { count: catalogue.defaultKeys.length }),
    },
    {
      value: "all",
      // `all` leaves out the upsert-only first/last seen columns, which are picked by name.
      label: say(ctx, "output.all", {
        count: catalogue.columns.filter((column) => !isSeenKey(column.key)).length,
      }),
    },
    { value: "pick", label: say(ctx, "output.pick") },
  ];
  const modeControl = select(
    {
      "data-testid": "columns-mode",
      name: "columns-mode",
      onInput: onSearchInput(ctx, (form, choice) => {
        const columnsMode = choice as ColumnsMode;
        // Picking starts from the default set, which most people adjust rather than build.
        const picked =
          sourceForm(form).picked.length > 0 ? sourceForm(form).picked : catalogue.defaultKeys;
        return withSourceForm(form, {
          columnsMode,
          picked: columnsMode === "pick" ? [...picked] : sourceForm(form).picked,
        });
      }),
    },
    modes,
    fields.columnsMode,
  );
  modeControl.id = uid("columns-mode");
  const pickerSlot = h("div");
  rebuildOn(
    ctx.scope,
    ctx.store,
    (s) => sourceForm(s.search).columnsMode,
    (mode, inner) => {
      pickerSlot.replaceChildren(
        ...(mode === "pick" ? [columnPicker(inScope(ctx, inner), source)] : []),
      );
    },
  );
  const headers: { value: HeadersChoice; label: string }[] = [
    { value: "labels", label: say(ctx, "output.headersLabels") },
    { value: "keys", label: say(ctx, "output.headersKeys") },
  ];
  return h(
    "details",
    { class: "group", "data-testid": "group-output" },
    h("summary", {}, say(ctx, "group.output")),
    h(
      "div",
      { class: "field" },
      h("label", { for: modeControl.id }, say(ctx, "output.columns")),
      modeControl,
      pickerSlot,
      problemLine(ctx, "columns", [modeControl], (s) =>
        problemText(queryFieldProblem(s, "columns"), ctx.locale, s.search.source),
      ),
    ),
    searchSelect(ctx, {
      name: "headers",
      testid: "headers",
      label: say(ctx, "output.headers"),
      choices: headers,
      selected: fields.headers,
      choose: (form, choice) => withSourceForm(form, { headers: choice as HeadersChoice }),
      help: say(ctx, "output.headersHelp"),
      problem: (s) => problemText(queryFieldProblem(s, "headers"), ctx.locale, s.search.source),
    }),
  );
}
