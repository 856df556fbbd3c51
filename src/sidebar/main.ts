// The sidebar page. For now a reference card: the formulas and the default columns of each source,
// in the user's language. Text goes in as text, never as HTML.

import { catalogueOf, SOURCE_NAMES } from "../shared/columns/index.js";
import { localeFrom } from "../shared/messages/index.js";

const locale = localeFrom(navigator.language);

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  children: readonly Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
}

function render(root: HTMLElement): void {
  root.append(element("h1", "TikTok Influencers"));
  const formulas = [
    '=TT_INFLUENCERS("US", 50)',
    '=TT_TOP_POTENTIAL("US", 20)',
    '=TT_COLUMNS("keyapi")',
  ];
  root.append(
    element(
      "ul",
      undefined,
      formulas.map((formula) => element("li", undefined, [element("code", formula)])),
    ),
  );
  for (const source of SOURCE_NAMES) {
    const catalogue = catalogueOf(source);
    const byKey = new Map(catalogue.columns.map((spec) => [spec.key, spec]));
    root.append(element("h2", source === "keyapi" ? "KeyAPI" : "FastMoss"));
    const items = catalogue.defaultKeys.map((key) =>
      element("li", undefined, [
        element("code", key),
        document.createTextNode(` — ${byKey.get(key)?.label[locale] ?? ""}`),
      ]),
    );
    root.append(element("ul", undefined, items));
  }
}

const app = document.getElementById("app");
if (app) render(app);
