import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m0001 from "./migrations/0001_foundation";
import * as m0002 from "./migrations/0002_inbox";
import * as m0003 from "./migrations/0003_files";
import * as m0004 from "./migrations/0004_phone_search";
import * as m0005 from "./migrations/0005_messenger_actions";
import * as m0006 from "./migrations/0006_chat_search";
import * as m0007 from "./migrations/0007_email_local_suffix";

/** Forward-only, versioned; the same SQL on PGlite and PostgreSQL 15. Append new ones here. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_inbox": m0002,
  "0003_files": m0003,
  "0004_phone_search": m0004,
  "0005_messenger_actions": m0005,
  "0006_chat_search": m0006,
  "0007_email_local_suffix": m0007,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
