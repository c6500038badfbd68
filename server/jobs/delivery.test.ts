import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOutboundBody } from "../../common/inbox";
import { sign } from "../connectors/api/signature";
import { createApiChannel, inboundBody, outboundReceiver, postInbound, waitFor } from "../test/inbox";
import { type Client, createTestServer, setupOwner, type TestServer } from "../test/server";
import { backoffMs } from "./delivery";

type Receiver = Awaited<ReturnType<typeof outboundReceiver>>;
let server: TestServer;
let owner: Client;
let ws: string;
let script: Array<{ status: number; body?: unknown; headers?: Record<string, string> }> = [];
let receiver: Receiver;
let channel: { id: string; secret: string };
let chatId: string;

beforeAll(async () => {
  server = await createTestServer({}, { delivery: { pollMs: 50, retryDelayMs: () => 30 } });
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  receiver = await outboundReceiver((_r, n) => script.shift() ?? { status: 200, body: { externalId: `ext-${n}` } });
  channel = await createApiChannel(owner, ws, receiver.url);
  await postInbound(server.app, channel, inboundBody({ clientId: "buyer" }));
  chatId = (await owner.get(`/api/v1/workspaces/${ws}/chats`)).json().items[0].id;
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

const send = async (text: string) =>
  (await owner.post(`/api/v1/workspaces/${ws}/chats/${chatId}/messages`, { text })).json().message;
const messageOf = (id: string) =>
  server.database.db.selectFrom("messages").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const settled = (id: string) =>
  waitFor(async () => {
    const m = await messageOf(id);
    return m.status !== "queued" && m;
  }, "delivery");

describe("outbound delivery through the API channel", () => {
  it("posts a signed body to the outbound URL and stores the returned externalId as sent", async () => {
    const before = receiver.received.length;
    const msg = await send("Your order is ready");
    const done = await settled(msg.id);
    expect(done.status).toBe("sent");
    const req = receiver.received[before];
    expect(req).toBeDefined();
    if (!req) return;
    expect(req.headers["x-parley-signature"]).toBe(sign(channel.secret, req.body));
    const body = apiOutboundBody.parse(JSON.parse(req.body));
    expect(body).toMatchObject({
      messageId: msg.id,
      chat: { clientExternalId: "buyer" },
      message: { text: "Your order is ready", author: { name: "Olga Owner" } },
    });
    expect(req.headers["x-parley-delivery-id"]).toBe(body.deliveryId);
    expect(done.external_id).toBe(`ext-${before + 1}`);
  });

  it("retries temporary failures and honours 429 Retry-After, sending once it succeeds", async () => {
    script = [
      { status: 503 },
      { status: 429, headers: { "retry-after": "0" } },
      { status: 200, body: { externalId: "after-retries" } },
    ];
    const before = receiver.received.length;
    const msg = await send("retry me");
    const done = await settled(msg.id);
    expect(done).toMatchObject({ status: "sent", external_id: "after-retries" });
    expect(receiver.received.length - before).toBe(3);
  });

  it("fails at once on a permanent error with the reason, and a manual retry sends it", async () => {
    script = [{ status: 400, body: { error: "unknown client" } }];
    const msg = await send("will fail");
    const failed = await settled(msg.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/400.*unknown client/);
    const channelRow = await server.database.db
      .selectFrom("channels")
      .select("last_error")
      .where("id", "=", channel.id)
      .executeTakeFirstOrThrow();
    expect(channelRow.last_error).toMatch(/400/);
    const retry = await owner.post(`/api/v1/workspaces/${ws}/chats/${chatId}/messages/${msg.id}/retry`);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().message.status).toBe("queued");
    const done = await settled(msg.id);
    expect(done.status).toBe("sent");
    const healed = await server.database.db
      .selectFrom("channels")
      .select("last_error")
      .where("id", "=", channel.id)
      .executeTakeFirstOrThrow();
    expect(healed.last_error).toBeNull();
    const again = await owner.post(`/api/v1/workspaces/${ws}/chats/${chatId}/messages/${msg.id}/retry`);
    expect(again.statusCode).toBe(409);
  });

  it("treats a 2xx without externalId as a failure rather than guessing", async () => {
    script = [{ status: 200, body: { ok: true } }];
    const failed = await settled((await send("no id")).id);
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed.error).toMatch(/externalId/);
  });

  it("gives up on endless temporary failures with the last reason", async () => {
    script = Array.from({ length: 10 }, () => ({ status: 502 }));
    const failed = await settled((await send("doomed")).id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/Gave up after 10 attempts.*502/);
    script = [];
  });
});

describe("backoff", () => {
  it("grows exponentially with jitter and is capped at five minutes", () => {
    expect(backoffMs(1)).toBeGreaterThanOrEqual(800);
    expect(backoffMs(1)).toBeLessThanOrEqual(1200);
    expect(backoffMs(4)).toBeGreaterThanOrEqual(6400);
    expect(backoffMs(30)).toBeLessThanOrEqual(360_000);
  });
});
