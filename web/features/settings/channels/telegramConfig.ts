import { z } from "zod";
import { type ChannelDto, type CreateChannelRequest, telegramChannelConfig } from "../../../../common/inbox";
import { httpHref } from "../../../ui/url";

export type TelegramMode = "polling" | "webhook";

/** What the server shows of a Telegram channel's settings (never the token). */
export interface TelegramPublicConfig {
  mode: TelegramMode;
  apiBaseUrl: string | null;
  botId: number | null;
  botUsername: string | null;
  botName: string | null;
}

const publicConfig = z.object({
  mode: z.enum(["polling", "webhook"]).catch("polling"),
  apiBaseUrl: z.string().nullable().catch(null),
  botId: z.number().nullable().catch(null),
  botUsername: z.string().nullable().catch(null),
  botName: z.string().nullable().catch(null),
});

/** The Telegram settings of a channel, or null for other kinds; missing or odd fields read as unknown. */
export const telegramConfigOf = (channel: ChannelDto): TelegramPublicConfig | null => {
  if (channel.kind !== "telegram") return null;
  const parsed = publicConfig.safeParse({
    mode: channel.config.mode,
    apiBaseUrl: channel.config.apiBaseUrl ?? null,
    botId: channel.config.botId ?? null,
    botUsername: channel.config.botUsername ?? null,
    botName: channel.config.botName ?? null,
  });
  return parsed.success ? parsed.data : null;
};

/** The bot's address in Telegram (usernames are letters, digits and underscores only). */
export const botLink = (username: string): string | null =>
  /^[A-Za-z0-9_]{3,64}$/.test(username) ? `https://t.me/${username}` : null;

export interface TelegramForm {
  name: string;
  token: string;
  mode: TelegramMode;
  apiBaseUrl: string;
}

/** Which field is wrong, as i18n keys (checked again by the server, which also asks Telegram). */
export type TelegramFormErrors = Partial<Record<keyof TelegramForm, string>>;

const isHttpUrl = (value: string): boolean => httpHref(value) !== null;

export const validateTelegramForm = (form: TelegramForm, requireToken = true): TelegramFormErrors => {
  const errors: TelegramFormErrors = {};
  if (form.name.trim().length > 80) errors.name = "validation.tooLong";
  const token = form.token.trim();
  if (!token) {
    if (requireToken) errors.token = "validation.required";
  } else if (!telegramChannelConfig.shape.token.safeParse(token).success) {
    errors.token = "channels.telegram.tokenInvalid";
  }
  if (form.apiBaseUrl.trim() && !isHttpUrl(form.apiBaseUrl.trim())) errors.apiBaseUrl = "channels.urlInvalid";
  return errors;
};

/** The create request: the name only when given (else the server names the channel after the bot). */
export const telegramCreateRequest = (form: TelegramForm): CreateChannelRequest => ({
  kind: "telegram",
  ...(form.name.trim() ? { name: form.name.trim() } : {}),
  config: {
    token: form.token.trim(),
    mode: form.mode,
    ...(form.apiBaseUrl.trim() ? { apiBaseUrl: form.apiBaseUrl.trim() } : {}),
  },
});

/**
 * The settings change: the mode, and the API base URL again (the server rebuilds the settings from what it is
 * given, keeping only the stored token), so changing the mode does not drop a custom Bot API server.
 */
export const telegramUpdateRequest = (mode: TelegramMode, apiBaseUrl: string): { config: Record<string, string> } => ({
  config: { mode, ...(apiBaseUrl.trim() ? { apiBaseUrl: apiBaseUrl.trim() } : {}) },
});
