import type { SendMessageRequest } from "../../../../common/inbox";
import type { UploadedFile } from "../../../api/files";

/** The most attachments one message may carry (the API's limit). */
export const maxAttachments = 10;

/** A file chosen in the composer: uploading, uploaded (ready to send) or failed (remove or choose again). */
export type Attachment =
  | { key: string; name: string; size: number; state: "uploading"; progress: number }
  | { key: string; name: string; size: number; state: "done"; file: UploadedFile }
  | { key: string; name: string; size: number; state: "failed"; error: unknown };

/** Which of the chosen files fit next to those already attached; the rest are left out (and the person told). */
export const fitFiles = <T>(attachedCount: number, chosen: T[]): { accepted: T[]; dropped: number } => {
  const room = Math.max(0, maxAttachments - attachedCount);
  return { accepted: chosen.slice(0, room), dropped: Math.max(0, chosen.length - room) };
};

export type SendBlock = "uploading" | "failed" | "empty" | null;

/** Why the message cannot be sent yet (null: it can). */
export const sendBlock = (text: string, attachments: Attachment[]): SendBlock => {
  if (attachments.some((a) => a.state === "uploading")) return "uploading";
  if (attachments.some((a) => a.state === "failed")) return "failed";
  if (text.trim() === "" && !attachments.some((a) => a.state === "done")) return "empty";
  return null;
};

/** The body of the send request: the text (if any), the uploaded files in order, the reply. */
export const sendBody = (text: string, attachments: Attachment[], replyToId: string | null): SendMessageRequest => {
  const trimmed = text.trim();
  const files = attachments.flatMap((a) => (a.state === "done" ? [{ fileId: a.file.id }] : []));
  return {
    ...(trimmed ? { text: trimmed } : {}),
    ...(files.length > 0 ? { attachments: files } : {}),
    ...(replyToId ? { replyToId } : {}),
  };
};
