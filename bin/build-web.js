#!/usr/bin/env node
// Builds the web app and the visitor's chat widget (vite) when their output is missing or older than
// their sources.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vite = path.join(root, "node_modules", "vite", "bin", "vite.js");

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether `built` exists and is at least as new as everything in `sources` (folders or files). */
function upToDate(built, sources) {
  if (!fs.existsSync(built)) return false;
  const newest = Math.max(
    ...sources.map((source) => {
      const p = path.join(root, source);
      if (!fs.existsSync(p)) return 0;
      return fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs;
    }),
  );
  return fs.statSync(built).mtimeMs >= newest;
}

function viteBuild(args) {
  execFileSync(process.execPath, [vite, "build", ...args, "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
}

export function ensureWebBuilt() {
  if (!upToDate(path.join(root, "dist", "web", "index.html"), ["web", "common"])) {
    console.log("Building the web app…");
    viteBuild([]);
  }
  if (!upToDate(path.join(root, "dist", "widget", "widget.js"), ["widget", "common", "vite.widget.config.ts"])) {
    console.log("Building the chat widget…");
    viteBuild(["--config", "vite.widget.config.ts"]);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureWebBuilt();
