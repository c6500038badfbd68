import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../test/inbox";
import { type Client, createTestServer, setupOwner, type TestServer } from "../../test/server";
import { startTelegramTestApi, type TelegramTestApi } from "../../test/telegram/test-api-server";

/**
 * Text both ways against a second, independent Bot API implementation: the npm `telegram-test-api`
 * emulator. It answers getUpdates at once (no long poll), which exercises the poller's pause.
 */
let tg: TelegramTestApi;
let server: TestServer;
let owner: Client;
let ws: string;
let channelId: string;

beforeAll(async () => {
  // The emulator accepts any token; Parley insists on one shaped like BotFather's.
  tg = await startTelegramTestApi({ token: "424242424:AAF-test-api-emulator-token_0123" });
  server = await createTestServer(
    {},
    { delivery: { pollMs: 50, retryDelayMs: () => 50 }, pollers: { minPollMs: 100 } },
  );
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  const res = await owner.post(`/api/v1/workspaces/${ws}/channels`, {
    kind: "telegram",
    config: { token: tg.token, apiBaseUrl: tg.apiRoot },
  });
  expect(res.statusCode).toBe(201);
  channelId = res.json().channel.id;
});
afterAll(async () => {
  await server.close();
  await tg.close();
});

type ChatItem = { id: string; client: { name: string }; channel: { id: string }; lastMessage: { text: string } | null };

describe("telegram-test-api emulator", () => {
  it("names the channel after the emulator's bot", async () => {
    const channel = (await owner.get(`/api/v1/workspaces/${ws}/channels/${channelId}`)).json().channel;
    expect(channel).toMatchObject({ name: "Test First name", config: { botUsername: "TestNameBot", mode: "polling" } });
  });

  it("a user's hi appears in the chat list; the manager's answer reaches the user", async () => {
    const said = await tg.userSays("hi");
    const chat = await waitFor(async () => {
      const items: ChatItem[] = (await owner.get(`/api/v1/workspaces/${ws}/chats`)).json().items;
      return items.find((c) => c.channel.id === channelId && c.lastMessage?.text === "hi");
    }, "the chat with the user");
    expect(chat.client.name).toBe(tg.user.firstName);
    const stored = await server.database.db
      .selectFrom("messages")
      .select(["external_id", "direction"])
      .where("chat_id", "=", chat.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ external_id: String(said.messageId), direction: "in" });

    const sent = await owner.post(`/api/v1/workspaces/${ws}/chats/${chat.id}/messages`, {
      text: "Hello! How can we help?",
    });
    expect(sent.statusCode).toBe(201);
    const reply = await tg.waitForBotReply((r) => r.text === "Hello! How can we help?", 10_000);
    expect(String(reply.chatId)).toBe(String(tg.user.id));
    const message = await waitFor(async () => {
      const row = await server.database.db
        .selectFrom("messages")
        .selectAll()
        .where("id", "=", sent.json().message.id)
        .executeTakeFirstOrThrow();
      return row.status === "sent" && row;
    }, "the sent status");
    expect(message.external_id).toBe(String(reply.messageId));
  });

  it("answers a specific message as a native reply", async () => {
    await tg.userSays("what does it cost?");
    const asked = await waitFor(
      () =>
        server.database.db
          .selectFrom("messages")
          .select(["chat_id", "id", "external_id"])
          .where("text", "=", "what does it cost?")
          .executeTakeFirst(),
      "the question",
    );
    const sent = await owner.post(`/api/v1/workspaces/${ws}/chats/${asked.chat_id}/messages`, {
      text: "29 EUR a month",
      replyToId: asked.id,
    });
    expect(sent.statusCode).toBe(201);
    const reply = await tg.waitForBotReply((r) => r.text === "29 EUR a month", 10_000);
    expect(reply.replyToMessageId).toBe(Number(asked.external_id));
  });
});
