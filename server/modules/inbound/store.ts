import { type ChatDto, inboxEvents, type MessageDto } from "../../../common/inbox";
import type { InboundMessage } from "../../connectors/types";
import { type GroupTx, prepared, type Statement } from "../../db/round-trips";
import type { ChannelRow, ChatRow, MessageRow } from "../../db/schema";
import { type RecordedEvent, recordEventsStatement, recordedEvents } from "../../events/record";
import { newId } from "../../lib/ids";
import { normalizePhone } from "../../lib/phone";
import { presentChat } from "../chats/present";
import { previewOf } from "../messages/parts";
import { presentMessage } from "../messages/present";
import { clientPatches } from "./client-patches";
import {
  bumpChats,
  type ChatKey,
  claimEvents,
  deleteClients,
  findReplies,
  insertChats,
  insertClients,
  insertMessages,
  insertSubscriptions,
  keyText,
  type LockedChat,
  lockChats,
  type NewClient,
  priorEvents,
} from "./statements";

export type InboundItem = { channel: ChannelRow; event: InboundMessage };

export type StoreResult =
  | { status: "stored"; message: MessageDto; chat: ChatDto; event: RecordedEvent }
  | { status: "duplicate"; messageId: string | null };

type Candidate = { index: number; item: InboundItem; messageId: string; key: ChatKey };
type Fresh = Candidate & { chat: LockedChat; authorName: string; replyToId: string | null };
type ReplyTarget = { id: string; text: string | null; author_name: string };

const hasNul = (value: unknown): boolean => {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(hasNul);
  return !!value && typeof value === "object" && !(value instanceof Date) && Object.values(value).some(hasNul);
};

/** PostgreSQL keeps no NUL character in text or JSON: a message carrying one is stored without it. */
function withoutNul<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u0000", "") as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}

const when = (condition: boolean, statement: () => Statement): Statement[] => (condition ? [statement()] : []);

/** One candidate per event id of the batch (a repeat within the batch is a duplicate too). */
function candidatesOf(items: InboundItem[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  items.forEach((raw, index) => {
    // Nearly every event has no NUL: it is kept as it is rather than copied.
    const item = { channel: raw.channel, event: hasNul(raw.event) ? withoutNul(raw.event) : raw.event };
    const eventKey = `${item.channel.workspace_id}|${item.channel.id}|${item.event.eventId}`;
    if (seen.has(eventKey)) return;
    seen.add(eventKey);
    const key = {
      workspaceId: item.channel.workspace_id,
      channelId: item.channel.id,
      externalId: item.event.client.externalId,
    };
    out.push({ index, item, messageId: newId(), key });
  });
  return out;
}

function newClientOf(c: Candidate): NewClient {
  const { client } = c.item.event;
  const phone = normalizePhone(client.phone);
  return {
    workspace_id: c.key.workspaceId,
    id: newId(),
    name: client.name?.trim() || client.fallbackName || client.externalId,
    phone: phone?.phone ?? null,
    phone_digits: phone?.digits ?? null,
    email: client.email?.trim().toLowerCase() || null,
    avatar_url: client.avatarUrl ?? null,
  };
}

/**
 * Stores a batch of inbound messages in the caller's transaction, in two groups of statements (three
 * when it creates chats), each one round trip whatever the batch's size:
 * 1. claim the event ids (dedupe), lock the chats (with their client and the client's other chats),
 *    find quoted messages;
 * 2. only for new people: insert clients and chats, lock those;
 * 3. client details that changed, the messages, the chats' counters, the events (with DTOs made here
 *    from what is locked), prior message ids of duplicates — and `alsoAtEnd`. With `GroupTx` this
 *    group commits.
 * Results are in the order of `items`.
 */
export async function storeInboundBatch(
  tx: GroupTx,
  items: InboundItem[],
  alsoAtEnd: Statement[] = [],
): Promise<StoreResult[]> {
  const now = new Date();
  const results: Array<StoreResult | undefined> = new Array(items.length);
  const candidates = candidatesOf(items);
  // A fixed lock order across concurrent batches (unique-index waits included) avoids deadlocks.
  const claimOrder = [...candidates].sort((x, y) =>
    `${x.key.channelId}|${x.item.event.eventId}` < `${y.key.channelId}|${y.item.event.eventId}` ? -1 : 1,
  );
  const keys = [...new Map(candidates.map((c) => [keyText(c.key), c.key])).values()];
  const refs = candidates.flatMap((c) => {
    const replyTo = c.item.event.message.replyToExternalId;
    return replyTo ? [{ ...c.key, replyTo }] : [];
  });
  const [claimed = [], locked = [], stored = []] = await tx.send([
    claimEvents(
      claimOrder.map((c) => ({ ...c.key, eventId: c.item.event.eventId, messageId: c.messageId })),
      now,
    ),
    lockChats(keys),
    ...(refs.length > 0 ? [findReplies(refs)] : []),
  ]);
  const freshIds = new Set(claimed.map((r) => r.message_id as string));
  const fresh = candidates.filter((c) => freshIds.has(c.messageId));
  const chats = new Map(
    (locked as LockedChat[]).map((r) => [
      keyText({ workspaceId: r.workspace_id, channelId: r.channel_id, externalId: r.external_id }),
      r,
    ]),
  );

  // 2. New people: a client and a chat each (unless another process made the chat meanwhile).
  const created = new Set<string>();
  const spare: NewClient[] = [];
  const missing = [
    ...new Map(fresh.filter((c) => !chats.has(keyText(c.key))).map((c) => [keyText(c.key), c])).values(),
  ];
  if (missing.length > 0) {
    const clients = missing.map(newClientOf);
    const newChats = missing.map((c, i) => ({ ...c.key, id: newId(), clientId: clients[i]?.id ?? "" }));
    const [, inserted = [], relocked = []] = await tx.send([
      insertClients(clients, now),
      insertChats(newChats, now),
      lockChats(missing.map((c) => c.key)),
    ]);
    for (const r of inserted) created.add(r.id as string);
    const used = new Set(inserted.map((r) => r.client_id as string));
    spare.push(...clients.filter((c) => !used.has(c.id)));
    for (const r of relocked as LockedChat[]) {
      chats.set(keyText({ workspaceId: r.workspace_id, channelId: r.channel_id, externalId: r.external_id }), r);
    }
  }

  // 3. Everything else, computed here from what is locked.
  const ready: Fresh[] = fresh.map((c) => {
    const chat = chats.get(keyText(c.key));
    if (!chat) throw new Error("chat missing after upsert");
    return { ...c, chat, authorName: c.item.event.client.name?.trim() || chat.c_name, replyToId: null };
  });
  const patches = clientPatches(
    ready.filter((f) => !created.has(f.chat.id)),
    [...chats.values()],
    now,
  );
  const replies = resolveReplies(ready, stored);
  const messages = ready.map((f) => messageRow(f, now));
  const byChat = new Map<string, { f: Fresh; count: number; last: MessageRow }>();
  ready.forEach((f, i) => {
    const agg = byChat.get(f.chat.id) ?? { f, count: 0, last: messages[i] as MessageRow };
    agg.count++;
    agg.last = messages[i] as MessageRow;
    byChat.set(f.chat.id, agg);
  });
  const chatDtos = presentChats(byChat, now);
  const byWorkspace = new Map<string, number[]>();
  ready.forEach((f, i) => {
    byWorkspace.set(f.key.workspaceId, [...(byWorkspace.get(f.key.workspaceId) ?? []), i]);
  });
  const workspaces = [...byWorkspace.keys()].sort();
  const eventInputs = workspaces.map((ws) =>
    (byWorkspace.get(ws) ?? []).map((i) => ({
      type: inboxEvents.messageCreated,
      payload: {
        message: presentMessage(messages[i] as MessageRow, replies),
        chat: chatDtos.get(ready[i]?.chat.id ?? "") as ChatDto,
      },
    })),
  );
  const storedIndexes = new Set(ready.map((f) => f.index));
  const dupes = items.map((item, index) => ({ item, index })).filter(({ index }) => !storedIndexes.has(index));
  const starts = ready.filter((f) => f.item.event.start);
  const writes: Statement[] = [
    ...patches,
    ...when(spare.length > 0, () =>
      deleteClients(
        spare.map((c) => c.workspace_id),
        spare.map((c) => c.id),
      ),
    ),
    ...when(ready.length > 0, () => insertMessages(messages)),
    ...when(ready.length > 0, () =>
      bumpChats(
        [...byChat.values()].map(({ f, count, last }) => ({
          workspaceId: f.key.workspaceId,
          id: f.chat.id,
          count,
          lastId: last.id,
          lastText: previewOf(last.text, last.parts as never),
        })),
        now,
      ),
    ),
    ...when(starts.length > 0, () =>
      insertSubscriptions(
        starts.map((f) => ({
          workspaceId: f.key.workspaceId,
          chatId: f.chat.id,
          code: f.item.event.start?.code ?? null,
        })),
        now,
      ),
    ),
    ...workspaces.map((ws, w) => {
      const wsChats = [...byChat.values()].filter((a) => a.f.key.workspaceId === ws);
      return prepared(
        recordEventsStatement(ws, eventInputs[w] ?? [], {
          chats: wsChats.filter((a) => created.has(a.f.chat.id)).length,
          unreadChats: wsChats.filter((a) => a.f.chat.unread_count === 0).length,
        }),
      );
    }),
  ];
  const tail = [
    ...when(dupes.length > 0, () =>
      priorEvents(
        dupes.map(({ item }) => ({
          workspaceId: item.channel.workspace_id,
          channelId: item.channel.id,
          eventId: item.event.eventId,
        })),
      ),
    ),
    ...alsoAtEnd,
  ];
  const answers = await tx.sendLast([...writes, ...tail]);
  // The events statements are the last of `writes`, one per workspace.
  const seqAnswers = answers.slice(writes.length - workspaces.length, writes.length);
  workspaces.forEach((ws, w) => {
    const events = recordedEvents(tx, ws, eventInputs[w] ?? [], seqAnswers[w] ?? []);
    (byWorkspace.get(ws) ?? []).forEach((i, k) => {
      const f = ready[i] as Fresh;
      const input = eventInputs[w]?.[k];
      if (!input) throw new Error("event input missing");
      results[f.index] = {
        status: "stored",
        message: input.payload.message,
        chat: input.payload.chat,
        event: events[k] as RecordedEvent,
      };
    });
  });
  if (dupes.length > 0) {
    const prior = answers[writes.length] ?? [];
    const byKey = new Map(
      prior.map((p) => [`${p.workspace_id}|${p.channel_id}|${p.external_event_id}`, p.message_id as string | null]),
    );
    for (const { item, index } of dupes) {
      results[index] = {
        status: "duplicate",
        messageId: byKey.get(`${item.channel.workspace_id}|${item.channel.id}|${item.event.eventId}`) ?? null,
      };
    }
  }
  return results.map((r) => r ?? { status: "duplicate", messageId: null });
}

function messageRow(f: Fresh, now: Date): MessageRow {
  const m = f.item.event.message;
  return {
    workspace_id: f.key.workspaceId,
    id: f.messageId,
    chat_id: f.chat.id,
    kind: f.item.event.kind ?? "message",
    direction: "in",
    author_kind: "client",
    author_user_id: null,
    author_name: f.authorName,
    text: m.text,
    parts: m.parts,
    reply_to_id: f.replyToId,
    external_id: m.externalId,
    external_ids: null,
    status: null,
    error: null,
    sent_at: m.sentAt,
    edited_at: null,
    deleted_at: null,
    created_at: now,
  };
}

/** Sets each reply's `replyToId`: a message stored before, or an earlier one of this batch. */
function resolveReplies(ready: Fresh[], stored: Array<Record<string, unknown>>): Map<string, ReplyTarget> {
  const targets = new Map<string, ReplyTarget>();
  const storedByRef = new Map(stored.map((r) => [`${r.channel_id}|${r.chat_external_id}|${r.external_id}`, r]));
  const inBatch = new Map<string, Fresh>();
  for (const f of ready) {
    const ref = f.item.event.message.replyToExternalId;
    if (ref) {
      const hit = storedByRef.get(`${f.key.channelId}|${f.key.externalId}|${ref}`);
      const local = inBatch.get(`${f.chat.id}|${ref}`);
      if (hit) {
        const target = {
          id: hit.id as string,
          text: hit.text as string | null,
          author_name: hit.author_name as string,
        };
        f.replyToId = target.id;
        targets.set(target.id, target);
      } else if (local) {
        f.replyToId = local.messageId;
        targets.set(local.messageId, {
          id: local.messageId,
          text: local.item.event.message.text,
          author_name: local.authorName,
        });
      }
    }
    inBatch.set(`${f.chat.id}|${f.item.event.message.externalId}`, f);
  }
  return targets;
}

/** Chat DTOs after the batch, from the locked rows and what the batch adds (siblings in it too). */
function presentChats(byChat: Map<string, { f: Fresh; count: number; last: MessageRow }>, now: Date) {
  const after = new Map<string, ChatRow>();
  for (const { f, count, last } of byChat.values()) {
    after.set(f.chat.id, {
      ...f.chat,
      unread_count: f.chat.unread_count + count,
      last_message_id: last.id,
      last_message_text: previewOf(last.text, last.parts as never),
      last_message_direction: "in",
      last_message_at: now,
      last_activity_at: now,
      status: "subscribed",
    });
  }
  const out = new Map<string, ChatDto>();
  for (const { f } of byChat.values()) {
    const row = after.get(f.chat.id) as ChatRow;
    const siblings = (f.chat.siblings ?? []).map((s) => {
      const moved = after.get(s.id);
      return moved ? { ...s, unread_count: moved.unread_count, status: moved.status } : s;
    });
    const listRow = {
      ...row,
      client_name: f.chat.c_name,
      client_phone: f.chat.c_phone,
      client_email: f.chat.c_email,
      client_avatar_url: f.chat.c_avatar,
      channel_kind: f.item.channel.kind,
      channel_name: f.item.channel.name,
    };
    out.set(f.chat.id, presentChat(listRow, siblings));
  }
  return out;
}
