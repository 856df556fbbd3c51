// Installs the locked dependencies when they are missing or stale, so that `npm start` and
// `npm test` are all the set-up a fresh clone needs. Fast when nothing changed.

import { execSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifests = ["package.json", "package-lock.json"].map((name) => path.join(root, name));
const stamp = path.join(root, "node_modules", ".installed-lock-hash");

const hash = createHash("sha256");
for (const file of manifests) hash.update(readFileSync(file));
const wanted = hash.digest("hex");
const installed = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";

if (installed !== wanted) {
  // `npm ci`: exactly the lockfile, and the lockfile is left as it is, so a first `npm test`
  // leaves the work tree clean.
  console.log("Installing dependencies…");
  execSync("npm ci --no-audit --no-fund", { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, wanted);
}
