import type { InlineKeyboardMarkup, Message, MessageEntity } from "@grammyjs/types";
import {
  audioOf,
  documentOf,
  type FileKind,
  type FileStore,
  type StoredFile,
  stickerOf,
  videoOf,
  voiceOf,
} from "./bot-api-files";
import {
  BotApiError,
  badRequest,
  boolParam,
  intParam,
  isRecord,
  jsonParam,
  type ParsedRequest,
  strParam,
} from "./bot-api-http";
import { type ChatState, type ChatStore, unixNow, withoutReply } from "./bot-api-store";
import type { UpdateQueue } from "./bot-api-updates";

/** A successful bot → user call, for the double to record in `sent`. */
export type SentReport = { method: string; chatId: number; message: Message | undefined };

/** What a handler answers: the `result`, an optional `description` (setWebhook has one) and what to record. */
export type MethodOutcome = { result: unknown; description?: string; sent?: SentReport };

export type MethodHandler = (req: ParsedRequest, signal: AbortSignal) => MethodOutcome | Promise<MethodOutcome>;

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid";
const DELETE_WINDOW_SECONDS = 48 * 60 * 60;

type Deps = { store: ChatStore; files: FileStore; queue: UpdateQueue };

/** The Bot API methods the double implements, keyed by lower-case name (Bot API method names are case-insensitive). */
export function createMethods({ store, files, queue }: Deps): Map<string, MethodHandler> {
  const bot = store.bot;

  /** A new message from the bot in `state`, with the reply and inline keyboard the request asked for. */
  function compose(state: ChatState, params: Record<string, unknown>, content: Partial<Message>): Message {
    const replyTo = replyTarget(state, params);
    const markup = inlineMarkup(params);
    const message: Message = {
      message_id: store.nextId(state),
      from: structuredClone(bot),
      chat: structuredClone(state.chat),
      date: unixNow(),
      ...(replyTo ? { reply_to_message: withoutReply(replyTo) } : {}),
      ...content,
      ...(markup ? { reply_markup: markup } : {}),
    };
    state.messages.set(message.message_id, message);
    return message;
  }

  function replyTarget(state: ChatState, params: Record<string, unknown>): Message | undefined {
    const raw = jsonParam(params, "reply_parameters");
    const reply = isRecord(raw) ? raw : {};
    const id = intParam(reply, "message_id") ?? intParam(params, "reply_to_message_id");
    if (id === undefined) return undefined;
    const target = state.messages.get(id);
    if (target) return target;
    if (boolParam(reply, "allow_sending_without_reply") || boolParam(params, "allow_sending_without_reply")) {
      return undefined;
    }
    throw badRequest("message to be replied not found");
  }

  function send(method: string, state: ChatState, params: Record<string, unknown>, content: Partial<Message>) {
    const message = compose(state, params, content);
    return { result: message, sent: { method, chatId: state.chat.id, message } };
  }

  function captionOf(params: Record<string, unknown>): Partial<Message> {
    const caption = strParam(params, "caption");
    if (!caption) return {};
    if (caption.length > 1024) throw badRequest("message caption is too long");
    const entities = entitiesParam(params, "caption_entities");
    return entities ? { caption, caption_entities: entities } : { caption };
  }

  function media(kind: FileKind): MethodHandler {
    const method = `send${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
    return ({ params, parts }) => {
      const state = store.require(params.chat_id, { sending: true });
      const { file } = files.resolve(kind, params[kind], parts);
      return send(method, state, params, { ...mediaContent(kind, file, params), ...captionOf(params) });
    };
  }

  function mediaContent(kind: FileKind, file: StoredFile, params: Record<string, unknown>): Partial<Message> {
    const duration = intParam(params, "duration");
    switch (kind) {
      case "photo":
        return { photo: files.photo(file) };
      case "voice":
        return { voice: voiceOf(file, duration) };
      case "audio":
        return {
          audio: audioOf(file, {
            duration,
            performer: strParam(params, "performer"),
            title: strParam(params, "title"),
          }),
        };
      case "video":
        return {
          video: videoOf(file, { duration, width: intParam(params, "width"), height: intParam(params, "height") }),
        };
      case "sticker":
        return { sticker: stickerOf(file, { emoji: strParam(params, "emoji") }) };
      case "document":
        return { document: documentOf(file) };
    }
  }

  /** The bot's own message in a known chat, for the edit methods. */
  function editable(params: Record<string, unknown>): { state: ChatState; message: Message } {
    if (strParam(params, "inline_message_id")) throw badRequest("MESSAGE_ID_INVALID");
    const state = store.require(params.chat_id, { sending: false });
    const id = intParam(params, "message_id");
    if (id === undefined) throw badRequest("message identifier is not specified");
    const message = state.messages.get(id);
    if (!message) throw badRequest("message to edit not found");
    if (message.from?.id !== bot.id) throw badRequest("message can't be edited");
    return { state, message };
  }

  function edit(method: string, state: ChatState, before: Message, patch: Partial<Message>): MethodOutcome {
    const { reply_markup: _markup, ...rest } = before;
    const after: Message = { ...rest, ...patch, edit_date: unixNow() };
    for (const [key, value] of Object.entries(after)) if (value === undefined) Reflect.deleteProperty(after, key);
    state.messages.set(after.message_id, after);
    return { result: after, sent: { method, chatId: state.chat.id, message: after } };
  }

  const handlers: Record<string, MethodHandler> = {
    getMe: () => ({ result: store.me }),
    getUpdates: ({ params }, signal) => queue.getUpdates(params, signal).then((result) => ({ result })),
    setWebhook: ({ params }) => ({ result: true, description: queue.setWebhook(params) }),
    deleteWebhook: ({ params }) => ({ result: true, description: queue.deleteWebhook(params) }),
    getWebhookInfo: () => ({ result: queue.webhookInfo() }),
    getFile: ({ params }) => ({ result: files.getFile(strParam(params, "file_id")) }),
    sendChatAction: ({ params }) => {
      store.require(params.chat_id, { sending: true });
      return { result: true };
    },
    sendMessage: ({ params }) => {
      const state = store.require(params.chat_id, { sending: true });
      const text = strParam(params, "text") ?? "";
      if (text.trim() === "") throw badRequest("message text is empty");
      if (text.length > 4096) throw badRequest("message is too long");
      const entities = entitiesParam(params, "entities");
      return send("sendMessage", state, params, entities ? { text, entities } : { text });
    },
    sendPhoto: media("photo"),
    sendVideo: media("video"),
    sendDocument: media("document"),
    sendVoice: media("voice"),
    sendAudio: media("audio"),
    sendSticker: media("sticker"),
    editMessageText: ({ params }) => {
      const { state, message } = editable(params);
      if (message.text === undefined) throw badRequest("there is no text in the message to edit");
      const text = strParam(params, "text") ?? "";
      if (text.trim() === "") throw badRequest("message text is empty");
      const entities = entitiesParam(params, "entities");
      const markup = inlineMarkup(params);
      if (text === message.text && same(entities, message.entities) && same(markup, message.reply_markup)) {
        throw badRequest(NOT_MODIFIED);
      }
      return edit("editMessageText", state, message, { text, entities, reply_markup: markup });
    },
    editMessageCaption: ({ params }) => {
      const { state, message } = editable(params);
      const hasMedia = message.photo ?? message.video ?? message.document ?? message.audio ?? message.voice;
      if (!hasMedia) throw badRequest("there is no caption in the message to edit");
      const caption = strParam(params, "caption") || undefined;
      if (caption && caption.length > 1024) throw badRequest("message caption is too long");
      const entities = caption ? entitiesParam(params, "caption_entities") : undefined;
      const markup = inlineMarkup(params);
      if (
        caption === message.caption &&
        same(entities, message.caption_entities) &&
        same(markup, message.reply_markup)
      ) {
        throw badRequest(NOT_MODIFIED);
      }
      return edit("editMessageCaption", state, message, { caption, caption_entities: entities, reply_markup: markup });
    },
    editMessageReplyMarkup: ({ params }) => {
      const { state, message } = editable(params);
      const markup = inlineMarkup(params);
      if (same(markup, message.reply_markup)) throw badRequest(NOT_MODIFIED);
      return edit("editMessageReplyMarkup", state, message, { reply_markup: markup });
    },
    deleteMessage: ({ params }) => {
      const state = store.require(params.chat_id, { sending: false });
      const id = intParam(params, "message_id");
      const message = id === undefined ? undefined : state.messages.get(id);
      if (id === undefined || !message) throw badRequest("message to delete not found");
      if (unixNow() - message.date >= DELETE_WINDOW_SECONDS) throw badRequest("message can't be deleted for everyone");
      // Outside private chats a bot that is not an admin may delete only its own messages.
      if (state.chat.type !== "private" && message.from?.id !== bot.id) throw badRequest("message can't be deleted");
      state.messages.delete(id);
      return { result: true, sent: { method: "deleteMessage", chatId: state.chat.id, message } };
    },
    answerCallbackQuery: ({ params }) => {
      const callback = store.callbacks.get(strParam(params, "callback_query_id") ?? "");
      if (!callback || callback.answered) throw badRequest(QUERY_INVALID);
      const text = strParam(params, "text");
      if (text && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
      callback.answered = true;
      const message = store.message(callback.chatId, callback.messageId);
      return { result: true, sent: { method: "answerCallbackQuery", chatId: callback.chatId, message } };
    },
  };
  return new Map(Object.entries(handlers).map(([name, handler]) => [name.toLowerCase(), handler]));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function entitiesParam(params: Record<string, unknown>, key: string): MessageEntity[] | undefined {
  const value = jsonParam(params, key);
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every(isRecord)) throw badRequest(`can't parse ${key} JSON array`);
  return value.length > 0 ? (value as unknown as MessageEntity[]) : undefined;
}

/**
 * Only inline keyboards become part of a Message (`reply_markup`); reply keyboards, keyboard removal and force_reply
 * are accepted and not echoed, exactly like Telegram. Button callback_data must be 1-64 bytes.
 */
function inlineMarkup(params: Record<string, unknown>): InlineKeyboardMarkup | undefined {
  const value = jsonParam(params, "reply_markup");
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  const rows = value.inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw badRequest('field "inline_keyboard" must be an Array');
  for (const button of rows.flat()) {
    if (!isRecord(button) || typeof button.text !== "string") throw badRequest('can\'t find field "text"');
    const data = button.callback_data;
    if (data !== undefined && (typeof data !== "string" || data === "" || Buffer.byteLength(data) > 64)) {
      throw new BotApiError(400, "Bad Request: BUTTON_DATA_INVALID");
    }
  }
  const markup = value as unknown as InlineKeyboardMarkup;
  return markup.inline_keyboard.some((row) => row.length > 0) ? { inline_keyboard: markup.inline_keyboard } : undefined;
}
