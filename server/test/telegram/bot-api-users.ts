import type {
  Audio,
  CallbackQuery,
  ChatMemberUpdated,
  Contact,
  Document,
  Location,
  Message,
  MessageEntity,
  PhotoSize,
  Sticker,
  Update,
  User,
  Video,
  Voice,
} from "@grammyjs/types";
import { audioOf, documentOf, type FileKind, type FileStore, stickerOf, videoOf, voiceOf } from "./bot-api-files";
import { bigDecimal, type ChatStore, DEFAULT_USER, unixNow, withoutReply } from "./bot-api-store";
import type { UpdateQueue } from "./bot-api-updates";

/** Media the double makes up (and registers for getFile/download): bytes, name and MIME type are optional. */
export type MediaSpec = { bytes?: Buffer; name?: string; mime?: string };

export type UserMessageOptions = {
  /** Defaults to the private chat of `from` (or of the default user). Negative ids are groups. */
  chatId?: number;
  from?: Partial<User>;
  text?: string;
  /** Omitted → detected like Telegram does for bot_command, url and mention. */
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  reply_to_message_id?: number;
  date?: number;
  photo?: PhotoSize[] | (MediaSpec & { width?: number; height?: number });
  document?: Document | MediaSpec;
  voice?: Voice | (MediaSpec & { duration?: number });
  video?: Video | (MediaSpec & { duration?: number; width?: number; height?: number });
  audio?: Audio | (MediaSpec & { duration?: number; performer?: string; title?: string });
  sticker?: Sticker | (MediaSpec & { emoji?: string });
  location?: Location;
  contact?: Contact;
};

export type UserMessage = Message & Update.NonChannel;
export type MessageUpdate = Update & { message: UserMessage };
export type EditedMessageUpdate = Update & { edited_message: UserMessage & Update.Edited };
export type MyChatMemberUpdate = Update & { my_chat_member: ChatMemberUpdated };
export type CallbackQueryUpdate = Update & { callback_query: CallbackQuery };

type Deps = { store: ChatStore; files: FileStore; queue: UpdateQueue };

/** What a user's message carries besides its identity (id, sender, chat, date). */
type Content = Omit<Partial<Message>, "message_id" | "from" | "chat" | "date">;

const isFile = <T extends object>(value: T | MediaSpec): value is T => "file_unique_id" in value;

/** Builders for what a Telegram user does: each one updates the double's chat state and pushes the Update. */
export function createUserActions({ store, files, queue }: Deps) {
  const bot = store.bot;

  function register(kind: FileKind, spec: MediaSpec) {
    const bytes = spec.bytes ?? Buffer.from(`${kind} from a Telegram user`);
    return files.add(bytes, {
      kind,
      ...(spec.name ? { name: spec.name } : {}),
      ...(spec.mime ? { mime: spec.mime } : {}),
    });
  }

  function content(o: UserMessageOptions): Content {
    const out: Content = {};
    if (o.photo) {
      out.photo = Array.isArray(o.photo)
        ? o.photo
        : files.photo(register("photo", o.photo), o.photo.width, o.photo.height);
    }
    const { document, voice, video, audio, sticker } = o;
    if (document) out.document = isFile<Document>(document) ? document : documentOf(register("document", document));
    if (voice) out.voice = isFile<Voice>(voice) ? voice : voiceOf(register("voice", voice), voice.duration);
    if (video) out.video = isFile<Video>(video) ? video : videoOf(register("video", video), video);
    if (audio) out.audio = isFile<Audio>(audio) ? audio : audioOf(register("audio", audio), audio);
    if (sticker) out.sticker = isFile<Sticker>(sticker) ? sticker : stickerOf(register("sticker", sticker), sticker);
    if (o.location) out.location = o.location;
    if (o.contact) out.contact = o.contact;
    if (o.caption) {
      out.caption = o.caption;
      const entities = o.caption_entities ?? detectEntities(o.caption);
      if (entities.length > 0) out.caption_entities = entities;
    }
    const text = o.text ?? (Object.keys(out).length === 0 ? "Hello!" : undefined);
    if (text !== undefined) {
      out.text = text;
      const entities = o.entities ?? detectEntities(text);
      if (entities.length > 0) out.entities = entities;
    }
    return out;
  }

  function userMessage(o: UserMessageOptions = {}): MessageUpdate {
    const privateId = o.chatId !== undefined && o.chatId > 0 ? o.chatId : undefined;
    if (privateId !== undefined && o.from?.id !== undefined && o.from.id !== privateId) {
      throw new Error("bot-api-double: a private chat's id is its user's id");
    }
    const from = store.user(privateId ?? o.from?.id ?? DEFAULT_USER.id, o.from);
    const state = store.ensure(o.chatId ?? from.id);
    const body = content(o);
    let replyTo: Message | undefined;
    if (o.reply_to_message_id !== undefined) {
      replyTo = state.messages.get(o.reply_to_message_id);
      if (!replyTo) throw new Error(`bot-api-double: no message ${o.reply_to_message_id} to reply to`);
    }
    const message: UserMessage = {
      message_id: store.nextId(state),
      from: structuredClone(from),
      chat: structuredClone(state.chat) as UserMessage["chat"],
      date: o.date ?? unixNow(),
      ...(replyTo ? { reply_to_message: withoutReply(replyTo) } : {}),
      ...body,
    };
    state.messages.set(message.message_id, message);
    return queue.push({ message: structuredClone(message) }) as MessageUpdate;
  }

  function userEdit(messageId: number, text: string, chatId: number = DEFAULT_USER.id): EditedMessageUpdate {
    const state = store.ensure(chatId);
    const before = state.messages.get(messageId);
    if (!before?.from || before.from.id === bot.id) {
      throw new Error(`bot-api-double: no user message ${messageId} in chat ${chatId}`);
    }
    const { entities: _old, ...rest } = before;
    const entities = detectEntities(text);
    const after = { ...rest, text, ...(entities.length ? { entities } : {}), edit_date: unixNow() };
    state.messages.set(messageId, after);
    return queue.push({ edited_message: structuredClone(after) as UserMessage & Update.Edited }) as EditedMessageUpdate;
  }

  /** The user blocked ("kicked") or unblocked ("member") the bot; in groups the default user removed/added it. */
  function myChatMember(chatId: number, status: "kicked" | "member"): MyChatMemberUpdate {
    const state = store.ensure(chatId);
    state.blocked = status === "kicked";
    const member = { status: "member", user: structuredClone(bot) } as const;
    const kicked = { status: "kicked", user: structuredClone(bot), until_date: 0 } as const;
    const update: ChatMemberUpdated = {
      chat: structuredClone(state.chat),
      from: store.user(chatId > 0 ? chatId : DEFAULT_USER.id),
      date: unixNow(),
      old_chat_member: status === "kicked" ? member : kicked,
      new_chat_member: status === "kicked" ? kicked : member,
    };
    return queue.push({ my_chat_member: update }) as MyChatMemberUpdate;
  }

  /** The user pressed an inline button with `data` under message `messageId`. */
  function callbackQuery(chatId: number, messageId: number, data: string): CallbackQueryUpdate {
    const state = store.ensure(chatId);
    const message = state.messages.get(messageId);
    if (!message) throw new Error(`bot-api-double: no message ${messageId} in chat ${chatId}`);
    const query: CallbackQuery = {
      id: bigDecimal(),
      from: store.user(chatId > 0 ? chatId : DEFAULT_USER.id),
      message: structuredClone(message),
      chat_instance: state.chatInstance,
      data,
    };
    store.callbacks.set(query.id, { query, chatId, messageId, answered: false });
    return queue.push({ callback_query: structuredClone(query) }) as CallbackQueryUpdate;
  }

  return { userMessage, userEdit, myChatMember, callbackQuery };
}

/** Telegram marks these entities in users' texts by itself (offsets and lengths in UTF-16 code units). */
export function detectEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  const scan = (re: RegExp, type: "bot_command" | "url" | "mention") => {
    for (const m of text.matchAll(re)) {
      const lead = m[1] ?? "";
      const value = m[2] ?? "";
      found.push({ offset: (m.index ?? 0) + lead.length, length: value.length, type });
    }
  };
  scan(/(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{5,32})?)(?![\w@])/g, "bot_command");
  scan(/(^|[\s(])(https?:\/\/[^\s]+[^\s.,!?;:)])/g, "url");
  scan(/(^|[^\w@/])(@[A-Za-z0-9_]{5,32})(?!\w)/g, "mention");
  return found.sort((a, b) => a.offset - b.offset);
}
