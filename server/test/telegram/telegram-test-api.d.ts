/**
 * Local typings for `telegram-test-api@4.2.1` (a Telegram Bot API emulator, test-only dev dependency).
 *
 * The package ships `.d.ts` files, but they import `typegram` and `express`, which are not installed here, so
 * (with `skipLibCheck`) most of its types silently collapse to `any`. This ambient declaration takes precedence
 * over the shipped ones and describes only what the runtime (lib/telegramServer.js, lib/modules/telegramClient.js)
 * really does. Runtime shape: CommonJS, `module.exports = TelegramServer`, so only the default import exists;
 * every other name below is a type.
 */
declare module "telegram-test-api" {
  import type { EventEmitter } from "node:events";

  export type TelegramChatType = "private" | "group" | "supergroup" | "channel";

  export interface TelegramServerConfig {
    /** `0` is NOT supported: `config.port || 9000` turns it into 9000. */
    port: number;
    /** Default `localhost`. */
    host: string;
    protocol: "http" | "https";
    /** Only `RAM` is implemented. */
    storage: string;
    /** Seconds in the constructor's input; milliseconds in `server.config` after normalisation. Default 60. */
    storeTimeout: number;
  }

  export interface TestApiUser {
    id: number;
    is_bot: boolean;
    first_name: string;
    username?: string;
  }

  export interface TestApiChat {
    id: number;
    type: TelegramChatType;
    title?: string;
    first_name?: string;
    username?: string;
  }

  export interface TestApiMessageEntity {
    type: string;
    offset: number;
    length: number;
  }

  /** What a replied-to message looks like in a user message (the emulator copies whatever it is given). */
  export interface TestApiReplyToMessage {
    message_id: number;
    date: number;
    chat: TestApiChat;
    from?: TestApiUser;
    text?: string;
  }

  /** A message from the emulated user, as built by `client.makeMessage`. Sent to the bot as `update.message`. */
  export interface UserMessageRequest {
    /** Which bot receives it. Quirk: this field is copied into the update the bot gets. */
    botToken: string;
    /** Unix seconds. */
    date: number;
    text: string;
    from: TestApiUser;
    chat: TestApiChat;
    entities?: TestApiMessageEntity[];
    reply_to_message?: TestApiReplyToMessage;
  }

  export interface UserCommandRequest extends UserMessageRequest {
    entities: TestApiMessageEntity[];
  }

  export interface CallbackQueryRequest {
    botToken: string;
    date: number;
    from: TestApiUser;
    message: Partial<UserMessageRequest> & { chat: TestApiChat };
    data: string;
  }

  /**
   * The raw body of the bot's `sendMessage` call as stored by the emulator (JSON or urlencoded body; multipart is
   * not parsed). Every parameter is kept verbatim; `editMessageText` shallow-merges its own body into it.
   */
  export interface BotMessageParams {
    chat_id: number | string;
    text: string;
    message_id?: number;
    parse_mode?: string;
    reply_to_message_id?: number | string;
    reply_parameters?: { message_id: number; chat_id?: number | string } | string;
    reply_markup?: unknown;
    [param: string]: unknown;
  }

  export interface StoredUpdateBase {
    /** Milliseconds since the epoch. */
    time: number;
    botToken: string;
    updateId: number;
    messageId: number;
    /** Set when fetched once (bot `getUpdates` for user messages, client `getUpdates` for bot messages). */
    isRead: boolean;
  }

  export interface StoredBotUpdate extends StoredUpdateBase {
    message: BotMessageParams;
  }

  export interface StoredUserMessageUpdate extends StoredUpdateBase {
    message: UserMessageRequest;
  }

  export interface StoredUserCommandUpdate extends StoredUpdateBase {
    message: UserCommandRequest;
    entities: TestApiMessageEntity[];
  }

  export interface StoredCallbackQueryUpdate extends StoredUpdateBase {
    callbackQuery: CallbackQueryRequest;
    callbackId: number;
  }

  export type StoredClientUpdate = StoredUserMessageUpdate | StoredUserCommandUpdate | StoredCallbackQueryUpdate;

  /** An update as the bot receives it from `getUpdates` or a webhook POST. */
  export type TestApiUpdate =
    | { update_id: number; message: UserMessageRequest & { message_id: number } }
    | {
        update_id: number;
        callback_query: {
          id: string;
          from: TestApiUser;
          message: CallbackQueryRequest["message"];
          data: string;
        };
      };

  export interface ClientOptions {
    /** Default 1. */
    userId: number;
    /** Client `getUpdates` poll timeout in ms. Default 1000. */
    timeout: number;
    /** Client `getUpdates` poll interval in ms. Default 100. */
    interval: number;
    /** Default 1 (independent of `userId`). */
    chatId: number;
    firstName: string;
    userName: string;
    type: TelegramChatType;
    chatTitle: string;
  }

  export interface ClientCommonResponse {
    ok: true;
    result: null;
  }

  /** Type only: the class is not exported at runtime; obtain one with `server.getClient(token, options)`. */
  export interface TelegramClient {
    makeMessage(text: string, options?: Partial<UserMessageRequest>): UserMessageRequest;
    makeCommand(text: string, options?: Partial<UserCommandRequest>): UserCommandRequest;
    makeCallbackQuery(data: string, options?: Partial<CallbackQueryRequest>): CallbackQueryRequest;
    /** POST /sendMessage. Quirk: the server does not await storing/webhook delivery (failures are unhandled). */
    sendMessage(message: UserMessageRequest): Promise<ClientCommonResponse>;
    sendCommand(message: UserCommandRequest): Promise<ClientCommonResponse>;
    sendCallback(query: CallbackQueryRequest): Promise<ClientCommonResponse>;
    /** Unread bot messages to this client's chat, marking them read; polls until at least one or rejects. */
    getUpdates(): Promise<{ ok: true; result: StoredBotUpdate[] }>;
    /** All stored bot and user updates for the token, oldest first; read-only. */
    getUpdatesHistory(): Promise<Array<StoredBotUpdate | StoredClientUpdate>>;
  }

  export interface TelegramServerStorage {
    userMessages: StoredClientUpdate[];
    botMessages: StoredBotUpdate[];
  }

  class TelegramServer extends EventEmitter {
    constructor(config?: Partial<TelegramServerConfig>);
    config: TelegramServerConfig & { apiURL: string };
    storage: TelegramServerStorage;
    static normalizeConfig(config: Partial<TelegramServerConfig>): TelegramServerConfig & { apiURL: string };
    getClient(botToken: string, options?: Partial<ClientOptions>): TelegramClient;
    /** Stores (or, with a webhook set, POSTs) a user message; rejects when the webhook POST fails. */
    addUserMessage(message: UserMessageRequest): Promise<void>;
    addUserCommand(message: UserCommandRequest): Promise<void>;
    addUserCallback(query: CallbackQueryRequest): Promise<void>;
    waitBotMessage(): Promise<void>;
    waitBotEdits(): Promise<void>;
    waitUserMessage(): Promise<void>;
    getUpdatesHistory(botToken: string): Array<StoredBotUpdate | StoredClientUpdate>;
    /** What the bot's `getUpdates` returns: unread user updates, which it marks read. */
    getUpdates(botToken: string): TestApiUpdate[];
    removeUserMessage(updateId: number): void;
    removeBotMessage(updateId: number): void;
    setWebhook(webhook: { url: string }, botToken: string): void;
    deleteWebhook(botToken: string): void;
    deleteMessage(chatId: number, messageId: number): boolean;
    cleanUp(): void;
    start(): Promise<void>;
    stop(): Promise<boolean>;
  }

  export type { TelegramServer };
  export default TelegramServer;
}
