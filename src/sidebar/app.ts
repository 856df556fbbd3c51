// The sidebar's frame: title, language toggle, tabs and the global error area, with the four
// views below. Rebuilt whole when the language changes (the state keeps what was typed), keeping
// keyboard focus where it was.

import { say, type ViewContext } from "./context.js";
import { h, replace } from "./dom.js";
import type { Locale } from "./i18n.js";
import { savedView } from "./saved/savedView.js";
import { actionBar } from "./search/actionSections.js";
import { searchView } from "./search/searchView.js";
import { settingsView } from "./settings/settingsView.js";
import { rebuildOn, type Scope, watch } from "./store.js";
import { usageView } from "./usage/usageView.js";
import { tabs } from "./views/tabs.js";

const LANGUAGES: readonly { locale: Locale; label: string; lang: string }[] = [
  { locale: "en", label: "EN", lang: "en" },
  { locale: "zh", label: "中文", lang: "zh-CN" },
];

function languageToggle(ctx: ViewContext): HTMLElement {
  return h(
    "div",
    { class: "languages", role: "group", "aria-label": say(ctx, "app.language") },
    LANGUAGES.map(({ locale, label, lang }) =>
      h(
        "button",
        {
          type: "button",
          lang,
          class: "lang",
          "data-testid": `lang-${locale}`,
          "aria-pressed": String(ctx.locale === locale),
          onClick: () => ctx.actions.setLocale(locale),
        },
        label,
      ),
    ),
  );
}

function errorArea(ctx: ViewContext): HTMLElement {
  const area = h("div", { class: "error-area", role: "alert", "data-testid": "error" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.error,
    (error) => {
      area.classList.toggle("shown", error !== "");
      replace(
        area,
        error
          ? [
              h("span", {}, error),
              h(
                "button",
                {
                  type: "button",
                  class: "dismiss",
                  "data-testid": "dismiss-error",
                  "aria-label": say(ctx, "app.dismiss"),
                  onClick: () => ctx.actions.dismissError(),
                },
                "×",
              ),
            ]
          : [],
      );
    },
  );
  return area;
}

function body(ctx: ViewContext, boot: "loading" | "ready" | "failed"): HTMLElement[] {
  const header = h(
    "header",
    { class: "top" },
    h("div", { class: "title-row" }, h("h1", {}, say(ctx, "app.title")), languageToggle(ctx)),
  );
  if (boot !== "ready") {
    header.append(errorArea(ctx));
    const main = h("main", { class: "boot" });
    if (boot === "loading") {
      main.append(h("p", { class: "help", role: "status" }, say(ctx, "app.loading")));
    } else {
      main.append(
        h(
          "button",
          {
            type: "button",
            class: "primary",
            "data-testid": "retry",
            onClick: () => ctx.actions.boot(),
          },
          say(ctx, "app.retry"),
        ),
      );
    }
    return [header, main];
  }
  const { bar, panels } = tabs(
    ctx,
    [
      { view: "search", label: say(ctx, "tab.search"), panel: searchView(ctx) },
      { view: "saved", label: say(ctx, "tab.saved"), panel: savedView(ctx) },
      { view: "usage", label: say(ctx, "tab.usage"), panel: usageView(ctx) },
      { view: "settings", label: say(ctx, "tab.settings"), panel: settingsView(ctx) },
    ],
    say(ctx, "app.views"),
  );
  header.append(bar, actionBar(ctx), errorArea(ctx));
  return [header, h("main", {}, panels)];
}

/** Builds the sidebar into `root` and keeps it in step with the state. */
export function mountApp(
  root: HTMLElement,
  ctx: Omit<ViewContext, "locale" | "scope">,
  scope: Scope,
) {
  rebuildOn(
    scope,
    ctx.store,
    (s) => `${s.locale}|${s.boot}`,
    (_, inner) => {
      const { locale, boot } = ctx.store.get();
      const focused = document.activeElement?.getAttribute("data-testid");
      document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
      replace(root, body({ ...ctx, locale, scope: inner }, boot));
      if (focused) root.querySelector<HTMLElement>(`[data-testid="${focused}"]`)?.focus();
    },
  );
}
