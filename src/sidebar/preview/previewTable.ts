// The preview of a query's first rows: a compact table that scrolls both ways, its cells written
// as text (a creator named "<img onerror=…>" is a name, nothing more).

import { catalogueOf } from "../../shared/columns/index.js";
import type { SourceName } from "../../shared/columns/types.js";
import { h } from "../dom.js";
import { inLocale, type Locale, t, tn } from "../i18n.js";
import type { Preview } from "../state.js";
import { watch } from "../store.js";
import { say, type ViewContext } from "../views/context.js";
import { cellText, isNumeric } from "./cells.js";

/** The table of a preview, headed with the column labels in the sidebar's language. */
export function previewTable(
  preview: Preview,
  source: SourceName,
  locale: Locale,
  timeZone: string,
): HTMLTableElement {
  const labels = new Map(catalogueOf(source).columns.map((column) => [column.key, column.label]));
  const columns = preview.columns.map((column) => {
    const label = labels.get(column.key);
    return { ...column, label: label ? inLocale(label, locale) : column.label };
  });
  const head = h(
    "thead",
    {},
    h(
      "tr",
      {},
      columns.map((column) => h("th", { scope: "col", title: column.key }, column.label)),
    ),
  );
  const body = h(
    "tbody",
    {},
    preview.rows.map((row) =>
      h(
        "tr",
        {},
        columns.map((column, index) => {
          const text = cellText(row[index] ?? null, column.format, locale, timeZone);
          return h(
            "td",
            { class: isNumeric(column.format) ? "num" : undefined, title: text },
            text,
          );
        }),
      ),
    ),
  );
  return h(
    "table",
    { class: "preview", "data-testid": "preview-table" },
    h("caption", { class: "visually-hidden" }, t(locale, "preview.caption")),
    head,
    body,
  );
}

/** What the preview cost: "1 request · 1 credit", or nothing when it came from the cache. */
export function previewCost(preview: Preview, locale: Locale): string {
  if (preview.requests === 0) return t(locale, "preview.cached");
  return tn(locale, "preview.used", preview.requests, {
    credits: tn(locale, "cost.credits", preview.credits),
  });
}

/** The preview's place on the Search tab, following the preview state. */
export function previewArea(ctx: ViewContext): HTMLElement {
  const area = h("div", { class: "preview-area", "aria-live": "polite" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.preview,
    (state) => {
      area.replaceChildren();
      if (state.phase === "loading") {
        area.append(h("p", { class: "help" }, say(ctx, "preview.loading")));
      } else if (state.phase === "shown") {
        const { preview, source } = state;
        const rows = preview.rows.length;
        area.append(
          h(
            "p",
            { class: "help", "data-testid": "preview-info" },
            rows === 0
              ? say(ctx, "preview.empty")
              : `${tn(ctx.locale, "preview.rows", rows)} · ${previewCost(preview, ctx.locale)}`,
          ),
        );
        if (rows > 0) {
          area.append(
            h(
              "div",
              {
                class: "table-scroll",
                tabindex: "0",
                role: "region",
                "aria-label": say(ctx, "preview.caption"),
              },
              previewTable(preview, source, ctx.locale, ctx.store.get().timeZone),
            ),
          );
        }
      }
    },
  );
  return area;
}
