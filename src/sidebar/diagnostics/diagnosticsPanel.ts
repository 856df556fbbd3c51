// The setup check, shown above the sidebar when the menu's "Check setup" opened it: runs
// runDiagnostics (no request, no credit) and lists each check, ok or not, with what it expected
// and what it saw. Self-contained: it keeps its own small state and leaves the rest of the page be.

import { type Locale, message } from "../../shared/messages/index.js";
import { h, replace } from "../dom.js";
import type { Answer, Rpc } from "../rpc.js";

type Checks = Answer<"runDiagnostics">;

type PanelState =
  | { readonly phase: "running" }
  | { readonly phase: "shown"; readonly checks: Checks }
  | { readonly phase: "failed"; readonly error: string };

export interface DiagnosticsPanelOptions {
  readonly rpc: Rpc;
  /** The sidebar's language now. */
  readonly locale: () => Locale;
  /** Tells of state changes, so the panel follows a switch of language; answers how to stop. */
  readonly subscribe: (listener: () => void) => () => void;
}

/** Builds the panel, starts the check, and answers the element to place in the page. */
export function diagnosticsPanel({ rpc, locale, subscribe }: DiagnosticsPanelOptions): HTMLElement {
  const panel = h("section", {
    class: "diagnostics",
    "data-testid": "diagnostics",
    "aria-live": "polite",
  });
  let state: PanelState = { phase: "running" };

  const render = () => {
    const say = (id: Parameters<typeof message>[0], params = {}) => message(id, params, locale());
    const body: HTMLElement[] = [];
    if (state.phase === "running") {
      body.push(h("p", { class: "help", role: "status" }, say("diag.running")));
    } else if (state.phase === "failed") {
      body.push(h("p", { class: "diag-error", role: "alert" }, state.error));
    } else {
      const ok = state.checks.filter((check) => check.ok).length;
      body.push(
        h(
          "p",
          { class: "help", "data-testid": "diagnostics-summary" },
          say("diag.summary", { ok, count: state.checks.length }),
        ),
        h(
          "ul",
          { class: "diag-list" },
          state.checks.map((check) =>
            h(
              "li",
              {
                class: check.ok ? "diag-ok" : "diag-failed",
                "data-testid": `diagnostic-${check.id}`,
              },
              h(
                "strong",
                {},
                `${check.ok ? "✓" : "✗"} ${check.check} — ${say(check.ok ? "diag.cell.ok" : "diag.cell.failed")}`,
              ),
              h("p", { class: "diag-detail" }, check.detail),
            ),
          ),
        ),
      );
    }
    replace(
      panel,
      h("h2", {}, say("diag.title")),
      body,
      h(
        "div",
        { class: "diag-actions" },
        h(
          "button",
          {
            type: "button",
            class: "primary",
            "data-testid": "diagnostics-again",
            disabled: state.phase === "running",
            onClick: () => run(),
          },
          say("diag.runAgain"),
        ),
        h(
          "button",
          { type: "button", "data-testid": "diagnostics-close", onClick: () => close() },
          say("diag.close"),
        ),
      ),
    );
  };

  const run = () => {
    state = { phase: "running" };
    render();
    rpc.call("runDiagnostics").then(
      (checks) => {
        state = { phase: "shown", checks };
        render();
      },
      (error: unknown) => {
        state = { phase: "failed", error: error instanceof Error ? error.message : String(error) };
        render();
      },
    );
  };

  let shownIn = locale();
  // A closed panel asks nothing more of the server (a check rewrites the TT Diagnostics sheet).
  const unsubscribe = subscribe(() => {
    if (locale() === shownIn) return;
    shownIn = locale();
    // The checks' own words come from the server in the language they were asked in: ask again.
    if (state.phase === "running") render();
    else run();
  });
  const close = () => {
    unsubscribe();
    panel.remove();
  };
  run();
  return panel;
}
