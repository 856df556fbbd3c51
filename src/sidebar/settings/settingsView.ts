// The Settings tab: the KeyAPI key and FastMoss token, shown only as set or not with a hint of
// their last characters (the server never sends a key back); fields to paste new ones; removal;
// a connection test per source that makes at most one request; and the daily KeyAPI credit cap.

import type { SourceName } from "../../shared/columns/types.js";
import { SOURCE_LIST } from "../../shared/sources.js";
import { say, type ViewContext } from "../context.js";
import { h, uid } from "../dom.js";
import { formatCount } from "../i18n.js";
import { isBusy, type KeySetting } from "../state.js";
import { watch } from "../store.js";

interface KeyField {
  readonly setting: KeySetting;
  readonly source: SourceName;
}

const KEYS: readonly KeyField[] = SOURCE_LIST.map((source) => ({
  setting: source.keySetting,
  source: source.name,
}));

const LABELS = {
  keyapiKey: { label: "keys.keyapiKey", test: "keys.testKeyapi", help: "keys.testKeyapiHelp" },
  fastmossToken: {
    label: "keys.fastmossToken",
    test: "keys.testFastmoss",
    help: "keys.testFastmossHelp",
  },
} as const;

export function settingsView(ctx: ViewContext): HTMLElement {
  const inputs = new Map<KeySetting, HTMLInputElement>();

  const saveTyped = async () => {
    const typed: Partial<Record<KeySetting, string>> = {};
    for (const [setting, input] of inputs) {
      if (input.value.trim() !== "") typed[setting] = input.value.trim();
    }
    if (Object.keys(typed).length === 0) {
      ctx.store.patch({ keysNote: { ok: false, text: say(ctx, "keys.nothingTyped") } });
      inputs.get("keyapiKey")?.focus();
      return;
    }
    if ((await ctx.actions.saveKeys(typed)) === "done") {
      for (const input of inputs.values()) input.value = "";
    }
  };

  const blocks = KEYS.map(({ setting, source }) => {
    const text = LABELS[setting];
    const status = h("p", { class: "key-status", "data-testid": `key-status-${setting}` });
    const input = h("input", {
      type: "password",
      id: uid(`key-${setting}`),
      "data-testid": `key-${setting}`,
      name: setting,
      autocomplete: "new-password",
      spellcheck: "false",
      placeholder: say(ctx, "keys.paste"),
      onKeydown: (event: Event) => {
        if ((event as KeyboardEvent).key === "Enter") void saveTyped();
      },
    });
    inputs.set(setting, input);
    const statusId = uid(`status-${setting}`);
    status.id = statusId;
    input.setAttribute("aria-describedby", statusId);
    const remove = h(
      "button",
      {
        type: "button",
        class: "secondary small",
        "data-testid": `remove-${setting}`,
        onClick: () => ctx.actions.saveKeys({ [setting]: "" }),
      },
      say(ctx, "keys.remove"),
    );
    const testHelp = h("p", { id: uid(`test-help-${source}`), class: "help" }, say(ctx, text.help));
    const test = h(
      "button",
      {
        type: "button",
        class: "secondary",
        "data-testid": `test-${source}`,
        "aria-describedby": testHelp.id,
        onClick: () => ctx.actions.testConnection(source),
      },
      say(ctx, text.test),
    );
    watch(
      ctx.scope,
      ctx.store,
      (s) => s.settings[setting],
      (key) => {
        status.textContent = key.set
          ? say(ctx, "keys.set", { hint: key.hint ? `•••• ${key.hint}` : "••••" })
          : say(ctx, "keys.notSet");
        status.classList.toggle("is-set", key.set);
        remove.hidden = !key.set;
      },
    );
    watch(
      ctx.scope,
      ctx.store,
      (s) => `${isBusy(s, `test-${source}`)}|${isBusy(s, "keys")}`,
      () => {
        const s = ctx.store.get();
        const testing = isBusy(s, `test-${source}`);
        test.disabled = testing;
        test.setAttribute("aria-busy", String(testing));
        test.textContent = say(ctx, testing ? "keys.testing" : text.test);
        remove.disabled = isBusy(s, "keys");
      },
    );
    // Each source's test says how it went on its own line: one never hides the other.
    const connection = h("p", {
      class: "note",
      role: "status",
      "data-testid": `connection-message-${source}`,
    });
    watch(
      ctx.scope,
      ctx.store,
      (s) => s.connection[source],
      (result) => {
        connection.textContent = result?.message ?? "";
        connection.classList.toggle("failed", result?.ok === false);
        connection.classList.toggle("ok", result?.ok === true);
      },
    );
    return h(
      "div",
      { class: "key-block" },
      h("h3", {}, h("label", { for: input.id }, say(ctx, text.label))),
      status,
      input,
      h("div", { class: "actions" }, test, remove),
      testHelp,
      connection,
    );
  });

  const save = h(
    "button",
    { type: "button", class: "primary", "data-testid": "save-keys", onClick: saveTyped },
    say(ctx, "keys.save"),
  );
  watch(
    ctx.scope,
    ctx.store,
    (s) => isBusy(s, "keys"),
    (busy) => {
      save.disabled = busy;
      save.setAttribute("aria-busy", String(busy));
      save.textContent = say(ctx, busy ? "keys.saving" : "keys.save");
    },
  );
  const note = h("p", { class: "note", role: "status", "data-testid": "settings-message" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.keysNote,
    (keysNote) => {
      note.textContent = keysNote?.text ?? "";
      note.classList.toggle("failed", keysNote?.ok === false);
    },
  );

  return h(
    "div",
    { class: "settings-view" },
    h("h2", {}, say(ctx, "keys.title")),
    h("p", { class: "help" }, say(ctx, "keys.intro")),
    blocks,
    h("div", { class: "actions" }, save),
    note,
    capBlock(ctx),
  );
}

/** The daily credit cap: what it is now, a field to change it, and what saving did. */
function capBlock(ctx: ViewContext): HTMLElement {
  const input = h("input", {
    type: "text",
    inputmode: "numeric",
    id: uid("daily-cap"),
    "data-testid": "daily-cap",
    placeholder: say(ctx, "cap.placeholder"),
    onKeydown: (event: Event) => {
      if ((event as KeyboardEvent).key === "Enter") void saveCap();
    },
  });
  const help = h("p", { id: uid("daily-cap-help"), class: "help" }, say(ctx, "cap.help"));
  const status = h("p", { class: "key-status", "data-testid": "daily-cap-status" });
  input.setAttribute("aria-describedby", `${help.id}`);
  const saveCap = async () => {
    if ((await ctx.actions.saveCap(input.value)) === "done") input.value = "";
  };
  const save = h(
    "button",
    { type: "button", class: "secondary", "data-testid": "save-cap", onClick: saveCap },
    say(ctx, "cap.save"),
  );
  const note = h("p", { class: "note", role: "status", "data-testid": "cap-message" });
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.settings.dailyCreditCap,
    (cap) => {
      status.textContent =
        cap === undefined
          ? say(ctx, "cap.none")
          : say(ctx, "cap.current", { cap: formatCount(ctx.locale, cap) });
      status.classList.toggle("is-set", cap !== undefined);
    },
  );
  watch(
    ctx.scope,
    ctx.store,
    (s) => isBusy(s, "cap"),
    (busy) => {
      save.disabled = busy;
      save.setAttribute("aria-busy", String(busy));
      save.textContent = say(ctx, busy ? "cap.saving" : "cap.save");
    },
  );
  watch(
    ctx.scope,
    ctx.store,
    (s) => s.capNote,
    (capNote) => {
      note.textContent = capNote?.text ?? "";
      note.classList.toggle("ok", capNote?.ok === true);
    },
  );
  return h(
    "div",
    { class: "key-block cap-block" },
    h("h3", {}, h("label", { for: input.id }, say(ctx, "cap.label"))),
    status,
    input,
    help,
    h("div", { class: "actions" }, save),
    note,
  );
}
