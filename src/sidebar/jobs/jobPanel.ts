// The progress of a pull the sidebar drives — rows and requests so far, a Stop button — and then
// how it ended. One panel, shown where the pull was started (Search or Saved).

import { inScope, say, type ViewContext } from "../context.js";
import { h, uid } from "../dom.js";
import { type Locale, t, tn } from "../i18n.js";
import type { JobOrigin, JobState } from "../state.js";
import { rebuildOn, watch } from "../store.js";

/**
 * The progress, said once: the server's own sentence when it sent one ("4,800 rows fetched so far;
 * the pull goes on.", "Another run is writing…"), else "1,200 rows fetched · 120 requests so far".
 */
export function progressText(job: JobState, locale: Locale): string {
  if (job.phase === "starting") return t(locale, "job.starting");
  if (job.phase !== "running") return "";
  const { rows, requests, message } = job.summary;
  if (message) return message;
  return tn(locale, "job.progress", rows, { requests: tn(locale, "job.requests", requests) });
}

/** The requests so far, under the server's sentence (which doesn't count them). */
export function requestsText(job: JobState, locale: Locale): string {
  if (job.phase !== "running" || !job.summary.message) return "";
  return tn(locale, "job.requestsSoFar", job.summary.requests);
}

/** How the pull ended, in plain words; and whether that is a failure. */
export function outcomeText(job: JobState, locale: Locale): { text: string; failed: boolean } {
  switch (job.phase) {
    case "ended": {
      const { status, message, rows, sheet } = job.summary;
      if (status === "done") {
        return { text: message ?? tn(locale, "job.done", rows, { sheet }), failed: false };
      }
      if (status === "failed") return { text: message ?? t(locale, "job.failed"), failed: true };
      return { text: t(locale, "job.background"), failed: false };
    }
    case "stopped":
      return { text: tn(locale, "job.stopped", job.summary.rows), failed: false };
    case "lost":
      return { text: t(locale, "job.lost", { error: job.error }), failed: true };
    default:
      return { text: "", failed: false };
  }
}

/**
 * Where a pull's panel goes on a tab: it holds the panel only while the pull shown is one started
 * from this tab, so the page never has two (their test ids are unique).
 */
export function jobSlot(ctx: ViewContext, origin: JobOrigin): HTMLElement {
  const slot = h("div", { class: "job-slot" });
  rebuildOn(
    ctx.scope,
    ctx.store,
    (s) => s.job.phase !== "idle" && s.job.origin === origin,
    (here, inner) => {
      slot.replaceChildren(...(here ? [jobPanel(inScope(ctx, inner))] : []));
    },
  );
  return slot;
}

function jobPanel(ctx: ViewContext): HTMLElement {
  const line = h("p", { class: "progress-line" });
  const message = h("p", { class: "help" });
  const bar = h("progress", { "aria-label": say(ctx, "job.barLabel") });
  const progress = h(
    "div",
    { class: "progress", role: "status", "data-testid": "progress" },
    line,
    bar,
    message,
  );
  const stopHelp = h("p", { id: uid("stop-help"), class: "help" }, say(ctx, "job.stopHelp"));
  const summary = h("div", {
    class: "summary",
    role: "status",
    "data-testid": "summary",
    tabindex: "-1",
  });
  const stop = h(
    "button",
    {
      type: "button",
      class: "secondary",
      "data-testid": "stop-button",
      "aria-describedby": stopHelp.id,
      onClick: () => {
        ctx.actions.stopJob();
        // The Stop button goes away: the keyboard lands on what happened instead.
        summary.focus();
      },
    },
    say(ctx, "job.stop"),
  );
  const stopRow = h("div", { class: "actions" }, stop, stopHelp);
  const panel = h("div", { class: "job" }, progress, stopRow, summary);

  watch(
    ctx.scope,
    ctx.store,
    (s) => s.job,
    (job) => {
      const here = job.phase !== "idle";
      const moving = here && (job.phase === "starting" || job.phase === "running");
      progress.hidden = !moving;
      stopRow.hidden = !(here && job.phase === "running");
      line.textContent = here ? progressText(job, ctx.locale) : "";
      message.textContent = here ? requestsText(job, ctx.locale) : "";
      if (here && job.phase === "running" && job.limit) {
        bar.max = job.limit;
        bar.value = Math.min(job.summary.rows, job.limit);
      } else {
        bar.removeAttribute("value");
      }
      const outcome = here ? outcomeText(job, ctx.locale) : { text: "", failed: false };
      // Kept in the page while empty, so that screen readers announce the outcome when it comes.
      summary.textContent = outcome.text;
      summary.classList.toggle("failed", outcome.failed);
    },
  );
  return panel;
}
