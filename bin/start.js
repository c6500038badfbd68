#!/usr/bin/env node
// `npm start` (`npm run demo`): build the web app when needed, then run `parley serve` (`parley demo`).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureWebBuilt } from "./build-web.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
ensureWebBuilt();
const args = process.argv[2] === "demo" ? process.argv.slice(2) : ["serve", ...process.argv.slice(2)];
const child = spawn(process.execPath, [path.join(root, "bin", "parley.js"), ...args], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
