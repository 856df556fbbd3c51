// The files the playground serves: its page (HTML, CSS, and the page script bundled from
// TypeScript) and the google.script shim injected into the sidebar. Bundled once per process.

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export interface PlaygroundAssets {
  readonly pageHtml: string;
  readonly pageCss: string;
  readonly pageJs: string;
  /** A classic script for a <script> element: installs window.google.script. */
  readonly shimJs: string;
}

const clientDir = fileURLToPath(new URL("./client/", import.meta.url));

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [`${clientDir}${entry}`],
    bundle: true,
    format: "iife",
    target: "es2020",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  // The shim is inlined in a <script> element, which this would end early.
  if (/<\/script/i.test(code)) throw new Error(`${entry}: the bundle contains "</script".`);
  return code;
}

let assets: Promise<PlaygroundAssets> | undefined;

export function loadAssets(): Promise<PlaygroundAssets> {
  assets ??= (async () => {
    const [pageHtml, pageCss, pageJs, shimJs] = await Promise.all([
      readFile(`${clientDir}page.html`, "utf8"),
      readFile(`${clientDir}page.css`, "utf8"),
      bundle("page.ts"),
      bundle("shim-entry.ts"),
    ]);
    return { pageHtml, pageCss, pageJs, shimJs };
  })();
  assets.catch(() => {
    assets = undefined;
  });
  return assets;
}

/** The sidebar's HTML with the shim as the first thing in <head>, before any of its scripts. */
export function injectShim(html: string, shimJs: string): string {
  const tag = `<script>${shimJs}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length)
    );
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) {
    const at = root.index + root[0].length;
    return `${html.slice(0, at)}<head>${tag}</head>${html.slice(at)}`;
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + tag + html.slice(at);
}
