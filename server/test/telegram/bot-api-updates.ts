import type { Update, WebhookInfo } from "@grammyjs/types";
import { BotApiError, badRequest, boolParam, intParam, isRecord, jsonParam, strParam } from "./bot-api-http";
import { unixNow } from "./bot-api-store";

export type UpdateKind = Exclude<keyof Update, "update_id">;

/** One POST of an update to the webhook, as the double saw it. */
export type WebhookDelivery = { update_id: number; attempt: number; at: number; status?: number; error?: string };

export type WebhookState = {
  url: string;
  secretToken: string | undefined;
  allowedUpdates: UpdateKind[] | undefined;
  maxConnections: number;
  deliveries: WebhookDelivery[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
};

export type UpdateQueueOptions = {
  firstUpdateId: number;
  /** Delay before re-POSTing an update the webhook did not accept. */
  webhookRetryDelayMs: number;
  /** Attempts per update before the double gives up on it (Telegram keeps trying for a day). */
  webhookMaxAttempts: number;
  /** A webhook answered 2xx with `{"method": ..., ...}`: Telegram executes that call ("webhook reply"). */
  onWebhookReply: (method: string, params: Record<string, unknown>) => Promise<void>;
};

/** Updates Telegram sends unless allowed_updates asks for them explicitly. */
const OPT_IN: UpdateKind[] = ["chat_member", "message_reaction", "message_reaction_count"];

const CONFLICT_WEBHOOK =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const CONFLICT_POLLING =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const CONFLICT_SET_WEBHOOK = "Conflict: terminated by setWebhook request";

type Waiter = { wake: () => void; fail: (error: BotApiError) => void };

/**
 * The bot's update queue: unconfirmed updates, handed out by getUpdates (long polling, offset confirmation) or
 * POSTed one by one, in order, to the webhook.
 */
export class UpdateQueue {
  private pending: Update[] = [];
  private nextUpdateId: number;
  private pollingAllowed: UpdateKind[] | undefined;
  private waiter: Waiter | undefined;
  private hook: WebhookState | undefined;
  private pumping = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly attempts = new Map<number, number>();
  private readonly aborter = new AbortController();

  constructor(private readonly opts: UpdateQueueOptions) {
    this.nextUpdateId = opts.firstUpdateId;
  }

  get webhook(): WebhookState | undefined {
    return this.hook;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Assigns the next update_id; queues the update unless allowed_updates filters its kind out. */
  push(body: Omit<Update, "update_id">): Update {
    const update: Update = { update_id: this.nextUpdateId++, ...body };
    const kind = Object.keys(body)[0];
    const allowed = this.hook ? this.hook.allowedUpdates : this.pollingAllowed;
    const wanted = allowed ? allowed.some((k) => k === kind) : !OPT_IN.some((k) => k === kind);
    if (!wanted || this.closed) return update;
    this.pending.push(update);
    this.waiter?.wake();
    void this.pump();
    return update;
  }

  async getUpdates(params: Record<string, unknown>, signal: AbortSignal): Promise<Update[]> {
    if (this.hook) throw new BotApiError(409, CONFLICT_WEBHOOK);
    const offset = intParam(params, "offset");
    const limit = Math.min(100, Math.max(1, intParam(params, "limit") ?? 100));
    const timeout = Math.max(0, intParam(params, "timeout") ?? 0);
    const allowed = parseAllowed(params);
    if (allowed !== undefined) this.pollingAllowed = allowed.length > 0 ? allowed : undefined;
    // An update is confirmed once getUpdates is called with an offset higher than its update_id; a negative
    // offset keeps only the last -offset updates.
    if (offset !== undefined && offset > 0) this.pending = this.pending.filter((u) => u.update_id >= offset);
    if (offset !== undefined && offset < 0) this.pending = this.pending.slice(offset);
    this.waiter?.fail(new BotApiError(409, CONFLICT_POLLING));
    if (this.pending.length === 0 && timeout > 0 && !this.closed) await this.wait(timeout, signal);
    return this.pending.slice(0, limit);
  }

  private wait(timeoutSeconds: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        if (this.waiter === waiter) this.waiter = undefined;
      };
      const done = () => {
        cleanup();
        resolve();
      };
      const waiter: Waiter = {
        wake: done,
        fail: (error) => {
          cleanup();
          reject(error);
        },
      };
      const timer = setTimeout(done, timeoutSeconds * 1000);
      signal.addEventListener("abort", done);
      this.waiter = waiter;
    });
  }

  setWebhook(params: Record<string, unknown>): string {
    const url = strParam(params, "url") ?? "";
    if (url === "") return this.deleteWebhook(params);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest("bad webhook: invalid webhook URL specified");
    }
    // Telegram insists on HTTPS on ports 443/80/88/8443; the double accepts plain HTTP on any port so a test can
    // receive on 127.0.0.1.
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
      throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    const secretToken = strParam(params, "secret_token") || undefined;
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
      throw badRequest("secret token contains unallowed characters");
    }
    const maxConnections = intParam(params, "max_connections") ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw badRequest("bad webhook: invalid max_connections");
    const allowed = parseAllowed(params);
    if (boolParam(params, "drop_pending_updates")) this.pending = [];
    const previous = this.hook;
    this.hook = {
      url,
      secretToken,
      allowedUpdates: allowed && allowed.length > 0 ? allowed : undefined,
      maxConnections,
      deliveries: previous?.deliveries ?? [],
    };
    this.waiter?.fail(new BotApiError(409, CONFLICT_SET_WEBHOOK));
    void this.pump();
    return previous?.url === url ? "Webhook is already set" : "Webhook was set";
  }

  deleteWebhook(params: Record<string, unknown>): string {
    if (boolParam(params, "drop_pending_updates")) this.pending = [];
    if (!this.hook) return "Webhook is already deleted";
    this.hook = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    return "Webhook was deleted";
  }

  webhookInfo(): WebhookInfo {
    const info: WebhookInfo = {
      url: this.hook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.pending.length,
    };
    if (!this.hook) return info;
    info.ip_address = "127.0.0.1";
    info.max_connections = this.hook.maxConnections;
    if (this.hook.allowedUpdates) info.allowed_updates = this.hook.allowedUpdates;
    if (this.hook.lastErrorDate) info.last_error_date = this.hook.lastErrorDate;
    if (this.hook.lastErrorMessage) info.last_error_message = this.hook.lastErrorMessage;
    return info;
  }

  close(): void {
    this.closed = true;
    this.aborter.abort();
    clearTimeout(this.retryTimer);
    this.waiter?.wake();
  }

  /** Delivers pending updates in order, one at a time; a refused update is retried after a short delay. */
  private async pump(): Promise<void> {
    if (this.pumping || this.retryTimer || this.closed) return;
    this.pumping = true;
    try {
      for (let update = this.pending[0]; this.hook && update && !this.closed; update = this.pending[0]) {
        const hook = this.hook;
        const accepted = await this.deliver(hook, update);
        if (this.hook !== hook || this.pending[0] !== update) continue;
        const attempts = this.attempts.get(update.update_id) ?? 0;
        if (accepted || attempts >= this.opts.webhookMaxAttempts) {
          this.pending.shift();
          this.attempts.delete(update.update_id);
          continue;
        }
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          void this.pump();
        }, this.opts.webhookRetryDelayMs);
        break;
      }
    } finally {
      this.pumping = false;
    }
  }

  private async deliver(hook: WebhookState, update: Update): Promise<boolean> {
    const attempt = (this.attempts.get(update.update_id) ?? 0) + 1;
    this.attempts.set(update.update_id, attempt);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (hook.secretToken) headers["x-telegram-bot-api-secret-token"] = hook.secretToken;
    const delivery: WebhookDelivery = { update_id: update.update_id, attempt, at: Date.now() };
    hook.deliveries.push(delivery);
    try {
      const res = await fetch(hook.url, {
        method: "POST",
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(10_000)]),
      });
      const text = await res.text();
      delivery.status = res.status;
      if (res.ok) {
        await this.webhookReply(res.headers.get("content-type") ?? "", text);
        return true;
      }
      hook.lastErrorDate = unixNow();
      hook.lastErrorMessage = `Wrong response from the webhook: ${res.status} ${res.statusText}`;
    } catch (error) {
      const code = isRecord(error) && isRecord(error.cause) ? error.cause.code : undefined;
      delivery.error = code === "ECONNREFUSED" ? "Connection refused" : String(error);
      hook.lastErrorDate = unixNow();
      hook.lastErrorMessage = delivery.error;
    }
    return false;
  }

  private async webhookReply(contentType: string, text: string): Promise<void> {
    if (!contentType.includes("application/json") || text.trim() === "") return;
    try {
      const body: unknown = JSON.parse(text);
      if (!isRecord(body) || typeof body.method !== "string") return;
      const { method, ...params } = body;
      await this.opts.onWebhookReply(method, params);
    } catch {
      // Telegram never reports a failed webhook reply back to the bot.
    }
  }
}

function parseAllowed(params: Record<string, unknown>): UpdateKind[] | undefined {
  const value = jsonParam(params, "allowed_updates");
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest("can't parse allowed updates");
  return value.filter((v): v is UpdateKind => typeof v === "string");
}
