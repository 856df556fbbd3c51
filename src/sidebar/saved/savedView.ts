// The Saved tab: each saved query with its schedule, last run and next run, and its actions —
// Run now (driven like a pull from Search), Edit (into the Search form) and Delete, confirmed
// inside the sidebar (sandboxed iframes may block window.confirm).

import { say, type ViewContext } from "../context.js";
import { h } from "../dom.js";
import { growthButton, growthPanel } from "../growth/growthPanel.js";
import { jobSlot } from "../jobs/jobPanel.js";
import { isBusy, jobActive, type SavedQuery, type SidebarState, serverNow } from "../state.js";
import { sameItems, watch } from "../store.js";
import { savedFacts } from "./facts.js";

/** How often the Saved tab asks for the saved queries while it is shown. */
export const SAVED_POLL_MS = 10_000;

function fact(label: string, value: string, className?: string): HTMLElement[] {
  return [h("dt", {}, label), h("dd", { class: className }, value)];
}

function savedItem(ctx: ViewContext, saved: SavedQuery, state: SidebarState): HTMLElement {
  const facts = savedFacts(saved, ctx.locale, serverNow(state), state.timeZone);
  const confirming = state.confirmingDelete === saved.id;
  const busyDeleting = isBusy(state, `delete-${saved.id}`);
  const actions = confirming
    ? h(
        "div",
        { class: "confirm", role: "group", "aria-label": say(ctx, "saved.confirmLabel") },
        h("p", {}, say(ctx, "saved.confirm", { name: saved.name })),
        h(
          "div",
          { class: "actions" },
          h(
            "button",
            {
              type: "button",
              class: "danger",
              "data-testid": "confirm-delete",
              disabled: busyDeleting,
              onClick: () => ctx.actions.deleteSaved(saved.id),
            },
            say(ctx, busyDeleting ? "saved.deleting" : "saved.confirmDelete"),
          ),
          h(
            "button",
            {
              type: "button",
              class: "secondary",
              "data-testid": "cancel-delete",
              onClick: () => ctx.actions.askDelete(undefined),
            },
            say(ctx, "saved.cancel"),
          ),
        ),
      )
    : h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            type: "button",
            class: "primary",
            "data-testid": "run-now",
            disabled: jobActive(state),
            onClick: () => ctx.actions.runSaved(saved.id),
          },
          say(ctx, "saved.runNow"),
        ),
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            "data-testid": "edit",
            onClick: () => ctx.actions.editSaved(saved.id),
          },
          say(ctx, "saved.edit"),
        ),
        growthButton(ctx, saved),
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            "data-testid": "delete",
            onClick: () => ctx.actions.askDelete(saved.id),
          },
          say(ctx, "saved.delete"),
        ),
      );
  return h(
    "li",
    { class: "saved", "data-testid": `saved-${saved.id}`, "data-id": saved.id },
    h("h3", {}, saved.name),
    h("p", { class: "help" }, facts.target),
    h(
      "dl",
      {},
      fact(say(ctx, "saved.schedule"), facts.schedule),
      fact(say(ctx, "saved.lastRun"), facts.lastRun),
      facts.status
        ? fact(say(ctx, "saved.status"), facts.status, facts.failed ? "failed" : "")
        : [],
      facts.error ? fact(say(ctx, "saved.error"), facts.error, "failed") : [],
      facts.nextRun ? fact(say(ctx, "saved.nextRun"), facts.nextRun) : [],
    ),
    actions,
  );
}

/** The saved query and button that hold the keyboard focus, if it is in the list. */
function focusedIn(list: HTMLElement): { id: string; testid: string } | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !list.contains(active)) return undefined;
  const id = active.closest<HTMLElement>("[data-id]")?.dataset.id;
  return id ? { id, testid: active.dataset.testid ?? "" } : undefined;
}

export function savedView(ctx: ViewContext): HTMLElement {
  const list = h("ul", { class: "saved-list", "data-testid": "saved-list" });
  const empty = h("p", { class: "help", "data-testid": "saved-empty" }, say(ctx, "saved.empty"));
  const refresh = h(
    "button",
    {
      type: "button",
      class: "secondary small",
      "data-testid": "refresh-saved",
      onClick: () => ctx.actions.refreshSaved(),
    },
    say(ctx, "saved.refresh"),
  );
  watch(
    ctx.scope,
    ctx.store,
    (s) => isBusy(s, "saved"),
    (busy) => {
      refresh.disabled = busy;
      refresh.setAttribute("aria-busy", String(busy));
    },
  );
  let confirmingBefore: string | undefined;
  watch(
    ctx.scope,
    ctx.store,
    (s) => [s.queries, s.confirmingDelete, s.busy, jobActive(s)],
    () => {
      const state = ctx.store.get();
      const focused = focusedIn(list);
      list.replaceChildren(...state.queries.map((saved) => savedItem(ctx, saved, state)));
      empty.hidden = state.queries.length > 0;
      if (focused) {
        // Keyboard focus follows the confirmation step in and out, and otherwise stays on the
        // same button of the same query across the rebuild.
        const stepped = state.confirmingDelete !== confirmingBefore;
        const id = stepped ? (state.confirmingDelete ?? confirmingBefore) : focused.id;
        const testid = stepped
          ? state.confirmingDelete
            ? "cancel-delete"
            : "delete"
          : focused.testid;
        const row = list.querySelector(`[data-id="${CSS.escape(id ?? "")}"]`);
        const target = row?.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
        (target ?? refresh).focus();
      }
      confirmingBefore = state.confirmingDelete;
    },
    sameItems,
  );
  // While the tab is in sight, its cards follow scheduled runs without a press of Refresh.
  let timer: ReturnType<typeof setInterval> | undefined;
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.view === "saved" && s.boot === "ready",
    (shown) => {
      if (timer !== undefined) clearInterval(timer);
      timer = shown
        ? setInterval(() => {
            if (document.visibilityState !== "hidden") void ctx.actions.pollSaved();
          }, SAVED_POLL_MS)
        : undefined;
    },
  );
  ctx.scope.add(() => {
    if (timer !== undefined) clearInterval(timer);
  });
  return h(
    "div",
    { class: "saved-view" },
    h("div", { class: "heading-row" }, h("h2", {}, say(ctx, "saved.title")), refresh),
    jobSlot(ctx, "saved"),
    growthPanel(ctx),
    empty,
    list,
  );
}
