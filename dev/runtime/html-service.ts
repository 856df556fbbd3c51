// The emulated HtmlService: HTML outputs built from the project's HTML files (dist/*.html), which
// the Ui shows as sidebars and dialogs. Templates are not emulated: the add-on doesn't use them.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Execution } from "./execution.js";

export interface HtmlOutputLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
  getHeight(): number;
}

export function createHtmlService(exec: Execution, htmlDir: string) {
  const SandboxMode = Object.freeze({ IFRAME: "IFRAME", NATIVE: "NATIVE", EMULATED: "EMULATED" });
  const XFrameOptionsMode = Object.freeze({ ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" });

  function htmlOutput(initial: string) {
    let content = initial;
    let title = "";
    let width = 300;
    let height = 500;
    const output = {
      getContent: () => content,
      setContent(html: string) {
        content = String(html);
        return output;
      },
      append(html: string) {
        content += String(html);
        return output;
      },
      getTitle: () => title,
      setTitle(value: string) {
        title = String(value);
        return output;
      },
      getWidth: () => width,
      setWidth(value: number) {
        width = Number(value);
        return output;
      },
      getHeight: () => height,
      setHeight(value: number) {
        height = Number(value);
        return output;
      },
      setSandboxMode: () => output,
      setXFrameOptionsMode: () => output,
      setFaviconUrl: () => output,
      addMetaTag: () => output,
    };
    return output;
  }

  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html = "") {
      exec.guard("HtmlService.createHtmlOutput", "html");
      return htmlOutput(String(html));
    },
    createHtmlOutputFromFile(filename: string) {
      exec.guard("HtmlService.createHtmlOutputFromFile", "html");
      const file = path.join(htmlDir, `${String(filename).replace(/\.html$/, "")}.html`);
      if (!existsSync(file)) exec.fail(`No HTML file named ${filename} was found.`);
      return htmlOutput(readFileSync(file, "utf8"));
    },
  };
}
