import type { Kysely } from "kysely";
import type { ChannelCapabilities, MessagePart, SendMessageRequest } from "../../../common/inbox";
import type { DB } from "../../db/schema";
import { AppError } from "../../http/errors";
import { fileUrl } from "../files/storage";

type MediaType = "image" | "video" | "audio" | "voice" | "file";

/** What an attachment is sent as, from its sniffed type (never the uploader's word). */
export function mediaTypeOf(mime: string, asVoice: boolean): MediaType {
  if (/^image\/(jpeg|png|webp|gif)$/.test(mime)) return "image";
  if (mime.startsWith("video/")) return "video";
  if (mime === "audio/ogg" && asVoice) return "voice";
  if (mime.startsWith("audio/")) return "audio";
  return "file";
}

/**
 * The parts of a message (a manager's, or a widget visitor's): attachments (files of this workspace, in order) and link buttons,
 * refused with a clear reason where the channel's messenger cannot carry them.
 */
export async function outgoingParts(
  db: Kysely<DB>,
  workspaceId: string,
  capabilities: ChannelCapabilities,
  input: Pick<SendMessageRequest, "attachments" | "buttons">,
): Promise<MessagePart[]> {
  const attachments = input.attachments ?? [];
  const buttons = input.buttons ?? [];
  if (attachments.length > 0 && !capabilities.media) {
    throw new AppError(400, "not_supported", "This channel cannot send files.");
  }
  if (buttons.length > 0 && !capabilities.buttons) {
    throw new AppError(400, "not_supported", "This channel cannot show buttons.");
  }
  const parts: MessagePart[] = [];
  if (attachments.length > 0) {
    const ids = attachments.map((a) => a.fileId);
    const rows = await db
      .selectFrom("files")
      .select(["id", "name", "mime", "size"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const a of attachments) {
      const f = byId.get(a.fileId);
      if (!f) throw new AppError(400, "validation_failed", "An attached file does not exist (upload it first).");
      const type = mediaTypeOf(f.mime, a.asVoice === true);
      if (a.asVoice && type !== "voice") {
        throw new AppError(400, "validation_failed", "A voice message must be an OGG/Opus recording.");
      }
      parts.push({
        type,
        url: fileUrl(workspaceId, f.id),
        fileId: f.id,
        name: f.name,
        mime: f.mime,
        size: Number(f.size),
      });
    }
  }
  for (const b of buttons) parts.push({ type: "button", text: b.text, url: b.url });
  return parts;
}

/** The chat list's one-line preview of a message. */
export function previewOf(text: string | null, parts: MessagePart[]): string | null {
  if (text) return text.slice(0, 200);
  const [part] = parts;
  if (!part) return null;
  if (part.type === "location") return `📍 ${part.latitude.toFixed(4)}, ${part.longitude.toFixed(4)}`;
  if (part.type === "contact") return `👤 ${part.name}`.slice(0, 200);
  if (part.type === "text") return part.text.slice(0, 200);
  if (part.type === "button") return null;
  return part.name ? `📎 ${part.name}`.slice(0, 200) : null;
}
