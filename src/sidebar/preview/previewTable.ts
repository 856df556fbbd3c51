// The preview of a query's first rows: a compact table that scrolls both ways, its cells written
// as text (a creator named "<img onerror=…>" is a name, nothing more).

import { catalogueOf } from "../../shared/columns/index.js";
import type { SourceName } from "../../shared/columns/types.js";
import { say, type ViewContext } from "../context.js";
import { h } from "../dom.js";
import { inLocale, type Locale, t, tn } from "../i18n.js";
import { sourceForm } from "../search/form.js";
import type { Preview, SidebarState } from "../state.js";
import { watch } from "../store.js";
import { cellText, isNumeric } from "./cells.js";

/** Filters whose column has another name than the filter's. */
const FILTER_COLUMN: Readonly<Record<string, string>> = {
  influencer_category_name: "category",
  influencer_language: "language",
  creator_category_id: "creator.category.name",
};

/** The column a filter is about: min_total_followers_cnt → total_followers_cnt, and so on. */
export function filterColumn(filter: string, keys: readonly string[]): string | undefined {
  const bare =
    FILTER_COLUMN[filter] ?? filter.replace(/^(min|max)_/, "").replace(/_(min|max)$/, "");
  return keys.find((key) => key === bare || key.endsWith(`.${bare}`));
}

/**
 * The order a narrow sidebar shows the columns in: the first (who the creator is), then the ones
 * the person filtered on, then the rest — the table scrolls sideways for those.
 */
export function previewOrder(keys: readonly string[], filters: readonly string[]): number[] {
  const wanted = new Set(filters.map((filter) => filterColumn(filter, keys)).filter(Boolean));
  const indexes = keys.map((_, index) => index);
  const first = indexes.slice(0, 1);
  const filtered = indexes.slice(1).filter((index) => wanted.has(keys[index]));
  const rest = indexes.slice(1).filter((index) => !wanted.has(keys[index]));
  return [...first, ...filtered, ...rest];
}

/** Codes that read as words in the preview: FastMoss's sales type. */
function codeText(key: string, value: unknown, locale: Locale): string | undefined {
  if (key !== "ecommerce_type" || !["1", "2", "3"].includes(String(value))) return undefined;
  return t(locale, `salesType.${String(value) as "1" | "2" | "3"}`);
}

/** The table of a preview, headed with the column labels in the sidebar's language. */
export function previewTable(
  preview: Preview,
  source: SourceName,
  locale: Locale,
  timeZone: string,
  filters: readonly string[] = [],
): HTMLTableElement {
  const labels = new Map(catalogueOf(source).columns.map((column) => [column.key, column.label]));
  const order = previewOrder(
    preview.columns.map((column) => column.key),
    filters,
  );
  const columns = order.map((index) => {
    const column = preview.columns[index]!;
    const label = labels.get(column.key);
    return { ...column, index, label: label ? inLocale(label, locale) : column.label };
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
        columns.map((column) => {
          const value = row[column.index] ?? null;
          const text =
            codeText(column.key, value, locale) ?? cellText(value, column.format, locale, timeZone);
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

/** The filters the person set now, by name. */
function filledFilters(state: SidebarState): string[] {
  const { filters } = sourceForm(state.search);
  return Object.keys(filters).filter((name) => (filters[name] ?? "").trim() !== "");
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
  const area = h("div", {
    class: "preview-area",
    "aria-live": "polite",
    "data-testid": "preview-area",
  });
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
              previewTable(
                preview,
                source,
                ctx.locale,
                ctx.store.get().timeZone,
                filledFilters(ctx.store.get()),
              ),
            ),
          );
        }
      }
    },
  );
  return area;
}
