import { type Kysely, sql } from "kysely";
import type { MessagesResponse } from "../../../common/inbox";
import type { DB, MessageRow } from "../../db/schema";
import { notFound } from "../../http/errors";
import { presentMessage } from "./present";

type Quote = { reply_text: string | null; reply_author: string | null };
/** A message with what it quotes, or the one row of an empty chat (every column null). */
type PageRow = (MessageRow | { [K in keyof MessageRow]: null }) & Quote;

/**
 * A page of a chat's messages, newest last, with the messages they quote: one statement, so one round
 * trip. The chat is the outer row: no row means no such chat in the workspace (404); a row without a
 * message is an empty chat. `before` (a message id) pages to older messages; one row past `limit`
 * tells whether there are more.
 */
export async function messagesPage(
  db: Kysely<DB>,
  workspaceId: string,
  chatId: string,
  page: { before?: string | undefined; limit: number },
): Promise<MessagesResponse> {
  const before = page.before ? sql`AND m.id < ${page.before}` : sql``;
  const { rows } = await sql<PageRow>`
    SELECT m.*, r.text AS reply_text, r.author_name AS reply_author
    FROM chats c
    LEFT JOIN LATERAL (
      SELECT * FROM messages m
      WHERE m.workspace_id = c.workspace_id AND m.chat_id = c.id ${before}
      ORDER BY m.id DESC LIMIT ${page.limit + 1}
    ) m ON true
    LEFT JOIN messages r ON r.workspace_id = c.workspace_id AND r.id = m.reply_to_id
    WHERE c.workspace_id = ${workspaceId} AND c.id = ${chatId}
    ORDER BY m.id DESC`.execute(db);
  if (rows.length === 0) throw notFound("This chat");
  const found = rows.filter((r): r is MessageRow & Quote => r.id !== null);
  const shown = found.slice(0, page.limit).reverse();
  const replies = new Map(
    shown.flatMap((r) =>
      r.reply_to_id && r.reply_author !== null
        ? [[r.reply_to_id, { id: r.reply_to_id, text: r.reply_text, author_name: r.reply_author }] as const]
        : [],
    ),
  );
  return { items: shown.map((r) => presentMessage(r, replies)), hasMore: found.length > page.limit };
}
