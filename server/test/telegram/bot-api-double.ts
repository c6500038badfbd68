import { randomBytes, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiSuccess, Message, ResponseParameters, Update, User, UserFromGetMe } from "@grammyjs/types";
import { type AddFileOptions, FileStore } from "./bot-api-files";
import { BotApiError, type ParsedRequest, parseRequest, readBody, writeError, writeJson } from "./bot-api-http";
import { createMethods } from "./bot-api-methods";
import { ChatStore, DEFAULT_USER } from "./bot-api-store";
import { UpdateQueue, type WebhookState } from "./bot-api-updates";
import {
  type CallbackQueryUpdate,
  createUserActions,
  type EditedMessageUpdate,
  type MessageUpdate,
  type MyChatMemberUpdate,
  type UserMessageOptions,
} from "./bot-api-users";

export type { AddFileOptions, FileKind } from "./bot-api-files";
export type { WebhookDelivery, WebhookState } from "./bot-api-updates";
export type {
  CallbackQueryUpdate,
  EditedMessageUpdate,
  MediaSpec,
  MessageUpdate,
  MyChatMemberUpdate,
  UserMessageOptions,
} from "./bot-api-users";

/** An uploaded file as it arrived: `field` is the API parameter it fills (e.g. "voice"), `partName` its multipart name. */
export type RecordedFile = { field: string; partName: string; filename: string; contentType: string; bytes: Buffer };

/** A successful bot → user call (send*, edit*, deleteMessage, answerCallbackQuery). */
export type SentCall = {
  method: string;
  chatId: number;
  params: Record<string, unknown>;
  files?: RecordedFile[];
  at: number;
  /** The sent or edited message; for deleteMessage the deleted one; for answerCallbackQuery the button's message. */
  message?: Message;
};

/** Every request the double received (also calls executed from webhook replies). `status` is set once answered. */
export type RecordedRequest = {
  method: string;
  params: Record<string, unknown>;
  files?: RecordedFile[];
  at: number;
  via: "http" | "webhook-reply";
  status?: number;
  description?: string;
};

/** An injected failure. `dropConnection` destroys the socket instead of answering (grammY sees an HttpError). */
export type FailureSpec = {
  status: number;
  description?: string;
  retryAfter?: number;
  parameters?: ResponseParameters;
  dropConnection?: boolean;
};

export type BotApiDoubleOptions = {
  token?: string;
  firstUpdateId?: number;
  webhookRetryDelayMs?: number;
  webhookMaxAttempts?: number;
};

export type BotApiDouble = {
  /** The apiRoot to give grammY, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly token: string;
  /** The bot's User as it appears in messages: id, is_bot, first_name, username. */
  readonly bot: User;
  /** What getMe answers (the User plus capability flags); grammY's `botInfo`. */
  readonly me: UserFromGetMe;
  /** The user whose private chat the helpers use when no chat is given. */
  readonly defaultUser: User;
  readonly sent: SentCall[];
  readonly requests: RecordedRequest[];
  readonly webhook: WebhookState | undefined;
  readonly pendingUpdateCount: number;
  pushUpdate(update: Omit<Update, "update_id">): Update;
  userMessage(opts?: UserMessageOptions): MessageUpdate;
  userEdit(messageId: number, text: string, chatId?: number): EditedMessageUpdate;
  myChatMember(chatId: number, status: "kicked" | "member"): MyChatMemberUpdate;
  callbackQuery(chatId: number, messageId: number, data: string): CallbackQueryUpdate;
  addFile(bytes: Buffer, opts?: AddFileOptions): { file_id: string; file_unique_id: string; file_size: number };
  /** The next `times` calls of `method` fail with `failure` (429 gets `parameters.retry_after`). */
  failNext(method: string, failure: FailureSpec, times?: number): void;
  setMessageDate(chatId: number, messageId: number, unixSeconds: number): void;
  /** A message as the chat holds it now (undefined once deleted). */
  message(chatId: number, messageId: number): Message | undefined;
  /** Polls `predicate` every 10 ms until it returns something truthy, and returns that. */
  waitFor<T>(predicate: () => T | Promise<T>, timeoutMs?: number): Promise<NonNullable<T>>;
  close(): Promise<void>;
};

/** Each double is another bot (as @BotFather would issue): one bot cannot back two Parley channels. */
const randomToken = () =>
  `${7_000_000_000 + randomInt(999_999_999)}:AA${randomBytes(24).toString("base64url").slice(0, 33)}`;

const DEFAULT_DESCRIPTION: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden: bot was blocked by the user",
  404: "Not Found",
  409: "Conflict",
  500: "Internal Server Error",
  502: "Bad Gateway",
};

type Outcome = { status: number; payload: unknown; description?: string; drop?: boolean };

/** Starts a local Telegram Bot API server that grammY's `Api`/`Bot` can use unmodified via `apiRoot`. */
export async function startBotApiDouble(opts: BotApiDoubleOptions = {}): Promise<BotApiDouble> {
  const token = opts.token ?? randomToken();
  const botId = Number(/^(\d+):[\w-]{20,}$/.exec(token)?.[1]);
  if (!Number.isSafeInteger(botId)) throw new Error(`bot-api-double: "${token}" is not shaped like a bot token`);
  const me: UserFromGetMe = {
    id: botId,
    is_bot: true,
    first_name: "Parley Test",
    username: "parley_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
  const sent: SentCall[] = [];
  const requests: RecordedRequest[] = [];
  const failures = new Map<string, FailureSpec[]>();
  const store = new ChatStore(me);
  const files = new FileStore();
  const queue = new UpdateQueue({
    firstUpdateId: opts.firstUpdateId ?? 871_234_501,
    webhookRetryDelayMs: opts.webhookRetryDelayMs ?? 50,
    webhookMaxAttempts: opts.webhookMaxAttempts ?? 4,
    onWebhookReply: async (method, params) => {
      await call(method, { params, parts: [] }, "webhook-reply", new AbortController().signal);
    },
  });

  const methods = createMethods({ store, files, queue });
  const actions = createUserActions({ store, files, queue });

  async function call(
    method: string,
    req: ParsedRequest,
    via: RecordedRequest["via"],
    signal: AbortSignal,
  ): Promise<Outcome> {
    const recorded = recordFiles(req);
    const entry: RecordedRequest = { method, params: req.params, at: Date.now(), via };
    if (recorded) entry.files = recorded;
    requests.push(entry);
    const outcome = await run(method, req, recorded, signal);
    entry.status = outcome.status;
    if (outcome.description) entry.description = outcome.description;
    return outcome;
  }

  async function run(
    method: string,
    req: ParsedRequest,
    recorded: RecordedFile[] | undefined,
    signal: AbortSignal,
  ): Promise<Outcome> {
    const failure = failures.get(method.toLowerCase())?.shift();
    if (failure) return failureOutcome(failure);
    const handler = methods.get(method.toLowerCase());
    if (!handler) return errorOutcome(new BotApiError(404, "Not Found"));
    try {
      const { result, description, sent: report } = await handler(req, signal);
      if (report) {
        const entry: SentCall = { ...report, params: req.params, at: Date.now() };
        if (recorded) entry.files = recorded;
        sent.push(entry);
      }
      const payload: ApiSuccess<unknown> & { description?: string } = { ok: true, result };
      if (description) payload.description = description;
      return { status: 200, payload };
    } catch (error) {
      if (error instanceof BotApiError) return errorOutcome(error);
      console.error("bot-api-double: internal error", error);
      return errorOutcome(new BotApiError(500, "Internal Server Error"));
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      if (download[1] !== token) return writeError(res, new BotApiError(401, "Unauthorized"));
      const file = files.atPath(decodeURIComponent(download[2] ?? ""));
      if (!file) return writeError(res, new BotApiError(404, "Not Found"));
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
      res.end(file.bytes);
      return;
    }
    const route = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z]*)$/.exec(url.pathname);
    if (!route) return writeError(res, new BotApiError(404, "Not Found"));
    if (route[1] !== token) return writeError(res, new BotApiError(401, "Unauthorized"));
    const aborter = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) aborter.abort();
    });
    let parsed: ParsedRequest;
    try {
      parsed = parseRequest(url.searchParams, req.headers["content-type"] ?? "", await readBody(req));
    } catch (error) {
      return writeError(res, error instanceof BotApiError ? error : new BotApiError(400, "Bad Request"));
    }
    const outcome = await call(route[2] ?? "", parsed, "http", aborter.signal);
    if (outcome.drop) {
      req.socket.destroy();
      return;
    }
    if (!res.writableEnded && !res.destroyed) writeJson(res, outcome.status, outcome.payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("bot-api-double: request failed", error);
      if (!res.headersSent) writeError(res, new BotApiError(500, "Internal Server Error"));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    bot: store.bot,
    me,
    defaultUser: DEFAULT_USER,
    sent,
    requests,
    get webhook() {
      return queue.webhook;
    },
    get pendingUpdateCount() {
      return queue.pendingCount;
    },
    pushUpdate: (update) => queue.push(update),
    ...actions,
    addFile: (bytes, fileOpts) => {
      const { file_id, file_unique_id, file_size } = files.add(bytes, fileOpts);
      return { file_id, file_unique_id, file_size };
    },
    failNext: (method, failure, times = 1) => {
      const list = failures.get(method.toLowerCase()) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method.toLowerCase(), list);
    },
    setMessageDate: (chatId, messageId, unixSeconds) => store.setDate(chatId, messageId, unixSeconds),
    message: (chatId, messageId) => store.message(chatId, messageId),
    waitFor: async <T>(predicate: () => T | Promise<T>, timeoutMs = 5_000): Promise<NonNullable<T>> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await predicate();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`bot-api-double: waitFor gave up after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: async () => {
      queue.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Uploaded parts, each labelled with the parameter that references it (`voice: "attach://<part>"`) if any. */
function recordFiles({ params, parts }: ParsedRequest): RecordedFile[] | undefined {
  if (parts.length === 0) return undefined;
  return parts.map((part) => {
    const field = Object.keys(params).find((key) => params[key] === `attach://${part.name}`) ?? part.name;
    return { field, partName: part.name, filename: part.filename, contentType: part.contentType, bytes: part.bytes };
  });
}

function errorOutcome(error: BotApiError): Outcome {
  const payload: Record<string, unknown> = { ok: false, error_code: error.status, description: error.description };
  if (error.parameters) payload.parameters = error.parameters;
  return { status: error.status, payload, description: error.description };
}

function failureOutcome(failure: FailureSpec): Outcome {
  const parameters: ResponseParameters = { ...failure.parameters };
  if (failure.retryAfter !== undefined) parameters.retry_after = failure.retryAfter;
  const description =
    failure.description ??
    (failure.status === 429
      ? `Too Many Requests: retry after ${failure.retryAfter ?? 1}`
      : (DEFAULT_DESCRIPTION[failure.status] ?? "Internal Server Error"));
  if (failure.status === 429 && parameters.retry_after === undefined) parameters.retry_after = 1;
  const error = new BotApiError(failure.status, description, Object.keys(parameters).length ? parameters : undefined);
  return { ...errorOutcome(error), drop: failure.dropConnection === true };
}
