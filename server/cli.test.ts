import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The real process, as `npm start` runs it: prints its URL, locks its data dir, shuts down cleanly. */
const bin = path.resolve(import.meta.dirname, "..", "bin", "parley.js");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-cli-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>, command = "serve", dir = dataDir) {
  const child = spawn(process.execPath, [bin, command], {
    env: { ...process.env, LOG_LEVEL: "warn", HOST: "127.0.0.1", PARLEY_DATA_DIR: dir, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited early: ${out}`));
    });
  });
  listening.catch(() => {}); // awaited by the tests that expect it
  return { child, listening, exited, output: () => out };
}

describe("parley serve", () => {
  it("creates the owner from the environment, prints its URL, refuses a second process, stops on SIGTERM, and keeps data", async () => {
    const env = { PORT: "0", PARLEY_ADMIN_EMAIL: "boss@example.com", PARLEY_ADMIN_PASSWORD: "boss-password" };
    const first = start(env);
    const url = (await first.listening).replace("localhost", "127.0.0.1");
    expect((await (await fetch(`${url}/healthz`)).json()).status).toBe("ok");

    const second = start({ PORT: "0" });
    expect(await second.exited).toBe(3);
    expect(second.output()).toMatch(/in use by another Parley process/);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "parley.lock"))).toBe(false);

    const again = start({ PORT: "0" });
    const url2 = (await again.listening).replace("localhost", "127.0.0.1");
    const login = await fetch(`${url2}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "boss@example.com", password: "boss-password" }),
    });
    expect(login.status).toBe(200);
    again.child.kill("SIGINT");
    expect(await again.exited).toBe(0);
  }, 90_000);

  it("explains a bad configuration", async () => {
    const bad = start({ PORT: "not-a-port" });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/PORT/);
  }, 30_000);
});

describe("parley demo", () => {
  it("on a fresh install creates a demo owner and workspace, prints how to sign in and the sandbox, and reuses them next time", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-demo-"));
    try {
      const first = start({ PORT: "0" }, "demo", dir);
      const url = (await first.listening).replace("localhost", "127.0.0.1");
      await expect.poll(() => /Play the client/.test(first.output())).toBe(true);
      const out = first.output();
      const password = /as demo@parley\.local with the password (\S+),/.exec(out)?.[1];
      const sandbox = /(\/sandbox\/[0-9a-f-]{36})/.exec(out)?.[1];
      expect(password).toBeDefined();
      expect(sandbox).toBeDefined();
      expect((await fetch(`${url}${sandbox}`)).status).toBe(200);
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "demo@parley.local", password }),
      });
      expect(login.status).toBe(200);
      const me = (await login.json()) as { workspaces: Array<{ name: string }> };
      expect(me.workspaces.map((w) => w.name).sort()).toEqual(["Demo", "My company"]);
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);

      const second = start({ PORT: "0" }, "demo", dir);
      await second.listening;
      await expect.poll(() => /Play the client/.test(second.output())).toBe(true);
      expect(second.output()).not.toMatch(/password/);
      expect(second.output()).toContain(sandbox);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
