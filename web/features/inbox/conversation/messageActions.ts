import type { ChannelCapabilities, MessageDto } from "../../../../common/inbox";

/** Delete for everyone: possible, past the messenger's window (shown disabled, with why), or not offered. */
export type DeleteAction = { state: "allowed"; until: Date | null } | { state: "windowPassed"; hours: number } | null;

export interface MessageActions {
  reply: boolean;
  edit: boolean;
  delete: DeleteAction;
}

/** Whether the messenger accepted the message (else it is queued or failed, and deleting only withdraws it). */
export const reachedMessenger = (message: MessageDto): boolean =>
  message.sentAt !== null || message.status === "sent" || message.status === "delivered" || message.status === "read";

/** The manager's own, not deleted message (notes and events are not edited or deleted here). */
export const isOwnMessage = (message: MessageDto, me: string): boolean =>
  message.kind === "message" &&
  message.author.kind === "user" &&
  message.author.userId === me &&
  message.deletedAt === null;

/**
 * Until when a sent message can still be deleted for everyone: `deleteWindowHours` after the messenger accepted
 * it (`sentAt`, else when it was written), as the server counts. Null when the messenger never allows it.
 */
export const deleteDeadline = (message: MessageDto, capabilities: ChannelCapabilities): Date | null => {
  if (capabilities.deleteWindowHours <= 0) return null;
  const from = Date.parse(message.sentAt ?? message.createdAt);
  return new Date(from + capabilities.deleteWindowHours * 3_600_000);
};

const deleteAction = (message: MessageDto, capabilities: ChannelCapabilities, now: number): DeleteAction => {
  // Never reached the messenger (queued, failed): it is simply withdrawn, whatever the messenger allows.
  if (!reachedMessenger(message)) return { state: "allowed", until: null };
  const deadline = deleteDeadline(message, capabilities);
  if (!deadline) return null;
  return now <= deadline.getTime()
    ? { state: "allowed", until: deadline }
    : { state: "windowPassed", hours: capabilities.deleteWindowHours };
};

/** What a manager may do with a message of a chat whose channel has these capabilities (null: not known yet). */
export const messageActions = (
  message: MessageDto,
  capabilities: ChannelCapabilities | null,
  me: string,
  now: number = Date.now(),
): MessageActions => {
  const none: MessageActions = { reply: false, edit: false, delete: null };
  if (!capabilities || message.kind !== "message" || message.deletedAt !== null) return none;
  const own = isOwnMessage(message, me);
  return {
    reply: capabilities.reply,
    edit: own && capabilities.edit && reachedMessenger(message) && message.status !== "failed",
    delete: own ? deleteAction(message, capabilities, now) : null,
  };
};
