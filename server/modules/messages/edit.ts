import { inboxEvents } from "../../../common/inbox";
import { capabilitiesOf } from "../../connectors/registry";
import type { MessageRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { AppError, notFound } from "../../http/errors";
import { newId } from "../../lib/ids";
import { enqueueDelivery, publishMessage } from "./commands";

/** The manager's own sent message, locked, with what its channel can do. */
async function ownMessage(tx: Tx, actorUserId: string, workspaceId: string, chatId: string, messageId: string) {
  const row = await tx.db
    .selectFrom("messages")
    .innerJoin("chats", (j) =>
      j.onRef("chats.workspace_id", "=", "messages.workspace_id").onRef("chats.id", "=", "messages.chat_id"),
    )
    .innerJoin("channels", (j) =>
      j.onRef("channels.workspace_id", "=", "chats.workspace_id").onRef("channels.id", "=", "chats.channel_id"),
    )
    .selectAll("messages")
    .select(["channels.kind as channel_kind", "chats.channel_id", "chats.last_message_id"])
    .where("messages.workspace_id", "=", workspaceId)
    .where("messages.chat_id", "=", chatId)
    .where("messages.id", "=", messageId)
    // Only the message row: the chat and the channel take inbound writes meanwhile.
    .forUpdate("messages")
    .executeTakeFirst();
  if (!row) throw notFound("This message");
  if (row.author_kind !== "user" || row.author_user_id !== actorUserId || row.kind !== "message") {
    throw new AppError(403, "forbidden", "You can change only your own messages.");
  }
  if (row.deleted_at) throw new AppError(409, "not_editable", "This message was deleted.");
  const { channel_kind, channel_id, last_message_id, ...message } = row;
  return {
    message: message as MessageRow,
    channelId: channel_id,
    lastMessageId: last_message_id,
    caps: capabilitiesOf(channel_kind),
  };
}

async function keepPrevious(tx: Tx, actorUserId: string, m: MessageRow, action: "edit" | "delete"): Promise<void> {
  await tx.db
    .insertInto("message_edits")
    .values({
      workspace_id: m.workspace_id,
      id: newId(),
      message_id: m.id,
      action,
      previous_text: m.text,
      previous_parts: JSON.stringify(m.parts),
      actor_user_id: actorUserId,
      created_at: new Date(),
    })
    .execute();
}

/**
 * Edits a manager's sent message in the messenger (P19): the new text now, the messenger's copy by a
 * delivery job; the previous text stays in `message_edits`.
 */
export async function editMessage(
  tx: Tx,
  actorUserId: string,
  workspaceId: string,
  chatId: string,
  messageId: string,
  text: string,
) {
  const { message, channelId, lastMessageId, caps } = await ownMessage(tx, actorUserId, workspaceId, chatId, messageId);
  if (!caps.edit) throw new AppError(409, "not_supported", "This messenger does not let bots edit messages.");
  if (!message.external_id || message.status === "queued" || message.status === "failed") {
    throw new AppError(409, "not_editable", "Only a message that was delivered to the messenger can be edited.");
  }
  if (message.text === text) return publishMessage(tx, workspaceId, message, inboxEvents.messageUpdated, false);
  await keepPrevious(tx, actorUserId, message, "edit");
  const updated = await tx.db
    .updateTable("messages")
    .set({ text, edited_at: new Date(), error: null })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", messageId)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (lastMessageId === messageId) {
    await tx.db
      .updateTable("chats")
      .set({ last_message_text: text.slice(0, 200) })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", chatId)
      .execute();
  }
  await enqueueDelivery(tx, workspaceId, { messageId, chatId, channelId }, "edit");
  return publishMessage(tx, workspaceId, updated, inboxEvents.messageUpdated, lastMessageId === messageId);
}

/**
 * Deletes a manager's message for everyone (P19) within the messenger's window (Telegram: 48 hours
 * after sending); afterwards only an edit is possible and the answer says so. A message that never
 * reached the messenger is simply withdrawn. The text stays in `message_edits`.
 */
export async function deleteMessage(
  tx: Tx,
  actorUserId: string,
  workspaceId: string,
  chatId: string,
  messageId: string,
) {
  const { message, channelId, caps } = await ownMessage(tx, actorUserId, workspaceId, chatId, messageId);
  const sent = message.external_id !== null;
  if (sent && caps.deleteWindowHours === 0) {
    throw new AppError(409, "not_supported", "This messenger does not let bots delete messages.");
  }
  const sentAt = message.sent_at ?? message.created_at;
  if (sent && Date.now() - sentAt.getTime() > caps.deleteWindowHours * 3600_000) {
    throw new AppError(
      409,
      "delete_window_passed",
      `The messenger lets bots delete a message only within ${caps.deleteWindowHours} hours of sending; you can still edit it.`,
    );
  }
  await keepPrevious(tx, actorUserId, message, "delete");
  const updated = await tx.db
    .updateTable("messages")
    .set({ deleted_at: new Date(), error: null })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", messageId)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (sent) await enqueueDelivery(tx, workspaceId, { messageId, chatId, channelId }, "delete");
  return publishMessage(tx, workspaceId, updated, inboxEvents.messageUpdated, false);
}
