import { type Kysely, sql } from "kysely";

/**
 * Chat search without a join. Each chat carries a copy of its client's searchable fields
 * (`lower(name)`, `lower(email)`, `phone_digits`), kept right by triggers whatever code writes
 * clients or chats, and the activity indexes carry the copy (INCLUDE) — so a search that matches
 * many people walks the chat list in order, index-only, and stops at the first page of matches.
 * The trigram indexes on clients stop using a pending list: without autovacuum (PGlite never runs
 * it) every search read up to 4 MB of unsorted pending entries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE chats ADD COLUMN search_name text, ADD COLUMN search_email text, ADD COLUMN search_phone text;

    DROP INDEX chats_activity_idx;
    DROP INDEX chats_unread_idx;
    UPDATE chats c SET search_name = lower(k.name), search_email = lower(k.email), search_phone = k.phone_digits
      FROM clients k WHERE k.workspace_id = c.workspace_id AND k.id = c.client_id;
    CREATE INDEX chats_activity_idx ON chats (workspace_id, last_activity_at DESC, id DESC)
      INCLUDE (search_name, search_email, search_phone);
    CREATE INDEX chats_unread_idx ON chats (workspace_id, last_activity_at DESC, id DESC)
      INCLUDE (search_name, search_email, search_phone) WHERE unread_count > 0;

    CREATE FUNCTION chats_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT lower(k.name), lower(k.email), k.phone_digits
        INTO NEW.search_name, NEW.search_email, NEW.search_phone
        FROM clients k WHERE k.workspace_id = NEW.workspace_id AND k.id = NEW.client_id;
      RETURN NEW;
    END $$;
    -- Also on a write to the copies themselves: they always come from the client.
    CREATE TRIGGER chats_search_fill BEFORE INSERT OR UPDATE OF client_id, search_name, search_email, search_phone
      ON chats FOR EACH ROW EXECUTE FUNCTION chats_search_fill();

    CREATE FUNCTION clients_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE chats SET search_name = lower(NEW.name), search_email = lower(NEW.email), search_phone = NEW.phone_digits
        WHERE workspace_id = NEW.workspace_id AND client_id = NEW.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER clients_search_sync AFTER UPDATE OF name, email, phone_digits ON clients FOR EACH ROW
      WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email
        OR OLD.phone_digits IS DISTINCT FROM NEW.phone_digits)
      EXECUTE FUNCTION clients_search_sync();

    ALTER INDEX clients_name_trgm SET (fastupdate = off);
    ALTER INDEX clients_email_trgm SET (fastupdate = off);
    ALTER INDEX clients_phone_trgm SET (fastupdate = off);
    SELECT gin_clean_pending_list('clients_name_trgm'::regclass), gin_clean_pending_list('clients_email_trgm'::regclass),
      gin_clean_pending_list('clients_phone_trgm'::regclass);
    ANALYZE chats;
  `.execute(db);
}
