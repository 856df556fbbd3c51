// "Running pulls": the pulls not finished that this sidebar isn't following (from listJobs, when
// the sidebar opens or after Stop) — each with its progress, an honest estimate of when the hourly
// trigger alone would finish it, and "Follow" to run it on from here.

import { say, type ViewContext } from "../context.js";
import { h } from "../dom.js";
import { formatCount, formatDateTime, type Locale, t, tn } from "../i18n.js";
import { reveal } from "../search/actionSections.js";
import type { RunningPull } from "../state.js";
import { rebuildOn } from "../store.js";

/** "“Big”: 4,800 of 20,000 rows · 480 requests so far". */
export function runningProgress(pull: RunningPull, locale: Locale): string {
  return t(locale, "running.progress", {
    sheet: pull.sheet,
    rows: formatCount(locale, pull.rows),
    limit: formatCount(locale, pull.limit),
    requests: tn(locale, "job.requestsSoFar", pull.requests),
  });
}

/** When the hourly trigger alone would finish it, in the spreadsheet's time zone. */
export function runningEstimate(pull: RunningPull, locale: Locale, timeZone: string): string {
  return tn(locale, "running.estimate", pull.triggerRuns, {
    time: formatDateTime(pull.triggerDoneBy, timeZone),
  });
}

function pullItem(ctx: ViewContext, pull: RunningPull): HTMLElement {
  const { timeZone } = ctx.store.get();
  const bar = h("progress", { max: pull.limit, value: Math.min(pull.rows, pull.limit) });
  bar.setAttribute("aria-label", runningProgress(pull, ctx.locale));
  return h(
    "li",
    { class: "running-pull", "data-testid": `running-${pull.jobId}` },
    h("p", { class: "progress-line" }, runningProgress(pull, ctx.locale)),
    bar,
    h(
      "p",
      { class: "help" },
      say(ctx, "running.started", { time: formatDateTime(pull.startedAt, timeZone) }),
    ),
    h(
      "p",
      { class: "help", "data-testid": "running-estimate" },
      runningEstimate(pull, ctx.locale, timeZone),
    ),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          "data-testid": "follow-job",
          "aria-label": say(ctx, "running.followLabel", { sheet: pull.sheet }),
          onClick: () => {
            void ctx.actions.followJob(pull.jobId);
            // Its progress shows below the sheet and mode: bring it into sight.
            queueMicrotask(() =>
              reveal(document.querySelector("[data-testid=write-section] .job-slot")),
            );
          },
        },
        say(ctx, "running.follow"),
      ),
    ),
  );
}

/** The panel, shown only while there are pulls to list. */
export function runningPullsPanel(ctx: ViewContext): HTMLElement {
  const panel = h("section", {
    class: "block running-pulls",
    "data-testid": "running-pulls",
    "aria-labelledby": "running-heading",
  });
  rebuildOn(
    ctx.scope,
    ctx.store,
    (s) => s.runningPulls,
    (pulls) => {
      panel.hidden = pulls.length === 0;
      panel.replaceChildren(
        ...(pulls.length === 0
          ? []
          : [
              h("h2", { id: "running-heading" }, say(ctx, "running.title")),
              h("p", { class: "help" }, say(ctx, "running.intro")),
              h(
                "ul",
                { class: "running-list" },
                pulls.map((pull) => pullItem(ctx, pull)),
              ),
            ]),
      );
    },
  );
  return panel;
}
