import type { ChannelKind, ChatDto } from "../../../common/inbox";
import { capabilitiesOf } from "../../connectors/registry";
import type { ChatRow } from "../../db/schema";

export type ChatListRow = ChatRow & {
  client_name: string;
  client_phone: string | null;
  client_email: string | null;
  client_avatar_url: string | null;
  channel_kind: string;
  channel_name: string;
};

export type SiblingChat = {
  id: string;
  client_id: string;
  channel_id: string;
  channel_kind: string;
  channel_name: string;
  unread_count: number;
  status: ChatRow["status"];
};

export function presentChat(row: ChatListRow, siblings: SiblingChat[] = []): ChatDto {
  return {
    id: row.id,
    client: {
      id: row.client_id,
      name: row.client_name,
      phone: row.client_phone,
      email: row.client_email,
      avatarUrl: row.client_avatar_url,
      status: row.status,
    },
    channel: {
      id: row.channel_id,
      kind: row.channel_kind as ChannelKind,
      name: row.channel_name,
      capabilities: capabilitiesOf(row.channel_kind),
    },
    unreadCount: row.unread_count,
    lastMessage:
      row.last_message_id && row.last_message_at && row.last_message_direction
        ? {
            id: row.last_message_id,
            text: row.last_message_text,
            direction: row.last_message_direction,
            createdAt: row.last_message_at.toISOString(),
          }
        : null,
    lastActivityAt: row.last_activity_at.toISOString(),
    otherChats: siblings
      .filter((s) => s.client_id === row.client_id && s.id !== row.id)
      .map((s) => ({
        id: s.id,
        channel: { id: s.channel_id, kind: s.channel_kind as ChannelKind, name: s.channel_name },
        unreadCount: s.unread_count,
        status: s.status,
      })),
  };
}
