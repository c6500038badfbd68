import type { Kysely } from "kysely";
import type { WidgetMessage } from "../../../common/widget";
import type { ChannelRow, DB } from "../../db/schema";
import { presentMessages } from "../messages/present";
import { presentWidgetMessages } from "./present";

/** The chat of a visitor (none until they first write). */
export async function visitorChatId(
  db: Kysely<DB>,
  channel: Pick<ChannelRow, "id" | "workspace_id">,
  externalId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom("chats")
    .select("id")
    .where("workspace_id", "=", channel.workspace_id)
    .where("channel_id", "=", channel.id)
    .where("external_id", "=", externalId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A page of the visitor's conversation, oldest first: real messages only. */
export async function visitorMessages(
  db: Kysely<DB>,
  channel: ChannelRow,
  chatId: string | null,
  page: { before?: string | undefined; limit: number },
): Promise<{ items: WidgetMessage[]; hasMore: boolean }> {
  if (!chatId) return { items: [], hasMore: false };
  let q = db
    .selectFrom("messages")
    .selectAll()
    .where("workspace_id", "=", channel.workspace_id)
    .where("chat_id", "=", chatId)
    .where("kind", "=", "message");
  if (page.before) q = q.where("id", "<", page.before);
  const rows = await q
    .orderBy("id", "desc")
    .limit(page.limit + 1)
    .execute();
  const shown = rows.slice(0, page.limit).reverse();
  const dtos = await presentMessages(db, channel.workspace_id, shown);
  return {
    items: await presentWidgetMessages(db, channel.workspace_id, channel, dtos),
    hasMore: rows.length > page.limit,
  };
}
