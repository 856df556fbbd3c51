// A document just big enough for the sidebar's element helper, to check in Node that data goes in
// as text: it records every element made and refuses innerHTML outright.

export class FakeText {
  readonly nodeType = 3;
  constructor(readonly data: string) {}
  get textContent(): string {
    return this.data;
  }
}

export class FakeElement {
  readonly nodeType = 1;
  readonly attributes = new Map<string, string>();
  readonly childNodes: (FakeElement | FakeText)[] = [];
  readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  parentNode: FakeElement | null = null;

  constructor(readonly tagName: string) {}

  appendChild<T extends FakeElement | FakeText>(node: T): T {
    this.childNodes.push(node);
    if (node instanceof FakeElement) node.parentNode = this;
    return node;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
    this.parentNode = null;
  }
  get firstChild(): FakeElement | FakeText | null {
    return this.childNodes[0] ?? null;
  }
  removeChild(node: FakeElement | FakeText): void {
    this.childNodes.splice(this.childNodes.indexOf(node), 1);
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  get textContent(): string {
    return this.childNodes.map((node) => node.textContent).join("");
  }
  set innerHTML(_: string) {
    throw new Error("innerHTML must not be used");
  }
  /** Every element below this one, depth first. */
  descendants(): FakeElement[] {
    return this.childNodes.flatMap((node) =>
      node instanceof FakeElement ? [node, ...node.descendants()] : [],
    );
  }
}

/** Installs the fake as the global document; answers the tags of the elements made. */
export function installFakeDocument(): { created: string[]; restore: () => void } {
  const host = globalThis as { document?: unknown };
  const previous = host.document;
  const created: string[] = [];
  host.document = {
    createElement(tag: string) {
      created.push(tag);
      return new FakeElement(tag);
    },
    createTextNode(text: string) {
      return new FakeText(text);
    },
  };
  return {
    created,
    restore: () => {
      host.document = previous;
    },
  };
}
