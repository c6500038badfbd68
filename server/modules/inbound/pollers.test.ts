import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import type { Database } from "../../db/connect";
import { createTestDb } from "../../test/db";
import { waitFor } from "../../test/inbox";
import { login } from "../../test/server";
import { type BotApiDouble, startBotApiDouble } from "../../test/telegram/bot-api-double";
import { createTelegramChannel } from "../../test/telegram/parley";
import { runSetup } from "../setup/commands";

/**
 * Two Parley instances on one database (PostgreSQL under PARLEY_TEST_DB=postgres; on PGlite the two
 * share the embedded database in this process): each Telegram channel is long-polled by exactly one
 * of them, and the other takes over when the poller's lease expires or is given up.
 */
const leaseMs = 1000;
let database: Database;
let tg: BotApiDouble;
let dataDir: string;
let channelId: string;
const apps: FastifyInstance[] = [];
const stopped = new Set<FastifyInstance>();

async function instance(): Promise<FastifyInstance> {
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: "silent", PARLEY_DATA_DIR: dataDir }),
    db: database.db,
    logger: false,
    embedded: database.kind === "pglite",
    // The pollers are started by the test (after a crashed process's lease is in place).
    worker: false,
    pollers: { leaseMs, refreshMs: 50 },
  });
  await app.ready();
  apps.push(app);
  return app;
}

async function stop(app: FastifyInstance): Promise<void> {
  stopped.add(app);
  await app.pollers.stop();
  await app.close();
}

beforeAll(async () => {
  database = await createTestDb();
  tg = await startBotApiDouble();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-pollers-"));
  const a = await instance();
  await instance();
  const { workspace } = await runSetup(database.db, {
    name: "P",
    email: "p@example.com",
    password: "pollers-password",
    workspaceName: "Pollers",
  });
  const owner = await login(a, "p@example.com", "pollers-password");
  channelId = (await createTelegramChannel({ owner, ws: workspace.id, tg })).id;
});
afterAll(async () => {
  for (const app of apps) if (!stopped.has(app)) await stop(app);
  await tg.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Which instances poll the channel now, by index (apps are compared by identity, never deeply). */
const pollersOf = () =>
  apps.flatMap((app, i) => (!stopped.has(app) && app.pollers.polling().includes(channelId) ? [i] : []));
const conflicts = () => tg.requests.filter((r) => r.method === "getUpdates" && r.status === 409);
const stored = (text: string) => database.db.selectFrom("messages").select("id").where("text", "=", text).execute();

describe("one poller per channel across instances", () => {
  it("waits for a crashed process's lease to expire, then exactly one instance polls", async () => {
    const leaseUntil = Date.now() + 1500;
    await database.db
      .updateTable("channels")
      .set({ poll_owner: "crashed-host:1:dead", poll_lease_until: new Date(leaseUntil) })
      .where("id", "=", channelId)
      .execute();
    for (const app of apps) app.pollers.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(pollersOf()).toEqual([]);
    const [first] = await waitFor(async () => {
      const p = pollersOf();
      return p.length > 0 && p;
    }, "a poller after the lease expired");
    expect(pollersOf()).toEqual([first]);
    const firstPoll = await tg.waitFor(() => tg.requests.find((r) => r.method === "getUpdates"));
    expect(firstPoll.at).toBeGreaterThanOrEqual(leaseUntil);
  });

  it("keeps the same single poller over several lease periods, with no getUpdates conflicts", async () => {
    const [owner] = pollersOf();
    const until = Date.now() + leaseMs * 4;
    let samples = 0;
    while (Date.now() < until) {
      expect(pollersOf()).toEqual([owner]);
      samples++;
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(samples).toBeGreaterThan(20);
    expect(conflicts()).toEqual([]);
    const row = await database.db
      .selectFrom("channels")
      .select(["poll_owner", "poll_lease_until"])
      .where("id", "=", channelId)
      .executeTakeFirstOrThrow();
    expect(row.poll_owner).toBe(apps[owner ?? -1]?.pollers.owner);
    expect(row.poll_lease_until?.getTime()).toBeGreaterThan(Date.now());
  });

  it("stores each update once while both instances run", async () => {
    for (let i = 0; i < 5; i++) tg.userMessage({ text: `while both run ${i}` });
    for (let i = 0; i < 5; i++) await waitFor(async () => (await stored(`while both run ${i}`)).length > 0, `m${i}`);
    for (let i = 0; i < 5; i++) expect(await stored(`while both run ${i}`)).toHaveLength(1);
  });

  it("stops polling as soon as another process holds the lease, and polls again once it expires", async () => {
    const stolenUntil = Date.now() + 1200;
    await database.db
      .updateTable("channels")
      .set({ poll_owner: "stalled-host:2:other", poll_lease_until: new Date(stolenUntil) })
      .where("id", "=", channelId)
      .execute();
    await waitFor(async () => pollersOf().length === 0, "the poller to give the channel up");
    const polls = () => tg.requests.filter((r) => r.method === "getUpdates");
    const before = polls().length;
    await waitFor(async () => pollersOf().length === 1, "a poller after the stolen lease expired");
    const next = await tg.waitFor(() => polls()[before]);
    expect(next.at).toBeGreaterThanOrEqual(stolenUntil);
    expect(conflicts()).toEqual([]);
  });

  it("when the polling instance shuts down, the other takes over and nothing is lost", async () => {
    const [index] = pollersOf();
    const owner = apps[index ?? -1];
    const otherIndex = index === 0 ? 1 : 0;
    const other = apps[otherIndex];
    if (!owner || !other) throw new Error("expected two instances");
    await stop(owner);
    const { message } = tg.userMessage({ text: "after the handover" });
    await waitFor(async () => other.pollers.polling().includes(channelId), "the takeover");
    await waitFor(async () => (await stored("after the handover")).length === 1, "the message after the handover");
    expect(message.text).toBe("after the handover");
    expect(pollersOf()).toEqual([otherIndex]);
    expect(conflicts()).toEqual([]);
  });
});
