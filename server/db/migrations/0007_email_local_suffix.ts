import { type Kysely, sql } from "kysely";

/**
 * E-mail search with an "@" in the query ("ann@gm"): the e-mail's part before its "@" ends with the
 * query's part before it. The trigram index could not answer such a query quickly when its domain
 * is in most e-mails ("exam" of example.com): it read most of the index. A B-tree on the reversed
 * part before the "@" answers it as a prefix range. E-mails with more than one "@" (not checked on
 * input) are few and have an index of their own, so a search still misses none of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX clients_email_local_suffix ON clients (workspace_id, reverse(split_part(lower(email), '@', 1)) text_pattern_ops)
      WHERE lower(email) LIKE '%@%';
    CREATE INDEX clients_email_many_at ON clients (workspace_id) WHERE lower(email) LIKE '%@%@%';
  `.execute(db);
}
