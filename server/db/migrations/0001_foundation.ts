import { type Kysely, sql } from "kysely";

/**
 * Accounts, workspaces, members, invitations, API tokens and the per-workspace event log.
 * Tenant tables have workspace_id first in their primary key (Citus-ready).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE instance (
      id integer PRIMARY KEY CHECK (id = 1),
      setup_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL,
      password_hash text NOT NULL,
      locale text NOT NULL DEFAULT 'en',
      avatar_version integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email_key ON users (lower(email));

    CREATE TABLE user_avatars (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      content_type text NOT NULL,
      data bytea NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      user_agent text
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);
    CREATE INDEX sessions_expires_idx ON sessions (expires_at);

    CREATE TABLE workspaces (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      event_seq bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE workspace_members (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, user_id)
    );
    CREATE INDEX workspace_members_user_idx ON workspace_members (user_id);

    CREATE TABLE invitations (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      token_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager')),
      email text,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
      revoked_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE UNIQUE INDEX invitations_token_key ON invitations (token_hash);

    CREATE TABLE api_tokens (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL,
      prefix text NOT NULL,
      token_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE UNIQUE INDEX api_tokens_hash_key ON api_tokens (token_hash);

    CREATE TABLE events (
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      seq bigint NOT NULL,
      type text NOT NULL,
      actor_user_id uuid,
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, seq)
    );
  `.execute(db);
}
