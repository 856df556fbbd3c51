// What every view is built with: the store, the actions, the language of this build, and the scope
// its watchers live in.

import type { Actions } from "./actions.js";
import { type Locale, type Params, t, type UiMessageId } from "./i18n.js";
import type { SidebarState } from "./state.js";
import type { Scope, Store } from "./store.js";

export interface ViewContext {
  readonly store: Store<SidebarState>;
  readonly actions: Actions;
  readonly locale: Locale;
  readonly scope: Scope;
}

/** The sidebar's sentence in the view's language. */
export const say = (ctx: ViewContext, id: UiMessageId, params?: Params) =>
  t(ctx.locale, id, params);

/** The same context, its watchers in another scope (a part of the page rebuilt on its own). */
export const inScope = (ctx: ViewContext, scope: Scope): ViewContext => ({ ...ctx, scope });
