import type { InlineKeyboardMarkup, Message, ReplyParameters } from "@grammyjs/types";
import { type Api, GrammyError, InputFile } from "grammy";
import type { MessagePart } from "../../../common/inbox";
import type { ChannelRow } from "../../db/schema";
import { type Bucket, takeOrWait } from "../rate-limit";
import { type ConnectorEnv, ConnectorError, type Outgoing, type Sent, type Target } from "../types";
import { apiFor, configOf, toConnectorError } from "./api";

type Media = Extract<MessagePart, { type: "image" | "video" | "audio" | "voice" | "file" | "sticker" }>;
const captionLimit = 1024;

/**
 * Telegram's limits: about 30 messages a second per bot (a bucket of 28/s holding 2 never exceeds 30
 * in any second), about one a second per chat with short bursts.
 */
export function bucketsFor(botId: number, chatId: string): Bucket[] {
  return [
    { key: `tg:bot:${botId}`, rate: 28, burst: 2 },
    { key: `tg:chat:${botId}:${chatId}`, rate: 1, burst: 3 },
  ];
}

/** Longest we hold a job waiting for a token; longer waits go back to the queue. */
const maxInlineWaitMs = 2000;

async function throttle(env: ConnectorEnv, botId: number, chatId: string, maxWaitMs = maxInlineWaitMs): Promise<void> {
  const wait = await takeOrWait(env.limiter, bucketsFor(botId, chatId), maxWaitMs);
  if (wait > 0) throw new ConnectorError("throttled", "Waiting for Telegram's rate limit.", wait);
}

/** How a message maps to Telegram messages: the text is the first media's caption when it fits. */
export function layout(text: string | null, mediaCount: number): { textMessage: boolean; caption: boolean } {
  const hasText = (text?.length ?? 0) > 0;
  const caption = hasText && mediaCount > 0 && (text?.length ?? 0) <= captionLimit;
  return { textMessage: hasText && !caption, caption };
}

function keyboardOf(parts: MessagePart[]): InlineKeyboardMarkup | undefined {
  const buttons = parts.filter((p): p is Extract<MessagePart, { type: "button" }> => p.type === "button");
  return buttons.length > 0 ? { inline_keyboard: buttons.map((b) => [{ text: b.text, url: b.url }]) } : undefined;
}

async function sendMedia(
  api: Api,
  chatId: string,
  media: Media,
  file: InputFile | string,
  other: { caption?: string; reply_parameters?: ReplyParameters; reply_markup?: InlineKeyboardMarkup },
): Promise<Message> {
  const mime = media.mime ?? "";
  if (media.type === "image" && /^image\/(jpeg|png|webp)$/.test(mime)) return api.sendPhoto(chatId, file, other);
  if (media.type === "video" && mime.startsWith("video/mp4")) return api.sendVideo(chatId, file, other);
  // A voice note must be OGG/Opus to play as one; anything else goes as audio.
  if (media.type === "voice" && mime === "audio/ogg") return api.sendVoice(chatId, file, other);
  if ((media.type === "voice" || media.type === "audio") && mime.startsWith("audio/"))
    return api.sendAudio(chatId, file, other);
  return api.sendDocument(chatId, file, other);
}

/**
 * Sends a manager's message: the text (or the first media's caption), each media as its native type
 * in order, link buttons under the last message, a native reply when it answers a message.
 */
export async function sendOutgoing(channel: ChannelRow, out: Outgoing, env: ConnectorEnv): Promise<Sent> {
  const config = configOf(channel);
  const api = apiFor(config);
  const chatId = out.chat.externalId;
  const media = out.parts.filter((p): p is Media => "url" in p && p.type !== "button");
  const keyboard = keyboardOf(out.parts);
  const { textMessage, caption } = layout(out.text, media.length);
  const replyTo = out.replyToExternalId && /^\d+$/.test(out.replyToExternalId) ? Number(out.replyToExternalId) : null;
  const reply: ReplyParameters | undefined = replyTo
    ? { message_id: replyTo, allow_sending_without_reply: true }
    : undefined;
  const files: Array<InputFile | string> = [];
  for (const m of media) {
    if (!m.fileId) {
      files.push(m.url);
      continue;
    }
    const stored = await env.files.read(channel.workspace_id, m.fileId);
    if (!stored) throw new ConnectorError("invalid", `The attached file ${m.name ?? ""} no longer exists.`);
    files.push(new InputFile(stored.data, stored.name));
  }
  const ids: string[] = [];
  const total = (textMessage ? 1 : 0) + media.length;
  const optsFor = (index: number) => ({
    ...(index === 0 && reply ? { reply_parameters: reply } : {}),
    ...(index === total - 1 && keyboard ? { reply_markup: keyboard } : {}),
  });
  try {
    if (textMessage && out.text) {
      await throttle(env, config.botId, chatId);
      ids.push(String((await api.sendMessage(chatId, out.text, optsFor(0))).message_id));
    }
    for (const [i, m] of media.entries()) {
      const index = (textMessage ? 1 : 0) + i;
      // Once part of the message went out, wait here rather than retry (which would send it twice).
      await throttle(env, config.botId, chatId, ids.length > 0 ? 60_000 : maxInlineWaitMs);
      const other = { ...optsFor(index), ...(i === 0 && caption && out.text ? { caption: out.text } : {}) };
      ids.push(String((await sendMedia(api, chatId, m, files[i] ?? m.url, other)).message_id));
    }
  } catch (err) {
    throw toConnectorError(err);
  }
  const [first] = ids;
  if (!first) throw new ConnectorError("invalid", "The message has nothing to send.");
  return { externalId: first, ...(ids.length > 1 ? { externalIds: ids } : {}) };
}

/** A manager's edit: the text message, or the caption of the first media. */
export async function editOutgoing(channel: ChannelRow, target: Target, env: ConnectorEnv): Promise<void> {
  const config = configOf(channel);
  const api = apiFor(config);
  const chatId = target.chat.externalId;
  const media = target.parts.filter((p) => "url" in p && p.type !== "button");
  // How it was sent, not how the new text would be: with a caption, each Telegram message is one media.
  const caption = media.length > 0 && target.externalIds.length === media.length;
  const [first] = target.externalIds;
  if (!first || !target.text) throw new ConnectorError("invalid", "There is no text to edit.");
  // The link buttons sit on the last Telegram message; an edit that leaves them out removes them.
  const keyboard = target.externalIds.length === 1 ? keyboardOf(target.parts) : undefined;
  const markup = keyboard ? { reply_markup: keyboard } : {};
  await throttle(env, config.botId, chatId);
  try {
    if (caption) await api.editMessageCaption(chatId, Number(first), { caption: target.text, ...markup });
    else await api.editMessageText(chatId, Number(first), target.text, markup);
  } catch (err) {
    // Editing to the same text is not a failure.
    if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return;
    throw toConnectorError(err);
  }
}

/** Deletes every Telegram message this one became; one already gone counts as deleted. */
export async function deleteOutgoing(channel: ChannelRow, target: Target, env: ConnectorEnv): Promise<void> {
  const config = configOf(channel);
  const api = apiFor(config);
  const chatId = target.chat.externalId;
  for (const id of target.externalIds) {
    await throttle(env, config.botId, chatId);
    try {
      await api.deleteMessage(chatId, Number(id));
    } catch (err) {
      if (err instanceof GrammyError && /message to delete not found/i.test(err.description)) continue;
      if (err instanceof GrammyError && /can't be deleted/i.test(err.description)) {
        throw new ConnectorError(
          "invalid",
          "Telegram no longer lets the bot delete this message (bots can delete only within 48 hours).",
        );
      }
      throw toConnectorError(err);
    }
  }
}
