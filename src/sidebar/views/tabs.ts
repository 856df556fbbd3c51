// The three views as ARIA tabs: buttons in a tablist, arrow keys and Home/End between them, and
// one tabpanel shown at a time.

import type { ViewContext } from "../context.js";
import { h } from "../dom.js";
import { VIEWS, type ViewName } from "../state.js";
import { watch } from "../store.js";

export interface Tab {
  readonly view: ViewName;
  readonly label: string;
  readonly panel: HTMLElement;
}

export function tabs(ctx: ViewContext, items: readonly Tab[], label: string) {
  const buttons = items.map((item) =>
    h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${item.view}`,
        "aria-controls": `panel-${item.view}`,
        "data-testid": `tab-${item.view}`,
        onClick: () => ctx.actions.showView(item.view),
      },
      item.label,
    ),
  );
  const bar = h("div", { role: "tablist", class: "tabs", "aria-label": label }, buttons);
  bar.addEventListener("keydown", (event) => {
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const last = buttons.length - 1;
    const next: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    buttons[target]?.focus();
    ctx.actions.showView(VIEWS[target] ?? "search");
  });
  const panels = items.map((item) =>
    h(
      "div",
      {
        role: "tabpanel",
        id: `panel-${item.view}`,
        "aria-labelledby": `tab-${item.view}`,
        class: "panel",
      },
      item.panel,
    ),
  );
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.view,
    (view) => {
      items.forEach((item, index) => {
        const selected = item.view === view;
        buttons[index]?.setAttribute("aria-selected", String(selected));
        buttons[index]?.setAttribute("tabindex", selected ? "0" : "-1");
        if (panels[index]) panels[index].hidden = !selected;
      });
    },
  );
  return { bar, panels };
}
