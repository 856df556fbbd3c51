// Bundled into the <head> of the sidebar the playground serves, before the sidebar's own scripts:
// installs `google.script` as Apps Script's IFRAME sandbox would.

import { createGoogleScript, fetchTransport } from "./script-run.js";

const page = window as unknown as { google?: Record<string, unknown> };
page.google = {
  ...(page.google ?? {}),
  script: createGoogleScript(fetchTransport("/rpc"), location.origin),
};
