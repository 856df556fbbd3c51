// "Chart growth" in the sidebar: on the Saved tab, a line for the current sheet when it holds
// history snapshots, and a button on each saved history query's card. Both call chartGrowth and
// say how it went in one status line, which the panel and the cards share.

import { say, type ViewContext } from "../context.js";
import { type Child, h } from "../dom.js";
import type { SavedQuery } from "../state.js";
import { watch } from "../store.js";

interface GrowthUi {
  readonly locale: string;
  readonly panel: HTMLElement;
  chart(sheet: string): Promise<void>;
  refresh(): Promise<void>;
}

/** One growth UI per sidebar store: the panel and the cards' buttons share its status line. */
const uis = new WeakMap<object, GrowthUi>();

function growthUi(ctx: ViewContext): GrowthUi {
  const known = uis.get(ctx.store);
  if (known && known.locale === ctx.locale) return known;
  const status = h("p", { class: "help", role: "status", "data-testid": "growth-status" });
  const currentText = h("p", { class: "help" });
  const currentButton = h(
    "button",
    { type: "button", class: "secondary small" },
    say(ctx, "growth.chart"),
  );
  currentButton.dataset.testid = "chart-growth-current";
  const current = h(
    "div",
    { class: "growth-current", "data-testid": "growth-current", hidden: true },
    currentText,
    currentButton,
  );
  let currentSheet = "";
  currentButton.addEventListener("click", () => void ui.chart(currentSheet));
  const panel = h("div", { class: "growth-panel", "data-testid": "growth-panel" }, current, status);

  const ui: GrowthUi = {
    locale: ctx.locale,
    panel,
    async refresh() {
      try {
        const target = await ctx.actions.growthTarget();
        currentSheet = target.sheet;
        current.hidden = !target.history;
        const params = { sheet: target.sheet };
        currentText.textContent = `${say(ctx, "growth.current", params)} ${say(ctx, "growth.help", params)}`;
      } catch {
        current.hidden = true;
      }
    },
    async chart(sheet) {
      status.classList.remove("failed");
      status.textContent = say(ctx, "growth.charting", { sheet });
      try {
        const result = await ctx.actions.chartGrowth(sheet);
        status.textContent = say(ctx, "growth.done", {
          sheet: result.sheet,
          creators: result.creators,
        });
      } catch (error) {
        status.classList.add("failed");
        status.textContent = error instanceof Error ? error.message : String(error);
      }
      await ui.refresh();
    },
  };
  uis.set(ctx.store, ui);
  return ui;
}

/** The Saved tab's growth line: the current sheet, when it is a history sheet, and the status. */
export function growthPanel(ctx: ViewContext): HTMLElement {
  const ui = growthUi(ctx);
  // The user may have moved to another sheet since: look again whenever the tab is shown.
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.view,
    (view) => {
      if (view === "saved") void ui.refresh();
    },
  );
  return ui.panel;
}

/** "Chart growth" for a saved query that writes history; nothing for the others. */
export function growthButton(ctx: ViewContext, saved: SavedQuery): Child {
  const query = saved.query as { mode?: unknown; sheet?: unknown };
  if (query.mode !== "history" || typeof query.sheet !== "string") return null;
  const sheet = query.sheet;
  return h(
    "button",
    {
      type: "button",
      class: "secondary",
      "data-testid": "chart-growth",
      onClick: () => void growthUi(ctx).chart(sheet),
    },
    say(ctx, "growth.chart"),
  );
}
