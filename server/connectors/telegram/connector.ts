import { timingSafeEqual } from "node:crypto";
import type { Update } from "@grammyjs/types";
import { telegramChannelConfig } from "../../../common/inbox";
import type { ChannelRow } from "../../db/schema";
import { AppError } from "../../http/errors";
import { newSecret } from "../../lib/secrets";
import { type Connector, type ConnectorEnv, type ReceiveResult, VerificationError } from "../types";
import { apiFor, configOf, type StoredTelegramConfig, toConnectorError } from "./api";
import { withMedia } from "./media";
import { allowedUpdates, parseUpdates } from "./parse";
import { deleteOutgoing, editOutgoing, sendOutgoing } from "./send";

export const secretHeader = "x-telegram-bot-api-secret-token";
const pollTimeoutSeconds = 25;

function sameSecret(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function webhookUrlOf(publicUrl: string, channelId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/webhooks/telegram/${channelId}`;
}

async function toResult(channel: ChannelRow, updates: Update[], env: ConnectorEnv): Promise<ReceiveResult> {
  const parsed = parseUpdates(updates);
  const events = await withMedia(channel, parsed.messages, env);
  if (parsed.callbacks.length > 0) {
    // Stops the spinner on the client's button; failing to do so loses nothing.
    const api = apiFor(configOf(channel));
    await Promise.all(parsed.callbacks.map((id) => api.answerCallbackQuery(id).catch(() => undefined)));
  }
  return { kind: "events", events, updates: parsed.updates };
}

/**
 * Telegram through the Bot API (grammY's `Api` against a configurable root): long polling by default,
 * or a webhook with a secret token when Parley has a public URL.
 */
export const telegramConnector: Connector = {
  kind: "telegram",
  capabilities: { edit: true, deleteWindowHours: 48, voice: true, buttons: true, reply: true, media: true },

  async setup(config, env, previous) {
    // Reconfiguring keeps what is not given (the token is never shown back); `apiBaseUrl: null` clears it.
    const prev = previous ? (previous.config as Record<string, unknown>) : {};
    const given: Record<string, unknown> = {
      token: prev.token,
      apiBaseUrl: prev.apiBaseUrl,
      mode: prev.mode,
      ...config,
    };
    if (!given.token) given.token = prev.token;
    if (given.apiBaseUrl === null || given.apiBaseUrl === "") delete given.apiBaseUrl;
    const parsed = telegramChannelConfig.safeParse(given);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        400,
        "validation_failed",
        `Check the Telegram settings: ${issue?.path.join(".") || "config"}: ${issue?.message}`,
        parsed.error.issues,
      );
    }
    if (parsed.data.mode === "webhook" && !env.publicUrl) {
      throw new AppError(
        400,
        "validation_failed",
        "Webhook mode needs PARLEY_PUBLIC_URL (an https address Telegram can reach). Use polling instead.",
      );
    }
    let me: Awaited<ReturnType<ReturnType<typeof apiFor>["getMe"]>>;
    try {
      me = await apiFor(parsed.data, 15).getMe();
    } catch (err) {
      const e = toConnectorError(err);
      if (e.kind === "auth") throw new AppError(400, "validation_failed", "Telegram did not accept this bot token.");
      throw new AppError(502, "channel_unreachable", `Could not check the bot with Telegram: ${e.message}`);
    }
    const stored: StoredTelegramConfig = {
      ...parsed.data,
      botId: me.id,
      botUsername: me.username,
      botName: [me.first_name, me.last_name].filter(Boolean).join(" "),
    };
    return {
      config: stored,
      secret: previous?.secret ?? newSecret("tg_", 32),
      name: stored.botName || `@${me.username}`,
      // Two channels polling one bot would take each other's updates.
      exclusive: { field: "botId", value: String(me.id) },
    };
  },

  async activate(channel, env) {
    const config = configOf(channel);
    const api = apiFor(config, 15);
    try {
      if (config.mode === "webhook" && env.publicUrl && channel.status === "active" && !channel.deleted_at) {
        await api.setWebhook(webhookUrlOf(env.publicUrl, channel.id), {
          secret_token: channel.secret,
          allowed_updates: [...allowedUpdates],
        });
      } else {
        // Polling needs no webhook (getUpdates answers 409 while one is set); pending updates stay.
        await api.deleteWebhook({ drop_pending_updates: false });
      }
    } catch (err) {
      throw new AppError(
        502,
        "channel_unreachable",
        `Telegram did not accept the change: ${toConnectorError(err).message}`,
      );
    }
  },

  publicConfig(config) {
    const c = config as Partial<StoredTelegramConfig>;
    return {
      mode: c.mode ?? "polling",
      apiBaseUrl: c.apiBaseUrl ?? null,
      botId: c.botId ?? null,
      botUsername: c.botUsername ?? null,
      botName: c.botName ?? null,
    };
  },

  async receive({ channel, headers, rawBody }, env) {
    if (!sameSecret(channel.secret, headers[secretHeader])) {
      throw new VerificationError("The X-Telegram-Bot-Api-Secret-Token header does not match this channel.", 403);
    }
    let update: Update;
    try {
      update = JSON.parse(rawBody.toString("utf8")) as Update;
    } catch {
      return { kind: "unparseable", reason: "The body is not valid JSON." };
    }
    if (typeof update !== "object" || update === null || typeof update.update_id !== "number") {
      return { kind: "unparseable", reason: "The body is not a Telegram update (no update_id)." };
    }
    try {
      return await toResult(channel, [update], env);
    } catch (err) {
      if (err instanceof TypeError) return { kind: "unparseable", reason: `Malformed update: ${err.message}` };
      throw err;
    }
  },

  polls(channel) {
    return configOf(channel).mode === "polling";
  },

  async poll(channel, cursor, signal, env) {
    const api = apiFor(configOf(channel), pollTimeoutSeconds + 15);
    let updates: Update[];
    try {
      updates = await api.getUpdates(
        {
          ...(cursor ? { offset: Number(cursor) } : {}),
          timeout: pollTimeoutSeconds,
          limit: 100,
          allowed_updates: [...allowedUpdates],
        },
        // grammY types its signal with the abort-controller polyfill; Node's is what it uses at runtime.
        signal as unknown as Parameters<typeof api.getUpdates>[1],
      );
    } catch (err) {
      throw toConnectorError(err);
    }
    const last = updates.at(-1);
    return {
      result: await toResult(channel, updates, env),
      cursor: last ? String(last.update_id + 1) : cursor,
    };
  },

  send: sendOutgoing,
  edit: editOutgoing,
  delete: deleteOutgoing,
};
