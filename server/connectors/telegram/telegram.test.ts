import { Api, InlineKeyboard } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../test/inbox";
import {
  type CreatedChannel,
  createTelegramChannel,
  oggBytes,
  pngBytes,
  startTelegramTestbed,
  type TelegramTestbed,
  waitForChat,
  waitForMessage,
} from "../../test/telegram/parley";

/** Inbound Telegram through the real app: the channel's poller against the Bot API double. */
let bed: TelegramTestbed;
let channel: CreatedChannel;

beforeAll(async () => {
  bed = await startTelegramTestbed();
  channel = await createTelegramChannel(bed);
});
afterAll(() => bed.close());

const api = (path: string) => bed.owner.get(`/api/v1/workspaces/${bed.ws}${path}`);
const messagesOf = async (chatId: string) => (await api(`/chats/${chatId}/messages`)).json().items;
const cursor = async () =>
  (
    await bed.server.database.db
      .selectFrom("channels")
      .select("poll_cursor")
      .where("id", "=", channel.id)
      .executeTakeFirstOrThrow()
  ).poll_cursor;

describe("connecting a Telegram bot", () => {
  it("checks the token with getMe and names the channel after the bot; the token is never shown", async () => {
    expect(channel.name).toBe("Parley Test");
    expect(channel.config).toEqual({
      mode: "polling",
      apiBaseUrl: bed.tg.url,
      botId: bed.tg.bot.id,
      botUsername: "parley_test_bot",
      botName: "Parley Test",
    });
    expect(JSON.stringify((await api(`/channels/${channel.id}`)).json())).not.toContain(bed.tg.token);
    expect(bed.tg.requests.some((r) => r.method === "getMe" && r.status === 200)).toBe(true);
  });

  it("refuses a token Telegram does not know, and one that is not shaped like a token, with 400", async () => {
    const post = (token: string) =>
      bed.owner.post(`/api/v1/workspaces/${bed.ws}/channels`, {
        kind: "telegram",
        config: { token, apiBaseUrl: bed.tg.url },
      });
    const unknown = await post("123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: "validation_failed" });
    expect(unknown.json().error.message).toMatch(/did not accept this bot token/);
    const malformed = await post("not-a-token");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("validation_failed");
    const count = await bed.server.database.db
      .selectFrom("channels")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses to connect the same bot twice (two channels would take each other's updates)", async () => {
    const again = await bed.owner.post(`/api/v1/workspaces/${bed.ws}/channels`, {
      kind: "telegram",
      config: { token: bed.tg.token, apiBaseUrl: bed.tg.url },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "already_connected" });
    const channels = await bed.server.database.db.selectFrom("channels").select("id").execute();
    expect(channels.map((c) => c.id)).toEqual([channel.id]);
  });

  it("polls the channel in this process", async () => {
    await waitFor(async () => bed.server.app.pollers.polling().includes(channel.id), "the poller");
  });
});

describe("inbound through long polling", () => {
  it("stores a user's text in their chat, with their name", async () => {
    const { message } = bed.tg.userMessage({ text: "Hello, is the Pro plan available?" });
    const chat = await waitForChat(bed.server, bed.tg.defaultUser.id);
    await waitForMessage(bed.server, chat.id, message.message_id);
    const list = (await api("/chats")).json().items;
    const dto = list.find((c: { id: string }) => c.id === chat.id);
    expect(dto).toMatchObject({
      client: { name: "Maria Sokolova", status: "subscribed" },
      channel: { id: channel.id, kind: "telegram", name: "Parley Test" },
      lastMessage: { text: "Hello, is the Pro plan available?", direction: "in" },
    });
    expect((await messagesOf(chat.id)).at(-1)).toMatchObject({
      direction: "in",
      author: { kind: "client", name: "Maria Sokolova" },
      text: "Hello, is the Pro plan available?",
      sentAt: new Date(message.date * 1000).toISOString(),
    });
  });

  it("downloads the largest size of a photo into storage: the part's URL serves its bytes", async () => {
    const small = bed.tg.addFile(Buffer.from("small preview"), { kind: "photo" });
    const large = bed.tg.addFile(pngBytes, { kind: "photo" });
    const { message } = bed.tg.userMessage({
      caption: "the red banner",
      photo: [
        { ...small, width: 90, height: 60 },
        { ...large, width: 1280, height: 853 },
      ],
    });
    const chat = await waitForChat(bed.server, bed.tg.defaultUser.id);
    const row = await waitForMessage(bed.server, chat.id, message.message_id);
    const dto = (await messagesOf(chat.id)).find((m: { id: string }) => m.id === row.id);
    expect(dto.text).toBe("the red banner");
    expect(dto.parts).toEqual([
      expect.objectContaining({
        type: "image",
        mime: "image/png",
        size: pngBytes.length,
        name: `photo_${message.message_id}.jpg`,
      }),
    ]);
    const file = await bed.owner.get(dto.parts[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pngBytes)).toBe(true);
    expect(bed.tg.requests.filter((r) => r.method === "getFile").at(-1)?.params.file_id).toBe(large.file_id);
  });

  it("stores a voice note as a voice part with its OGG bytes", async () => {
    const { message } = bed.tg.userMessage({ voice: { bytes: oggBytes, duration: 3 } });
    const chat = await waitForChat(bed.server, bed.tg.defaultUser.id);
    const row = await waitForMessage(bed.server, chat.id, message.message_id);
    const [part] = (await messagesOf(chat.id)).find((m: { id: string }) => m.id === row.id).parts;
    expect(part).toMatchObject({ type: "voice", mime: "audio/ogg", size: oggBytes.length });
    expect((await bed.owner.get(part.url)).rawPayload.equals(oggBytes)).toBe(true);
  });

  it("links a reply to the quoted message", async () => {
    const first = bed.tg.userMessage({ text: "Which plans do you have?" }).message;
    const reply = bed.tg.userMessage({ text: "I mean for teams", reply_to_message_id: first.message_id }).message;
    const chat = await waitForChat(bed.server, bed.tg.defaultUser.id);
    const quoted = await waitForMessage(bed.server, chat.id, first.message_id);
    const row = await waitForMessage(bed.server, chat.id, reply.message_id);
    expect(row.reply_to_id).toBe(quoted.id);
    const dto = (await messagesOf(chat.id)).find((m: { id: string }) => m.id === row.id);
    expect(dto.replyTo).toEqual({ id: quoted.id, text: "Which plans do you have?", authorName: "Maria Sokolova" });
  });

  it("applies a user's edit: new text, editedAt, and the old text kept in message_edits", async () => {
    const { message } = bed.tg.userMessage({ text: "Can we scedule a call?" });
    const chat = await waitForChat(bed.server, bed.tg.defaultUser.id);
    const row = await waitForMessage(bed.server, chat.id, message.message_id);
    const edit = bed.tg.userEdit(message.message_id, "Can we schedule a call?");
    const dto = await waitFor(async () => {
      const m = (await messagesOf(chat.id)).find((x: { id: string }) => x.id === row.id);
      return m.text === "Can we schedule a call?" && m;
    }, "the edit");
    expect(dto.editedAt).toBe(new Date((edit.edited_message.edit_date ?? 0) * 1000).toISOString());
    const edits = await bed.server.database.db
      .selectFrom("message_edits")
      .selectAll()
      .where("message_id", "=", row.id)
      .execute();
    expect(edits).toEqual([
      expect.objectContaining({ action: "edit", previous_text: "Can we scedule a call?", actor_user_id: null }),
    ]);
    const list = (await api("/chats")).json().items;
    expect(list.find((c: { id: string }) => c.id === chat.id).lastMessage.text).toBe("Can we schedule a call?");
  });

  it("records a deep-link /start with its code as a subscription", async () => {
    const from = { id: 6100000001, first_name: "Lead", last_name: "Gen" };
    bed.tg.userMessage({ from, text: "/start ref_summer24" });
    const chat = await waitForChat(bed.server, from.id);
    const subs = await waitFor(
      () => bed.server.database.db.selectFrom("subscriptions").selectAll().where("chat_id", "=", chat.id).execute(),
      "the subscription",
    );
    expect(subs).toEqual([expect.objectContaining({ chat_id: chat.id, code: "ref_summer24" })]);
  });

  it("marks the chat blocked when the user blocks the bot, and subscribed again when they return", async () => {
    const from = { id: 6100000002, first_name: "Gone" };
    bed.tg.userMessage({ from, text: "bye" });
    const chat = await waitForChat(bed.server, from.id);
    const statusOf = async () => (await api(`/chats/${chat.id}`)).json().chat.client.status;
    bed.tg.myChatMember(from.id, "kicked");
    await waitFor(async () => (await statusOf()) === "blocked", "blocked");
    bed.tg.myChatMember(from.id, "member");
    await waitFor(async () => (await statusOf()) === "subscribed", "subscribed again");
  });

  it("stores a button press as an event message and answers the callback query", async () => {
    const from = { id: 6100000003, first_name: "Chooser" };
    bed.tg.userMessage({ from, text: "what plans?" });
    const chat = await waitForChat(bed.server, from.id);
    // A bot message with callback buttons (sent outside Parley, e.g. by an earlier bot).
    const bot = new Api(bed.tg.token, { apiRoot: bed.tg.url });
    const keyboard = new InlineKeyboard().text("Starter", "plan:starter").text("Pro", "plan:pro");
    const question = await bot.sendMessage(from.id, "Which plan?", { reply_markup: keyboard });
    const press = bed.tg.callbackQuery(from.id, question.message_id, "plan:pro");
    const row = await waitForMessage(bed.server, chat.id, `cb:${press.callback_query.id}`);
    expect(row).toMatchObject({ kind: "event", direction: "in", text: "Pro" });
    const answered = await bed.tg.waitFor(() => bed.tg.sent.find((s) => s.method === "answerCallbackQuery"));
    expect(answered.params.callback_query_id).toBe(press.callback_query.id);
  });

  it("stores an update delivered twice only once (in one batch and in a later one)", async () => {
    const first = bed.tg.userMessage({ text: "only once, please" });
    const sameBatch = bed.tg.pushUpdate({ message: first.message });
    await waitFor(async () => (await cursor()) === String(sameBatch.update_id + 1), "both updates polled");
    const later = bed.tg.pushUpdate({ message: first.message });
    await waitFor(async () => (await cursor()) === String(later.update_id + 1), "the redelivery polled");
    const rows = await bed.server.database.db
      .selectFrom("messages")
      .select("id")
      .where("text", "=", "only once, please")
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("stops polling a paused channel and fetches what waited once it is resumed", async () => {
    const patch = (status: string) =>
      bed.owner.patch(`/api/v1/workspaces/${bed.ws}/channels/${channel.id}`, { status });
    expect((await patch("paused")).statusCode).toBe(200);
    await waitFor(async () => !bed.server.app.pollers.polling().includes(channel.id), "the poller to stop");
    bed.tg.userMessage({ text: "sent while paused" });
    const stored = () =>
      bed.server.database.db.selectFrom("messages").select("id").where("text", "=", "sent while paused").execute();
    expect(await stored()).toEqual([]);
    expect(bed.tg.pendingUpdateCount).toBeGreaterThan(0);
    expect((await patch("active")).statusCode).toBe(200);
    await waitFor(async () => (await stored()).length === 1, "the message that waited");
  });

  it("confirms what it stored: the double holds no pending updates", async () => {
    bed.tg.userMessage({ text: "last one" });
    const chat = await waitForChat(bed.server, bed.tg.defaultUser.id);
    await waitFor(async () => (await messagesOf(chat.id)).at(-1)?.text === "last one", "the last message");
    // The offset is saved after commit and sent with the next getUpdates, which confirms the batch.
    await waitFor(async () => bed.tg.pendingUpdateCount === 0, "confirmed updates");
  });
});
