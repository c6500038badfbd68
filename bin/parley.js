#!/usr/bin/env node
// Runs the TypeScript server directly (tsx), so there is no separate server build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/main.ts");
await main(process.argv.slice(2));
