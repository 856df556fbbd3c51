// The state container: watchers run when their slice changes, and stop with their scope.

import { describe, expect, it } from "vitest";
import { rebuildOn, Scope, Store, sameItems, watch } from "../../src/sidebar/store.js";

describe("watch", () => {
  it("applies the slice now and whenever it changes, not otherwise", () => {
    const store = new Store({ a: 1, b: 1 });
    const seen: number[] = [];
    watch(
      new Scope(),
      store,
      (s) => s.a,
      (a) => seen.push(a),
    );
    store.patch({ b: 2 });
    store.patch({ a: 2 });
    store.patch({ a: 2 });
    expect(seen).toEqual([1, 2]);
  });

  it("compares slices of several parts item by item when told", () => {
    const store = new Store({ list: [1], flag: false, other: 0 });
    let runs = 0;
    watch(
      new Scope(),
      store,
      (s) => [s.list, s.flag],
      () => runs++,
      sameItems,
    );
    store.patch({ other: 1 });
    store.patch({ flag: true });
    expect(runs).toBe(2);
  });

  it("stops when its scope is disposed", () => {
    const store = new Store({ a: 1 });
    const scope = new Scope();
    const seen: number[] = [];
    watch(
      scope,
      store,
      (s) => s.a,
      (a) => seen.push(a),
    );
    scope.dispose();
    store.patch({ a: 2 });
    expect(seen).toEqual([1]);
  });
});

describe("rebuildOn", () => {
  it("gives each build a fresh scope and silences the previous build's watchers at once", () => {
    const store = new Store({ source: "keyapi", text: "" });
    const applied: string[] = [];
    rebuildOn(
      new Scope(),
      store,
      (s) => s.source,
      (source, inner) => {
        watch(
          inner,
          store,
          (s) => s.text,
          (text) => applied.push(`${source}:${text}`),
        );
      },
    );
    store.patch({ text: "a" });
    store.patch({ source: "fastmoss", text: "b" });
    expect(applied).toEqual(["keyapi:", "keyapi:a", "fastmoss:b"]);
  });
});
