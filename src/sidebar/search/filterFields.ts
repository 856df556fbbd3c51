// The filter fields of the search form, built from the shared specs: text and number boxes,
// labelled choices for enums, a range's bounds side by side, and FastMoss's period as a type plus
// a picker that offers only completed periods.

import type { SourceName } from "../../shared/columns/types.js";
import type { FilterSpec } from "../../shared/query/index.js";
import { inScope, say, type ViewContext } from "../context.js";
import { h, uid } from "../dom.js";
import { inLocale, tn } from "../i18n.js";
import { serverNow } from "../state.js";
import { rebuildOn, watch } from "../store.js";
import { type Control, describeBy, field, problemLine, select } from "../views/field.js";
import { sourceForm, withFilter } from "./form.js";
import { FILTER_GROUPS, type FilterRow, groupRows, rangeCaption } from "./groups.js";
import { latestDay, recentMonths, recentWeeks } from "./periods.js";
import { problemText, queryFieldProblem } from "./problems.js";
import { onSearchInput } from "./searchInputs.js";

const filterText = (ctx: ViewContext, name: string) =>
  sourceForm(ctx.store.get().search).filters[name] ?? "";

const onFilterInput = (ctx: ViewContext, name: string) =>
  onSearchInput(ctx, (form, value) => withFilter(form, name, value));

const problemOf =
  (ctx: ViewContext, name: string) => (state: Parameters<typeof queryFieldProblem>[0]) =>
    problemText(queryFieldProblem(state, name), ctx.locale, state.search.source);

const PLACEHOLDER: Partial<Record<FilterSpec["kind"], "placeholder.count" | "placeholder.ratio">> =
  {
    count: "placeholder.count",
    id: "placeholder.count",
    ratio: "placeholder.ratio",
  };

/** The control of one filter: a select for enums, a text box for the rest. */
function filterControl(ctx: ViewContext, spec: FilterSpec, placeholder?: string): Control {
  const value = filterText(ctx, spec.name);
  const common = {
    "data-testid": `filter-${spec.name}`,
    name: spec.name,
    onInput: onFilterInput(ctx, spec.name),
  };
  if (spec.kind === "enum") {
    const options = (spec.options ?? []).map((option) => ({
      value: String(option.value),
      label: inLocale(option.label, ctx.locale),
    }));
    return select(common, [{ value: "", label: say(ctx, "filter.any") }, ...options], value);
  }
  const hint = PLACEHOLDER[spec.kind];
  return h("input", {
    ...common,
    type: "text",
    value,
    autocomplete: "off",
    spellcheck: "false",
    inputmode:
      spec.kind === "count" || spec.kind === "id"
        ? "numeric"
        : spec.kind === "ratio"
          ? "decimal"
          : undefined,
    placeholder: placeholder ?? (hint ? say(ctx, hint) : undefined),
  });
}

function singleRow(ctx: ViewContext, spec: FilterSpec): HTMLElement {
  return field(ctx, {
    name: spec.name,
    label: inLocale(spec.label, ctx.locale),
    control: filterControl(ctx, spec),
    help: inLocale(spec.help, ctx.locale),
    problem: problemOf(ctx, spec.name),
  });
}

/** A range: one caption, the minimum and maximum side by side, each with its own label. */
function rangeRow(ctx: ViewContext, min: FilterSpec, max: FilterSpec): HTMLElement {
  const caption = h(
    "div",
    { id: uid(`caption-${min.name}`), class: "caption" },
    rangeCaption(min, max, ctx.locale),
  );
  const bound = (spec: FilterSpec, word: "range.min" | "range.max") => {
    const control = filterControl(ctx, spec, say(ctx, word));
    control.id = uid(`field-${spec.name}`);
    const label = h(
      "label",
      { for: control.id, class: "visually-hidden" },
      inLocale(spec.label, ctx.locale),
    );
    return { control, label };
  };
  const low = bound(min, "range.min");
  const high = bound(max, "range.max");
  const help = h(
    "p",
    { id: uid(`help-${min.name}`), class: "help" },
    inLocale(min.help, ctx.locale),
  );
  describeBy(low.control, help.id);
  describeBy(high.control, help.id);
  return h(
    "div",
    { class: "field range", role: "group", "aria-labelledby": caption.id },
    caption,
    h(
      "div",
      { class: "pair" },
      low.label,
      low.control,
      h("span", { class: "dash", "aria-hidden": "true" }, "–"),
      high.label,
      high.control,
    ),
    help,
    problemLine(ctx, min.name, [low.control], problemOf(ctx, min.name)),
    problemLine(ctx, max.name, [high.control], problemOf(ctx, max.name)),
  );
}

/** FastMoss's period: its type, and a value picker that fits the type. */
function periodRow(ctx: ViewContext, typeSpec: FilterSpec, valueSpec: FilterSpec): HTMLElement {
  const typeOptions = (typeSpec.options ?? []).map((option) => ({
    value: String(option.value),
    label: inLocale(option.label, ctx.locale),
  }));
  const typeControl = select(
    {
      "data-testid": `filter-${typeSpec.name}`,
      name: typeSpec.name,
      onInput: onFilterInput(ctx, typeSpec.name),
    },
    typeOptions,
    filterText(ctx, typeSpec.name) || "day",
  );
  const valueSlot = h("div");
  rebuildOn(
    ctx.scope,
    ctx.store,
    (state) => sourceForm(state.search).filters[typeSpec.name] || "day",
    (type, inner) => {
      valueSlot.replaceChildren(periodValueField(inScope(ctx, inner), valueSpec, type));
    },
  );
  return h(
    "div",
    { class: "period" },
    field(ctx, {
      name: typeSpec.name,
      label: inLocale(typeSpec.label, ctx.locale),
      control: typeControl,
      help: inLocale(typeSpec.help, ctx.locale),
      problem: problemOf(ctx, typeSpec.name),
    }),
    valueSlot,
  );
}

function periodValueField(ctx: ViewContext, spec: FilterSpec, type: string): HTMLElement {
  const now = serverNow(ctx.store.get());
  const value = filterText(ctx, spec.name);
  const common = {
    "data-testid": `filter-${spec.name}`,
    name: spec.name,
    onInput: onFilterInput(ctx, spec.name),
  };
  let control: Control;
  let help: string;
  if (type === "week" || type === "month") {
    const offered = type === "week" ? recentWeeks(now, ctx.locale) : recentMonths(now, ctx.locale);
    // A saved query may name an older period than the list offers: keep it choosable.
    const kept =
      value && !offered.some((option) => option.value === value) ? [{ value, label: value }] : [];
    const latest = say(ctx, type === "week" ? "period.latestWeek" : "period.latestMonth");
    control = select(common, [{ value: "", label: latest }, ...kept, ...offered], value);
    help = say(ctx, "period.completedOnly");
  } else {
    const max = latestDay(now);
    control = h("input", { ...common, type: "date", value, max });
    help = say(ctx, "period.dayHelp", { latest: max });
  }
  return field(ctx, {
    name: spec.name,
    label: inLocale(spec.label, ctx.locale),
    control,
    help,
    problem: problemOf(ctx, spec.name),
  });
}

function rowElement(ctx: ViewContext, row: FilterRow): HTMLElement {
  switch (row.kind) {
    case "single":
      return singleRow(ctx, row.spec);
    case "range":
      return rangeRow(ctx, row.min, row.max);
    case "period":
      return periodRow(ctx, row.type, row.value);
  }
}

/** How many of a group's filters hold a value: shown on its summary while it is closed. */
function groupCount(ctx: ViewContext, names: readonly string[]): HTMLElement {
  const badge = h("span", { class: "group-count", "data-testid": "group-count" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => names.filter((name) => (sourceForm(s.search).filters[name] ?? "").trim() !== "").length,
    (count) => {
      badge.textContent = count > 0 ? tn(ctx.locale, "group.count", count) : "";
      badge.hidden = count === 0;
    },
  );
  return badge;
}

/**
 * Every filter of the source, in its groups: the first open, the others closed — each saying how
 * many filters it holds — so that the form stays short and the actions near.
 */
export function filterGroups(ctx: ViewContext, source: SourceName): HTMLElement[] {
  return FILTER_GROUPS[source].map((group, index) =>
    h(
      "details",
      { class: "group", open: index === 0, "data-testid": `group-${group.id}` },
      h("summary", {}, say(ctx, `group.${group.id}`), " ", groupCount(ctx, group.filters)),
      groupRows(source, group).map((row) => rowElement(ctx, row)),
    ),
  );
}
