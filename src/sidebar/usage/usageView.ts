// The Usage tab: what the document's requests cost — today's and the last 30 days' totals, the
// daily cap and how much of it today has used, a bar chart of the last 30 days by source (plain
// divs, one column per day), and each saved query's last run with its schedule's 30-day estimate.

import { sourceLabel } from "../../shared/sources.js";
import { say, type ViewContext } from "../context.js";
import { h, replace } from "../dom.js";
import { formatCount, tn } from "../i18n.js";
import { isBusy, type Usage } from "../state.js";
import { sameItems, watch } from "../store.js";

type Day = Usage["byDay"][number];

export function usageView(ctx: ViewContext): HTMLElement {
  const refresh = h(
    "button",
    {
      type: "button",
      class: "secondary small",
      "data-testid": "usage-refresh",
      onClick: () => ctx.actions.refreshUsage(),
    },
    say(ctx, "usage.refresh"),
  );
  const content = h("div", { "data-testid": "usage-content", "aria-live": "polite" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => isBusy(s, "usage"),
    (busy) => {
      refresh.disabled = busy;
      refresh.setAttribute("aria-busy", String(busy));
    },
  );
  watch(
    ctx.scope,
    ctx.store,
    (s) => [s.usage, s.settings.dailyCreditCap] as const,
    () => {
      const { usage, settings } = ctx.store.get();
      replace(
        content,
        usage
          ? [
              totals(ctx, usage),
              capBlock(ctx, usage, settings.dailyCreditCap),
              chart(ctx, usage.byDay),
              queriesTable(ctx, usage.queries),
            ]
          : h("p", { class: "help", role: "status" }, say(ctx, "usage.loading")),
      );
    },
    sameItems,
  );
  return h(
    "div",
    { class: "usage-view" },
    h("div", { class: "heading-row" }, h("h2", {}, say(ctx, "usage.title")), refresh),
    h("p", { class: "help" }, say(ctx, "usage.intro")),
    content,
  );
}

function totals(ctx: ViewContext, usage: Usage): HTMLElement {
  const row = (label: string, counts: Usage["today"], testid: string) =>
    h(
      "div",
      { class: "usage-total", "data-testid": testid },
      h("dt", {}, label),
      h(
        "dd",
        {},
        `${sourceLabel("keyapi")} ${tn(ctx.locale, "usage.credits", counts.keyapi)} · ${sourceLabel("fastmoss")} ${tn(ctx.locale, "usage.requests", counts.fastmoss)}`,
      ),
    );
  return h(
    "dl",
    { class: "usage-totals" },
    row(say(ctx, "usage.today"), usage.today, "usage-today"),
    row(say(ctx, "usage.month"), usage.last30Days, "usage-month"),
  );
}

function capBlock(ctx: ViewContext, usage: Usage, cap: number | undefined): HTMLElement {
  const block = h(
    "div",
    { class: "usage-cap", "data-testid": "usage-cap" },
    h("h3", {}, say(ctx, "usage.capTitle")),
  );
  if (cap === undefined) {
    block.append(
      h("p", { class: "help" }, say(ctx, "usage.noCap")),
      h(
        "button",
        {
          type: "button",
          class: "link",
          "data-testid": "usage-set-cap",
          onClick: () => ctx.actions.showView("settings"),
        },
        say(ctx, "usage.setCap"),
      ),
    );
    return block;
  }
  const used = usage.today.keyapi;
  const percent = Math.min(100, Math.round((used / cap) * 100));
  const bar = h(
    "div",
    {
      class: `cap-meter${used >= cap ? " full" : ""}`,
      role: "meter",
      "aria-valuemin": 0,
      "aria-valuemax": cap,
      "aria-valuenow": Math.min(used, cap),
      "aria-label": say(ctx, "usage.capTitle"),
    },
    h("div", { class: "cap-fill", style: `width: ${percent}%` }),
  );
  const text = say(ctx, "usage.capUsed", {
    used: formatCount(ctx.locale, used),
    cap: formatCount(ctx.locale, cap),
    percent,
  });
  block.append(bar, h("p", { "data-testid": "usage-cap-text" }, text));
  if (used >= cap) {
    block.append(
      h("p", { class: "failed" }, say(ctx, "usage.capFull", { cap: formatCount(ctx.locale, cap) })),
    );
  }
  return block;
}

/** 30 columns, each KeyAPI under FastMoss, scaled to the busiest day; every day has a tooltip. */
function chart(ctx: ViewContext, days: readonly Day[]): HTMLElement {
  const max = Math.max(1, ...days.map((day) => day.keyapi + day.fastmoss));
  const first = days[0]?.day ?? "";
  const last = days[days.length - 1]?.day ?? "";
  const sum = (key: "keyapi" | "fastmoss") => days.reduce((total, day) => total + day[key], 0);
  const columns = days.map((day) => {
    const title = say(ctx, "usage.dayTitle", {
      day: day.day,
      keyapi: formatCount(ctx.locale, day.keyapi),
      fastmoss: formatCount(ctx.locale, day.fastmoss),
    });
    const part = (source: "keyapi" | "fastmoss") =>
      day[source] > 0
        ? h("div", {
            class: `bar-${source}`,
            style: `height: ${(day[source] / max) * 100}%`,
          })
        : null;
    return h(
      "div",
      { class: "chart-day", title, "data-day": day.day, "data-testid": "usage-day" },
      part("fastmoss"),
      part("keyapi"),
    );
  });
  const label = say(ctx, "usage.chartLabel", {
    from: first,
    to: last,
    keyapi: formatCount(ctx.locale, sum("keyapi")),
    fastmoss: formatCount(ctx.locale, sum("fastmoss")),
    max: formatCount(ctx.locale, max),
  });
  return h(
    "figure",
    { class: "usage-chart", "data-testid": "usage-chart" },
    h("figcaption", {}, say(ctx, "usage.chartTitle")),
    h(
      "div",
      { class: "chart-area" },
      h(
        "span",
        { class: "chart-max" },
        say(ctx, "usage.max", { max: formatCount(ctx.locale, max) }),
      ),
      h("div", { class: "chart-bars", role: "img", "aria-label": label }, columns),
    ),
    h(
      "div",
      { class: "chart-axis", "aria-hidden": "true" },
      h("span", {}, first.slice(5)),
      h("span", {}, last.slice(5)),
    ),
    h(
      "div",
      { class: "chart-legend" },
      h("span", { class: "swatch swatch-keyapi" }),
      sourceLabel("keyapi"),
      h("span", { class: "swatch swatch-fastmoss" }),
      sourceLabel("fastmoss"),
    ),
  );
}

function queriesTable(ctx: ViewContext, queries: Usage["queries"]): HTMLElement {
  const heading = h("h3", {}, say(ctx, "usage.queriesTitle"));
  if (queries.length === 0) {
    return h(
      "div",
      { class: "usage-queries" },
      heading,
      h("p", { class: "help" }, say(ctx, "usage.noQueries")),
    );
  }
  const num = (value: number) => h("td", { class: "num" }, formatCount(ctx.locale, value));
  return h(
    "div",
    { class: "usage-queries" },
    heading,
    h(
      "table",
      { class: "usage-table", "data-testid": "usage-queries" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, say(ctx, "usage.query")),
          h("th", { scope: "col", class: "num" }, say(ctx, "usage.lastRun")),
          h("th", { scope: "col", class: "num" }, say(ctx, "usage.perMonth")),
        ),
      ),
      h(
        "tbody",
        {},
        queries.map((query) =>
          h(
            "tr",
            { "data-testid": `usage-query-${query.id}` },
            h("td", {}, query.name),
            num(query.lastRunCredits),
            num(query.monthlyEstimate),
          ),
        ),
      ),
    ),
    h("p", { class: "help" }, say(ctx, "usage.estimateHelp")),
  );
}
