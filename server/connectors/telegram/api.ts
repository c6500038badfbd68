import { Api, GrammyError, HttpError } from "grammy";
import { type TelegramChannelConfig, telegramChannelConfig } from "../../../common/inbox";
import type { ChannelRow } from "../../db/schema";
import { ConnectorError } from "../types";

export const defaultApiRoot = "https://api.telegram.org";

/** The stored config: what the admin gave plus what getMe said about the bot. */
export type StoredTelegramConfig = TelegramChannelConfig & { botId: number; botUsername: string; botName: string };

export function configOf(channel: Pick<ChannelRow, "config">): StoredTelegramConfig {
  const c = channel.config as Partial<StoredTelegramConfig>;
  const base = telegramChannelConfig.parse(c);
  return {
    ...base,
    botId: Number(c.botId ?? 0),
    botUsername: String(c.botUsername ?? ""),
    botName: String(c.botName ?? ""),
  };
}

const apis = new Map<string, Api>();

/** One grammY `Api` per bot token and API root (it holds no connection state, only config). */
export function apiFor(config: Pick<TelegramChannelConfig, "token" | "apiBaseUrl">, timeoutSeconds = 30): Api {
  const root = (config.apiBaseUrl ?? defaultApiRoot).replace(/\/+$/, "");
  const key = `${root}|${config.token}|${timeoutSeconds}`;
  let api = apis.get(key);
  if (!api) {
    api = new Api(config.token, { apiRoot: root, timeoutSeconds });
    if (apis.size > 1000) apis.clear();
    apis.set(key, api);
  }
  return api;
}

/** Where a file fetched with getFile is downloaded from. */
export function fileDownloadUrl(config: Pick<TelegramChannelConfig, "token" | "apiBaseUrl">, filePath: string): string {
  const root = (config.apiBaseUrl ?? defaultApiRoot).replace(/\/+$/, "");
  return `${root}/file/bot${config.token}/${filePath}`;
}

const blockedPatterns = [/bot was blocked/i, /user is deactivated/i, /bot was kicked/i, /can't initiate conversation/i];

/**
 * Bot API failures as typed connector errors: 429 waits `retry_after`; 403 "blocked" fails the message
 * and marks the client; 401 means the token was revoked; other 4xx are permanent; 5xx and network
 * errors are temporary. The token never appears in a message (grammY redacts it from URLs).
 */
export function toConnectorError(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  if (err instanceof GrammyError) {
    const what = `Telegram: ${err.description}`;
    if (err.error_code === 429) {
      const seconds = err.parameters.retry_after ?? 1;
      return new ConnectorError("rate_limited", `${what} (retry after ${seconds} s)`, seconds * 1000);
    }
    if (err.error_code === 403 && blockedPatterns.some((p) => p.test(err.description))) {
      return new ConnectorError("blocked", "The client blocked the bot.");
    }
    if (err.error_code === 401 || err.error_code === 404) {
      return new ConnectorError("auth", "Telegram refused the bot token (it was revoked or is wrong).");
    }
    if (err.error_code === 403) return new ConnectorError("blocked", what);
    if (err.error_code >= 500 || err.error_code === 409) return new ConnectorError("temporary", what);
    return new ConnectorError("invalid", what);
  }
  if (err instanceof HttpError) return new ConnectorError("temporary", `Could not reach the Bot API: ${err.message}`);
  return new ConnectorError("temporary", (err as Error).message ?? String(err));
}
