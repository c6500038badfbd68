import { type Kysely, sql } from "kysely";

/**
 * The inbox: channels, clients (people), chats (client × channel), messages, inbound dedupe,
 * dead letters and the delivery outbox. Message ids are UUIDv7 (time-ordered), so the timeline is
 * ordered by id and the table can be range-partitioned by id later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    -- Tab counts kept beside the event sequence: the same row is locked per event anyway.
    ALTER TABLE workspaces ADD COLUMN chat_count integer NOT NULL DEFAULT 0;
    ALTER TABLE workspaces ADD COLUMN unread_chat_count integer NOT NULL DEFAULT 0;

    CREATE TABLE channels (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      kind text NOT NULL,
      name text NOT NULL,
      config jsonb NOT NULL DEFAULT '{}'::jsonb,
      secret text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
      last_update_at timestamptz,
      last_error text,
      last_error_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE UNIQUE INDEX channels_id_key ON channels (id);

    CREATE TABLE clients (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL DEFAULT '',
      phone text,
      phone_digits text,
      email text,
      avatar_url text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id)
    );
    CREATE INDEX clients_name_trgm ON clients USING gin (lower(name) gin_trgm_ops);
    CREATE INDEX clients_phone_trgm ON clients USING gin (phone_digits gin_trgm_ops);
    CREATE INDEX clients_email_trgm ON clients USING gin (lower(email) gin_trgm_ops);

    CREATE TABLE chats (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL,
      client_id uuid NOT NULL,
      channel_id uuid NOT NULL,
      external_id text NOT NULL,
      status text NOT NULL DEFAULT 'subscribed'
        CHECK (status IN ('subscribed', 'unsubscribed', 'blocked', 'connection_lost')),
      unread_count integer NOT NULL DEFAULT 0,
      last_message_id uuid,
      last_message_text text,
      last_message_direction text,
      last_message_at timestamptz,
      last_activity_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, client_id) REFERENCES clients (workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, channel_id) REFERENCES channels (workspace_id, id) ON DELETE CASCADE
    );
    CREATE UNIQUE INDEX chats_external_key ON chats (workspace_id, channel_id, external_id);
    CREATE INDEX chats_activity_idx ON chats (workspace_id, last_activity_at DESC, id DESC);
    CREATE INDEX chats_unread_idx ON chats (workspace_id, last_activity_at DESC, id DESC) WHERE unread_count > 0;
    CREATE INDEX chats_client_idx ON chats (workspace_id, client_id);

    CREATE TABLE messages (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL,
      chat_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('message', 'note', 'event')),
      direction text NOT NULL CHECK (direction IN ('in', 'out')),
      author_kind text NOT NULL CHECK (author_kind IN ('client', 'bot', 'page', 'user', 'system')),
      author_user_id uuid,
      author_name text NOT NULL DEFAULT '',
      text text,
      parts jsonb NOT NULL DEFAULT '[]'::jsonb,
      reply_to_id uuid,
      external_id text,
      status text CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'failed')),
      error text,
      sent_at timestamptz,
      edited_at timestamptz,
      deleted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, chat_id) REFERENCES chats (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX messages_chat_idx ON messages (workspace_id, chat_id, id DESC);
    CREATE INDEX messages_external_idx ON messages (workspace_id, chat_id, external_id) WHERE external_id IS NOT NULL;

    CREATE TABLE inbound_events (
      workspace_id uuid NOT NULL,
      channel_id uuid NOT NULL,
      external_event_id text NOT NULL,
      message_id uuid,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, channel_id, external_event_id)
    );

    CREATE TABLE dead_letters (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      channel_id uuid NOT NULL,
      reason text NOT NULL,
      payload text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id)
    );

    CREATE TABLE deliveries (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL,
      message_id uuid NOT NULL,
      chat_id uuid NOT NULL,
      channel_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, message_id) REFERENCES messages (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX deliveries_due_idx ON deliveries (next_attempt_at) WHERE status = 'pending';
  `.execute(db);
}
