import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/** Each server gets a fresh data directory, deleted before the run. */
const freshDataDir = (name: string): string => {
  const dir = path.resolve(".tmp", `e2e-${name}-${portBase}`);
  // The config is loaded again in every worker: only the runner, before starting the servers, may delete.
  if (process.env.TEST_WORKER_INDEX === undefined) fs.rmSync(dir, { recursive: true, force: true });
  return dir;
};

/** `E2E_PORT_BASE` lets two runs share a machine (ports base and base + 1). */
const portBase = Number(process.env.E2E_PORT_BASE ?? 3101);
const ports = { app: portBase, firstRun: portBase + 1 } as const;
const host = "127.0.0.1";

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: `.tmp/test-results-${portBase}`,
  use: {
    browserName: "chromium",
    viewport: { width: 1440, height: 900 },
    locale: "en-US",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/lib/chromium/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "first-run",
      testMatch: /setup\.spec\.ts/,
      use: { baseURL: `http://${host}:${ports.firstRun}` },
    },
    {
      name: "app",
      testIgnore: /setup\.spec\.ts/,
      use: { baseURL: `http://${host}:${ports.app}` },
    },
  ],
  webServer: [
    {
      command: "node bin/parley.js serve",
      url: `http://${host}:${ports.app}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(ports.app),
        PARLEY_DATA_DIR: freshDataDir("app"),
        PARLEY_ADMIN_EMAIL: "owner@example.com",
        PARLEY_ADMIN_PASSWORD: "correct-horse-battery",
      },
    },
    {
      command: "node bin/parley.js serve",
      url: `http://${host}:${ports.firstRun}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(ports.firstRun),
        PARLEY_DATA_DIR: freshDataDir("first-run"),
      },
    },
  ],
});
