import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodes } from "../../../common/errors";
import { sign } from "../../connectors/api/signature";
import { createApiChannel, inboundBody, postInbound } from "../../test/inbox";
import { type Client, createTestServer, setupOwner, type TestServer } from "../../test/server";

let server: TestServer;
let owner: Client;
let ws: string;
let channel: { id: string; secret: string };

beforeAll(async () => {
  server = await createTestServer();
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  channel = await createApiChannel(owner, ws);
});
afterAll(() => server.close());

describe("API channel inbound webhook", () => {
  it("stores a signed message in the client's chat, with the person's details", async () => {
    const body = inboundBody({ clientId: "c-store", text: "I want to buy" });
    const res = await postInbound(server.app, channel, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, duplicate: false });
    const chats = await owner.get(`/api/v1/workspaces/${ws}/chats?q=ivan`);
    const chat = chats.json().items[0];
    expect(chat.client).toMatchObject({
      name: "Ivan Petrov",
      phone: "+79120001122",
      email: "ivan@example.com",
      status: "subscribed",
    });
    expect(chat.channel).toMatchObject({ id: channel.id, kind: "api", name: "Site" });
    expect(chat.unreadCount).toBe(1);
    expect(chat.lastMessage.text).toBe("I want to buy");
    const msgs = await owner.get(`/api/v1/workspaces/${ws}/chats/${chat.id}/messages`);
    expect(msgs.json().items[0]).toMatchObject({
      id: res.json().messageIds[0],
      kind: "message",
      direction: "in",
      author: { kind: "client", name: "Ivan Petrov" },
      text: "I want to buy",
      status: null,
    });
  });

  it("dedupes a repeated delivery: 200 with the original id, nothing new stored", async () => {
    const body = inboundBody({ clientId: "c-dup" });
    const first = await postInbound(server.app, channel, body);
    const again = await postInbound(server.app, channel, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ok: true, messageIds: first.json().messageIds, duplicate: true });
    const count = await server.database.db
      .selectFrom("messages")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("text", "=", body.message.text ?? "")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("keeps one chat per client and channel, links replies and counts unread", async () => {
    const a = inboundBody({ clientId: "c-thread", text: "first" });
    await postInbound(server.app, channel, a);
    const b = inboundBody({ clientId: "c-thread", text: "second" });
    b.message.replyToExternalId = a.message.externalId;
    await postInbound(server.app, channel, b);
    const chat = await server.database.db
      .selectFrom("chats")
      .selectAll()
      .where("external_id", "=", "c-thread")
      .execute();
    expect(chat).toHaveLength(1);
    expect(chat[0]?.unread_count).toBe(2);
    const msgs = (await owner.get(`/api/v1/workspaces/${ws}/chats/${chat[0]?.id}/messages`)).json().items;
    expect(msgs.map((m: { text: string }) => m.text)).toEqual(["first", "second"]);
    expect(msgs[1].replyTo).toMatchObject({ id: msgs[0].id, text: "first" });
  });

  it("refuses a bad or missing signature with 401 and stores nothing", async () => {
    const body = inboundBody({ clientId: "c-forged" });
    const forged = await postInbound(server.app, channel, body, "wrong-secret");
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe("invalid_signature");
    const unsigned = await server.app.inject({ method: "POST", url: `/webhooks/api/${channel.id}`, payload: body });
    expect(unsigned.statusCode).toBe(401);
    const rows = await server.database.db
      .selectFrom("chats")
      .select("id")
      .where("external_id", "=", "c-forged")
      .execute();
    expect(rows).toEqual([]);
  });

  it("answers 404 for an unknown channel or kind", async () => {
    const body = inboundBody();
    expect(
      (await postInbound(server.app, { id: "0190b7a8-0000-7000-8000-000000000000", secret: "x" }, body)).statusCode,
    ).toBe(404);
    const res = await server.app.inject({ method: "POST", url: `/webhooks/nope/${channel.id}`, payload: body });
    expect(res.statusCode).toBe(404);
  });

  it("keeps a signed but unusable payload as a dead letter and says what is wrong", async () => {
    const res = await postInbound(server.app, channel, { eventId: "x", client: {}, message: { externalId: "m" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_payload");
    expect(res.json().error.message).toMatch(/client/);
    const dead = await server.database.db
      .selectFrom("dead_letters")
      .selectAll()
      .where("channel_id", "=", channel.id)
      .execute();
    expect(dead.length).toBeGreaterThan(0);
    expect(dead.at(-1)?.payload).toContain('"eventId":"x"');
  });

  it("never answers a garbage body with a 500 (signed or not)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc
            .record({ eventId: fc.anything(), client: fc.anything(), message: fc.anything() })
            .map((v) => JSON.stringify(v)),
        ),
        fc.boolean(),
        async (raw, signed) => {
          const res = await server.app.inject({
            method: "POST",
            url: `/webhooks/api/${channel.id}`,
            headers: {
              "content-type": "application/json",
              "x-parley-signature": signed ? sign(channel.secret, raw) : "sha256=00",
            },
            payload: raw,
          });
          expect(res.statusCode).toBeGreaterThanOrEqual(200);
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) expect(errorCodes).toContain(res.json().error.code);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("stores concurrent webhooks once each (group commit) and answers each after its commit", async () => {
    const bodies = Array.from({ length: 60 }, (_, i) =>
      inboundBody({ clientId: `c-burst-${i % 7}`, text: `burst ${i}` }),
    );
    const results = await Promise.all(
      [...bodies, ...bodies.slice(0, 10)].map((b) => postInbound(server.app, channel, b)),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const stored = await server.database.db
      .selectFrom("messages")
      .select("text")
      .where("text", "like", "burst %")
      .execute();
    expect(stored).toHaveLength(60);
    const chats = await server.database.db
      .selectFrom("chats")
      .select(["unread_count"])
      .where("external_id", "like", "c-burst-%")
      .execute();
    expect(chats).toHaveLength(7);
    expect(chats.reduce((n, c) => n + c.unread_count, 0)).toBe(60);
  });
});
