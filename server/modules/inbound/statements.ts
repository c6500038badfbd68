import { sql } from "kysely";
import { prepared } from "../../db/round-trips";
import type { ChatRow, ClientRow, MessageRow } from "../../db/schema";
import { newId } from "../../lib/ids";
import type { SiblingChat } from "../chats/present";

/**
 * The statements of the inbound store. Each keeps the same text for any batch size (arrays) and its
 * plan does not depend on the values (keyed lookups and inserts), so each runs prepared.
 */

/** A chat as locked by the store: with its client's details and its client's other chats. */
export type LockedChat = ChatRow & {
  c_name: string;
  c_phone: string | null;
  c_email: string | null;
  c_avatar: string | null;
  siblings: SiblingChat[] | null;
};

export type ChatKey = { workspaceId: string; channelId: string; externalId: string };
export const keyText = (k: ChatKey) => `${k.workspaceId}|${k.channelId}|${k.externalId}`;

const cols = (keys: ChatKey[]) =>
  sql`unnest(${keys.map((k) => k.workspaceId)}::uuid[], ${keys.map((k) => k.channelId)}::uuid[], ${keys.map((k) => k.externalId)}::text[])`;

/** Claims event ids (dedupe): answers the message ids of the events not seen before. */
export function claimEvents(
  rows: Array<{ workspaceId: string; channelId: string; eventId: string; messageId: string }>,
  now: Date,
) {
  return prepared(sql<{ message_id: string }>`
    INSERT INTO inbound_events (workspace_id, channel_id, external_event_id, message_id, received_at)
    SELECT w, c, e, m, ${now} FROM unnest(${rows.map((r) => r.workspaceId)}::uuid[], ${rows.map((r) => r.channelId)}::uuid[],
      ${rows.map((r) => r.eventId)}::text[], ${rows.map((r) => r.messageId)}::uuid[]) AS u(w, c, e, m)
    ON CONFLICT (workspace_id, channel_id, external_event_id) DO NOTHING
    RETURNING message_id`);
}

/** The message ids stored for events seen before. */
export function priorEvents(rows: Array<{ workspaceId: string; channelId: string; eventId: string }>) {
  const keys = rows.map((r) => ({ workspaceId: r.workspaceId, channelId: r.channelId, externalId: r.eventId }));
  return prepared(sql<{
    workspace_id: string;
    channel_id: string;
    external_event_id: string;
    message_id: string | null;
  }>`
    SELECT workspace_id, channel_id, external_event_id, message_id FROM inbound_events
    WHERE (workspace_id, channel_id, external_event_id) IN (SELECT * FROM ${cols(keys)})`);
}

/**
 * Locks the chats of these keys, with their client and the client's other chats. The lock is taken key
 * by key in the keys' sorted order (the same in every batch, so two batches cannot deadlock). Each key
 * is looked up through the unique index (`LIMIT 1` keeps the lateral join from being flattened and turned
 * around: PGlite never analyzes its tables, and with no statistics it scanned every client for ten keys).
 */
export function lockChats(keys: ChatKey[]) {
  const sorted = [...keys].sort((a, b) => (keyText(a) < keyText(b) ? -1 : 1));
  return prepared(sql<LockedChat>`
    SELECT c.*, k.name AS c_name, k.phone AS c_phone, k.email AS c_email, k.avatar_url AS c_avatar,
      (SELECT json_agg(json_build_object('id', s.id, 'client_id', s.client_id, 'channel_id', s.channel_id,
          'channel_kind', ch.kind, 'channel_name', ch.name, 'unread_count', s.unread_count, 'status', s.status)
          ORDER BY s.last_activity_at DESC)
        FROM chats s JOIN channels ch ON ch.workspace_id = s.workspace_id AND ch.id = s.channel_id
        WHERE s.workspace_id = c.workspace_id AND s.client_id = c.client_id AND s.id <> c.id) AS siblings
    FROM ${cols(sorted)} AS u(w, ch, ext)
      CROSS JOIN LATERAL (SELECT * FROM chats WHERE workspace_id = u.w AND channel_id = u.ch AND external_id = u.ext LIMIT 1) c
      CROSS JOIN LATERAL (SELECT * FROM clients WHERE workspace_id = c.workspace_id AND id = c.client_id LIMIT 1) k
    FOR UPDATE OF c`);
}

/** Stored messages that replies of this batch quote, by their chat's key and messenger id. */
export function findReplies(refs: Array<ChatKey & { replyTo: string }>) {
  return prepared(sql<{
    channel_id: string;
    chat_external_id: string;
    id: string;
    external_id: string;
    text: string | null;
    author_name: string;
  }>`
    SELECT c.channel_id, c.external_id AS chat_external_id, m.id, m.external_id, m.text, m.author_name
    FROM unnest(${refs.map((r) => r.workspaceId)}::uuid[], ${refs.map((r) => r.channelId)}::uuid[],
      ${refs.map((r) => r.externalId)}::text[], ${refs.map((r) => r.replyTo)}::text[]) AS u(w, ch, ext, ref)
    JOIN chats c ON c.workspace_id = u.w AND c.channel_id = u.ch AND c.external_id = u.ext
    JOIN messages m ON m.workspace_id = c.workspace_id AND m.chat_id = c.id AND m.external_id = u.ref`);
}

export type NewClient = Omit<ClientRow, "created_at" | "updated_at">;

export function insertClients(rows: NewClient[], now: Date) {
  const col = <K extends keyof NewClient>(k: K) => rows.map((r) => r[k]);
  return prepared(sql`
    INSERT INTO clients (workspace_id, id, name, phone, phone_digits, email, avatar_url, created_at, updated_at)
    SELECT w, i, n, p, d, e, a, ${now}, ${now} FROM unnest(${col("workspace_id")}::uuid[], ${col("id")}::uuid[],
      ${col("name")}::text[], ${col("phone")}::text[], ${col("phone_digits")}::text[], ${col("email")}::text[],
      ${col("avatar_url")}::text[]) AS u(w, i, n, p, d, e, a)`);
}

/** New chats (none when another process created the same one meanwhile): answers those inserted. */
export function insertChats(rows: Array<ChatKey & { id: string; clientId: string }>, now: Date) {
  return prepared(sql<{ id: string; client_id: string }>`
    INSERT INTO chats (workspace_id, id, client_id, channel_id, external_id, status, unread_count, last_activity_at, created_at)
    SELECT w, i, k, c, e, 'subscribed', 0, ${now}, ${now} FROM unnest(${rows.map((r) => r.workspaceId)}::uuid[],
      ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.clientId)}::uuid[], ${rows.map((r) => r.channelId)}::uuid[],
      ${rows.map((r) => r.externalId)}::text[]) AS u(w, i, k, c, e)
    ON CONFLICT (workspace_id, channel_id, external_id) DO NOTHING
    RETURNING id, client_id`);
}

export function deleteClients(workspaceIds: string[], ids: string[]) {
  return prepared(
    sql`DELETE FROM clients WHERE (workspace_id, id) IN (SELECT * FROM unnest(${workspaceIds}::uuid[], ${ids}::uuid[]))`,
  );
}

export function insertMessages(rows: MessageRow[]) {
  const col = <T>(fn: (m: MessageRow) => T) => rows.map(fn);
  return prepared(sql`
    INSERT INTO messages (workspace_id, id, chat_id, kind, direction, author_kind, author_name, text, parts, reply_to_id,
      external_id, sent_at, created_at)
    SELECT w, i, c, k, d, ak, a, t, p::jsonb, r, e, s, ca
    FROM unnest(${col((m) => m.workspace_id)}::uuid[], ${col((m) => m.id)}::uuid[], ${col((m) => m.chat_id)}::uuid[],
      ${col((m) => m.kind)}::text[], ${col((m) => m.direction)}::text[], ${col((m) => m.author_kind)}::text[],
      ${col((m) => m.author_name)}::text[], ${col((m) => m.text)}::text[], ${col((m) => JSON.stringify(m.parts))}::text[],
      ${col((m) => m.reply_to_id)}::uuid[], ${col((m) => m.external_id)}::text[], ${col((m) => m.sent_at)}::timestamptz[],
      ${col((m) => m.created_at)}::timestamptz[]) AS u(w, i, c, k, d, ak, a, t, p, r, e, s, ca)`);
}

/** Adds each chat's new inbound messages: unread count, last message, activity. */
export function bumpChats(
  rows: Array<{ workspaceId: string; id: string; count: number; lastId: string; lastText: string | null }>,
  now: Date,
) {
  return prepared(sql`
    UPDATE chats SET unread_count = chats.unread_count + v.n, last_message_id = v.last_id, last_message_text = v.last_text,
      last_message_direction = 'in', last_message_at = ${now}, last_activity_at = ${now}, status = 'subscribed'
    FROM unnest(${rows.map((r) => r.workspaceId)}::uuid[], ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.count)}::int[],
      ${rows.map((r) => r.lastId)}::uuid[], ${rows.map((r) => r.lastText)}::text[]) AS v(workspace_id, id, n, last_id, last_text)
    WHERE chats.workspace_id = v.workspace_id AND chats.id = v.id`);
}

/** Deep-link starts: a subscription with its lead-generation code (P22). */
export function insertSubscriptions(
  rows: Array<{ workspaceId: string; chatId: string; code: string | null }>,
  now: Date,
) {
  return prepared(sql`
    INSERT INTO subscriptions (workspace_id, id, chat_id, code, created_at)
    SELECT w, i, c, k, ${now} FROM unnest(${rows.map((r) => r.workspaceId)}::uuid[], ${rows.map(() => newId())}::uuid[],
      ${rows.map((r) => r.chatId)}::uuid[], ${rows.map((r) => r.code)}::text[]) AS u(w, i, c, k)`);
}
