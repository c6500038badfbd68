import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { sign } from "./connectors/api/signature";
import { testDbKind } from "./test/db";
import { outboundReceiver, waitFor } from "./test/inbox";

/**
 * Kills the real server (SIGKILL) in the middle of a stream of signed inbound messages whose sender
 * retries until it gets a 2xx, and of queued outbound messages; after a restart every inbound message
 * is stored exactly once and every outbound one delivered, under one delivery id each.
 */
const bin = path.resolve(import.meta.dirname, "..", "bin", "parley.js");
const adminUrl = process.env.PARLEY_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  for (const c of cleanups) await c();
});

async function databaseEnv(): Promise<Record<string, string>> {
  if (testDbKind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-rel-"));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return { PARLEY_DATA_DIR: dir, DATABASE_URL: "" };
  }
  const name = `parley_rel_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

function start(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "error", PARLEY_DELIVERY_LEASE_MS: "2000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ child, base: m[1].replace("localhost", "127.0.0.1") });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

describe("crash safety", () => {
  it("loses and duplicates nothing when the server is killed mid-stream", async () => {
    const receiver = await outboundReceiver((_r, n) => ({ status: 200, body: { externalId: `ext-${n}` } }));
    cleanups.push(receiver.close);
    const env = {
      ...(await databaseEnv()),
      PARLEY_ADMIN_EMAIL: "rel@example.com",
      PARLEY_ADMIN_PASSWORD: "rel-password-1",
    };
    let server = await start(env);
    let base = server.base;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "rel@example.com", password: "rel-password-1" }),
    });
    const ws = ((await login.json()) as { workspaces: Array<{ id: string }> }).workspaces[0]?.id;
    const tokenRes = await fetch(`${base}/api/v1/workspaces/${ws}/api-tokens`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
        origin: base,
      },
      body: JSON.stringify({ name: "rel" }),
    });
    const auth = {
      authorization: `Bearer ${((await tokenRes.json()) as { secret: string }).secret}`,
      "content-type": "application/json",
    };
    const channelRes = await fetch(`${base}/api/v1/workspaces/${ws}/channels`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ kind: "api", name: "rel", config: { outboundUrl: receiver.url } }),
    });
    const channel = (await channelRes.json()) as { channel: { id: string }; secret: string };

    const total = 300;
    let acked = 0;
    const sendUntilAccepted = async (i: number) => {
      const raw = JSON.stringify({
        eventId: `rel-${i}`,
        client: { externalId: `c-${i % 10}` },
        message: { externalId: `m-${i}`, text: `rel ${i}` },
      });
      for (;;) {
        try {
          const res = await fetch(`${base}/webhooks/api/${channel.channel.id}`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-parley-signature": sign(channel.secret, raw) },
            body: raw,
          });
          await res.arrayBuffer();
          if (res.ok) {
            acked++;
            return;
          }
        } catch {
          // the server is down: retry, as a messenger does
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    // A first client message gives us a chat to answer in; then outbound messages are queued.
    await sendUntilAccepted(0);
    const chats = (await (await fetch(`${base}/api/v1/workspaces/${ws}/chats`, { headers: auth })).json()) as {
      items: Array<{ id: string }>;
    };
    const chatId = chats.items[0]?.id;
    const outbound: string[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await fetch(`${base}/api/v1/workspaces/${ws}/chats/${chatId}/messages`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ text: `out ${i}` }),
      });
      outbound.push(((await res.json()) as { message: { id: string } }).message.id);
    }
    let next = 1;
    const stream = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < total) await sendUntilAccepted(next++);
      }),
    );
    await waitFor(async () => acked >= 100, "100 inbound messages accepted", 60_000);
    server.child.kill("SIGKILL");
    await new Promise((r) => server.child.once("exit", r));
    await new Promise((r) => setTimeout(r, 300));
    server = await start(env);
    base = server.base;
    await stream;

    const count = async () => {
      const res = await fetch(`${base}/api/v1/workspaces/${ws}/chats?limit=100`, { headers: auth });
      const body = (await res.json()) as { items: Array<{ id: string }> };
      let texts: string[] = [];
      for (const c of body.items) {
        let before = "";
        for (;;) {
          const page = (await (
            await fetch(`${base}/api/v1/workspaces/${ws}/chats/${c.id}/messages?limit=200${before}`, { headers: auth })
          ).json()) as {
            items: Array<{ id: string; text: string; status: string | null; direction: string }>;
            hasMore: boolean;
          };
          texts = texts.concat(page.items.map((m) => `${m.direction}|${m.text}|${m.status}`));
          if (!page.hasMore || !page.items[0]) break;
          before = `&before=${page.items[0].id}`;
        }
      }
      return texts;
    };
    await waitFor(
      async () => (await count()).filter((t) => t.endsWith("|sent")).length === outbound.length,
      "every outbound message sent",
      60_000,
    );
    const texts = await count();
    const inbound = texts.filter((t) => t.startsWith("in|"));
    expect(inbound).toHaveLength(total);
    expect(new Set(inbound).size).toBe(total);
    const deliveredIds = new Set(receiver.received.map((r) => JSON.parse(r.body).messageId as string));
    expect([...deliveredIds].sort()).toEqual([...outbound].sort());
    const deliveryIdsPerMessage = new Map<string, Set<string>>();
    for (const r of receiver.received) {
      const b = JSON.parse(r.body) as { messageId: string; deliveryId: string };
      deliveryIdsPerMessage.set(b.messageId, (deliveryIdsPerMessage.get(b.messageId) ?? new Set()).add(b.deliveryId));
    }
    // A resend after a crash carries the same delivery id, so the receiver can drop it.
    expect([...deliveryIdsPerMessage.values()].every((s) => s.size === 1)).toBe(true);
    server.child.kill("SIGTERM");
  }, 180_000);
});
