// The sidebar's state container: one immutable state, replaced on every change, and watchers that
// re-apply a part of the page when the slice of state they look at changes. A watcher belongs to a
// scope, so a rebuild of the page (on a change of language) drops the old page's watchers.

export class Store<State> {
  #state: State;
  readonly #listeners = new Set<() => void>();

  constructor(initial: State) {
    this.#state = initial;
  }

  get(): State {
    return this.#state;
  }

  /** Replaces the given top-level fields and tells the watchers. */
  patch(changes: Partial<State>): void {
    this.#state = { ...this.#state, ...changes };
    for (const listener of [...this.#listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** What to undo when a page is rebuilt. */
export class Scope {
  readonly #disposers: (() => void)[] = [];

  add(dispose: () => void): void {
    this.#disposers.push(dispose);
  }

  dispose(): void {
    for (const dispose of this.#disposers.splice(0)) dispose();
  }
}

/** Whether two lists hold the same items (by Object.is), for slices made of several parts. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}

/**
 * Calls `apply` with `select(state)` now, and again whenever that value changes (by `equal`,
 * Object.is unless told), until the scope is disposed.
 */
export function watch<State, Slice>(
  scope: Scope,
  store: Store<State>,
  select: (state: State) => Slice,
  apply: (slice: Slice) => void,
  equal: (a: Slice, b: Slice) => boolean = Object.is,
): void {
  let current = select(store.get());
  let active = true;
  // Subscribed before the first apply, so that a watcher made inside `apply` (a rebuilt part's)
  // comes after this one and is disposed before it could run on a detached part.
  const unsubscribe = store.subscribe(() => {
    // A watcher disposed during this round of notifications (its part of the page was rebuilt)
    // must not touch the detached elements.
    if (!active) return;
    const next = select(store.get());
    if (equal(next, current)) return;
    current = next;
    apply(next);
  });
  scope.add(() => {
    active = false;
    unsubscribe();
  });
  apply(current);
}

/**
 * Like watch, for a part of the page rebuilt whole when its slice changes: each build gets a
 * fresh scope for its own watchers, disposed at the next build.
 */
export function rebuildOn<State, Slice>(
  scope: Scope,
  store: Store<State>,
  select: (state: State) => Slice,
  build: (slice: Slice, inner: Scope) => void,
): void {
  let inner: Scope | undefined;
  scope.add(() => inner?.dispose());
  watch(scope, store, select, (slice) => {
    inner?.dispose();
    inner = new Scope();
    build(slice, inner);
  });
}
