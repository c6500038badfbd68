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

export interface DB {
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
