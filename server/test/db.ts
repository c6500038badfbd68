import { randomBytes } from "node:crypto";
import pg from "pg";
import { connect, type Database } from "../db/connect";
import { migrate } from "../db/migrate";

export type TestDbKind = "pglite" | "postgres";

export const testDbKind: TestDbKind = process.env.PARLEY_TEST_DB === "postgres" ? "postgres" : "pglite";
const adminUrl = process.env.PARLEY_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server (dropped afterwards). A PostgreSQL that cannot be reached fails the run.
 */
export async function createTestDb(kind: TestDbKind = testDbKind): Promise<Database> {
  if (kind === "pglite") {
    const database = await connect({ kind: "pglite", dataDir: "memory" });
    await migrate(database.db as never);
    return database;
  }
  const name = `parley_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${adminUrl} (PARLEY_TEST_PG_URL): ${(err as Error).message}`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await connect({ kind: "postgres", url: url.toString(), poolSize: 10 });
  await migrate(database.db as never);
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
