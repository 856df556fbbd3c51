// A form field as screen readers and keyboards expect it: a label tied to its control, a help line
// and a problem line the control is described by, and aria-invalid kept in step with the problem.

import type { ViewContext } from "../context.js";
import { type Attributes, type Child, h, uid } from "../dom.js";
import type { SidebarState } from "../state.js";
import { watch } from "../store.js";

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What an input event's control holds now. */
export const controlValue = (event: Event) => (event.target as Control).value;

/** The problem line of a field, watched: empty when there is none. */
export function problemLine(
  ctx: ViewContext,
  name: string,
  controls: readonly Control[],
  problem: (state: SidebarState) => string,
): HTMLElement {
  const line = h("p", {
    id: uid(`error-${name}`),
    class: "field-error",
    "data-testid": `error-${name}`,
    "aria-live": "polite",
  });
  for (const control of controls) describeBy(control, line.id);
  watch(ctx.scope, ctx.store, problem, (text) => {
    line.textContent = text;
    for (const control of controls) control.setAttribute("aria-invalid", text ? "true" : "false");
  });
  return line;
}

/** Adds an element's id to what describes a control. */
export function describeBy(control: Element, id: string): void {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  control.setAttribute("aria-describedby", [...ids, id].join(" "));
}

export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly control: Control;
  readonly help?: string;
  readonly problem?: (state: SidebarState) => string;
  /** Shown after the control, before the help (a datalist, a note). */
  readonly extra?: Child;
  readonly className?: string;
}

/** Label, control, help and problem, tied together. */
export function field(ctx: ViewContext, options: FieldOptions): HTMLElement {
  const { name, label, control, help, problem, extra, className } = options;
  if (!control.id) control.id = uid(`field-${name}`);
  const helpLine = help ? h("p", { id: uid(`help-${name}`), class: "help" }, help) : undefined;
  if (helpLine) describeBy(control, helpLine.id);
  return h(
    "div",
    { class: className ? `field ${className}` : "field" },
    h("label", { for: control.id }, label),
    control,
    extra,
    helpLine,
    problem ? problemLine(ctx, name, [control], problem) : undefined,
  );
}

/** A select of values with their labels, `selected` chosen. */
export function select(
  attributes: Attributes,
  options: readonly { readonly value: string; readonly label: string }[],
  selected: string,
): HTMLSelectElement {
  const element = h(
    "select",
    attributes,
    options.map((option) =>
      h("option", { value: option.value, selected: option.value === selected }, option.label),
    ),
  );
  element.value = selected;
  return element;
}
