import { inboxEvents, type MessageDto, type SendMessageRequest } from "../../../common/inbox";
import { capabilitiesOf } from "../../connectors/registry";
import type { MessageRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { type RecordedEvent, recordEvent, recordEvents } from "../../events/record";
import { AppError, notFound } from "../../http/errors";
import { newId } from "../../lib/ids";
import { loadChat } from "../chats/queries";
import { outgoingParts, previewOf } from "./parts";
import { presentMessages } from "./present";

export type Author = { userId: string; name: string };

export async function publishMessage(
  tx: Tx,
  workspaceId: string,
  row: MessageRow,
  type: string,
  withChat: boolean,
): Promise<{ message: MessageDto; event: RecordedEvent }> {
  const [message] = await presentMessages(tx.db, workspaceId, [row]);
  if (!message) throw new Error("message vanished");
  const payload: Record<string, unknown> = { message };
  if (withChat) payload.chat = await loadChat(tx.db, workspaceId, row.chat_id);
  const event = await recordEvent(tx, { workspaceId, type, payload });
  return { message, event };
}

/** Writes a delivery job in the caller's transaction: the outbox the worker drains after commit. */
export async function enqueueDelivery(
  tx: Tx,
  workspaceId: string,
  m: { messageId: string; chatId: string; channelId: string },
  action: "send" | "edit" | "delete",
): Promise<void> {
  const now = new Date();
  await tx.db
    .insertInto("deliveries")
    .values({
      workspace_id: workspaceId,
      id: newId(),
      message_id: m.messageId,
      chat_id: m.chatId,
      channel_id: m.channelId,
      action,
      status: "pending",
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * A manager's message: the row (queued) and its delivery job in one transaction, so a crash can
 * neither lose the message nor leave it without a job. The worker is woken after commit.
 */
export async function sendMessage(
  tx: Tx,
  author: Author,
  workspaceId: string,
  chatId: string,
  input: SendMessageRequest,
) {
  const chat = await tx.db
    .selectFrom("chats")
    .innerJoin("channels", (j) =>
      j.onRef("channels.workspace_id", "=", "chats.workspace_id").onRef("channels.id", "=", "chats.channel_id"),
    )
    .select(["chats.id", "chats.channel_id", "channels.kind"])
    .where("chats.workspace_id", "=", workspaceId)
    .where("chats.id", "=", chatId)
    .executeTakeFirst();
  if (!chat) throw notFound("This chat");
  if (input.replyToId) {
    const target = await tx.db
      .selectFrom("messages")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("chat_id", "=", chatId)
      .where("id", "=", input.replyToId)
      .executeTakeFirst();
    if (!target) throw new AppError(400, "validation_failed", "The message you reply to is not in this chat.");
  }
  const parts = await outgoingParts(tx.db, workspaceId, capabilitiesOf(chat.kind), input);
  const text = input.text && input.text.length > 0 ? input.text : null;
  const now = new Date();
  const row = await tx.db
    .insertInto("messages")
    .values({
      workspace_id: workspaceId,
      id: newId(),
      chat_id: chatId,
      kind: "message",
      direction: "out",
      author_kind: "user",
      author_user_id: author.userId,
      author_name: author.name,
      text,
      parts: JSON.stringify(parts),
      reply_to_id: input.replyToId ?? null,
      external_id: null,
      status: "queued",
      error: null,
      sent_at: null,
      edited_at: null,
      deleted_at: null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await enqueueDelivery(tx, workspaceId, { messageId: row.id, chatId, channelId: chat.channel_id }, "send");
  await tx.db
    .updateTable("chats")
    .set({
      last_message_id: row.id,
      last_message_text: previewOf(text, parts),
      last_message_direction: "out",
      last_message_at: now,
      last_activity_at: now,
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", chatId)
    .execute();
  return publishMessage(tx, workspaceId, row, inboxEvents.messageCreated, true);
}

/** Puts a failed message back in the queue (the manager's retry button). */
export async function retryMessage(tx: Tx, workspaceId: string, chatId: string, messageId: string) {
  const row = await tx.db
    .updateTable("messages")
    .set({ status: "queued", error: null })
    .where("workspace_id", "=", workspaceId)
    .where("chat_id", "=", chatId)
    .where("id", "=", messageId)
    .where("status", "=", "failed")
    .where("deleted_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const exists = await tx.db
      .selectFrom("messages")
      .select("status")
      .where("workspace_id", "=", workspaceId)
      .where("chat_id", "=", chatId)
      .where("id", "=", messageId)
      .executeTakeFirst();
    if (!exists) throw notFound("This message");
    throw new AppError(409, "not_retryable", "Only a message that failed can be sent again.");
  }
  await tx.db
    .updateTable("deliveries")
    .set({ status: "pending", attempts: 0, next_attempt_at: new Date(), locked_until: null, updated_at: new Date() })
    .where("workspace_id", "=", workspaceId)
    .where("message_id", "=", messageId)
    .where("action", "=", "send")
    .execute();
  return publishMessage(tx, workspaceId, row, inboxEvents.messageUpdated, false);
}

/** Marks a chat read (never automatic: only when the manager says so). */
export async function markChatRead(tx: Tx, actorUserId: string, workspaceId: string, chatId: string) {
  const chat = await tx.db
    .selectFrom("chats")
    .select(["unread_count"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", chatId)
    .forUpdate()
    .executeTakeFirst();
  if (!chat) throw notFound("This chat");
  if (chat.unread_count > 0) {
    await tx.db
      .updateTable("chats")
      .set({ unread_count: 0 })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", chatId)
      .execute();
  }
  const dto = await loadChat(tx.db, workspaceId, chatId);
  const [event] = await recordEvents(
    tx,
    workspaceId,
    [{ type: inboxEvents.chatUpdated, actorUserId, payload: { chat: dto, reason: "read" } }],
    { unreadChats: chat.unread_count > 0 ? -1 : 0 },
  );
  return { chat: dto, event };
}
