import type { Kysely } from "kysely";
import type { MessageDto, MessagePart } from "../../../common/inbox";
import type { DB, MessageRow } from "../../db/schema";

type ReplyTarget = { id: string; text: string | null; author_name: string };

export function presentMessage(m: MessageRow, replies: Map<string, ReplyTarget> = new Map()): MessageDto {
  const reply = m.reply_to_id ? replies.get(m.reply_to_id) : undefined;
  return {
    id: m.id,
    chatId: m.chat_id,
    kind: m.kind,
    direction: m.direction,
    author: { kind: m.author_kind, ...(m.author_user_id ? { userId: m.author_user_id } : {}), name: m.author_name },
    text: m.deleted_at ? null : m.text,
    parts: m.deleted_at ? [] : (m.parts as MessagePart[]),
    replyTo: reply ? { id: reply.id, text: reply.text, authorName: reply.author_name } : null,
    status: m.status,
    error: m.error,
    sentAt: m.sent_at?.toISOString() ?? null,
    editedAt: m.edited_at?.toISOString() ?? null,
    deletedAt: m.deleted_at?.toISOString() ?? null,
    createdAt: m.created_at.toISOString(),
  };
}

/** Loads the quoted messages of a set of messages in one query. */
export async function replyTargets(
  db: Kysely<DB>,
  workspaceId: string,
  rows: MessageRow[],
): Promise<Map<string, ReplyTarget>> {
  const ids = [...new Set(rows.map((r) => r.reply_to_id).filter((x): x is string => x !== null))];
  if (ids.length === 0) return new Map();
  const targets = await db
    .selectFrom("messages")
    .select(["id", "text", "author_name"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", ids)
    .execute();
  return new Map(targets.map((t) => [t.id, t]));
}

export async function presentMessages(db: Kysely<DB>, workspaceId: string, rows: MessageRow[]): Promise<MessageDto[]> {
  const replies = await replyTargets(db, workspaceId, rows);
  return rows.map((r) => presentMessage(r, replies));
}
