import { type Kysely, sql } from "kysely";

/**
 * Messengers that can edit and delete (Telegram): the outbox carries the action; every edit keeps the
 * previous text; a message may map to several messenger messages (an album, text + media).
 * Pollers (long polling) hold a lease per channel so that one process polls each bot.
 * `/start <code>` deep links are recorded as subscriptions with their lead-generation code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE deliveries ADD COLUMN action text NOT NULL DEFAULT 'send' CHECK (action IN ('send', 'edit', 'delete'));
    -- The worker sends one job per chat at a time, oldest first: finding "an older pending job of this
    -- chat" must be an index probe, even with thousands queued.
    CREATE INDEX deliveries_chat_pending_idx ON deliveries (workspace_id, chat_id, created_at, id) WHERE status = 'pending';
    ALTER TABLE messages ADD COLUMN external_ids text[];
    ALTER TABLE channels ADD COLUMN poll_owner text;
    ALTER TABLE channels ADD COLUMN poll_lease_until timestamptz;
    ALTER TABLE channels ADD COLUMN poll_cursor text;
    CREATE TABLE message_edits (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL,
      message_id uuid NOT NULL,
      action text NOT NULL CHECK (action IN ('edit', 'delete')),
      previous_text text,
      previous_parts jsonb NOT NULL DEFAULT '[]'::jsonb,
      actor_user_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, message_id) REFERENCES messages (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX message_edits_message_idx ON message_edits (workspace_id, message_id);
    CREATE TABLE subscriptions (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL,
      chat_id uuid NOT NULL,
      code text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, chat_id) REFERENCES chats (workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX subscriptions_chat_idx ON subscriptions (workspace_id, chat_id, created_at DESC);
  `.execute(db);
}
