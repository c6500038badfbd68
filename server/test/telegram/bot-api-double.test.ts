import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "@grammyjs/types";
import { Api, Bot, GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BotApiDouble, startBotApiDouble } from "./bot-api-double";

let tg: BotApiDouble;
let api: Api;

beforeEach(async () => {
  tg = await startBotApiDouble();
  api = new Api(tg.token, { apiRoot: tg.url });
});

afterEach(async () => {
  await tg.close();
});

/** Runs `call` and returns the GrammyError it must throw. */
async function grammyError(call: () => Promise<unknown>): Promise<GrammyError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`);
  return error;
}

describe("protocol", () => {
  it("answers getMe with the bot's User", async () => {
    const me = await api.getMe();
    expect(me).toEqual(tg.me);
    expect(me).toMatchObject({ ...tg.bot, is_bot: true, username: "parley_test_bot", can_join_groups: true });
    expect(tg.bot.id).toBe(Number(tg.token.split(":")[0]));
  });

  it("answers 401 Unauthorized to a wrong token and 404 Not Found to an unknown method", async () => {
    const wrong = new Api("123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", { apiRoot: tg.url });
    const error = await grammyError(() => wrong.getMe());
    expect([error.error_code, error.description]).toEqual([401, "Unauthorized"]);
    const res = await fetch(`${tg.url}/bot${tg.token}/sendTelepathy`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("treats method names case-insensitively and accepts query-string parameters", async () => {
    tg.userMessage({ text: "hi" });
    const res = await fetch(`${tg.url}/bot${tg.token}/SENDMESSAGE?chat_id=${tg.defaultUser.id}&text=hello`);
    expect(await res.json()).toMatchObject({ ok: true, result: { message_id: 2, text: "hello" } });
  });
});

describe("sending", () => {
  it("sends a message replying to the user with an inline keyboard", async () => {
    const incoming = tg.userMessage({ text: "How much is the Pro plan?" }).message;
    const keyboard = new InlineKeyboard().text("Yes", "buy:pro").url("Pricing", "https://parley.example/pricing");
    const message = await api.sendMessage(incoming.chat.id, "€29 a month. Buy?", {
      reply_parameters: { message_id: incoming.message_id },
      reply_markup: keyboard,
    });
    expect(message).toMatchObject({
      message_id: 2,
      chat: { id: tg.defaultUser.id, type: "private", first_name: "Maria", username: "maria_sokolova" },
      text: "€29 a month. Buy?",
      reply_to_message: { message_id: 1, text: "How much is the Pro plan?" },
      reply_markup: { inline_keyboard: keyboard.inline_keyboard },
    });
    expect(message.from).toEqual({
      id: tg.bot.id,
      is_bot: true,
      first_name: "Parley Test",
      username: "parley_test_bot",
    });
    expect(Math.abs(message.date - Date.now() / 1000)).toBeLessThan(5);
    expect(tg.sent).toHaveLength(1);
    expect(tg.sent[0]).toMatchObject({ method: "sendMessage", chatId: tg.defaultUser.id, message });
  });

  it("refuses a reply to a missing message and a chat it never saw", async () => {
    tg.userMessage();
    const missing = await grammyError(() =>
      api.sendMessage(tg.defaultUser.id, "x", { reply_parameters: { message_id: 99 } }),
    );
    expect(missing.description).toBe("Bad Request: message to be replied not found");
    const unknown = await grammyError(() => api.sendMessage(424242, "x"));
    expect([unknown.error_code, unknown.description]).toEqual([400, "Bad Request: chat not found"]);
  });

  it("records a multipart voice upload and answers a Voice", async () => {
    tg.userMessage();
    const bytes = Buffer.from("OggS\u0000\u0002 fake opus payload");
    const message = await api.sendVoice(tg.defaultUser.id, new InputFile(bytes, "voice.ogg"), { duration: 3 });
    expect(message.voice).toEqual({
      file_id: expect.stringMatching(/^AwACAgIAAxkBAA/),
      file_unique_id: expect.any(String),
      duration: 3,
      mime_type: "audio/ogg",
      file_size: bytes.length,
    });
    const [file] = tg.sent[0]?.files ?? [];
    expect(file).toMatchObject({ field: "voice", filename: "voice.ogg", contentType: "application/octet-stream" });
    expect(file?.bytes.equals(bytes)).toBe(true);
    expect(tg.sent[0]?.params.voice).toBe(`attach://${file?.partName}`);
    // The bot's own upload is downloadable too.
    const info = await api.getFile(message.voice?.file_id ?? "");
    const res = await fetch(`${tg.url}/file/bot${tg.token}/${info.file_path}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("also parses standard multipart (quoted filename, part named like the field)", async () => {
    tg.userMessage();
    const form = new FormData();
    form.set("chat_id", String(tg.defaultUser.id));
    form.set("caption", "Q3 report");
    form.set("document", new Blob([Buffer.from("a,b\n1,2\n")], { type: "text/csv" }), "q3 report.csv");
    const res = await fetch(`${tg.url}/bot${tg.token}/sendDocument`, { method: "POST", body: form });
    const body = await res.json();
    expect(body).toMatchObject({
      ok: true,
      result: { caption: "Q3 report", document: { file_name: "q3 report.csv", mime_type: "text/csv", file_size: 8 } },
    });
    expect(tg.sent[0]?.files?.[0]).toMatchObject({
      field: "document",
      filename: "q3 report.csv",
      contentType: "text/csv",
    });
  });

  it("answers a photo upload with several sizes, largest last, and reuses a file_id", async () => {
    tg.userMessage();
    const photo = await api.sendPhoto(tg.defaultUser.id, new InputFile(Buffer.from("jpeg"), "a.jpg"), {
      caption: "Invoice",
    });
    expect(photo.caption).toBe("Invoice");
    expect(photo.photo?.map((p) => p.width)).toEqual([90, 320, 800, 1280]);
    const largest = photo.photo?.at(-1)?.file_id ?? "";
    const again = await api.sendPhoto(tg.defaultUser.id, largest);
    expect(again.photo).toEqual(photo.photo);
    const wrong = await grammyError(() => api.sendDocument(tg.defaultUser.id, largest));
    expect(wrong.description).toBe("Bad Request: can't use file of type Photo as Document");
    const bogus = await grammyError(() => api.sendDocument(tg.defaultUser.id, "not-a-file-id"));
    expect(bogus.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
  });
});

describe("editing and deleting", () => {
  it("edits text, refuses an identical edit and an unknown message", async () => {
    tg.userMessage();
    const sent = await api.sendMessage(tg.defaultUser.id, "Draft");
    const edited = await api.editMessageText(tg.defaultUser.id, sent.message_id, "Final");
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "Final", edit_date: expect.any(Number) });
    const same = await grammyError(() => api.editMessageText(tg.defaultUser.id, sent.message_id, "Final"));
    expect(same.description).toMatch(/^Bad Request: message is not modified: /);
    const unknown = await grammyError(() => api.editMessageText(tg.defaultUser.id, 77, "x"));
    expect([unknown.error_code, unknown.description]).toEqual([400, "Bad Request: message to edit not found"]);
  });

  it("deletes a message once, and refuses messages older than 48 hours", async () => {
    tg.userMessage();
    const a = await api.sendMessage(tg.defaultUser.id, "a");
    const b = await api.sendMessage(tg.defaultUser.id, "b");
    expect(await api.deleteMessage(tg.defaultUser.id, a.message_id)).toBe(true);
    expect(tg.message(tg.defaultUser.id, a.message_id)).toBeUndefined();
    const twice = await grammyError(() => api.deleteMessage(tg.defaultUser.id, a.message_id));
    expect(twice.description).toBe("Bad Request: message to delete not found");
    tg.setMessageDate(tg.defaultUser.id, b.message_id, Math.floor(Date.now() / 1000) - 49 * 3600);
    const old = await grammyError(() => api.deleteMessage(tg.defaultUser.id, b.message_id));
    expect([old.error_code, old.description]).toEqual([400, "Bad Request: message can't be deleted for everyone"]);
  });
});

describe("faults", () => {
  it("surfaces an injected 429 as a GrammyError with parameters.retry_after, once", async () => {
    tg.userMessage();
    tg.failNext("sendMessage", { status: 429, retryAfter: 7 });
    const error = await grammyError(() => api.sendMessage(tg.defaultUser.id, "x"));
    expect(error).toMatchObject({
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      parameters: { retry_after: 7 },
      method: "sendMessage",
    });
    expect((await api.sendMessage(tg.defaultUser.id, "x")).text).toBe("x");
    expect(tg.sent).toHaveLength(1);
    expect(tg.requests.filter((r) => r.method === "sendMessage").map((r) => r.status)).toEqual([429, 200]);
  });

  it("answers 403 when the user blocked the bot, and recovers when unblocked", async () => {
    tg.userMessage();
    tg.myChatMember(tg.defaultUser.id, "kicked");
    const blocked = await grammyError(() => api.sendMessage(tg.defaultUser.id, "x"));
    expect([blocked.error_code, blocked.description]).toEqual([403, "Forbidden: bot was blocked by the user"]);
    tg.myChatMember(tg.defaultUser.id, "member");
    tg.failNext("sendMessage", { status: 403 });
    const injected = await grammyError(() => api.sendMessage(tg.defaultUser.id, "x"));
    expect(injected.description).toBe("Forbidden: bot was blocked by the user");
    await expect(api.sendMessage(tg.defaultUser.id, "x")).resolves.toMatchObject({ text: "x" });
  });

  it("can drop the connection, which grammY reports as an HttpError", async () => {
    tg.failNext("getMe", { status: 502, dropConnection: true });
    await expect(api.getMe()).rejects.toBeInstanceOf(HttpError);
  });
});

describe("getUpdates", () => {
  it("long-polls until an update arrives; an offset confirms it", async () => {
    const polling = api.getUpdates({ timeout: 10 });
    await tg.waitFor(() => tg.requests.some((r) => r.method === "getUpdates"));
    const pushed = tg.userMessage({ text: "/start ref42" });
    const updates = await polling;
    expect(updates).toEqual([pushed]);
    expect(pushed.message.entities).toEqual([{ offset: 0, length: 6, type: "bot_command" }]);
    expect(await api.getUpdates({ timeout: 0 })).toEqual([pushed]); // not confirmed yet
    expect(await api.getUpdates({ offset: pushed.update_id + 1, timeout: 0 })).toEqual([]);
    expect(await api.getUpdates({ timeout: 0 })).toEqual([]);
  });

  it("ends an older long poll with 409 when another getUpdates arrives", async () => {
    const first = grammyError(() => api.getUpdates({ timeout: 10 }));
    await tg.waitFor(() => tg.requests.some((r) => r.method === "getUpdates"));
    const second = api.getUpdates({ timeout: 0 });
    expect((await first).description).toBe(
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    );
    expect(await second).toEqual([]);
  });

  it("drives a grammY Bot end to end: /start with payload, reply, callback query", async () => {
    const bot = new Bot(tg.token, { client: { apiRoot: tg.url }, botInfo: tg.me });
    bot.command("start", (ctx) =>
      ctx.reply(`payload=${ctx.match}`, { reply_markup: new InlineKeyboard().text("OK", "ok") }),
    );
    bot.callbackQuery("ok", (ctx) => ctx.answerCallbackQuery({ text: "Done" }));
    const running = bot.start({ timeout: 1 });
    tg.userMessage({ text: "/start ref42" });
    const reply = await tg.waitFor(() => tg.sent.find((s) => s.method === "sendMessage"));
    expect(reply.message?.text).toBe("payload=ref42");
    tg.callbackQuery(tg.defaultUser.id, reply.message?.message_id ?? 0, "ok");
    await tg.waitFor(() => tg.sent.find((s) => s.method === "answerCallbackQuery"));
    await bot.stop();
    await running;
    expect(tg.pendingUpdateCount).toBe(0);
  });
});

describe("webhook", () => {
  let receiver: Server;
  let received: { headers: IncomingHttpHeaders; body: Update }[];
  let answers: { status: number; body?: unknown }[];
  let hookUrl: string;

  beforeEach(async () => {
    received = [];
    answers = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        const answer = answers.shift() ?? { status: 200 };
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/telegram/hook`;
  });

  afterEach(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it("POSTs queued and new updates with the secret token, retrying a refused one", async () => {
    const queued = tg.userMessage({ text: "before the webhook" });
    answers.push({ status: 500 });
    await api.setWebhook(hookUrl, { secret_token: "s3cr3t_Token-1" });
    const later = tg.userMessage({ text: "after" });
    await tg.waitFor(() => received.length === 3);
    expect(received.map((r) => r.body.update_id)).toEqual([queued.update_id, queued.update_id, later.update_id]);
    expect(received[0]?.body).toEqual(queued);
    expect(received.every((r) => r.headers["x-telegram-bot-api-secret-token"] === "s3cr3t_Token-1")).toBe(true);
    expect(received[0]?.headers["content-type"]).toBe("application/json");
    const info = await api.getWebhookInfo();
    expect(info).toMatchObject({ url: hookUrl, pending_update_count: 0, has_custom_certificate: false });
    expect(info.last_error_message).toBe("Wrong response from the webhook: 500 Internal Server Error");
  });

  it("ends a pending long poll when a webhook is set, and refuses getUpdates with 409 while it is", async () => {
    const polling = grammyError(() => api.getUpdates({ timeout: 10 }));
    await tg.waitFor(() => tg.requests.some((r) => r.method === "getUpdates"));
    await api.setWebhook(hookUrl);
    expect((await polling).description).toBe("Conflict: terminated by setWebhook request");
    const error = await grammyError(() => api.getUpdates());
    expect([error.error_code, error.description]).toEqual([
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    ]);
    await api.deleteWebhook();
    expect(await api.getUpdates()).toEqual([]);
  });

  it("executes a method returned in the webhook response (webhook reply)", async () => {
    await api.setWebhook(hookUrl);
    answers.push({ status: 200, body: { method: "sendMessage", chat_id: tg.defaultUser.id, text: "auto" } });
    tg.userMessage({ text: "ping" });
    const reply = await tg.waitFor(() => tg.sent.find((s) => s.method === "sendMessage"));
    expect(reply.message?.text).toBe("auto");
    expect(tg.requests.at(-1)).toMatchObject({ method: "sendMessage", via: "webhook-reply", status: 200 });
  });
});

describe("files", () => {
  it("getFile returns a file_path and the download route serves the registered bytes", async () => {
    const bytes = Buffer.from("%PDF-1.7 contract");
    const { file_id, file_size } = tg.addFile(bytes, { name: "contract.pdf", mime: "application/pdf" });
    const file = await api.getFile(file_id);
    expect(file).toMatchObject({ file_id, file_size, file_path: expect.stringMatching(/^documents\/file_\d+\.pdf$/) });
    const res = await fetch(`${tg.url}/file/bot${tg.token}/${file.file_path}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const missing = await fetch(`${tg.url}/file/bot${tg.token}/documents/nope.pdf`);
    expect(missing.status).toBe(404);
    const invalid = await grammyError(() => api.getFile("AgACAgIAAxkBAAnope"));
    expect(invalid.description).toBe("Bad Request: invalid file_id");
  });

  it("registers the media of a user's message so the bot can download it", async () => {
    const bytes = Buffer.from("OggS voice note");
    const { message } = tg.userMessage({ voice: { bytes, duration: 4 } });
    expect(message.voice).toMatchObject({ duration: 4, mime_type: "audio/ogg", file_size: bytes.length });
    const file = await api.getFile(message.voice?.file_id ?? "");
    expect(file.file_path).toMatch(/^voice\/file_\d+\.oga$/);
    const res = await fetch(`${tg.url}/file/bot${tg.token}/${file.file_path}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
