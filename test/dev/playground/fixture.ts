// A tiny add-on for the playground's own tests: the public functions the playground relies on
// (onOpen, saveSettings, the three custom functions, a sidebar), written so each test can tell
// what happened, without building dist/ or calling the fake API.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AppsScriptRuntime } from "../../../dev/runtime/runtime.js";

export const FIXTURE_CODE = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem("Open sidebar", "showSidebar")
    .addItem("Break", "breakDown")
    .addItem("Say hello", "sayHello")
    .addToUi();
}
function saveSettings(settings) {
  PropertiesService.getDocumentProperties().setProperty("settings", JSON.stringify(settings));
  return { saved: true };
}
function getSettings() {
  return JSON.parse(PropertiesService.getDocumentProperties().getProperty("settings") || "null");
}
function echo(value) { return value; }
function today() { return new Date(); }
function fail() { throw new Error("the server function failed"); }
function hidden_() { return "private"; }
function showSidebar() {
  var page = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Fixture sidebar");
  page.append('<script>window.TT_START_VIEW = "search";</script>');
  SpreadsheetApp.getUi().showSidebar(page);
}
function breakDown() { throw new Error("the menu item broke"); }
function sayHello() { SpreadsheetApp.getUi().alert("Hello from the script"); }
function writeFormula(a1, formula) {
  SpreadsheetApp.getActiveSheet().getRange(a1).setFormula(formula);
  return SpreadsheetApp.getActiveSheet().getRange(a1).getDisplayValue();
}
function writeRows(count) {
  var rows = [];
  for (var i = 1; i <= count; i++) rows.push(["row " + i, i]);
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.getRange(1, 1, count, 2).setValues(rows);
  sheet.getRange(1, 1, 1, 2).setFontWeight("bold");
  sheet.getRange(1, 2, count, 1).setNumberFormat("0.0%");
  sheet.setFrozenRows(1);
}
function scheduleHourly() {
  ScriptApp.newTrigger("onHourly").timeBased().everyHours(1).create();
}
function onHourly() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange("Z1").setValue((Number(sheet.getRange("Z1").getValue()) || 0) + 1);
}
function TT_INFLUENCERS(region, limit) {
  var rows = [["Handle", "Region"]];
  for (var i = 1; i <= (limit || 10); i++) rows.push(["creator" + i, region]);
  return rows;
}
function TT_COLUMNS(source) {
  if (source !== "keyapi") throw new Error('TT_COLUMNS: source must be "keyapi" or "fastmoss", not "' + source + '".');
  return [["Key", "Label"], ["unique_id", "Handle"]];
}
function TT_TOP_POTENTIAL() {
  var kinds = [];
  for (var i = 0; i < arguments.length; i++) {
    var value = arguments[i];
    kinds.push(Object.prototype.toString.call(value).slice(8, -1) + " " +
      (value instanceof Date ? value.toISOString() : JSON.stringify(value)));
  }
  return kinds.join(" | ");
}
`;

export const FIXTURE_SIDEBAR =
  '<!doctype html><html><head><base target="_top"><script>window.sidebarScriptRan = true;</script></head><body>Fixture</body></html>';

/**
 * A folder holding Sidebar.html, as dist/ does: one fixed folder in the ignored .build/, so tests
 * leave nothing behind in the system's temp folder.
 */
export function fixtureHtmlDir(): string {
  const dir = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    "../../../.build/playground-fixture",
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "Sidebar.html"), FIXTURE_SIDEBAR);
  return dir;
}

/** Runtime options for the fixture add-on (no manifest: every scope granted). */
export function fixtureRuntimeOptions() {
  return { code: FIXTURE_CODE, manifest: {}, htmlDir: fixtureHtmlDir() };
}

export function fixtureRuntime(): AppsScriptRuntime {
  return new AppsScriptRuntime(fixtureRuntimeOptions());
}
