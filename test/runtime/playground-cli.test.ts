// `npm start`'s program: it serves the playground on the port asked for, with the demo keys saved
// and the add-on menu built by onOpen, and Ctrl-C stops it, the fake API worker and the runtime.

import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

// One process (tsx as a loader, not its wrapper), so a kill after a failed test leaves no orphan.
const NODE_ARGS = ["--import", "tsx", "dev/playground/main.ts"];
let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
  child = undefined;
});

/** Starts `npm start`'s entry with PORT; answers the URL once it has said it is ready. */
function startProgram(port: number): Promise<{ url: string; output: () => string }> {
  child = spawn(process.execPath, NODE_ARGS, {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 20 s:\n${output}`)), 20_000);
    child?.stdout?.on("data", () => {
      const url = /playground: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url || !output.includes("Ctrl-C stops it")) return;
      clearTimeout(timer);
      resolve({ url, output: () => output });
    });
    child?.on("exit", (code) =>
      reject(new Error(`exited with ${code} before serving:\n${output}`)),
    );
  });
}

function exited(process: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (process.exitCode !== null) resolve(process.exitCode);
    else process.on("exit", (code) => resolve(code));
  });
}

describe("npm start (dev/playground/main.ts)", () => {
  it("serves the playground with the demo keys and the add-on menu, and stops on Ctrl-C", async () => {
    const { url, output } = await startProgram(0);
    expect(output()).toMatch(/fake KeyAPI \+ FastMoss at http:\/\/127\.0\.0\.1:\d+/);

    const pageHtml = await (await fetch(`${url}/`)).text();
    expect(pageHtml).toContain('data-testid="sidebar-frame"');
    const state = (await (await fetch(`${url}/state`)).json()) as {
      menus: { title: string; items: { caption: string }[] }[];
    };
    expect(state.menus[0]?.title).toBe("TikTok Influencers");
    expect(state.menus[0]?.items.map((item) => item.caption)).toEqual([
      "Open sidebar",
      "Refresh all saved queries",
      "Settings",
      "Check setup",
    ]);
    const settings = await fetch(`${url}/rpc`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "getSettings", args: [] }),
    });
    expect(await settings.json()).toMatchObject({ ok: true, value: { keyapiKey: { set: true } } });

    child?.kill("SIGINT");
    expect(await exited(child!)).toBe(0);
    expect(output()).toContain("stopping the playground");
    await expect(fetch(`${url}/state`)).rejects.toThrow();
  });

  it("falls back to a free port when the one asked for is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const { url } = await startProgram(taken);
      expect(url).not.toBe(`http://127.0.0.1:${taken}`);
      expect((await fetch(`${url}/state`)).status).toBe(200);
      child?.kill("SIGTERM");
      expect(await exited(child!)).toBe(0);
    } finally {
      blocker.close();
    }
  });
});
