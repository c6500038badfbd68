import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { runSetup } from "../modules/setup/commands";
import { connect } from "./connect";
import { DataDirLockedError, lockDataDir } from "./lock";
import { migrate, migrations } from "./migrate";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "parley-"));
  dirs.push(d);
  return path.join(d, "nested", "data");
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("embedded data directory", () => {
  it("is created when missing, keeps everything across a restart, and migrations are idempotent", async () => {
    const dir = tempDir();
    const first = await connect({ kind: "pglite", dataDir: dir });
    expect(await migrate(first.db as never)).toEqual(Object.keys(migrations));
    await runSetup(first.db, { name: "A", email: "a@example.com", password: "password-1", workspaceName: "W" });
    await first.close();

    const second = await connect({ kind: "pglite", dataDir: dir });
    expect(await migrate(second.db as never)).toEqual([]);
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent" }), db: second.db, logger: false });
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "a@example.com", password: "password-1" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().workspaces[0].name).toBe("W");
    await app.close();
    await second.close();
  }, 60_000);

  it("refuses a second process on the same directory with a clear message", async () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    try {
      fs.writeFileSync(path.join(dir, "parley.lock"), String(process.ppid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/in use by another Parley process/);
    } finally {
      fs.writeFileSync(path.join(dir, "parley.lock"), String(process.pid));
      release();
    }
    expect(fs.existsSync(path.join(dir, "parley.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that died", () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "parley.lock"), "999999999");
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "parley.lock"), "utf8")).toBe(String(process.pid));
    release();
  });
});
