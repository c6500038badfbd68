import http from "node:http";
import { Api, GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findFreePort, startTelegramTestApi, type TelegramTestApi } from "./test-api-server";

let tg: TelegramTestApi;
let api: Api;

beforeEach(async () => {
  tg = await startTelegramTestApi();
  api = new Api(tg.token, { apiRoot: tg.apiRoot });
});

afterEach(async () => {
  await tg.close();
});

/** The emulator's answer to a method, over plain HTTP as a bot would send it. */
async function rawCall(method: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${tg.apiRoot}/bot${tg.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe("telegram-test-api harness", () => {
  it("listens on a free port of 127.0.0.1 (each harness its own)", async () => {
    const other = await startTelegramTestApi();
    try {
      expect(tg.apiRoot).toBe(`http://127.0.0.1:${tg.port}`);
      expect(other.port).not.toBe(tg.port);
      expect(other.token).not.toBe(tg.token);
    } finally {
      await other.close();
    }
    await expect(tg.close()).resolves.toBeUndefined();
    await expect(tg.close()).resolves.toBeUndefined(); // idempotent
  });

  it("getMe: answers a fixed stub whatever the token (no is_bot)", async () => {
    const me = await api.getMe();
    expect(me).toEqual({ id: 666, username: "TestNameBot", first_name: "Test First name" });
    expect(await new Api("42:another-token", { apiRoot: tg.apiRoot }).getMe()).toEqual(me);
  });

  it("getUpdates: the bot receives the user's text; offset is ignored, updates are consumed on delivery", async () => {
    expect(await api.getUpdates({ offset: 0, timeout: 0 })).toEqual([]);
    const sent = await tg.userSays("Hello, is anyone there?");
    expect(sent).toMatchObject({ chatId: tg.user.id, fromId: tg.user.id, text: "Hello, is anyone there?" });

    const updates = await api.getUpdates({ offset: 0, timeout: 0 });
    expect(updates).toHaveLength(1);
    const [update] = updates;
    expect(update?.update_id).toBe(sent.updateId);
    expect(update?.message).toMatchObject({
      message_id: sent.messageId,
      text: "Hello, is anyone there?",
      date: sent.date,
      from: { id: tg.user.id, is_bot: false, first_name: tg.user.firstName, username: tg.user.userName },
      chat: { id: tg.user.id, type: "private", first_name: tg.user.firstName, username: tg.user.userName },
    });
    expect(update?.message).toHaveProperty("botToken", tg.token); // quirk: leaks into the update

    // Already delivered, so gone, whatever the offset (real Telegram would redeliver until confirmed).
    expect(await api.getUpdates({ offset: 0 })).toEqual([]);
    expect(await api.getUpdates({ offset: (update?.update_id ?? 0) + 1 })).toEqual([]);

    // A later message comes with a higher update_id.
    const next = await tg.userSays("Second one", { user: { id: 7, firstName: "Other" } });
    const later = await api.getUpdates({ offset: (update?.update_id ?? 0) + 1 });
    expect(later.map((u) => [u.update_id, u.message?.text, u.message?.from?.id, u.message?.chat.id])).toEqual([
      [next.updateId, "Second one", 7, 7],
    ]);
  });

  it("getUpdates: no long poll, answers at once even with a timeout", async () => {
    const started = Date.now();
    expect(await api.getUpdates({ timeout: 5 })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("userSays can send a command and a reply to a message", async () => {
    await tg.userSays("/start payload", { command: true });
    await tg.userSays("about that", { replyToMessageId: 1 });
    const [command, reply] = await api.getUpdates();
    expect(command?.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    expect(reply?.message?.reply_to_message).toMatchObject({ message_id: 1, chat: { id: tg.user.id } });
  });

  it("sendMessage: the user sees the bot's message, reply_parameters kept verbatim", async () => {
    const sent = await tg.userSays("Need help");
    const result = await api.sendMessage(tg.user.id, "Sure, how can I help?", {
      reply_parameters: { message_id: sent.messageId ?? 0 },
    });
    expect(result).toMatchObject({
      message_id: expect.any(Number),
      text: "Sure, how can I help?",
      chat: { id: tg.user.id, type: "private", first_name: "Bot" },
      reply_parameters: { message_id: sent.messageId }, // echoed param, not a reply_to_message
    });
    expect(result.from).toBeUndefined();
    expect(result.reply_to_message).toBeUndefined();
    expect(result.date).toBeGreaterThan(1e12); // quirk: milliseconds, not seconds

    const replies = await tg.botReplies();
    expect(replies).toEqual([
      expect.objectContaining({
        chatId: tg.user.id,
        text: "Sure, how can I help?",
        messageId: result.message_id,
        replyToMessageId: sent.messageId,
        parseMode: null,
      }),
    ]);
    expect(await tg.botReplies(999)).toEqual([]);
  });

  it("sendMessage: legacy reply_to_message_id, parse_mode, inline keyboard and string chat ids", async () => {
    await api.raw.sendMessage({ chat_id: tg.user.id, text: "legacy", reply_to_message_id: 1 });
    const keyboard = { inline_keyboard: [[{ text: "Yes", callback_data: "yes" }]] };
    await api.sendMessage(tg.user.id, "<b>Sure?</b>", { parse_mode: "HTML", reply_markup: keyboard });
    const toChannel = await api.sendMessage("@somechannel", "to a channel");
    expect(toChannel.chat.id).toBeNull(); // Number("@somechannel") is NaN, serialised as null

    const replies = await tg.botReplies();
    expect(replies.map((r) => [r.chatId, r.text, r.replyToMessageId, r.parseMode])).toEqual([
      [tg.user.id, "legacy", 1, null],
      [tg.user.id, "<b>Sure?</b>", null, "HTML"],
      ["@somechannel", "to a channel", null, null],
    ]);
    expect(replies[1]?.replyMarkup).toEqual(keyboard);
  });

  it("waitForBotReply: resolves on a reply sent later, rejects after the timeout", async () => {
    const waiting = tg.waitForBotReply((r) => r.text.startsWith("pong"), 2000);
    setTimeout(() => void api.sendMessage(tg.user.id, "pong!"), 50);
    await expect(waiting).resolves.toMatchObject({ chatId: tg.user.id, text: "pong!" });
    // Already there: resolves at once.
    await expect(tg.waitForBotReply((r) => r.text === "pong!", 10)).resolves.toMatchObject({ text: "pong!" });
    await expect(tg.waitForBotReply((r) => r.text === "never", 100)).rejects.toThrow(
      /no matching bot reply within 100 ms; bot replies so far: \[\{"chatId":100200300,"text":"pong!"\}\]/,
    );
  });

  it("editMessageText answers result null (not the Message) and changes the stored text", async () => {
    const msg = await api.sendMessage(tg.user.id, "draft");
    const edited = tg.waitForBotReply((r) => r.text === "final", 1000);
    expect(await api.editMessageText(tg.user.id, msg.message_id, "final")).toBeNull();
    await expect(edited).resolves.toMatchObject({ messageId: msg.message_id });
    // An unknown message is silently ignored: still ok with result null.
    expect(await api.editMessageText(tg.user.id, 9999, "nothing")).toBeNull();
    expect((await tg.botReplies()).map((r) => r.text)).toEqual(["final"]);
  });

  it("deleteMessage removes bot or user messages; an unknown one is a 400 GrammyError", async () => {
    const msg = await api.sendMessage(tg.user.id, "oops");
    expect(await api.deleteMessage(tg.user.id, msg.message_id)).toBeNull(); // result null, not true
    expect(await tg.botReplies()).toEqual([]);

    const err = await api.deleteMessage(tg.user.id, msg.message_id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({
      error_code: 400,
      description: `Bad Request: chat ${tg.user.id} with message ${msg.message_id} wasn't found`,
    });
    // Sent with HTTP 200 and ok: false.
    expect(await rawCall("deleteMessage", { chat_id: tg.user.id, message_id: msg.message_id })).toEqual({
      status: 200,
      body: {
        ok: false,
        error_code: 400,
        description: `Bad Request: chat ${tg.user.id} with message ${msg.message_id} wasn't found`,
      },
    });
  });

  it("unsupported methods: HTTP 500 with only a message, a GrammyError without code or description", async () => {
    for (const method of ["sendChatAction", "getChat", "getWebhookInfo", "setMyCommands", "getFile", "sendPhoto"]) {
      const res = await rawCall(method, {});
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        message: `API method '${method}' is not supported. Are you sure you're using Telegram Bot API correctly? Check out the list of methods supported by \`telegram-test-api\` package or look at official documentation: https://core.telegram.org/bots/api#available-methods`,
      });
    }
    const err = await api.sendChatAction(tg.user.id, "typing").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({
      message: "Call to 'sendChatAction' failed! (undefined: undefined)",
      method: "sendChatAction",
      error_code: undefined,
      description: undefined,
    });
  });

  it("answerCallbackQuery and deleteWebhook are accepted", async () => {
    expect(await api.answerCallbackQuery("1")).toBeNull();
    expect(await api.deleteWebhook()).toBe(true);
  });

  it("setWebhook: user messages are POSTed to it (no secret token header); getUpdates then returns []", async () => {
    const received: { headers: http.IncomingHttpHeaders; body: unknown }[] = [];
    const hook = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body: JSON.parse(body) });
        res.end("{}");
      });
    });
    const hookPort = await findFreePort();
    await new Promise<void>((resolve) => hook.listen(hookPort, "127.0.0.1", resolve));
    try {
      expect(await api.setWebhook(`http://127.0.0.1:${hookPort}/hook`, { secret_token: "s3cret" })).toBeNull();
      const sent = await tg.userSays("via webhook");
      expect(sent).toMatchObject({ updateId: null, messageId: null }); // not stored, so ids unknown
      expect(received).toHaveLength(1);
      expect(received[0]?.headers["x-telegram-bot-api-secret-token"]).toBeUndefined();
      expect(received[0]?.body).toMatchObject({
        update_id: expect.any(Number),
        message: { text: "via webhook", from: { id: tg.user.id }, chat: { id: tg.user.id } },
      });
      expect(await api.getUpdates()).toEqual([]); // real Telegram: 409 Conflict while a webhook is set

      // A webhook that fails makes userSays reject.
      await api.setWebhook("http://127.0.0.1:1/unreachable");
      await expect(tg.userSays("lost")).rejects.toThrow(/ECONNREFUSED/);

      // setWebhook without url: HTTP 500 from an assertion.
      expect(await rawCall("setWebhook", {})).toEqual({
        status: 500,
        body: { message: "Something went wrong. AssertionError [ERR_ASSERTION]: Webhook must have a `url` defined" },
      });

      expect(await api.deleteWebhook()).toBe(true);
      await tg.userSays("polling again");
      expect((await api.getUpdates()).map((u) => u.message?.text)).toEqual(["polling again"]);
    } finally {
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    }
  });
});
