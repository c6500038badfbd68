import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { notFound } from "../../http/errors";
import { decodeCursor, encodeCursor } from "./cursor";
import { type ChatListRow, presentChat, type SiblingChat } from "./present";
import { searchChatIds } from "./search";

export function chatsWithContext(db: Kysely<DB>) {
  return db
    .selectFrom("chats")
    .innerJoin("clients", (j) =>
      j.onRef("clients.workspace_id", "=", "chats.workspace_id").onRef("clients.id", "=", "chats.client_id"),
    )
    .innerJoin("channels", (j) =>
      j.onRef("channels.workspace_id", "=", "chats.workspace_id").onRef("channels.id", "=", "chats.channel_id"),
    )
    .selectAll("chats")
    .select([
      "clients.name as client_name",
      "clients.phone as client_phone",
      "clients.email as client_email",
      "clients.avatar_url as client_avatar_url",
      "channels.kind as channel_kind",
      "channels.name as channel_name",
    ]);
}

export async function siblingsOf(db: Kysely<DB>, workspaceId: string, clientIds: string[]): Promise<SiblingChat[]> {
  if (clientIds.length === 0) return [];
  return db
    .selectFrom("chats")
    .innerJoin("channels", (j) =>
      j.onRef("channels.workspace_id", "=", "chats.workspace_id").onRef("channels.id", "=", "chats.channel_id"),
    )
    .select([
      "chats.id",
      "chats.client_id",
      "chats.channel_id",
      "channels.kind as channel_kind",
      "channels.name as channel_name",
      "chats.unread_count",
      "chats.status",
    ])
    .where("chats.workspace_id", "=", workspaceId)
    .where("chats.client_id", "in", [...new Set(clientIds)])
    .orderBy("chats.last_activity_at", "desc")
    .execute();
}

export async function loadChat(db: Kysely<DB>, workspaceId: string, chatId: string) {
  const row = await chatsWithContext(db)
    .where("chats.workspace_id", "=", workspaceId)
    .where("chats.id", "=", chatId)
    .executeTakeFirst();
  if (!row) throw notFound("This chat");
  return presentChat(row as ChatListRow, await siblingsOf(db, workspaceId, [row.client_id]));
}

export type ListChatsInput = {
  workspaceId: string;
  tab: "all" | "unread" | "important";
  q?: string | undefined;
  order: "newest" | "oldest";
  cursor?: string | undefined;
  limit: number;
};

/**
 * A page of chats ordered by last activity, with a keyset cursor on (last_activity_at, id).
 * Search matches name, e-mail (substring, any case) and phone digits (any formatting).
 */
export async function listChats(db: Kysely<DB>, input: ListChatsInput) {
  const desc = input.tab !== "unread" || input.order === "newest";
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  if (input.tab === "important") return { items: [], nextCursor: null }; // tasks arrive with P23
  const term = input.q?.trim().toLowerCase();
  let rows: ChatListRow[];
  if (term) {
    const { workspaceId, tab, limit } = input;
    const ids = await searchChatIds(db, { workspaceId, tab, term, cursor, limit, desc });
    if (ids.length === 0) return { items: [], nextCursor: null };
    // By primary key, in the order the search found them: asked to sort, the planner may walk the
    // activity index looking for these ids.
    const found = (await chatsWithContext(db)
      .where("chats.workspace_id", "=", workspaceId)
      .where("chats.id", "in", ids)
      .execute()) as ChatListRow[];
    const byId = new Map(found.map((r) => [r.id, r]));
    // (A chat read meanwhile leaves the unread tab.)
    rows = ids.flatMap((id) => byId.get(id) ?? []).filter((r) => tab !== "unread" || r.unread_count > 0);
  } else {
    let q = chatsWithContext(db).where("chats.workspace_id", "=", input.workspaceId);
    if (input.tab === "unread") q = q.where("chats.unread_count", ">", 0);
    if (cursor) {
      q = q.where((eb) =>
        eb(
          eb.refTuple("chats.last_activity_at", "chats.id"),
          desc ? "<" : ">",
          eb.tuple(new Date(cursor.at), cursor.id),
        ),
      );
    }
    const dir = desc ? "desc" : "asc";
    rows = (await q
      .orderBy("chats.last_activity_at", dir)
      .orderBy("chats.id", dir)
      .limit(input.limit + 1)
      .execute()) as ChatListRow[];
  }
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const siblings = await siblingsOf(
    db,
    input.workspaceId,
    page.map((r) => r.client_id),
  );
  return {
    items: page.map((r) => presentChat(r, siblings)),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor({ at: last.last_activity_at.toISOString(), id: last.id }) : null,
  };
}

export async function chatCounts(db: Kysely<DB>, workspaceId: string) {
  const ws = await db
    .selectFrom("workspaces")
    .select(["chat_count", "unread_chat_count"])
    .where("id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  return { all: ws.chat_count, unread: ws.unread_chat_count };
}
