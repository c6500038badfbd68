import { type Kysely, type SqlBool, sql } from "kysely";
import { type ChatDto, inboxEvents, type MessageDto } from "../../../common/inbox";
import type { InboundMessage } from "../../connectors/types";
import type { ChannelRow, ChatRow, DB, MessageRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { type RecordedEvent, recordEvents } from "../../events/record";
import { newId } from "../../lib/ids";
import { normalizePhone } from "../../lib/phone";
import { type ChatListRow, presentChat } from "../chats/present";
import { chatsWithContext, siblingsOf } from "../chats/queries";
import { previewOf } from "../messages/parts";
import { presentMessage } from "../messages/present";

export type InboundItem = { channel: ChannelRow; event: InboundMessage };

export type StoreResult =
  | { status: "stored"; message: MessageDto; chat: ChatDto; event: RecordedEvent }
  | { status: "duplicate"; messageId: string | null };

type Fresh = {
  /** The client's name as shown on their message. */
  authorName?: string;
  index: number;
  item: InboundItem;
  messageId: string;
  chat?: ChatRow;
  oldUnread?: number;
  replyToId?: string | null;
};

/**
 * `(a, b, c) IN (SELECT * FROM unnest(uuid[], uuid[], text[]))`: a semi-join whose planning cost does
 * not grow with the number of keys (a list of row tuples becomes an OR the planner must expand).
 */
function keysIn(cols: [string, string, string], rows: Array<[string, string, string]>) {
  return sql<SqlBool>`(${sql.ref(cols[0])}, ${sql.ref(cols[1])}, ${sql.ref(cols[2])}) IN (SELECT * FROM unnest(${rows.map((r) => r[0])}::uuid[], ${rows.map((r) => r[1])}::uuid[], ${rows.map((r) => r[2])}::text[]))`;
}

const chatKey = (ws: string, channel: string, ext: string) => `${ws}|${channel}|${ext}`;

/** 1. Dedupe on (workspace, channel, event id): in the batch, then against what is stored. */
async function dedupe(tx: Tx, items: InboundItem[], results: Array<StoreResult | undefined>): Promise<Fresh[]> {
  const firstByKey = new Map<string, number>();
  const candidates: Fresh[] = [];
  items.forEach((item, index) => {
    const key = `${item.channel.workspace_id}|${item.channel.id}|${item.event.eventId}`;
    if (firstByKey.has(key)) return;
    firstByKey.set(key, index);
    candidates.push({ index, item, messageId: newId() });
  });
  // A fixed lock order across concurrent batches (unique-index waits included) avoids deadlocks.
  candidates.sort((x, y) =>
    `${x.item.channel.id}|${x.item.event.eventId}` < `${y.item.channel.id}|${y.item.event.eventId}` ? -1 : 1,
  );
  const inserted = await tx.db
    .insertInto("inbound_events")
    .values(
      candidates.map((c) => ({
        workspace_id: c.item.channel.workspace_id,
        channel_id: c.item.channel.id,
        external_event_id: c.item.event.eventId,
        message_id: c.messageId,
        received_at: new Date(),
      })),
    )
    .onConflict((oc) => oc.columns(["workspace_id", "channel_id", "external_event_id"]).doNothing())
    .returning(["message_id"])
    .execute();
  const freshIds = new Set(inserted.map((r) => r.message_id));
  const fresh = candidates.filter((c) => freshIds.has(c.messageId));
  const dupes = items
    .map((item, index) => ({ item, index }))
    .filter(({ index }) => !fresh.some((f) => f.index === index));
  if (dupes.length > 0) {
    const prior = await tx.db
      .selectFrom("inbound_events")
      .select(["workspace_id", "channel_id", "external_event_id", "message_id"])
      .where(
        keysIn(
          ["workspace_id", "channel_id", "external_event_id"],
          dupes.map(({ item }) => [item.channel.workspace_id, item.channel.id, item.event.eventId]),
        ),
      )
      .execute();
    const byKey = new Map(prior.map((p) => [`${p.workspace_id}|${p.channel_id}|${p.external_event_id}`, p.message_id]));
    for (const { item, index } of dupes) {
      results[index] = {
        status: "duplicate",
        messageId: byKey.get(`${item.channel.workspace_id}|${item.channel.id}|${item.event.eventId}`) ?? null,
      };
    }
  }
  return fresh;
}

function clientFields(ev: InboundMessage) {
  const phone = normalizePhone(ev.client.phone);
  return {
    name: ev.client.name?.trim() || undefined,
    phone: phone?.phone,
    phone_digits: phone?.digits,
    email: ev.client.email?.trim().toLowerCase() || undefined,
    avatar_url: ev.client.avatarUrl,
  };
}

/** 2. Finds (locking) or creates the chat of every fresh item, and refreshes changed client details. */
async function upsertChats(tx: Tx, fresh: Fresh[], now: Date): Promise<{ created: Set<string> }> {
  const keys = [
    ...new Map(
      fresh.map((f) => [chatKey(f.item.channel.workspace_id, f.item.channel.id, f.item.event.client.externalId), f]),
    ).values(),
  ];
  const select = () =>
    tx.db
      .selectFrom("chats")
      .innerJoin("clients", (j) =>
        j.onRef("clients.workspace_id", "=", "chats.workspace_id").onRef("clients.id", "=", "chats.client_id"),
      )
      .selectAll("chats")
      .select([
        "clients.name as c_name",
        "clients.phone as c_phone",
        "clients.email as c_email",
        "clients.avatar_url as c_avatar",
      ])
      .where(
        keysIn(
          ["chats.workspace_id", "chats.channel_id", "chats.external_id"],
          keys.map((f) => [f.item.channel.workspace_id, f.item.channel.id, f.item.event.client.externalId]),
        ),
      )
      .orderBy("chats.workspace_id")
      .orderBy("chats.id")
      .forUpdate()
      .execute();
  let rows = await select();
  const byKey = new Map(rows.map((r) => [chatKey(r.workspace_id, r.channel_id, r.external_id), r]));
  const missing = keys.filter(
    (f) => !byKey.has(chatKey(f.item.channel.workspace_id, f.item.channel.id, f.item.event.client.externalId)),
  );
  const created = new Set<string>();
  if (missing.length > 0) {
    const newClients = missing.map((f) => {
      const c = clientFields(f.item.event);
      return {
        workspace_id: f.item.channel.workspace_id,
        id: newId(),
        name: c.name ?? f.item.event.client.fallbackName ?? f.item.event.client.externalId,
        phone: c.phone ?? null,
        phone_digits: c.phone_digits ?? null,
        email: c.email ?? null,
        avatar_url: c.avatar_url ?? null,
        created_at: now,
        updated_at: now,
      };
    });
    await tx.db.insertInto("clients").values(newClients).execute();
    const inserted = await tx.db
      .insertInto("chats")
      .values(
        missing.map((f, i) => ({
          workspace_id: f.item.channel.workspace_id,
          id: newId(),
          client_id: newClients[i]?.id ?? "",
          channel_id: f.item.channel.id,
          external_id: f.item.event.client.externalId,
          status: "subscribed" as const,
          unread_count: 0,
          last_activity_at: now,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(["workspace_id", "channel_id", "external_id"]).doNothing())
      .returning("id")
      .execute();
    for (const r of inserted) created.add(r.id);
    if (inserted.length < missing.length) {
      // Another process created some of these chats meanwhile: drop our spare clients, use theirs.
      const used = await tx.db
        .selectFrom("chats")
        .select("client_id")
        .where("id", "in", inserted.map((r) => r.id).concat(["00000000-0000-0000-0000-000000000000"]))
        .execute();
      const spare = newClients.map((c) => c.id).filter((id) => !used.some((u) => u.client_id === id));
      if (spare.length > 0) await tx.db.deleteFrom("clients").where("id", "in", spare).execute();
    }
    rows = await select();
  }
  const chats = new Map(rows.map((r) => [chatKey(r.workspace_id, r.channel_id, r.external_id), r]));
  const updatedClients = new Set<string>();
  for (const f of fresh) {
    const row = chats.get(chatKey(f.item.channel.workspace_id, f.item.channel.id, f.item.event.client.externalId));
    if (!row) throw new Error("chat missing after upsert");
    f.chat = row;
    f.oldUnread = row.unread_count;
    f.authorName = f.item.event.client.name?.trim() || row.c_name;
    if (created.has(row.id) || updatedClients.has(row.client_id)) continue;
    const c = clientFields(f.item.event);
    const patch = {
      ...(c.name && c.name !== row.c_name ? { name: c.name } : {}),
      ...(c.phone && c.phone !== row.c_phone ? { phone: c.phone, phone_digits: c.phone_digits } : {}),
      ...(c.email && c.email !== row.c_email ? { email: c.email } : {}),
      ...(c.avatar_url && c.avatar_url !== row.c_avatar ? { avatar_url: c.avatar_url } : {}),
    };
    if (Object.keys(patch).length === 0) continue;
    updatedClients.add(row.client_id);
    await tx.db
      .updateTable("clients")
      .set({ ...patch, updated_at: now })
      .where("workspace_id", "=", row.workspace_id)
      .where("id", "=", row.client_id)
      .execute();
  }
  return { created };
}

/** 3. Resolves `replyToExternalId` to message ids: earlier in this batch, or stored. */
async function resolveReplies(
  tx: Tx,
  fresh: Fresh[],
): Promise<Map<string, { id: string; text: string | null; author_name: string }>> {
  const wanted = fresh.filter((f) => f.item.event.message.replyToExternalId && f.chat);
  const targets = new Map<string, { id: string; text: string | null; author_name: string }>();
  if (wanted.length > 0) {
    const rows = await tx.db
      .selectFrom("messages")
      .select(["id", "chat_id", "external_id", "text", "author_name"])
      .where(
        keysIn(
          ["workspace_id", "chat_id", "external_id"],
          wanted.map((f) => [
            f.item.channel.workspace_id,
            f.chat?.id ?? "",
            f.item.event.message.replyToExternalId ?? "",
          ]),
        ),
      )
      .execute();
    const stored = new Map(rows.map((r) => [`${r.chat_id}|${r.external_id}`, r]));
    const inBatch = new Map<string, Fresh>();
    for (const f of fresh) {
      const chatId = f.chat?.id ?? "";
      const ref = f.item.event.message.replyToExternalId;
      if (ref) {
        const hit = stored.get(`${chatId}|${ref}`);
        const local = inBatch.get(`${chatId}|${ref}`);
        f.replyToId = hit?.id ?? local?.messageId ?? null;
        if (hit) targets.set(hit.id, hit);
        if (local)
          targets.set(local.messageId, {
            id: local.messageId,
            text: local.item.event.message.text,
            author_name: local.authorName ?? "",
          });
      }
      inBatch.set(`${chatId}|${f.item.event.message.externalId}`, f);
    }
  }
  return targets;
}

/** 4. Chat DTOs after the batch, with one query for the chats and one for their siblings. */
async function presentChats(db: Kysely<DB>, chats: ChatRow[]): Promise<Map<string, ChatDto>> {
  const out = new Map<string, ChatDto>();
  const byWs = new Map<string, ChatRow[]>();
  for (const c of chats) byWs.set(c.workspace_id, [...(byWs.get(c.workspace_id) ?? []), c]);
  for (const [ws, list] of byWs) {
    const rows = (await chatsWithContext(db)
      .where("chats.workspace_id", "=", ws)
      .where(
        "chats.id",
        "in",
        list.map((c) => c.id),
      )
      .execute()) as ChatListRow[];
    const siblings = await siblingsOf(
      db,
      ws,
      rows.map((r) => r.client_id),
    );
    for (const r of rows) out.set(r.id, presentChat(r, siblings));
  }
  return out;
}

/**
 * Stores a batch of inbound messages in the caller's transaction with a fixed number of statements
 * whatever its size: dedupe, find or create clients and chats, insert the messages, bump the chats'
 * counters, record the events. Results are in the order of `items`.
 */
export async function storeInboundBatch(tx: Tx, items: InboundItem[]): Promise<StoreResult[]> {
  const results: Array<StoreResult | undefined> = new Array(items.length);
  const fresh = await dedupe(tx, items, results);
  if (fresh.length > 0) {
    const now = new Date();
    const { created } = await upsertChats(tx, fresh, now);
    const replies = await resolveReplies(tx, fresh);
    // One statement with one array per column: constant SQL text, cheap to build for any batch size.
    const col = <T>(fn: (f: Fresh) => T) => fresh.map(fn);
    const inserted = await sql<MessageRow>`
      INSERT INTO messages (workspace_id, id, chat_id, kind, direction, author_kind, author_name, text, parts, reply_to_id, external_id, sent_at, created_at)
      SELECT w, i, c, k, 'in', 'client', a, t, p::jsonb, r, e, s, ${now}
      FROM unnest(${col((f) => f.item.channel.workspace_id)}::uuid[], ${col((f) => f.messageId)}::uuid[], ${col((f) => f.chat?.id ?? "")}::uuid[],
        ${col((f) => f.item.event.message.text)}::text[], ${col((f) => JSON.stringify(f.item.event.message.parts))}::text[],
        ${col((f) => f.replyToId ?? null)}::uuid[], ${col((f) => f.item.event.message.externalId)}::text[], ${col((f) => f.item.event.message.sentAt)}::timestamptz[], ${col((f) => f.authorName ?? "")}::text[],
        ${col((f) => f.item.event.kind ?? "message")}::text[])
        AS u(w, i, c, t, p, r, e, s, a, k)
      RETURNING *`.execute(tx.db);
    const messages = inserted.rows;
    const starts = fresh.filter((f) => f.item.event.start);
    if (starts.length > 0) {
      // Deep-link starts: a subscription with its lead-generation code (P22).
      await tx.db
        .insertInto("subscriptions")
        .values(
          starts.map((f) => ({
            workspace_id: f.item.channel.workspace_id,
            id: newId(),
            chat_id: f.chat?.id ?? "",
            code: f.item.event.start?.code ?? null,
            created_at: now,
          })),
        )
        .execute();
    }
    const byChat = new Map<string, { chat: ChatRow; count: number; last: Fresh }>();
    for (const f of fresh) {
      const chat = f.chat as ChatRow;
      const agg = byChat.get(chat.id) ?? { chat, count: 0, last: f };
      agg.count++;
      agg.last = f;
      byChat.set(chat.id, agg);
    }
    const values = [...byChat.values()].map(
      (a) =>
        sql`(${a.chat.workspace_id}::uuid, ${a.chat.id}::uuid, ${a.count}::int, ${a.last.messageId}::uuid, ${previewOf(a.last.item.event.message.text, a.last.item.event.message.parts)}::text)`,
    );
    await sql`
      UPDATE chats SET unread_count = chats.unread_count + v.n, last_message_id = v.last_id, last_message_text = v.last_text,
        last_message_direction = 'in', last_message_at = ${now}, last_activity_at = ${now}, status = 'subscribed'
      FROM (VALUES ${sql.join(values)}) AS v(workspace_id, id, n, last_id, last_text)
      WHERE chats.workspace_id = v.workspace_id AND chats.id = v.id`.execute(tx.db);
    const chatDtos = await presentChats(
      tx.db,
      [...byChat.values()].map((a) => a.chat),
    );
    const byWorkspace = new Map<string, Fresh[]>();
    for (const f of fresh)
      byWorkspace.set(f.item.channel.workspace_id, [...(byWorkspace.get(f.item.channel.workspace_id) ?? []), f]);
    const messageById = new Map(messages.map((m) => [m.id, m]));
    for (const ws of [...byWorkspace.keys()].sort()) {
      const list = byWorkspace.get(ws) ?? [];
      const wsChats = [...byChat.values()].filter((a) => a.chat.workspace_id === ws);
      const dtos = list.map((f) => {
        const row = messageById.get(f.messageId);
        if (!row) throw new Error("message row missing");
        return { f, message: presentMessage(row, replies), chat: chatDtos.get(f.chat?.id ?? "") as ChatDto };
      });
      const events = await recordEvents(
        tx,
        ws,
        dtos.map((d) => ({ type: inboxEvents.messageCreated, payload: { message: d.message, chat: d.chat } })),
        {
          chats: wsChats.filter((a) => created.has(a.chat.id)).length,
          unreadChats: wsChats.filter((a) => a.chat.unread_count === 0).length,
        },
      );
      dtos.forEach((d, i) => {
        results[d.f.index] = { status: "stored", message: d.message, chat: d.chat, event: events[i] as RecordedEvent };
      });
    }
  }
  return results.map((r) => r ?? { status: "duplicate", messageId: null });
}
