// The one way the sidebar makes elements: h(tag, attributes, ...children). Children that are text
// become text nodes and attributes go through setAttribute, so data from the API or the user is
// always text, never HTML.

export type AttributeValue = string | number | boolean | null | undefined;
export type Listener = (event: Event) => void;
export type Attributes = Readonly<Record<string, AttributeValue | Listener>>;
export type Child = Node | string | number | null | undefined | false | readonly Child[];

/** An element with attributes (false/null/undefined left out; `on…` functions as listeners). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children, text as text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === "string" || typeof child === "number") {
      parent.appendChild(document.createTextNode(String(child)));
    } else if (Array.isArray(child)) {
      append(parent, child);
    } else {
      parent.appendChild(child as Node);
    }
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let nextId = 0;

/** A page-unique id for tying labels, help and errors to their input. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix.replace(/[^\w-]/g, "_")}-${nextId}`;
}
