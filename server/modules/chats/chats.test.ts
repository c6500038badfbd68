import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiChannel, inboundBody, postInbound } from "../../test/inbox";
import { type Client, createTestServer, setupOwner, type TestServer } from "../../test/server";

let server: TestServer;
let owner: Client;
let ws: string;
let channel: { id: string; secret: string };
const chatsUrl = () => `/api/v1/workspaces/${ws}/chats`;

beforeAll(async () => {
  server = await createTestServer({}, { worker: false });
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  channel = await createApiChannel(owner, ws);
  const people = [
    { clientId: "p1", client: { externalId: "p1", name: "Анна Смирнова", phone: "79120001122" } },
    { clientId: "p2", client: { externalId: "p2", name: "Boris Blake", email: "boris@shop.example" } },
    { clientId: "p3", client: { externalId: "p3", name: "Carla 100%_off", phone: "+44 20 7946 0958" } },
  ];
  for (const p of people)
    await postInbound(server.app, channel, inboundBody({ clientId: p.clientId, client: p.client }));
  for (let i = 0; i < 7; i++)
    await postInbound(
      server.app,
      channel,
      inboundBody({ clientId: `bulk-${i}`, client: { externalId: `bulk-${i}`, name: `Bulk ${i}` } }),
    );
});
afterAll(() => server.close());

describe("chat list", () => {
  it("orders by last activity and pages with a keyset cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await owner.get(`${chatsUrl()}?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((c: { client: { name: string } }) => c.client.name));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect(seen[0]).toBe("Bulk 6");
    expect(seen.at(-1)).toBe("Анна Смирнова");
  });

  it("counts tabs and empties Unread when a chat is marked read", async () => {
    const first = (await owner.get(`${chatsUrl()}?tab=unread`)).json();
    expect(first.counts).toEqual({ all: 10, unread: 10 });
    const target = first.items[0];
    const read = await owner.post(`${chatsUrl()}/${target.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().chat.unreadCount).toBe(0);
    await owner.post(`${chatsUrl()}/${target.id}/read`);
    const after = (await owner.get(`${chatsUrl()}?tab=unread`)).json();
    expect(after.counts).toEqual({ all: 10, unread: 9 });
    expect(after.items.map((c: { id: string }) => c.id)).not.toContain(target.id);
  });

  it("orders Unread oldest first on request", async () => {
    const res = (await owner.get(`${chatsUrl()}?tab=unread&order=oldest&limit=2`)).json();
    expect(res.items[0].client.name).toBe("Анна Смирнова");
  });

  it("searches name (any case, Cyrillic), phone in any formatting, and e-mail", async () => {
    const names = async (q: string) =>
      (await owner.get(`${chatsUrl()}?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((c: { client: { name: string } }) => c.client.name);
    expect(await names("анна")).toEqual(["Анна Смирнова"]);
    expect(await names("+7 (912) 000-11-22")).toEqual(["Анна Смирнова"]);
    expect(await names("000-11")).toEqual(["Анна Смирнова"]);
    expect(await names("000 11 22")).toEqual(["Анна Смирнова"]);
    expect(await names("7 912 000")).toEqual(["Анна Смирнова"]);
    expect(await names("79460958")).toEqual(["Carla 100%_off"]);
    expect(await names("SHOP.example")).toEqual(["Boris Blake"]);
    expect(await names("100%_")).toEqual(["Carla 100%_off"]);
    expect(await names("%")).toEqual(["Carla 100%_off"]);
    expect(await names("nobody")).toEqual([]);
  });

  it("refuses a forged cursor with a clear error", async () => {
    const res = await owner.get(`${chatsUrl()}?cursor=bm9wZQ`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });
});

describe("sending", () => {
  it("queues a manager's message with its delivery job, as a reply, and pages older messages", async () => {
    const chat = (await owner.get(`${chatsUrl()}?q=boris`)).json().items[0];
    const history = (await owner.get(`${chatsUrl()}/${chat.id}/messages`)).json();
    const res = await owner.post(`${chatsUrl()}/${chat.id}/messages`, {
      text: "  Hello Boris  ",
      replyToId: history.items[0].id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toMatchObject({
      direction: "out",
      author: { kind: "user", name: "Olga Owner" },
      text: "Hello Boris",
      status: "queued",
      replyTo: { id: history.items[0].id },
    });
    const jobs = await server.database.db
      .selectFrom("deliveries")
      .selectAll()
      .where("message_id", "=", res.json().message.id)
      .execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.status).toBe("pending");
    for (let i = 0; i < 4; i++) await owner.post(`${chatsUrl()}/${chat.id}/messages`, { text: `more ${i}` });
    const page = (await owner.get(`${chatsUrl()}/${chat.id}/messages?limit=3`)).json();
    expect(page.items.map((m: { text: string }) => m.text)).toEqual(["more 1", "more 2", "more 3"]);
    expect(page.hasMore).toBe(true);
    const older = (await owner.get(`${chatsUrl()}/${chat.id}/messages?limit=10&before=${page.items[0].id}`)).json();
    expect(older.items.map((m: { text: string }) => m.text)).toEqual([history.items[0].text, "Hello Boris", "more 0"]);
    expect(older.hasMore).toBe(false);
  });

  it("lists messages with what they quote; an empty chat is an empty page; another workspace's chat is not found", async () => {
    const chat = (await owner.get(`${chatsUrl()}?q=carla`)).json().items[0];
    const first = (await owner.get(`${chatsUrl()}/${chat.id}/messages`)).json().items[0];
    await owner.post(`${chatsUrl()}/${chat.id}/messages`, { text: "quoting", replyToId: first.id });
    await owner.post(`${chatsUrl()}/${chat.id}/messages`, { text: "plain" });
    const page = (await owner.get(`${chatsUrl()}/${chat.id}/messages`)).json();
    expect(page.hasMore).toBe(false);
    expect(page.items.map((m: { text: string }) => m.text)).toEqual([first.text, "quoting", "plain"]);
    expect(page.items.map((m: { replyTo: unknown }) => m.replyTo)).toEqual([
      null,
      { id: first.id, text: first.text, authorName: "Carla 100%_off" },
      null,
    ]);

    const bulk = (await owner.get(`${chatsUrl()}?q=bulk%200`)).json().items[0];
    await server.database.db.deleteFrom("messages").where("chat_id", "=", bulk.id).execute();
    const empty = await owner.get(`${chatsUrl()}/${bulk.id}/messages`);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ items: [], hasMore: false });

    const other = (await owner.post("/api/v1/workspaces", { name: "Other" })).json().workspace.id;
    const foreign = await owner.get(`/api/v1/workspaces/${other}/chats/${chat.id}/messages`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe("not_found");
    const missing = await owner.get(`${chatsUrl()}/${crypto.randomUUID()}/messages`);
    expect(missing.statusCode).toBe(404);
  });

  it("refuses an empty message and a reply to another chat", async () => {
    const [a, b] = (await owner.get(`${chatsUrl()}?limit=2`)).json().items;
    const empty = await owner.post(`${chatsUrl()}/${a.id}/messages`, { text: "   " });
    expect(empty.statusCode).toBe(400);
    const bMsg = (await owner.get(`${chatsUrl()}/${b.id}/messages`)).json().items[0];
    const cross = await owner.post(`${chatsUrl()}/${a.id}/messages`, { text: "x", replyToId: bMsg.id });
    expect(cross.statusCode).toBe(400);
  });
});
