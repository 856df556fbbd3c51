// The sidebar page's entry: reads the view the server asked for (a line appended after this
// script, so only once the document is parsed), then builds the page and asks the server for
// its context.

import { localeFrom } from "../shared/messages/index.js";
import { createActions } from "./actions.js";
import { mountApp } from "./app.js";
import { diagnosticsPanel } from "./diagnostics/diagnosticsPanel.js";
import { browserStorage, storedLocale, t } from "./i18n.js";
import { createRpc, limitConcurrency, scriptRunTransport } from "./rpc.js";
import { initialState, VIEWS, type ViewName } from "./state.js";
import { Scope, Store } from "./store.js";

declare global {
  interface Window {
    /** Set by the server's showSidebar / showSettings / showDiagnostics. */
    TT_START_VIEW?: string;
  }
}

/** google.script.run runs up to 10 calls at once. */
const MAX_CALLS = 10;

function startView(): ViewName {
  return VIEWS.find((view) => view === window.TT_START_VIEW) ?? "search";
}

function start(): void {
  const root = document.getElementById("app");
  if (!root) return;
  const storage = browserStorage();
  const chosen = storedLocale(storage);
  const store = new Store(initialState(chosen ?? localeFrom(navigator.language), startView()));
  // Until the user chose or the server said, the server picks the account's language.
  let localeKnown = chosen !== undefined;
  const rpc = createRpc({
    transport: limitConcurrency(
      scriptRunTransport(() => t(store.get().locale, "app.noServer")),
      MAX_CALLS,
    ),
    locale: () => (localeKnown ? store.get().locale : undefined),
  });
  const actions = createActions({ store, rpc, storage, chosenLocale: chosen });
  store.subscribe(() => {
    if (store.get().boot === "ready") localeKnown = true;
  });
  mountApp(root, { store, actions }, new Scope());
  if (window.TT_START_VIEW === "diagnostics") {
    const locale = () => store.get().locale;
    root.before(
      diagnosticsPanel({ rpc, locale, subscribe: (listener) => store.subscribe(listener) }),
    );
  }
  void actions.boot();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
