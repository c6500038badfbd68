import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir } from "./lock";
import { answerEveryResult } from "./round-trips";
import type { DB } from "./schema";

export type Database = {
  db: Kysely<DB>;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
};

// bigint (int8) as string is pg's default; timestamps parse to Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export type ConnectOptions =
  | { kind: "postgres"; url: string; poolSize: number }
  | { kind: "pglite"; dataDir: string | "memory" };

/**
 * Opens the database: real PostgreSQL through a pg.Pool, or PGlite (embedded, in the data dir)
 * through node-postgres with a pool of one connection (PGlite is single-connection).
 */
export async function connect(opts: ConnectOptions): Promise<Database> {
  if (opts.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize });
    pool.on("error", () => {
      // an idle client lost its connection; the pool replaces it
    });
    answerEveryResult(pool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  let release = () => {};
  let pglite: PGlite;
  // A new WAL segment is not zero-filled first: writing 16 MB inside the one thread PGlite shares with
  // the app stalled every request for ~60 ms each time the log moved to a new segment.
  const startParams = [...PGlite.defaultStartParams, "-c", "wal_init_zero=off"];
  if (opts.dataDir === "memory") {
    pglite = await PGlite.create({ extensions: { pg_trgm }, startParams });
  } else {
    release = lockDataDir(opts.dataDir);
    try {
      pglite = await PGlite.create({ dataDir: path.join(opts.dataDir, "pg"), extensions: { pg_trgm }, startParams });
    } catch (err) {
      release();
      throw err;
    }
  }
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  answerEveryResult(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}
