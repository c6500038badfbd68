#!/usr/bin/env node
// Builds the web app (vite) when dist/web is missing or older than its sources.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const built = path.join(root, "dist", "web", "index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureWebBuilt() {
  const sources = Math.max(newestMtime(path.join(root, "web")), newestMtime(path.join(root, "common")));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  console.log("Building the web app…");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureWebBuilt();
