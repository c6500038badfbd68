import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { Role } from "../../common/auth";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string, string>;
/** bigint columns come back from pg as strings; we convert at the edges. */
type BigIntCol = ColumnType<string, number | bigint | string | undefined, number | bigint | string>;

export interface InstanceTable {
  id: number;
  setup_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  avatar_version: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserAvatarsTable {
  user_id: string;
  content_type: string;
  data: Buffer;
  updated_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  user_agent: string | null;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  event_seq: BigIntCol;
  chat_count: ColumnType<number, number | undefined, number>;
  unread_chat_count: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface InvitationsTable {
  workspace_id: string;
  id: string;
  token_hash: string;
  role: Role;
  email: string | null;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
}

export interface ApiTokensTable {
  workspace_id: string;
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface EventsTable {
  workspace_id: string;
  seq: BigIntCol;
  type: string;
  actor_user_id: string | null;
  payload: Json;
  created_at: Generated<Date>;
}

export interface ChannelsTable {
  workspace_id: string;
  id: string;
  kind: string;
  name: string;
  config: Json;
  secret: string;
  status: "active" | "paused";
  last_update_at: Timestamp | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  poll_owner: ColumnType<string | null, string | null | undefined, string | null>;
  poll_lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  poll_cursor: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ClientsTable {
  workspace_id: string;
  id: string;
  name: string;
  phone: string | null;
  phone_digits: string | null;
  email: string | null;
  avatar_url: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChatsTable {
  workspace_id: string;
  id: string;
  client_id: string;
  channel_id: string;
  external_id: string;
  status: "subscribed" | "unsubscribed" | "blocked" | "connection_lost";
  unread_count: number;
  last_message_id: string | null;
  last_message_text: string | null;
  last_message_direction: "in" | "out" | null;
  last_message_at: Timestamp | null;
  last_activity_at: Timestamp;
  created_at: Timestamp;
  /** Copies of the client's lower(name), lower(email) and phone digits for search; set by triggers. */
  search_name: Generated<string | null>;
  search_email: Generated<string | null>;
  search_phone: Generated<string | null>;
}

export interface MessagesTable {
  workspace_id: string;
  id: string;
  chat_id: string;
  kind: "message" | "note" | "event";
  direction: "in" | "out";
  author_kind: "client" | "bot" | "page" | "user" | "system";
  author_user_id: string | null;
  author_name: string;
  text: string | null;
  parts: ColumnType<unknown[], string, string>;
  reply_to_id: string | null;
  external_id: string | null;
  /** Every messenger message this one became (an album, text + media), when more than one. */
  external_ids: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  status: "queued" | "sent" | "delivered" | "read" | "failed" | null;
  error: string | null;
  sent_at: Timestamp | null;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  created_at: Timestamp;
}

export interface InboundEventsTable {
  workspace_id: string;
  channel_id: string;
  external_event_id: string;
  message_id: string | null;
  received_at: Timestamp;
}

export interface DeadLettersTable {
  workspace_id: string;
  id: string;
  channel_id: string;
  reason: string;
  payload: string;
  created_at: Timestamp;
}

export interface DeliveriesTable {
  workspace_id: string;
  id: string;
  message_id: string;
  chat_id: string;
  channel_id: string;
  action: ColumnType<"send" | "edit" | "delete", "send" | "edit" | "delete" | undefined, "send" | "edit" | "delete">;
  status: "pending" | "done" | "failed";
  attempts: number;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FilesTable {
  workspace_id: string;
  id: string;
  name: string;
  mime: string;
  size: BigIntCol;
  sha256: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface MessageEditsTable {
  workspace_id: string;
  id: string;
  message_id: string;
  action: "edit" | "delete";
  previous_text: string | null;
  previous_parts: ColumnType<unknown[], string, string>;
  actor_user_id: string | null;
  created_at: Timestamp;
}

export interface SubscriptionsTable {
  workspace_id: string;
  id: string;
  chat_id: string;
  code: string | null;
  created_at: Timestamp;
}

export interface DB {
  message_edits: MessageEditsTable;
  subscriptions: SubscriptionsTable;
  files: FilesTable;
  channels: ChannelsTable;
  clients: ClientsTable;
  chats: ChatsTable;
  messages: MessagesTable;
  inbound_events: InboundEventsTable;
  dead_letters: DeadLettersTable;
  deliveries: DeliveriesTable;
  instance: InstanceTable;
  users: UsersTable;
  user_avatars: UserAvatarsTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  events: EventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type NewUser = Insertable<UsersTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type ChatRow = Selectable<ChatsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type ClientRow = Selectable<ClientsTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;
