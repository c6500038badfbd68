import { inboxEvents } from "../../../common/inbox";
import type { InboundUpdate } from "../../connectors/types";
import type { ChannelRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { recordEvent } from "../../events/record";
import { newId } from "../../lib/ids";
import { loadChat } from "../chats/queries";
import { presentMessages } from "../messages/present";

/** True the first time an event id is seen for the channel (the same dedupe table as messages). */
async function firstTime(tx: Tx, channel: ChannelRow, eventId: string): Promise<boolean> {
  const inserted = await tx.db
    .insertInto("inbound_events")
    .values({
      workspace_id: channel.workspace_id,
      channel_id: channel.id,
      external_event_id: eventId,
      message_id: null,
      received_at: new Date(),
    })
    .onConflict((oc) => oc.columns(["workspace_id", "channel_id", "external_event_id"]).doNothing())
    .returning("external_event_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

async function chatOf(tx: Tx, channel: ChannelRow, externalId: string) {
  return tx.db
    .selectFrom("chats")
    .select(["id", "status", "last_message_id"])
    .where("workspace_id", "=", channel.workspace_id)
    .where("channel_id", "=", channel.id)
    .where("external_id", "=", externalId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * A client's edit (the previous text is kept in `message_edits`) and the client's status in the
 * messenger (blocked the bot, subscribed again). Each is applied once; unknown chats or messages are
 * ignored (an edit of a message Parley never saw has nothing to change).
 */
export async function applyInboundUpdates(tx: Tx, channel: ChannelRow, updates: InboundUpdate[]): Promise<void> {
  const ws = channel.workspace_id;
  for (const u of updates) {
    if (!(await firstTime(tx, channel, u.eventId))) continue;
    const chat = await chatOf(tx, channel, u.chatExternalId);
    if (!chat) continue;
    if (u.type === "edit") {
      const message = await tx.db
        .selectFrom("messages")
        .selectAll()
        .where("workspace_id", "=", ws)
        .where("chat_id", "=", chat.id)
        .where("external_id", "=", u.messageExternalId)
        .where("direction", "=", "in")
        .executeTakeFirst();
      if (!message || message.text === u.text) continue;
      await tx.db
        .insertInto("message_edits")
        .values({
          workspace_id: ws,
          id: newId(),
          message_id: message.id,
          action: "edit",
          previous_text: message.text,
          previous_parts: JSON.stringify(message.parts),
          actor_user_id: null,
          created_at: new Date(),
        })
        .execute();
      const updated = await tx.db
        .updateTable("messages")
        .set({ text: u.text, edited_at: u.editedAt })
        .where("workspace_id", "=", ws)
        .where("id", "=", message.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (chat.last_message_id === message.id) {
        await tx.db
          .updateTable("chats")
          .set({ last_message_text: u.text ? u.text.slice(0, 200) : null })
          .where("workspace_id", "=", ws)
          .where("id", "=", chat.id)
          .execute();
      }
      const [dto] = await presentMessages(tx.db, ws, [updated]);
      await recordEvent(tx, { workspaceId: ws, type: inboxEvents.messageUpdated, payload: { message: dto } });
    } else if (u.status !== chat.status) {
      await tx.db
        .updateTable("chats")
        .set({ status: u.status })
        .where("workspace_id", "=", ws)
        .where("id", "=", chat.id)
        .execute();
      const dto = await loadChat(tx.db, ws, chat.id);
      await recordEvent(tx, {
        workspaceId: ws,
        type: inboxEvents.chatUpdated,
        payload: { chat: dto, reason: "status" },
      });
    }
  }
}
