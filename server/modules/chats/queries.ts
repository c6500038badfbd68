import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";
import { AppError, notFound } from "../../http/errors";
import { phoneQueryDigits } from "../../lib/phone";
import { type ChatListRow, presentChat, type SiblingChat } from "./present";

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

type Cursor = { at: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/.test(id))
      return { at, id };
  } catch {
    // falls through
  }
  throw new AppError(400, "validation_failed", "The cursor is not valid; start from the first page.");
}

/** A search condition on the joined `clients`: a phone-like query matches digits only. */
function clientMatch(eb: ExpressionBuilder<DB & { clients: DB["clients"] }, "clients">, term: string) {
  const digits = phoneQueryDigits(term);
  if (digits && !/[a-zа-яё@]/i.test(term)) return eb("clients.phone_digits", "like", `%${digits}%`);
  const like = `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return eb.or([
    eb(eb.fn("lower", ["clients.name"]), "like", like),
    eb(eb.fn("lower", ["clients.email"]), "like", like),
    ...(digits ? [eb("clients.phone_digits", "like", `%${digits}%`)] : []),
  ]);
}

const searchCap = 2000;

/**
 * Search in two steps: the trigram indexes find the matching people; when there are few (the usual
 * case) their chats are then sorted by activity. When a query matches very many people, null tells
 * the caller to walk the activity index and filter instead, which finds a page quickly.
 */
async function matchingClients(db: Kysely<DB>, workspaceId: string, term: string): Promise<string[] | null> {
  if (term.replace(/[^\p{L}\p{N}]/gu, "").length < 3) return null;
  const digits = phoneQueryDigits(term);
  if (digits && digits.length >= 5 && !/[a-zа-яё@]/i.test(term)) {
    // A number from its start or its last digits: B-tree range scans. Only when neither finds
    // anyone does the (slower) substring search below run.
    const rows = await db
      .selectFrom("clients")
      .select("clients.id")
      .where("clients.workspace_id", "=", workspaceId)
      .where((eb) =>
        eb.or([
          eb("clients.phone_digits", "like", `${digits}%`),
          eb(sql<string>`reverse(clients.phone_digits)`, "like", `${[...digits].reverse().join("")}%`),
        ]),
      )
      .limit(searchCap + 1)
      .execute();
    if (rows.length > 0) return rows.length > searchCap ? null : rows.map((r) => r.id);
  }
  const rows = await db
    .selectFrom("clients")
    .select("clients.id")
    .where("clients.workspace_id", "=", workspaceId)
    .where((eb) => clientMatch(eb, term))
    .limit(searchCap + 1)
    .execute();
  return rows.length > searchCap ? null : rows.map((r) => r.id);
}

/** The ids of one page of the chats of `clientIds`, in list order. */
async function pageOfClients(
  db: Kysely<DB>,
  input: ListChatsInput,
  clientIds: string[],
  desc: boolean,
): Promise<string[]> {
  const c = input.cursor ? decodeCursor(input.cursor) : null;
  const after = c
    ? sql`AND (c.last_activity_at, c.id) ${sql.raw(desc ? "<" : ">")} (${new Date(c.at)}, ${c.id})`
    : sql``;
  const unread = input.tab === "unread" ? sql`AND c.unread_count > 0` : sql``;
  const dir = sql.raw(desc ? "DESC" : "ASC");
  // LATERAL fenced by OFFSET 0 (so it is not flattened into a join): one index lookup per person,
  // whatever the planner thinks of a hash join on a small table.
  const rows = await sql<{ id: string }>`
    SELECT x.id FROM unnest(${clientIds}::uuid[]) AS m(client_id)
    CROSS JOIN LATERAL (
      SELECT c.id, c.last_activity_at FROM chats c
      WHERE c.workspace_id = ${input.workspaceId} AND c.client_id = m.client_id ${unread} ${after}
      OFFSET 0
    ) x
    ORDER BY x.last_activity_at ${dir}, x.id ${dir}
    LIMIT ${input.limit + 1}`.execute(db);
  return rows.rows.map((r) => r.id);
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
  let q = chatsWithContext(db).where("chats.workspace_id", "=", input.workspaceId);
  if (input.tab === "unread") q = q.where("chats.unread_count", ">", 0);
  if (input.tab === "important") q = q.where((eb) => eb.val(false)); // tasks arrive with P23
  const term = input.q?.trim().toLowerCase();
  if (term) {
    const ids = await matchingClients(db, input.workspaceId, term);
    if (ids === null) q = q.where((eb) => clientMatch(eb, term));
    else if (ids.length === 0) return { items: [], nextCursor: null };
    else {
      // Drive from the matched people (an index lookup each), not from the activity order.
      const top = await pageOfClients(db, input, ids, desc);
      if (top.length === 0) return { items: [], nextCursor: null };
      q = q.where("chats.id", "in", top);
    }
  }
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  if (cursor) {
    q = q.where((eb) =>
      eb(eb.refTuple("chats.last_activity_at", "chats.id"), desc ? "<" : ">", eb.tuple(new Date(cursor.at), cursor.id)),
    );
  }
  const dir = desc ? "desc" : "asc";
  const rows = (await q
    .orderBy("chats.last_activity_at", dir)
    .orderBy("chats.id", dir)
    .limit(input.limit + 1)
    .execute()) as ChatListRow[];
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
