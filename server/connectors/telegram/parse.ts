import type { Message, MessageEntity, Update, User } from "@grammyjs/types";
import type { MessagePart } from "../../../common/inbox";
import type { InboundMessage, InboundUpdate } from "../types";

/** A file Telegram holds for us; fetched with getFile before the message is stored. */
export type PendingMedia = {
  type: "image" | "video" | "audio" | "voice" | "file" | "sticker";
  fileId: string;
  size: number | undefined;
  name: string;
  mime: string | undefined;
};

/** An inbound message whose media parts are still Telegram file ids. */
export type ParsedMessage = { event: InboundMessage; media: PendingMedia[] };

export type ParsedUpdates = {
  messages: ParsedMessage[];
  updates: InboundUpdate[];
  /** Button presses to acknowledge with answerCallbackQuery. */
  callbacks: string[];
};

const fullName = (u: Pick<User, "first_name" | "last_name"> | undefined) =>
  [u?.first_name, u?.last_name].filter(Boolean).join(" ").trim();

/**
 * Text with its entities made safe to show as plain text: a hidden link (`text_link`) keeps its
 * words and shows its address after them, so nothing the client sent is lost and nothing is markup.
 * Offsets are UTF-16 code units, like JavaScript strings.
 */
export function plainText(text: string | undefined, entities: MessageEntity[] | undefined): string | null {
  if (!text) return null;
  const links = (entities ?? [])
    .filter((e): e is MessageEntity.TextLinkMessageEntity => e.type === "text_link")
    .sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of links) {
    const end = e.offset + e.length;
    out = `${out.slice(0, end)} (${e.url})${out.slice(end)}`;
  }
  return out;
}

/** `/start <payload>` of a deep link (t.me/bot?start=payload). */
function startOf(m: Message): { code: string | null } | undefined {
  const cmd = m.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!cmd || !m.text) return undefined;
  const command = m.text.slice(0, cmd.length).split("@")[0];
  if (command !== "/start") return undefined;
  const code = m.text.slice(cmd.length).trim();
  return { code: code.length > 0 ? code.slice(0, 200) : null };
}

function mediaOf(m: Message): { media: PendingMedia[]; parts: MessagePart[] } {
  const id = m.message_id;
  const media: PendingMedia[] = [];
  const parts: MessagePart[] = [];
  if (m.photo && m.photo.length > 0) {
    const best = m.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    media.push({
      type: "image",
      fileId: best.file_id,
      size: best.file_size,
      name: `photo_${id}.jpg`,
      mime: "image/jpeg",
    });
  }
  if (m.video) {
    const v = m.video;
    media.push({
      type: "video",
      fileId: v.file_id,
      size: v.file_size,
      name: v.file_name ?? `video_${id}.mp4`,
      mime: v.mime_type,
    });
  }
  if (m.animation) {
    const a = m.animation;
    media.push({
      type: "video",
      fileId: a.file_id,
      size: a.file_size,
      name: a.file_name ?? `animation_${id}.mp4`,
      mime: a.mime_type,
    });
  } else if (m.document) {
    const d = m.document;
    media.push({
      type: "file",
      fileId: d.file_id,
      size: d.file_size,
      name: d.file_name ?? `file_${id}`,
      mime: d.mime_type,
    });
  }
  if (m.video_note) {
    media.push({
      type: "video",
      fileId: m.video_note.file_id,
      size: m.video_note.file_size,
      name: `video_note_${id}.mp4`,
      mime: "video/mp4",
    });
  }
  if (m.voice) {
    media.push({
      type: "voice",
      fileId: m.voice.file_id,
      size: m.voice.file_size,
      name: `voice_${id}.ogg`,
      mime: m.voice.mime_type,
    });
  }
  if (m.audio) {
    const a = m.audio;
    media.push({
      type: "audio",
      fileId: a.file_id,
      size: a.file_size,
      name: a.file_name ?? `audio_${id}.mp3`,
      mime: a.mime_type,
    });
  }
  if (m.sticker) {
    const s = m.sticker;
    const ext = s.is_animated ? "tgs" : s.is_video ? "webm" : "webp";
    media.push({
      type: "sticker",
      fileId: s.file_id,
      size: s.file_size,
      name: `sticker_${id}.${ext}`,
      mime: undefined,
    });
  }
  if (m.location) parts.push({ type: "location", latitude: m.location.latitude, longitude: m.location.longitude });
  if (m.contact) {
    const name = [m.contact.first_name, m.contact.last_name].filter(Boolean).join(" ");
    parts.push({ type: "contact", name: name.slice(0, 200), phone: m.contact.phone_number.slice(0, 50) });
  }
  return { media, parts };
}

function clientOf(m: Message): InboundMessage["client"] {
  const ownContact = m.contact && m.from && m.contact.user_id === m.from.id ? m.contact.phone_number : undefined;
  return {
    externalId: String(m.chat.id),
    name: fullName(m.from) || (m.chat.type === "private" ? fullName(m.chat) : m.chat.title) || undefined,
    ...(ownContact ? { phone: ownContact } : {}),
  };
}

function messageOf(m: Message): ParsedMessage {
  const { media, parts } = mediaOf(m);
  const start = startOf(m);
  return {
    media,
    event: {
      // A message is unique by chat and message id, even when update ids restart after a quiet week.
      eventId: `${m.chat.id}:${m.message_id}`,
      client: clientOf(m),
      ...(start ? { start } : {}),
      message: {
        externalId: String(m.message_id),
        text: plainText(m.text ?? m.caption, m.entities ?? m.caption_entities),
        parts,
        replyToExternalId: m.reply_to_message ? String(m.reply_to_message.message_id) : null,
        sentAt: new Date(m.date * 1000),
      },
    },
  };
}

/** Turns Bot API updates into Parley's normalized events; unknown kinds are ignored. */
export function parseUpdates(list: Update[]): ParsedUpdates {
  const out: ParsedUpdates = { messages: [], updates: [], callbacks: [] };
  for (const u of list) {
    if (u.message) out.messages.push(messageOf(u.message));
    const edited = u.edited_message;
    if (edited) {
      out.updates.push({
        type: "edit",
        eventId: `${edited.chat.id}:${edited.message_id}:e${edited.edit_date ?? u.update_id}`,
        chatExternalId: String(edited.chat.id),
        messageExternalId: String(edited.message_id),
        text: plainText(edited.text ?? edited.caption, edited.entities ?? edited.caption_entities),
        editedAt: new Date((edited.edit_date ?? edited.date) * 1000),
      });
    }
    const member = u.my_chat_member;
    if (member) {
      const status = member.new_chat_member.status;
      const mapped = status === "kicked" ? "blocked" : status === "member" ? "subscribed" : null;
      if (mapped) {
        out.updates.push({
          type: "status",
          eventId: `${member.chat.id}:member:${member.date}:${status}`,
          chatExternalId: String(member.chat.id),
          status: mapped,
          at: new Date(member.date * 1000),
        });
      }
    }
    const cb = u.callback_query;
    if (cb) {
      out.callbacks.push(cb.id);
      const source = cb.message && "chat" in cb.message ? cb.message : undefined;
      const chatId = source?.chat.id ?? cb.from.id;
      const buttons = source && "reply_markup" in source ? (source.reply_markup?.inline_keyboard.flat() ?? []) : [];
      const pressed = buttons.find((b) => "callback_data" in b && b.callback_data === cb.data)?.text ?? cb.data ?? "";
      out.messages.push({
        media: [],
        event: {
          eventId: `cb:${cb.id}`,
          kind: "event",
          client: { externalId: String(chatId), name: fullName(cb.from) || undefined },
          message: {
            externalId: `cb:${cb.id}`,
            // The button's label; the inbox shows it as “pressed <label>” in the reader's language.
            text: pressed.slice(0, 200),
            parts: [],
            replyToExternalId: source ? String(source.message_id) : null,
            sentAt: new Date(),
          },
        },
      });
    }
  }
  return out;
}

/** The update kinds Parley asks Telegram for. */
export const allowedUpdates = ["message", "edited_message", "my_chat_member", "callback_query"] as const;
