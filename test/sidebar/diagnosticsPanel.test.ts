// The setup check's panel: it asks the server once, lists each check with its verdict and detail
// as text, in the sidebar's language, and asks again when the language changes.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Locale } from "../../src/shared/messages/index.js";
import { diagnosticsPanel } from "../../src/sidebar/diagnostics/diagnosticsPanel.js";
import type { Rpc } from "../../src/sidebar/rpc.js";
import { type FakeElement, installFakeDocument } from "./fakeDocument.js";

let fake: ReturnType<typeof installFakeDocument>;
beforeEach(() => {
  fake = installFakeDocument();
});
afterEach(() => {
  fake.restore();
});

const CHECKS = [
  { id: "documentLock", check: "Document lock", ok: true, detail: "Expected …; saw it taken." },
  {
    id: "copyTo",
    check: "Range.copyTo between sheets",
    ok: false,
    detail: "<b>Expected</b> x; saw y.",
  },
];

function setup() {
  const calls: string[] = [];
  let locale: Locale = "en";
  const listeners: (() => void)[] = [];
  const rpc = {
    call: (name: string) => {
      calls.push(name);
      return Promise.resolve(CHECKS);
    },
  } as unknown as Rpc;
  const panel = diagnosticsPanel({
    rpc,
    locale: () => locale,
    subscribe: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  }) as unknown as FakeElement;
  const switchTo = (next: Locale) => {
    locale = next;
    for (const listener of listeners) listener();
  };
  return { panel, calls, switchTo };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const byTestId = (root: FakeElement, id: string) =>
  root.descendants().find((element) => element.getAttribute("data-testid") === id);

describe("the setup check panel", () => {
  it("says it is checking, then lists every check with its verdict and detail as text", async () => {
    const { panel, calls } = setup();
    expect(panel.textContent).toContain("Checking the setup… (no request, no credit)");
    await settle();
    expect(calls).toEqual(["runDiagnostics"]);
    expect(byTestId(panel, "diagnostics-summary")?.textContent).toBe(
      "1 of 2 checks ok. The results are also in the sheet “TT Diagnostics”.",
    );
    expect(byTestId(panel, "diagnostic-documentLock")?.textContent).toContain(
      "✓ Document lock — ok",
    );
    const failed = byTestId(panel, "diagnostic-copyTo");
    expect(failed?.getAttribute("class")).toBe("diag-failed");
    expect(failed?.textContent).toContain("<b>Expected</b> x; saw y.");
  });

  it("checks again on request and when the language changes", async () => {
    const { panel, calls, switchTo } = setup();
    await settle();
    byTestId(panel, "diagnostics-again")?.listeners.get("click")?.[0]?.({});
    await settle();
    switchTo("zh");
    await settle();
    expect(calls).toHaveLength(3);
    expect(panel.textContent).toContain("设置检查");
    expect(panel.textContent).toContain("再次检查");
  });

  it("asks nothing more once closed, though the language changes", async () => {
    const { panel, calls, switchTo } = setup();
    await settle();
    byTestId(panel, "diagnostics-close")?.listeners.get("click")?.[0]?.({});
    switchTo("zh");
    await settle();
    expect(calls).toEqual(["runDiagnostics"]);
  });
});
