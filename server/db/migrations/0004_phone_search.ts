import { type Kysely, sql } from "kysely";

/**
 * Phone numbers share long prefixes (country and area codes), which makes trigram lookups on their
 * digits slow at scale. B-tree indexes answer the usual searches — the number from its start, or its
 * last digits — directly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX clients_phone_prefix ON clients (workspace_id, phone_digits text_pattern_ops);
    CREATE INDEX clients_phone_suffix ON clients (workspace_id, reverse(phone_digits) text_pattern_ops);
  `.execute(db);
}
