// Makes sure Debian's chromium is installed for the browser tests: on a fresh machine of this kind
// (root, apt-get) it installs the package; anywhere else it stops with what to do. Browsers are
// never downloaded by other means (no `playwright install`): only the distribution's package.

import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

export const CHROMIUM_PATH = "/usr/bin/chromium";
/** Chromium, and fonts so Chinese names and emoji show in screenshots rather than boxes. */
const PACKAGES = ["chromium", "fonts-wqy-microhei", "fonts-noto-color-emoji"];

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} name */
function hasCommand(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

/**
 * @param {string[]} lines
 * @returns {never}
 */
function fail(lines) {
  console.error(["", ...lines, ""].join("\n"));
  process.exit(1);
}

/**
 * Runs a command with its output shown as it goes (apt prints its own progress).
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    fail([
      `ensure-chromium: \`${command} ${args.join(" ")}\` failed (${result.error?.message ?? `exit code ${result.status}`}).`,
      "The browser tests need Debian's chromium package at /usr/bin/chromium:",
      "  apt-get update && apt-get install -y chromium",
    ]);
  }
}

if (!isExecutable(CHROMIUM_PATH)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !hasCommand("apt-get")) {
    fail([
      `ensure-chromium: the browser tests need chromium at ${CHROMIUM_PATH}, and it is missing.`,
      isRoot
        ? "This machine has no apt-get, so it can't be installed automatically."
        : "Installing it needs root; as root (or with sudo) run:",
      "  apt-get update && apt-get install -y chromium",
      "(Debian's package; do not use `playwright install`: browsers are never downloaded.)",
    ]);
  }
  const started = Date.now();
  console.log(`ensure-chromium: ${CHROMIUM_PATH} is missing; installing Debian's chromium…`);
  // Another apt run (an unattended upgrade on a fresh machine) holds the lock for a while: wait.
  const waitForLock = ["-o", "DPkg::Lock::Timeout=300"];
  run("apt-get", [...waitForLock, "update"]);
  run("apt-get", [...waitForLock, "install", "-y", ...PACKAGES]);
  if (!isExecutable(CHROMIUM_PATH)) {
    fail([`ensure-chromium: apt-get installed chromium, but ${CHROMIUM_PATH} is still missing.`]);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`ensure-chromium: chromium installed in ${seconds} s.`);
}
