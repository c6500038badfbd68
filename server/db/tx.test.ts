import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvent } from "../events/record";
import { newId } from "../lib/ids";
import { createTestDb } from "../test/db";
import type { Database } from "./connect";
import { inTx } from "./tx";

let database: Database;
let ws: string;

beforeAll(async () => {
  database = await createTestDb();
  ws = newId();
  await database.db
    .insertInto("workspaces")
    .values({ id: ws, name: "T", event_seq: 0, created_at: new Date(), updated_at: new Date() })
    .execute();
});
afterAll(() => database.close());

describe("inTx", () => {
  it("runs afterCommit callbacks only after the commit, in order", async () => {
    const seen: string[] = [];
    await inTx(database.db, async (tx) => {
      await recordEvent(tx, { workspaceId: ws, type: "t.one" });
      tx.afterCommit(async () => {
        const row = await database.db
          .selectFrom("events")
          .select("type")
          .where("workspace_id", "=", ws)
          .where("type", "=", "t.one")
          .executeTakeFirst();
        seen.push(`visible:${row?.type}`);
      });
      tx.afterCommit(() => void seen.push("second"));
      seen.push("inside");
    });
    expect(seen).toEqual(["inside", "visible:t.one", "second"]);
  });

  it("never runs them on rollback, and rolls the event back", async () => {
    let ran = false;
    await expect(
      inTx(database.db, async (tx) => {
        await recordEvent(tx, { workspaceId: ws, type: "t.rolled" });
        tx.afterCommit(() => {
          ran = true;
        });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(ran).toBe(false);
    const rows = await database.db.selectFrom("events").select("seq").where("type", "=", "t.rolled").execute();
    expect(rows).toEqual([]);
  });

  it("a failing callback does not undo the commit or stop the others", async () => {
    const errors: unknown[] = [];
    let second = false;
    await inTx(
      database.db,
      async (tx) => {
        tx.afterCommit(() => {
          throw new Error("publish failed");
        });
        tx.afterCommit(() => {
          second = true;
        });
      },
      { onCallbackError: (err) => errors.push(err) },
    );
    expect(errors).toHaveLength(1);
    expect(second).toBe(true);
  });
});

describe("event sequence", () => {
  it("stays gapless and unique under concurrent writers", async () => {
    const before = Number(
      (await database.db.selectFrom("workspaces").select("event_seq").where("id", "=", ws).executeTakeFirstOrThrow())
        .event_seq,
    );
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inTx(database.db, (tx) => recordEvent(tx, { workspaceId: ws, type: "t.c", payload: { i } })),
      ),
    );
    const seqs = (
      await database.db
        .selectFrom("events")
        .select("seq")
        .where("workspace_id", "=", ws)
        .where("seq", ">", String(before))
        .orderBy("seq")
        .execute()
    ).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => before + i + 1));
  });
});
