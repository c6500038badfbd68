import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageRow } from "../../db/schema";
import { waitFor } from "../../test/inbox";
import {
  createTelegramChannel,
  messageRow,
  oggBytes,
  pngBytes,
  startTelegramTestbed,
  type TelegramTestbed,
  uploadTo,
  waitForChat,
  waitForMessage,
  waitForMessageState,
} from "../../test/telegram/parley";

/** Outbound Telegram through the real app: messages, edits and deletions via the outbox to the double. */
let bed: TelegramTestbed;
let nextUser = 6200000001;

beforeAll(async () => {
  bed = await startTelegramTestbed();
  await createTelegramChannel(bed);
});
afterAll(() => bed.close());

/** A new Telegram user writes first (each test its own chat, so per-chat rate limits do not interfere). */
async function newChat(text = "Hi there") {
  const userId = nextUser++;
  const { message } = bed.tg.userMessage({ from: { id: userId, first_name: `User${userId}` }, text });
  const chat = await waitForChat(bed.server, userId);
  const inbound = await waitForMessage(bed.server, chat.id, message.message_id);
  return { userId, chatId: chat.id, inbound };
}

const url = (chatId: string, rest = "") => `/api/v1/workspaces/${bed.ws}/chats/${chatId}/messages${rest}`;

async function send(chatId: string, body: Record<string, unknown>): Promise<string> {
  const res = await bed.owner.post(url(chatId), body);
  if (res.statusCode !== 201) throw new Error(`send: ${res.statusCode} ${res.body}`);
  return res.json().message.id;
}

const settled = (id: string) =>
  waitForMessageState(bed.server, id, (m) => m.status !== "queued", "the delivery of the message");
const sentCalls = (method: string, chatId: number) =>
  bed.tg.sent.filter((s) => s.method === method && s.chatId === chatId);

async function sentMessage(chatId: string, body: Record<string, unknown>): Promise<MessageRow> {
  const done = await settled(await send(chatId, body));
  expect(done.status).toBe("sent");
  return done;
}

describe("sending", () => {
  it("sends the manager's text to the user's chat and stores Telegram's message id", async () => {
    const { userId, chatId } = await newChat();
    const done = await sentMessage(chatId, { text: "Hello from Parley" });
    const [call] = sentCalls("sendMessage", userId);
    expect(call?.params).toMatchObject({ chat_id: String(userId), text: "Hello from Parley" });
    expect(done.external_id).toBe(String(call?.message?.message_id));
    expect(done.sent_at).toBeInstanceOf(Date);
    expect(done.error).toBeNull();
  });

  it("answers a message as a native reply", async () => {
    const { userId, chatId, inbound } = await newChat("How much is it?");
    await sentMessage(chatId, { text: "29 EUR a month", replyToId: inbound.id });
    const [call] = sentCalls("sendMessage", userId);
    expect(call?.params.reply_parameters).toMatchObject({ message_id: Number(inbound.external_id) });
    expect(call?.message?.reply_to_message?.message_id).toBe(Number(inbound.external_id));
  });

  it("sends attachments as native media: a photo with the text as caption, then a voice note, as uploaded bytes", async () => {
    const { userId, chatId } = await newChat();
    const png = await uploadTo(bed, pngBytes, "chart.png");
    const ogg = await uploadTo(bed, oggBytes, "note.ogg");
    expect([png.mime, ogg.mime]).toEqual(["image/png", "audio/ogg"]);
    const done = await sentMessage(chatId, {
      text: "Here is the chart and a note",
      attachments: [{ fileId: png.id }, { fileId: ogg.id, asVoice: true }],
    });
    const [photo] = sentCalls("sendPhoto", userId);
    const [voice] = sentCalls("sendVoice", userId);
    expect(sentCalls("sendMessage", userId)).toEqual([]);
    expect(photo?.params.caption).toBe("Here is the chart and a note");
    expect(photo?.files?.[0]).toMatchObject({ field: "photo", filename: "chart.png" });
    expect(photo?.files?.[0]?.bytes.equals(pngBytes)).toBe(true);
    expect(voice?.params.caption).toBeUndefined();
    expect(voice?.files?.[0]).toMatchObject({ field: "voice", filename: "note.ogg" });
    expect(voice?.files?.[0]?.bytes.equals(oggBytes)).toBe(true);
    const ids = [photo?.message?.message_id, voice?.message?.message_id].map(String);
    expect(done.external_id).toBe(ids[0]);
    expect(done.external_ids).toEqual(ids);
  });

  it("keeps a chat's messages in order even when Telegram's per-chat limit holds some back", async () => {
    const { userId, chatId } = await newChat();
    const texts = Array.from({ length: 7 }, (_, i) => `part ${i + 1} of 7`);
    const ids: string[] = [];
    for (const text of texts) ids.push(await send(chatId, { text }));
    for (const id of ids) expect((await settled(id)).status).toBe("sent");
    expect(sentCalls("sendMessage", userId).map((c) => c.params.text)).toEqual(texts);
    const attempts = await bed.server.database.db
      .selectFrom("deliveries")
      .select("attempts")
      .where("message_id", "in", ids)
      .execute();
    // Waiting for the rate limit spends no attempt.
    expect(attempts.map((a) => a.attempts)).toEqual(ids.map(() => 1));
  });

  it("shows link buttons as an inline keyboard of url buttons", async () => {
    const { userId, chatId } = await newChat();
    await sentMessage(chatId, {
      text: "Pick a plan",
      buttons: [
        { text: "Pricing", url: "https://parley.example/pricing" },
        { text: "Docs", url: "https://parley.example/docs" },
      ],
    });
    const [call] = sentCalls("sendMessage", userId);
    expect(call?.message?.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: "Pricing", url: "https://parley.example/pricing" }],
        [{ text: "Docs", url: "https://parley.example/docs" }],
      ],
    });
  });
});

describe("editing and deleting", () => {
  it("edits the text in Telegram with editMessageText", async () => {
    const { userId, chatId } = await newChat();
    const done = await sentMessage(chatId, { text: "See you at 10" });
    const res = await bed.owner.patch(url(chatId, `/${done.id}`), { text: "See you at 11" });
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toMatchObject({ text: "See you at 11", editedAt: expect.any(String) });
    const edit = await bed.tg.waitFor(() => sentCalls("editMessageText", userId)[0]);
    expect(edit.params).toMatchObject({ message_id: Number(done.external_id), text: "See you at 11" });
    expect(bed.tg.message(userId, Number(done.external_id))?.text).toBe("See you at 11");
  });

  it("keeps the link buttons of an edited message (Telegram drops a keyboard an edit leaves out)", async () => {
    const { userId, chatId } = await newChat();
    const buttons = [{ text: "Pricing", url: "https://parley.example/pricing" }];
    const done = await sentMessage(chatId, { text: "Plans start at 9 EUR", buttons });
    await bed.owner.patch(url(chatId, `/${done.id}`), { text: "Plans start at 19 EUR" });
    await bed.tg.waitFor(() => sentCalls("editMessageText", userId)[0]);
    expect(bed.tg.message(userId, Number(done.external_id))).toMatchObject({
      text: "Plans start at 19 EUR",
      reply_markup: { inline_keyboard: [[{ text: "Pricing", url: "https://parley.example/pricing" }]] },
    });
  });

  it("edits a caption with editMessageCaption, and a long text sent apart from its photo with editMessageText", async () => {
    const { userId, chatId } = await newChat();
    const png = await uploadTo(bed, pngBytes, "chart.png");
    const captioned = await sentMessage(chatId, { text: "Old caption", attachments: [{ fileId: png.id }] });
    await bed.owner.patch(url(chatId, `/${captioned.id}`), { text: "New caption" });
    await bed.tg.waitFor(() => sentCalls("editMessageCaption", userId)[0]);
    expect(bed.tg.message(userId, Number(captioned.external_id))?.caption).toBe("New caption");

    // Too long for a caption: the text went as its own message before the photo.
    const long = await sentMessage(chatId, { text: "x".repeat(1500), attachments: [{ fileId: png.id }] });
    const [textId] = long.external_ids ?? [];
    expect(bed.tg.message(userId, Number(textId))?.text).toBe("x".repeat(1500));
    await bed.owner.patch(url(chatId, `/${long.id}`), { text: "Short now" });
    const edited = await waitForMessageState(
      bed.server,
      long.id,
      () => bed.tg.message(userId, Number(textId))?.text === "Short now",
      "the edit of the text message",
    );
    expect(edited.error).toBeNull();
  });

  it("deletes the message in Telegram with deleteMessage", async () => {
    const { userId, chatId } = await newChat();
    const done = await sentMessage(chatId, { text: "Oops, wrong chat" });
    const res = await bed.owner.delete(url(chatId, `/${done.id}`));
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toMatchObject({ text: null, deletedAt: expect.any(String) });
    const call = await bed.tg.waitFor(() => sentCalls("deleteMessage", userId)[0]);
    expect(call.params.message_id).toBe(Number(done.external_id));
    expect(bed.tg.message(userId, Number(done.external_id))).toBeUndefined();
    const job = await waitFor(
      () =>
        bed.server.database.db
          .selectFrom("deliveries")
          .selectAll()
          .where("message_id", "=", done.id)
          .where("action", "=", "delete")
          .where("status", "=", "done")
          .executeTakeFirst(),
      "the delete job",
    );
    expect(job.last_error).toBeNull();
    expect((await messageRow(bed.server, done.id)).deleted_at).toBeInstanceOf(Date);
  });

  it("refuses to delete after 48 hours with delete_window_passed (editing still works)", async () => {
    const { chatId } = await newChat();
    const done = await sentMessage(chatId, { text: "Old news" });
    await bed.server.database.db
      .updateTable("messages")
      .set({ sent_at: sql<Date>`now() - interval '49 hours'` })
      .where("id", "=", done.id)
      .execute();
    const res = await bed.owner.delete(url(chatId, `/${done.id}`));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("delete_window_passed");
    expect((await messageRow(bed.server, done.id)).deleted_at).toBeNull();
    expect((await bed.owner.patch(url(chatId, `/${done.id}`), { text: "Old news, corrected" })).statusCode).toBe(200);
  });

  it("brings the message back with the reason when Telegram refuses the deletion", async () => {
    const { userId, chatId } = await newChat();
    const done = await sentMessage(chatId, { text: "Sent long ago in Telegram's view" });
    bed.tg.setMessageDate(userId, Number(done.external_id), Math.floor(Date.now() / 1000) - 49 * 3600);
    expect((await bed.owner.delete(url(chatId, `/${done.id}`))).statusCode).toBe(200);
    const back = await waitForMessageState(bed.server, done.id, (m) => m.error !== null, "the refused deletion");
    expect(back.deleted_at).toBeNull();
    expect(back.error).toMatch(/Could not delete it in the messenger: .*48 hours/);
    const dto = (await bed.owner.get(url(chatId))).json().items.find((m: { id: string }) => m.id === done.id);
    expect(dto).toMatchObject({ text: "Sent long ago in Telegram's view", deletedAt: null });
    expect(bed.tg.message(userId, Number(done.external_id))).toBeDefined();
  });
});

describe("failures", () => {
  it("waits out a 429 retry_after and sends the message later", async () => {
    const { userId, chatId } = await newChat();
    bed.tg.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const done = await sentMessage(chatId, { text: "Patience" });
    const attempts = bed.tg.requests.filter((r) => r.method === "sendMessage" && r.params.text === "Patience");
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(done.external_id).toBe(String(sentCalls("sendMessage", userId)[0]?.message?.message_id));
  });

  it("fails the message with the reason and marks the chat blocked when the user blocked the bot", async () => {
    const { chatId } = await newChat();
    bed.tg.failNext("sendMessage", { status: 403, description: "Forbidden: bot was blocked by the user" });
    const done = await settled(await send(chatId, { text: "Are you there?" }));
    expect(done).toMatchObject({ status: "failed", error: "The client blocked the bot." });
    const chat = (await bed.owner.get(`/api/v1/workspaces/${bed.ws}/chats/${chatId}`)).json().chat;
    expect(chat.client.status).toBe("blocked");
  });
});
