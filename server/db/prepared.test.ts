import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../test/db";
import type { Database } from "./connect";
import { PreparedOnConnection, preparedName, replanAfterMs } from "./prepared";

let database: Database;

beforeAll(async () => {
  database = await createTestDb();
  await sql`CREATE TABLE prep_probe (id int PRIMARY KEY, t text)`.execute(database.db);
  await sql`INSERT INTO prep_probe VALUES (1, 'one'), (2, 'two')`.execute(database.db);
});
afterAll(() => database.close());

const pick = "SELECT t FROM prep_probe WHERE id = $1";
const count = "SELECT count(*)::int AS n FROM prep_probe WHERE id > $1";

describe("preparedName", () => {
  it("names one text the same every time and two texts apart", () => {
    expect(preparedName(pick)).toBe(preparedName(pick));
    expect(preparedName(pick)).toMatch(/^parley_[0-9a-f]{24}$/);
    expect(preparedName(count)).not.toBe(preparedName(pick));
  });
});

describe("PreparedOnConnection", () => {
  const clock = { now: 1_000_000 };
  const names = () => [preparedName(pick) as string, preparedName(count) as string];

  it("prepares what a group needs once, and again a minute later", () => {
    const conn = new PreparedOnConnection(() => clock.now);
    const [a, b] = names();
    const first = conn.ahead([a as string, a as string]);
    expect(first.statements).toEqual([`PREPARE ${a} AS ${pick}`]);
    first.settle(true);
    const second = conn.ahead([a as string, b as string]);
    expect(second.statements).toEqual([`PREPARE ${b} AS ${count}`]);
    second.settle(true);
    expect(conn.ahead([a as string, b as string]).statements).toEqual([]);
    clock.now += replanAfterMs;
    expect(conn.ahead([a as string]).statements).toEqual([`DEALLOCATE ${a}`, `PREPARE ${a} AS ${pick}`]);
  });

  it("starts afresh after a group that prepared something failed", () => {
    const conn = new PreparedOnConnection(() => clock.now);
    const [a, b] = names();
    conn.ahead([a as string]).settle(false);
    const retry = conn.ahead([a as string, b as string]);
    expect(retry.statements).toEqual(["DEALLOCATE ALL", `PREPARE ${a} AS ${pick}`, `PREPARE ${b} AS ${count}`]);
    retry.settle(true);
    // A failed group that prepared nothing leaves what is prepared as it is.
    conn.ahead([a as string]).settle(false);
    expect(conn.ahead([a as string]).statements).toEqual([]);
  });

  it("writes statements the database runs: prepare, execute, prepare afresh, execute", async () => {
    await database.db.connection().execute(async (db) => {
      const conn = new PreparedOnConnection(() => clock.now);
      const [a] = names();
      const run = async () => {
        const ahead = conn.ahead([a as string]);
        for (const statement of ahead.statements) await sql.raw(statement).execute(db);
        ahead.settle(true);
        const { rows } = await sql.raw<{ t: string }>(`EXECUTE ${a}(2)`).execute(db);
        return rows;
      };
      expect(await run()).toEqual([{ t: "two" }]);
      clock.now += replanAfterMs;
      expect(await run()).toEqual([{ t: "two" }]);
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements
        WHERE statement LIKE '%prep_probe%'`.execute(db);
      expect(rows[0]?.n).toBe(1);
    });
  });
});
