import { type Kysely, sql } from "kysely";
import type { DB } from "../server/db/schema";

export type SeedSize = { clients: number; messages: number; bigChat: number };

/** A UUIDv7-shaped id from a timestamp expression and a row number, in SQL (time-ordered like newId). */
const v7 = (ts: string, n: string) =>
  `(lpad(to_hex((extract(epoch from ${ts}) * 1000)::bigint), 12, '0') || '7' || substr(md5(${n}::text), 1, 3) || '8' || substr(md5(${n}::text), 4, 15))::uuid`;

/**
 * Runs a bulk load with the secondary indexes of `tables` dropped, then builds them again from their
 * own definitions (reloptions included): building a trigram index once is many times faster than
 * inserting a million rows into it. Unique indexes and primary keys stay (they are constraints).
 */
async function withoutSecondaryIndexes(db: Kysely<DB>, tables: string[], load: () => Promise<void>) {
  const { rows } = await sql<{ name: string; def: string }>`
    SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname = ANY(${tables}) AND NOT x.indisunique AND NOT x.indisprimary`.execute(db);
  for (const r of rows) await sql.raw(`DROP INDEX ${r.name}`).execute(db);
  try {
    await load();
  } finally {
    for (const r of rows) await sql.raw(r.def).execute(db);
  }
}

/**
 * Seeds one workspace with `clients` people (one chat each), `messages` spread over the chats, and
 * one chat holding `bigChat` of them. All in SQL (generate_series), so it is fast on both databases.
 */
export async function seedInbox(
  db: Kysely<DB>,
  workspaceId: string,
  channelId: string,
  size: SeedSize,
): Promise<{ bigChatId: string }> {
  let bigChatId = "";
  await withoutSecondaryIndexes(db, ["clients", "chats", "messages"], async () => {
    bigChatId = await load(db, workspaceId, channelId, size);
  });
  await sql
    .raw(
      `UPDATE workspaces SET chat_count = ${size.clients}, unread_chat_count = (SELECT count(*) FROM chats WHERE workspace_id = '${workspaceId}' AND unread_count > 0) WHERE id = '${workspaceId}'`,
    )
    .execute(db);
  await sql.raw("ANALYZE").execute(db);
  return { bigChatId };
}

async function load(db: Kysely<DB>, workspaceId: string, channelId: string, size: SeedSize): Promise<string> {
  const n = size.clients;
  await sql
    .raw(`
    INSERT INTO clients (workspace_id, id, name, phone, phone_digits, email, created_at, updated_at)
    SELECT '${workspaceId}', ${v7("now() - interval '400 days' + g * interval '1 second'", "g")},
      initcap(substr(md5(g::text), 1, 7)) || ' ' || initcap(substr(md5((g * 7)::text), 3, 9)),
      '+7912' || lpad(g::text, 7, '0'), '7912' || lpad(g::text, 7, '0'),
      substr(md5((g * 3)::text), 1, 10) || '@example.com', now(), now()
    FROM generate_series(1, ${n}) g`)
    .execute(db);
  await sql
    .raw(`
    INSERT INTO chats (workspace_id, id, client_id, channel_id, external_id, status, unread_count, last_message_text, last_message_direction, last_message_at, last_activity_at, created_at)
    SELECT c.workspace_id, c.id, c.id, '${channelId}', 'ext-' || c.phone_digits, 'subscribed',
      CASE WHEN abs(hashtext(c.id::text)) % 20 = 0 THEN 1 + abs(hashtext(c.name)) % 5 ELSE 0 END,
      'Last message of ' || c.name, 'in', c.created_at, c.created_at + (abs(hashtext(c.id::text)) % 30000000) * interval '1 second', c.created_at
    FROM clients c WHERE c.workspace_id = '${workspaceId}'`)
    .execute(db);
  const big = await sql<{
    id: string;
  }>`SELECT id FROM chats WHERE workspace_id = ${workspaceId} ORDER BY id LIMIT 1`.execute(db);
  const bigChatId = big.rows[0]?.id ?? "";
  const spread = size.messages - size.bigChat;
  await sql
    .raw(`
    INSERT INTO messages (workspace_id, id, chat_id, kind, direction, author_kind, author_name, text, parts, created_at)
    SELECT '${workspaceId}', ${v7("now() - interval '300 days' + g * interval '1 second'", "g")}, '${bigChatId}', 'message',
      CASE WHEN g % 3 = 0 THEN 'out' ELSE 'in' END, CASE WHEN g % 3 = 0 THEN 'user' ELSE 'client' END, '',
      'Message number ' || g || ' of the big chat', '[]', now()
    FROM generate_series(1, ${size.bigChat}) g`)
    .execute(db);
  // The other messages: chat k gets the messages g with g % clients = k, via a row-numbered chat list.
  await sql
    .raw(`
    WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM chats WHERE workspace_id = '${workspaceId}')
    INSERT INTO messages (workspace_id, id, chat_id, kind, direction, author_kind, author_name, text, parts, created_at)
    SELECT '${workspaceId}', ${v7("now() - interval '200 days' + g * interval '1 millisecond'", `(g + ${size.bigChat})`)}, numbered.id, 'message',
      'in', 'client', '', 'Hello, question ' || g, '[]', now()
    FROM generate_series(1, ${spread}) g JOIN numbered ON numbered.k = g % ${n}`)
    .execute(db);
  return bigChatId;
}
