import { randomInt } from "node:crypto";
import type { CallbackQuery, Chat, Message, User, UserFromGetMe } from "@grammyjs/types";
import { BotApiError, badRequest } from "./bot-api-http";

/** What the double remembers about one chat. Message ids are per chat and shared by both sides, like Telegram. */
export type ChatState = {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, Message>;
  /** The bot was blocked (private chat) or kicked (group): sends answer 403. */
  blocked: boolean;
  /** CallbackQuery.chat_instance: a stable opaque id per chat. */
  chatInstance: string;
};

export type CallbackState = { query: CallbackQuery; chatId: number; messageId: number; answered: boolean };

export const DEFAULT_USER: User = {
  id: 5871334420,
  is_bot: false,
  first_name: "Maria",
  last_name: "Sokolova",
  username: "maria_sokolova",
  language_code: "en",
};

const FIRST_NAMES = ["Alex", "Sam", "Ivan", "Lena", "Omar", "Priya", "Chen", "Sofia"];

export const unixNow = (): number => Math.floor(Date.now() / 1000);

/** A random 19-digit decimal string, the shape of callback query ids and chat_instance values. */
export const bigDecimal = (): string => `${randomInt(1, 9)}${String(randomInt(0, 2 ** 47)).padStart(18, "0")}`;

export function withoutReply(message: Message): Message & { reply_to_message: undefined } {
  const copy = structuredClone(message);
  delete copy.reply_to_message;
  return copy as Message & { reply_to_message: undefined };
}

export class ChatStore {
  readonly users = new Map<number, User>([[DEFAULT_USER.id, DEFAULT_USER]]);
  readonly callbacks = new Map<string, CallbackState>();
  private readonly chats = new Map<number, ChatState>();

  /** The bot as it appears in messages and chat members: a plain User, without getMe's capability flags. */
  readonly bot: User;

  constructor(readonly me: UserFromGetMe) {
    this.bot = { id: me.id, is_bot: true, first_name: me.first_name, username: me.username };
  }

  /** The user with this id (created with a plausible name on first use), with `patch` merged in. */
  user(id: number = DEFAULT_USER.id, patch: Partial<User> = {}): User {
    const known = this.users.get(id) ?? {
      id,
      is_bot: false,
      first_name: FIRST_NAMES[id % FIRST_NAMES.length] ?? "Alex",
      username: `user${id}`,
    };
    const user: User = { ...known, ...patch, id };
    this.users.set(id, user);
    return user;
  }

  /**
   * The chat with this id, created on first use: a positive id is the private chat with that user, an id below
   * -10^12 a supergroup, other negative ids a basic group.
   */
  ensure(chatId: number): ChatState {
    const known = this.chats.get(chatId);
    if (known) {
      if (known.chat.type === "private") Object.assign(known.chat, privateChat(this.user(chatId)));
      return known;
    }
    const chat: Chat =
      chatId > 0
        ? privateChat(this.user(chatId))
        : chatId < -1_000_000_000_000
          ? { id: chatId, title: "Parley Support", type: "supergroup" }
          : { id: chatId, title: "Parley Team", type: "group" };
    const state: ChatState = {
      chat,
      nextMessageId: 1,
      messages: new Map(),
      blocked: false,
      chatInstance: `${chatId % 2 ? "-" : ""}${bigDecimal()}`,
    };
    this.chats.set(chatId, state);
    return state;
  }

  get(chatId: number): ChatState | undefined {
    return this.chats.get(chatId);
  }

  /** Resolves `chat_id` like Telegram: missing → "chat_id is empty", unknown → "chat not found". */
  require(raw: unknown, opts: { sending: boolean }): ChatState {
    if (raw === undefined || raw === null || raw === "") throw badRequest("chat_id is empty");
    const id = typeof raw === "number" ? raw : typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    const state = this.chats.get(id);
    if (!state) throw badRequest("chat not found");
    if (opts.sending && state.blocked) {
      throw new BotApiError(
        403,
        state.chat.type === "private"
          ? "Forbidden: bot was blocked by the user"
          : `Forbidden: bot was kicked from the ${state.chat.type} chat`,
      );
    }
    return state;
  }

  nextId(state: ChatState): number {
    return state.nextMessageId++;
  }

  message(chatId: number, messageId: number): Message | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  setDate(chatId: number, messageId: number, date: number): void {
    const message = this.message(chatId, messageId);
    if (!message) throw new Error(`bot-api-double: no message ${messageId} in chat ${chatId}`);
    message.date = date;
  }
}

function privateChat(user: User): Chat.PrivateChat {
  const chat: Chat.PrivateChat = { id: user.id, first_name: user.first_name, type: "private" };
  if (user.last_name) chat.last_name = user.last_name;
  if (user.username) chat.username = user.username;
  return chat;
}
