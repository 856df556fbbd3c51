// Data from the API enters the page as text: the element helper and the preview table, built on a
// tiny fake document that refuses innerHTML.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { h, replace } from "../../src/sidebar/dom.js";
import { previewTable } from "../../src/sidebar/preview/previewTable.js";
import type { Preview } from "../../src/sidebar/state.js";
import { type FakeElement, installFakeDocument } from "./fakeDocument.js";

const EVIL = "<img src=x onerror=alert(1)>";
let fake: ReturnType<typeof installFakeDocument>;

beforeEach(() => {
  fake = installFakeDocument();
});
afterEach(() => {
  fake.restore();
});

describe("h", () => {
  it("sets attributes, leaves out false and empty ones, and adds listeners", () => {
    const clicked: unknown[] = [];
    const button = h(
      "button",
      {
        type: "button",
        disabled: true,
        hidden: false,
        title: undefined,
        tabindex: 0,
        onClick: (e) => clicked.push(e),
      },
      "Run",
    ) as unknown as FakeElement;
    expect([...button.attributes]).toEqual([
      ["type", "button"],
      ["disabled", ""],
      ["tabindex", "0"],
    ]);
    button.listeners.get("click")?.[0]?.("event");
    expect(clicked).toEqual(["event"]);
  });

  it("writes text children as text nodes, however they look", () => {
    const cell = h("td", {}, EVIL, 42, null, false, ["a", ["b"]]) as unknown as FakeElement;
    expect(cell.textContent).toBe(`${EVIL}42ab`);
    expect(fake.created).toEqual(["td"]);
    replace(cell as unknown as Element, "plain");
    expect(cell.textContent).toBe("plain");
  });
});

describe("previewTable", () => {
  const preview: Preview = {
    columns: [
      { key: "nick_name", label: "Name", format: "text" },
      { key: "total_followers_cnt", label: "Followers", format: "count" },
      { key: "interaction_rate", label: "Interaction rate", format: "ratio" },
    ],
    rows: [[EVIL, 1234567, 0.0512]],
    requests: 1,
    credits: 1,
  };

  it("shows a creator named like markup as that name, creating no other element", () => {
    const table = previewTable(preview, "keyapi", "en", "UTC") as unknown as FakeElement;
    const cells = table.descendants().filter((node) => node.tagName === "td");
    expect(cells.map((cell) => cell.textContent)).toEqual([EVIL, "1,234,567", "5.12%"]);
    expect(new Set(fake.created)).toEqual(
      new Set(["table", "caption", "thead", "tr", "th", "tbody", "td"]),
    );
    expect(table.getAttribute("data-testid")).toBe("preview-table");
  });

  it("heads the columns with their labels in the sidebar's language", () => {
    const table = previewTable(preview, "keyapi", "zh", "UTC") as unknown as FakeElement;
    const heads = table.descendants().filter((node) => node.tagName === "th");
    expect(heads.map((th) => th.textContent)).toEqual(["昵称", "粉丝数", "互动率"]);
  });
});
