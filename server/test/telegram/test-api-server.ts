/**
 * Test harness around `telegram-test-api`, an in-process emulator of the Telegram Bot API.
 *
 * The bot under test talks to `apiRoot` exactly as to https://api.telegram.org (`${apiRoot}/bot${token}/${method}`,
 * e.g. grammY's `new Api(token, { apiRoot })`); the test plays the human user with `userSays` and reads what the bot
 * sent with `botReplies` / `waitForBotReply`.
 *
 * Emulator quirks worth knowing (telegram-test-api@4.2.1; see the tests next to this file):
 * - `getUpdates` ignores `offset`, `limit`, `timeout` and `allowed_updates`: it returns at once every user update not
 *   returned before and marks those read on delivery, so nothing is ever redelivered (no long poll, no confirmation).
 * - `getMe` always answers `{ id: 666, username: "TestNameBot", first_name: "Test First name" }` (no `is_bot`).
 * - Unsupported methods answer HTTP 500 `{ "message": "API method 'x' is not supported. ..." }` without `ok`,
 *   `error_code` or `description` (grammY throws a GrammyError with both `undefined`).
 * - `sendMessage` echoes its parameters plus `message_id`, `chat: { id, first_name: "Bot", type: "private" }` and a
 *   `date` in MILLISECONDS; `reply_parameters` / `reply_to_message_id` are stored verbatim, not interpreted.
 * - Update ids and message ids come from two server-wide counters starting at 1, shared by user and bot messages.
 */
import net from "node:net";
import TelegramServer, {
  type StoredBotUpdate,
  type TelegramChatType,
  type TestApiReplyToMessage,
  type UserMessageRequest,
} from "telegram-test-api";

export type TelegramTestUser = {
  id: number;
  firstName: string;
  userName: string;
};

export type UserSaysOptions = {
  /** Another user than the default one (only the given fields change). */
  user?: Partial<TelegramTestUser>;
  /** Defaults to the user's id (a private chat, as in Telegram). */
  chatId?: number;
  chatType?: TelegramChatType;
  /** Title of a group chat; defaults to the user's first name. */
  chatTitle?: string;
  /** Send as a bot command: adds a `bot_command` entity for the leading `/word`. */
  command?: boolean;
  /** Marks the message as a reply to this message id (`message.reply_to_message`). */
  replyToMessageId?: number;
};

/** The user message as the bot will get it (`update.message`). */
export type SentUserMessage = {
  /** `null` when a webhook is set: the update was POSTed to it instead of being stored. */
  updateId: number | null;
  messageId: number | null;
  chatId: number;
  fromId: number;
  text: string;
  /** Unix seconds, as in the update. */
  date: number;
};

export type BotReply = {
  updateId: number;
  messageId: number;
  /** The `chat_id` the bot sent, unchanged (a number, or a string such as `"@channel"`). */
  chatId: number | string;
  /** The current text: an `editMessageText` on this message replaces it. */
  text: string;
  /** From `reply_parameters.message_id` or the legacy `reply_to_message_id`; `null` when not a reply. */
  replyToMessageId: number | null;
  parseMode: string | null;
  replyMarkup: unknown;
  sentAt: Date;
  /** Every parameter of the bot's `sendMessage` call (merged with those of later `editMessageText` calls). */
  params: Readonly<Record<string, unknown>>;
};

export type StartTelegramTestApiOptions = {
  /** Any string works (the emulator never checks tokens); a random one by default. */
  token?: string;
  user?: Partial<TelegramTestUser>;
};

export type TelegramTestApi = {
  /** Pass to grammY as `new Api(token, { apiRoot })` or `new Bot(token, { client: { apiRoot } })`. */
  apiRoot: string;
  token: string;
  port: number;
  /** The default emulated user; the private chat with them has `chat.id === user.id`. */
  user: TelegramTestUser;
  /** The emulator itself, for what the harness does not cover (callback queries, webhooks, raw storage). */
  server: TelegramServer;
  /** The user sends `text` to the bot: queued for `getUpdates`, or POSTed to the webhook if one is set. */
  userSays(text: string, opts?: UserSaysOptions): Promise<SentUserMessage>;
  /** Everything the bot sent with `sendMessage` (not deleted since), oldest first; optionally for one chat. */
  botReplies(chatId?: number | string): Promise<BotReply[]>;
  /** The first reply, already sent or arriving (or edited) within `timeoutMs`, that matches. */
  waitForBotReply(predicate: (reply: BotReply) => boolean, timeoutMs?: number): Promise<BotReply>;
  close(): Promise<void>;
};

const host = "127.0.0.1";

export const defaultTelegramTestUser: TelegramTestUser = {
  id: 100_200_300,
  firstName: "Tess",
  userName: "tess_test",
};

/** A port free right now on 127.0.0.1 (the emulator cannot listen on port 0: it turns 0 into 9000; a webhook test puts it in PARLEY_PUBLIC_URL before the app listens). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === "object") resolve(address.port);
        else reject(new Error("could not read the probe server's port"));
      });
    });
  });
}

function isAddressInUse(err: unknown): boolean {
  return err instanceof Error && "code" in err && err.code === "EADDRINUSE";
}

async function startOnFreePort(): Promise<{ server: TelegramServer; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    // storeTimeout (seconds): stored messages older than this are dropped by a cleanup interval; keep them all.
    const server = new TelegramServer({ port, host, storeTimeout: 3600 });
    try {
      await server.start();
      return { server, port };
    } catch (err) {
      // Someone took the port between the probe and the listen: try another one.
      if (!isAddressInUse(err) || attempt >= 5) throw err;
    }
  }
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function replyToOf(params: StoredBotUpdate["message"]): number | null {
  let replyParameters: unknown = params.reply_parameters;
  if (typeof replyParameters === "string") {
    try {
      replyParameters = JSON.parse(replyParameters);
    } catch {
      replyParameters = undefined;
    }
  }
  if (typeof replyParameters === "object" && replyParameters !== null && "message_id" in replyParameters) {
    return numberOrNull(replyParameters.message_id);
  }
  return numberOrNull(params.reply_to_message_id);
}

function toBotReply(update: StoredBotUpdate): BotReply {
  const params = update.message;
  return {
    updateId: update.updateId,
    messageId: update.messageId,
    chatId: params.chat_id,
    text: String(params.text),
    replyToMessageId: replyToOf(params),
    parseMode: typeof params.parse_mode === "string" ? params.parse_mode : null,
    replyMarkup: params.reply_markup,
    sentAt: new Date(update.time),
    params: { ...params },
  };
}

function commandEntityFor(text: string): { type: "bot_command"; offset: number; length: number }[] {
  const match = /^\/\S+/.exec(text);
  return match ? [{ type: "bot_command", offset: 0, length: match[0].length }] : [];
}

/** Starts an emulator on a free port of 127.0.0.1. Call `close()` when done (e.g. in `afterEach`). */
export async function startTelegramTestApi(options: StartTelegramTestApiOptions = {}): Promise<TelegramTestApi> {
  const token = options.token ?? `${Math.floor(1e8 + Math.random() * 9e8)}:test-${Math.random().toString(36).slice(2)}`;
  const user: TelegramTestUser = { ...defaultTelegramTestUser, ...options.user };
  const { server, port } = await startOnFreePort();
  const apiRoot = server.config.apiURL;
  let closed = false;

  const currentReplies = (chatId?: number | string): BotReply[] =>
    server.storage.botMessages
      .filter((u) => u.botToken === token)
      .map(toBotReply)
      .filter((r) => chatId === undefined || String(r.chatId) === String(chatId))
      .sort((a, b) => a.updateId - b.updateId);

  const userSays = async (text: string, opts: UserSaysOptions = {}): Promise<SentUserMessage> => {
    const sender: TelegramTestUser = { ...user, ...opts.user };
    const chatId = opts.chatId ?? sender.id;
    const client = server.getClient(token, {
      userId: sender.id,
      firstName: sender.firstName,
      userName: sender.userName,
      chatId,
      type: opts.chatType ?? "private",
      chatTitle: opts.chatTitle ?? sender.firstName,
    });
    const message: UserMessageRequest = opts.command
      ? client.makeCommand(text, { entities: commandEntityFor(text) })
      : client.makeMessage(text);
    if (opts.replyToMessageId !== undefined) {
      const replyTo: TestApiReplyToMessage = {
        message_id: opts.replyToMessageId,
        date: message.date,
        chat: message.chat,
      };
      message.reply_to_message = replyTo;
    }
    // In process rather than through the client's HTTP route: that route does not await the store/webhook POST,
    // so a failing webhook would surface as an unhandled rejection instead of rejecting here.
    if (opts.command) await server.addUserCommand({ ...message, entities: message.entities ?? [] });
    else await server.addUserMessage(message);
    const stored = server.storage.userMessages.find((u) => "message" in u && u.message === message);
    return {
      updateId: stored?.updateId ?? null,
      messageId: stored?.messageId ?? null,
      chatId,
      fromId: sender.id,
      text,
      date: message.date,
    };
  };

  const waitForBotReply = (predicate: (reply: BotReply) => boolean, timeoutMs = 2000): Promise<BotReply> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = currentReplies().find(predicate);
        if (!found) return false;
        finish();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        const seen = currentReplies().map((r) => ({ chatId: r.chatId, text: r.text }));
        reject(new Error(`no matching bot reply within ${timeoutMs} ms; bot replies so far: ${JSON.stringify(seen)}`));
      }, timeoutMs);
      const onChange = () => {
        check();
      };
      function finish() {
        clearTimeout(timer);
        server.off("AddedBotMessage", onChange);
        server.off("EditedMessageText", onChange);
      }
      // Both events fire after the emulator has updated its storage, before it answers the bot's request.
      server.on("AddedBotMessage", onChange);
      server.on("EditedMessageText", onChange);
      check();
    });

  return {
    apiRoot,
    token,
    port,
    user,
    server,
    userSays,
    botReplies: (chatId) => Promise.resolve(currentReplies(chatId)),
    waitForBotReply,
    close: async () => {
      if (closed) return;
      closed = true;
      await server.stop();
    },
  };
}
