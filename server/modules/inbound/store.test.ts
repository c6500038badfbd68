import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundMessage } from "../../connectors/types";
import { inGroups } from "../../db/round-trips";
import type { ChannelRow } from "../../db/schema";
import { createApiChannel } from "../../test/inbox";
import { createTestServer, setupOwner, type TestServer } from "../../test/server";
import { loadChat } from "../chats/queries";
import { type InboundItem, type StoreResult, storeInboundBatch } from "./store";

let server: TestServer;
let ws: string;
let channel: ChannelRow;
let other: ChannelRow;
let n = 0;

const event = (clientId: string, text: string, extra: Partial<InboundMessage> = {}): InboundMessage => {
  n++;
  return {
    eventId: `store-${n}`,
    client: { externalId: clientId },
    message: { externalId: `m-${n}`, text, parts: [], replyToExternalId: null, sentAt: null },
    ...extra,
  };
};

const store = (items: InboundItem[]) => inGroups(server.database.db, (tx) => storeInboundBatch(tx, items));
const stored = (r: StoreResult | undefined) => {
  if (r?.status !== "stored") throw new Error(`not stored: ${JSON.stringify(r)}`);
  return r;
};

beforeAll(async () => {
  server = await createTestServer();
  const s = await setupOwner(server);
  ws = s.workspace.id;
  const ids = [await createApiChannel(s.client, ws), await createApiChannel(s.client, ws)];
  const rows = await server.database.db.selectFrom("channels").selectAll().where("workspace_id", "=", ws).execute();
  channel = rows.find((r) => r.id === ids[0]?.id) as ChannelRow;
  other = rows.find((r) => r.id === ids[1]?.id) as ChannelRow;
});
afterAll(() => server.close());

describe("storeInboundBatch", () => {
  it("makes the same chat and message DTOs as reading them back after the commit", async () => {
    const first = await store([
      { channel, event: event("p-1", "first", { client: { externalId: "p-1", name: "Olga" } }) },
    ]);
    const chatId = stored(first[0]).chat.id;
    // The same person writes again, with a new name in the later message and a reply to the first one.
    const results = await store([
      { channel, event: event("p-1", "second", { client: { externalId: "p-1", name: "Olga K" } }) },
      {
        channel,
        event: {
          ...event("p-1", "third"),
          client: { externalId: "p-1", name: "Olga Kim", email: "OLGA@example.com" },
          message: { externalId: "m-third", text: "third", parts: [], replyToExternalId: "m-1", sentAt: null },
        },
      },
    ]);
    const last = stored(results[1]);
    expect(last.chat).toEqual(await loadChat(server.database.db, ws, chatId));
    expect(last.chat).toMatchObject({ unreadCount: 3, client: { name: "Olga Kim", email: "olga@example.com" } });
    expect(last.message).toMatchObject({ text: "third", author: { name: "Olga Kim" } });
    expect(last.message.replyTo).toMatchObject({ text: "first" });
    expect(stored(results[0]).event.seq + 1).toBe(last.event.seq);
    const listed = await server.database.db.selectFrom("messages").selectAll().where("chat_id", "=", chatId).execute();
    expect(listed.map((m) => m.text)).toEqual(["first", "second", "third"]);
  });

  it("shows a person's other chats, counted with this batch", async () => {
    const [a] = await store([{ channel, event: event("p-2", "on one channel") }]);
    const chatA = stored(a).chat;
    // The same person on the other channel (as when two chats are linked to one person).
    const [b] = await store([{ channel: other, event: event("p-2-elsewhere", "on the other") }]);
    const chatB = stored(b).chat;
    await server.database.db
      .updateTable("chats")
      .set({ client_id: chatA.client.id })
      .where("id", "=", chatB.id)
      .execute();
    const results = await store([
      { channel, event: event("p-2", "again") },
      { channel: other, event: event("p-2-elsewhere", "and again") },
    ]);
    const dto = stored(results[0]).chat;
    expect(dto).toEqual(await loadChat(server.database.db, ws, chatA.id));
    expect(dto.otherChats).toEqual([expect.objectContaining({ id: chatB.id, unreadCount: 2 })]);
  });

  it("answers duplicates (in the batch and stored) with the stored id and stores each event once", async () => {
    const e = event("p-3", "once");
    const [firstTime] = await store([{ channel, event: e }]);
    const results = await store([
      { channel, event: e },
      { channel, event: event("p-3", "new") },
      { channel, event: { ...e } },
    ]);
    expect(results[0]).toEqual({ status: "duplicate", messageId: stored(firstTime).message.id });
    expect(results[2]).toEqual({ status: "duplicate", messageId: stored(firstTime).message.id });
    expect(stored(results[1]).chat.unreadCount).toBe(2);
  });

  it("stores a message whose text carries NUL characters without them", async () => {
    const [r] = await store([
      {
        channel,
        event: event("p-4", "a\u0000b", { client: { externalId: "p-4", name: "Nul\u0000Name" } }),
      },
    ]);
    expect(stored(r).message.text).toBe("ab");
    expect(stored(r).chat.client.name).toBe("NulName");
  });

  it("creates one chat and one person when two batches bring the same new person at once", async () => {
    const peopleIn = () =>
      server.database.db
        .selectFrom("clients")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("workspace_id", "=", ws)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const before = await peopleIn();
    const results = await Promise.all([
      store([{ channel, event: event("p-5", "from batch one") }]),
      store([{ channel, event: event("p-5", "from batch two") }]),
    ]);
    const chatIds = new Set(results.map((r) => stored(r[0]).chat.id));
    expect(chatIds.size).toBe(1);
    const people = await server.database.db
      .selectFrom("clients")
      .innerJoin("chats", "chats.client_id", "clients.id")
      .select("clients.id")
      .where("chats.external_id", "=", "p-5")
      .execute();
    expect(people).toHaveLength(1);
    // The batch that lost the race removed the person it had made.
    expect(await peopleIn()).toBe(before + 1);
  });
});
