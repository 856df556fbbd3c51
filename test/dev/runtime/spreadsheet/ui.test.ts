// The Ui: menus built by onOpen, the 300 px sidebar, dialogs, alerts and prompts answered from a
// queue, and toasts — all recorded in UiState for tests and the playground.

import { describe, expect, it } from "vitest";
import { harness, thrown } from "./harness.js";

function htmlOutput(content: string, title: string, width?: number) {
  return {
    getContent: () => content,
    getTitle: () => title,
    ...(width === undefined ? {} : { getWidth: () => width, getHeight: () => 400 }),
  };
}

describe("Ui", () => {
  it("records the add-on menu with items, separators and submenus", () => {
    const { execution, ui } = harness();
    const { app } = execution({ kind: "simpleTrigger", authMode: "NONE" });
    const appUi = app.getUi();
    const more = appUi.createMenu("More").addItem("About", "showAbout");
    appUi
      .createAddonMenu()
      .addItem("Open sidebar", "showSidebar")
      .addSeparator()
      .addItem("Refresh all saved queries", "refreshAll")
      .addSubMenu(more)
      .addToUi();
    expect(ui.menus).toEqual([
      {
        title: "TikTok Influencers",
        addon: true,
        items: [
          { type: "item", caption: "Open sidebar", functionName: "showSidebar" },
          { type: "separator" },
          { type: "item", caption: "Refresh all saved queries", functionName: "refreshAll" },
          {
            type: "submenu",
            caption: "More",
            items: [{ type: "item", caption: "About", functionName: "showAbout" }],
          },
        ],
      },
    ]);
    // Every onOpen adds the menu again; it replaces the old one.
    execution({ authMode: "NONE" }).app.getUi().createAddonMenu().addItem("Only", "only").addToUi();
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0]!.items).toHaveLength(1);
  });

  it("shows sidebars 300 px wide whatever the output asks", () => {
    const { execution, ui } = harness();
    const { app, exec } = execution();
    app.getUi().showSidebar(htmlOutput("<h1>Hi</h1>", "TikTok Influencers", 600));
    expect(ui.sidebar).toEqual({
      title: "TikTok Influencers",
      html: "<h1>Hi</h1>",
      width: 300,
      requestedWidth: 600,
      executionId: exec.id,
    });
    expect(thrown(() => app.getUi().showSidebar("<p>raw</p>")).message).toBe(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
  });

  it("shows modal and modeless dialogs", () => {
    const { execution, ui } = harness();
    const appUi = execution().app.getUi();
    appUi.showModalDialog(htmlOutput("<p>settings</p>", "", 500), "Settings");
    appUi.showModelessDialog(htmlOutput("<p>log</p>", ""), "Log");
    expect(ui.dialogs.map((dialog) => [dialog.modal, dialog.title, dialog.width])).toEqual([
      [true, "Settings", 500],
      [false, "Log", undefined],
    ]);
  });

  it("answers alerts and prompts from the queue, else with the first button", () => {
    const { execution, ui } = harness();
    const appUi = execution().app.getUi();
    expect(appUi.alert("Done")).toBe(appUi.Button.OK);
    expect(appUi.alert("Delete?", appUi.ButtonSet.YES_NO)).toBe("YES");
    ui.respondWith({ button: "NO" }, { button: "OK", text: "My query" });
    expect(appUi.alert("Title", "Delete?", appUi.ButtonSet.YES_NO)).toBe(appUi.Button.NO);
    const answer = appUi.prompt("Name", "Name the query", appUi.ButtonSet.OK_CANCEL);
    expect([answer.getSelectedButton(), answer.getResponseText()]).toEqual(["OK", "My query"]);
    expect(
      ui.alerts.map(({ kind, title, message, response }) => [kind, title, message, response]),
    ).toEqual([
      ["alert", "", "Done", "OK"],
      ["alert", "", "Delete?", "YES"],
      ["alert", "Title", "Delete?", "NO"],
      ["prompt", "Name", "Name the query", "OK"],
    ]);
  });

  it("records toasts and tells listeners", () => {
    const { execution, ui } = harness();
    const events: string[] = [];
    const stop = ui.onChange((event) => events.push(event.type));
    execution().app.getActiveSpreadsheet().toast("Pulled 100 rows");
    stop();
    execution().app.getActiveSpreadsheet().toast("Again");
    expect(ui.toasts.map((toast) => [toast.message, toast.title, toast.seconds])).toEqual([
      ["Pulled 100 rows", "", 5],
      ["Again", "", 5],
    ]);
    expect(events).toEqual(["toast"]);
  });
});
