import fc from "fast-check";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../test/db";
import type { Database } from "./connect";
import { inGroups, inline, literal, prepared, together } from "./round-trips";

let database: Database;

beforeAll(async () => {
  database = await createTestDb();
  await sql`CREATE TABLE rt_probe (id int PRIMARY KEY, t text)`.execute(database.db);
});
afterAll(() => database.close());

describe("literal and inline", () => {
  it("writes values as node-postgres would send them as parameters", () => {
    expect(literal(null)).toBe("NULL");
    expect(literal(undefined)).toBe("NULL");
    expect(literal(5)).toBe("'5'");
    expect(literal(true)).toBe("'true'");
    expect(literal("it's")).toBe("'it''s'");
    expect(literal("a\\b")).toBe(" E'a\\\\b'");
    expect(literal(["a", null, 'q"'])).toBe(String.raw` E'{"a",NULL,"q\\""}'`);
    expect(literal({ a: "x'" })).toBe(`'{"a":"x''"}'`);
  });

  it("quotes text exactly as node-postgres's escapeLiteral does", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }).filter((s) => !s.includes("\u0000")),
        (s) => {
          expect(literal(s)).toBe(pg.escapeLiteral(s));
        },
      ),
    );
  });

  it("refuses a NUL character and binary values", () => {
    expect(() => literal("a\u0000b")).toThrow(/NUL/);
    expect(() => literal(Buffer.from("x"))).toThrow(/binary/);
  });

  it("replaces $n outside quoted text and names only", () => {
    const text = inline({
      sql: `SELECT $1, '$2', "a$2", $2 WHERE x = '$1''$1'`,
      parameters: ["one", "two"],
      query: { kind: "RawNode" } as never,
      queryId: { queryId: "q" },
    });
    expect(text).toBe(`SELECT 'one', '$2', "a$2", 'two' WHERE x = '$1''$1'`);
  });
});

describe("together", () => {
  it("answers every statement's rows, in order, in one round trip", async () => {
    const answers = await together(database.db, [
      sql`INSERT INTO rt_probe (id, t) VALUES (${1}, ${"one"})`,
      sql`SELECT t FROM rt_probe WHERE id = ${1}`,
      sql`SELECT ${[1, 2, 3]}::int[] AS a, ${new Date("2026-01-02T03:04:05Z")}::timestamptz AS d, ${null}::text AS n`,
    ]);
    expect(answers).toHaveLength(3);
    expect(answers[0]).toEqual([]);
    expect(answers[1]).toEqual([{ t: "one" }]);
    expect(answers[2]).toEqual([{ a: [1, 2, 3], d: new Date("2026-01-02T03:04:05Z"), n: null }]);
  });

  it("gives back any text exactly as a parameter would (quotes, backslashes, any script)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary" }).filter((s) => !s.includes("\u0000")),
        async (s) => {
          const [[viaText]] = (await together(database.db, [sql`SELECT ${s}::text AS v`, "SELECT 1"])) as [
            [{ v: string }],
          ];
          const viaParameter = await sql<{ v: string }>`SELECT ${s}::text AS v`.execute(database.db);
          expect(viaText.v).toBe(s);
          expect(viaText.v).toBe(viaParameter.rows[0]?.v);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("cannot be broken out of by a value (it stays a value)", async () => {
    const hostile = "x'); DROP TABLE rt_probe; --";
    const [, [row]] = (await together(database.db, [
      sql`INSERT INTO rt_probe (id, t) VALUES (${2}, ${hostile})`,
      sql`SELECT t FROM rt_probe WHERE id = ${2}`,
    ])) as [unknown, [{ t: string }]];
    expect(row.t).toBe(hostile);
    const count = await sql<{ n: string }>`SELECT count(*) AS n FROM rt_probe`.execute(database.db);
    expect(Number(count.rows[0]?.n)).toBeGreaterThanOrEqual(2);
  });
});

describe("prepared statements in groups", () => {
  type Plans = { statement: string; generic_plans: string | number; custom_plans: string | number };
  const plansOf = (db: typeof database.db) =>
    sql<Plans>`SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
      WHERE statement LIKE '%rt_probe%'`.execute(db);

  it("are prepared once per connection and run with their generic plan", async () => {
    await database.db.connection().execute(async (conn) => {
      await together(conn, [sql`INSERT INTO rt_probe (id, t) VALUES (${50}, ${"fifty"}), (${51}, ${"fifty-one"})`]);
      const pick = (ids: number[]) =>
        prepared(sql`SELECT id, t FROM rt_probe WHERE id = ANY(${ids}::int[]) ORDER BY id`);
      const [a, plain] = await together(conn, [pick([50]), sql`SELECT ${1}::int AS one`]);
      const [b] = await together(conn, [pick([50, 51])]);
      const [c] = await together(conn, [pick([])]);
      expect(a).toEqual([{ id: 50, t: "fifty" }]);
      expect(plain).toEqual([{ one: 1 }]);
      expect(b).toEqual([
        { id: 50, t: "fifty" },
        { id: 51, t: "fifty-one" },
      ]);
      expect(c).toEqual([]);
      const { rows } = await plansOf(conn);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.statement).toMatch(/^PREPARE parley_\w+ AS SELECT id, t FROM rt_probe/);
      expect(Number(rows[0]?.generic_plans)).toBe(3);
      expect(Number(rows[0]?.custom_plans)).toBe(0);
    });
  });

  it("give back any text exactly as a parameter would", async () => {
    await database.db.connection().execute(async (conn) => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: "binary" }).filter((s) => !s.includes("\u0000")),
          async (s) => {
            const [[row]] = (await together(conn, [prepared(sql`SELECT ${s}::text AS v`)])) as [[{ v: string }]];
            expect(row.v).toBe(s);
          },
        ),
        { numRuns: 100 },
      );
    });
  });

  it("stay usable after a group fails once they were prepared in it", async () => {
    await database.db.connection().execute(async (conn) => {
      const put = (id: number, t: string) =>
        prepared(sql`INSERT INTO rt_probe (id, t) VALUES (${id}, ${t}) RETURNING t`);
      // The statement is prepared and runs once; its second run fails (duplicate key), failing the group.
      await expect(together(conn, [put(60, "sixty"), put(60, "again")])).rejects.toThrow(/duplicate key/);
      const [[row]] = (await together(conn, [put(61, "sixty-one")])) as [[{ t: string }]];
      expect(row.t).toBe("sixty-one");
      const kept = await sql<{ id: number }>`SELECT id FROM rt_probe WHERE id IN (60, 61) ORDER BY id`.execute(conn);
      expect(kept.rows).toEqual([{ id: 61 }]);
    });
  });
});

describe("inGroups", () => {
  it("commits with the last group and runs afterCommit callbacks after it", async () => {
    const seen: string[] = [];
    const out = await inGroups(database.db, async (tx) => {
      await tx.send([sql`INSERT INTO rt_probe (id, t) VALUES (${10}, ${"ten"})`]);
      tx.afterCommit(async () => {
        const row = await sql<{ t: string }>`SELECT t FROM rt_probe WHERE id = 10`.execute(database.db);
        seen.push(`after:${row.rows[0]?.t}`);
      });
      const [rows] = await tx.sendLast([sql`SELECT t FROM rt_probe WHERE id = ${10}`]);
      seen.push("last sent");
      return rows;
    });
    expect(out).toEqual([{ t: "ten" }]);
    expect(seen).toEqual(["last sent", "after:ten"]);
  });

  it("rolls everything back when a group fails, and runs no callback", async () => {
    const seen: string[] = [];
    await expect(
      inGroups(database.db, async (tx) => {
        await tx.send([sql`INSERT INTO rt_probe (id, t) VALUES (${20}, ${"twenty"})`]);
        tx.afterCommit(() => void seen.push("published"));
        await tx.sendLast([sql`INSERT INTO rt_probe (id, t) VALUES (${20}, ${"again"})`]); // duplicate key
      }),
    ).rejects.toThrow(/duplicate key/);
    const rows = await sql`SELECT 1 FROM rt_probe WHERE id = 20`.execute(database.db);
    expect(rows.rows).toEqual([]);
    expect(seen).toEqual([]);
    // The connection is usable afterwards (it was rolled back, not left in a failed transaction).
    const ok = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
    expect(ok.rows[0]?.one).toBe(1);
  });

  it("commits on its own when the function never sent a last group", async () => {
    await inGroups(database.db, async (tx) => {
      await tx.send([sql`INSERT INTO rt_probe (id, t) VALUES (${30}, ${"thirty"})`]);
    });
    const rows = await sql<{ t: string }>`SELECT t FROM rt_probe WHERE id = 30`.execute(database.db);
    expect(rows.rows[0]?.t).toBe("thirty");
  });
});
