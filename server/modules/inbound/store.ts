import { sql } from "kysely";
import { type ChatDto, inboxEvents, type MessageDto } from "../../../common/inbox";
import type { InboundMessage } from "../../connectors/types";
import type { ChannelRow, ChatRow, MessageRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { type RecordedEvent, recordEvent } from "../../events/record";
import { newId } from "../../lib/ids";
import { normalizePhone } from "../../lib/phone";
import { loadChat } from "../chats/queries";
import { presentMessages } from "../messages/present";

export type StoreResult =
  | { status: "stored"; message: MessageDto; chat: ChatDto; event: RecordedEvent }
  | { status: "duplicate"; messageId: string | null };

const preview = (text: string | null, parts: unknown[]) => (text ? text.slice(0, 200) : parts.length > 0 ? null : "");

async function upsertChat(
  tx: Tx,
  channel: ChannelRow,
  ev: InboundMessage,
  now: Date,
): Promise<{ chat: ChatRow; created: boolean }> {
  const ws = channel.workspace_id;
  const existing = await tx.db
    .selectFrom("chats")
    .selectAll()
    .where("workspace_id", "=", ws)
    .where("channel_id", "=", channel.id)
    .where("external_id", "=", ev.client.externalId)
    .forUpdate()
    .executeTakeFirst();
  const phone = normalizePhone(ev.client.phone);
  const email = ev.client.email?.trim().toLowerCase() || null;
  if (existing) {
    const patch = {
      ...(ev.client.name ? { name: ev.client.name.trim() } : {}),
      ...(phone ? { phone: phone.phone, phone_digits: phone.digits } : {}),
      ...(email ? { email } : {}),
      ...(ev.client.avatarUrl ? { avatar_url: ev.client.avatarUrl } : {}),
    };
    if (Object.keys(patch).length > 0) {
      await tx.db
        .updateTable("clients")
        .set({ ...patch, updated_at: now })
        .where("workspace_id", "=", ws)
        .where("id", "=", existing.client_id)
        .execute();
    }
    return { chat: existing, created: false };
  }
  const clientId = newId();
  await tx.db
    .insertInto("clients")
    .values({
      workspace_id: ws,
      id: clientId,
      name: ev.client.name?.trim() || ev.client.externalId,
      phone: phone?.phone ?? null,
      phone_digits: phone?.digits ?? null,
      email,
      avatar_url: ev.client.avatarUrl ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const chat = await tx.db
    .insertInto("chats")
    .values({
      workspace_id: ws,
      id: newId(),
      client_id: clientId,
      channel_id: channel.id,
      external_id: ev.client.externalId,
      status: "subscribed",
      unread_count: 0,
      last_message_id: null,
      last_message_text: null,
      last_message_direction: null,
      last_message_at: null,
      last_activity_at: now,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { chat, created: true };
}

/**
 * Stores one inbound message inside the caller's transaction: dedupe on the event id, upsert the
 * client and chat, insert the message, bump the chat's counters and record the event.
 */
export async function storeInbound(tx: Tx, channel: ChannelRow, ev: InboundMessage): Promise<StoreResult> {
  const ws = channel.workspace_id;
  const messageId = newId();
  const fresh = await tx.db
    .insertInto("inbound_events")
    .values({
      workspace_id: ws,
      channel_id: channel.id,
      external_event_id: ev.eventId,
      message_id: messageId,
      received_at: new Date(),
    })
    .onConflict((oc) => oc.columns(["workspace_id", "channel_id", "external_event_id"]).doNothing())
    .returning("message_id")
    .executeTakeFirst();
  if (!fresh) {
    const prior = await tx.db
      .selectFrom("inbound_events")
      .select("message_id")
      .where("workspace_id", "=", ws)
      .where("channel_id", "=", channel.id)
      .where("external_event_id", "=", ev.eventId)
      .executeTakeFirst();
    return { status: "duplicate", messageId: prior?.message_id ?? null };
  }
  const now = new Date();
  const { chat, created } = await upsertChat(tx, channel, ev, now);
  let replyToId: string | null = null;
  if (ev.message.replyToExternalId) {
    const target = await tx.db
      .selectFrom("messages")
      .select("id")
      .where("workspace_id", "=", ws)
      .where("chat_id", "=", chat.id)
      .where("external_id", "=", ev.message.replyToExternalId)
      .executeTakeFirst();
    replyToId = target?.id ?? null;
  }
  const message: MessageRow = await tx.db
    .insertInto("messages")
    .values({
      workspace_id: ws,
      id: messageId,
      chat_id: chat.id,
      kind: "message",
      direction: "in",
      author_kind: "client",
      author_user_id: null,
      author_name: "",
      text: ev.message.text,
      parts: JSON.stringify(ev.message.parts),
      reply_to_id: replyToId,
      external_id: ev.message.externalId,
      status: null,
      error: null,
      sent_at: ev.message.sentAt,
      edited_at: null,
      deleted_at: null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.db
    .updateTable("chats")
    .set({
      unread_count: sql`unread_count + 1`,
      last_message_id: messageId,
      last_message_text: preview(ev.message.text, ev.message.parts),
      last_message_direction: "in",
      last_message_at: now,
      last_activity_at: now,
      status: "subscribed",
    })
    .where("workspace_id", "=", ws)
    .where("id", "=", chat.id)
    .execute();
  await tx.db
    .updateTable("workspaces")
    .set({
      chat_count: sql`chat_count + ${created ? 1 : 0}`,
      unread_chat_count: sql`unread_chat_count + ${chat.unread_count === 0 ? 1 : 0}`,
    })
    .where("id", "=", ws)
    .execute();
  const chatDto = await loadChat(tx.db, ws, chat.id);
  const [messageDto] = await presentMessages(tx.db, ws, [message]);
  if (!messageDto) throw new Error("message vanished");
  const event = await recordEvent(tx, {
    workspaceId: ws,
    type: inboxEvents.messageCreated,
    payload: { message: messageDto, chat: chatDto },
  });
  return { status: "stored", message: messageDto, chat: chatDto, event };
}
