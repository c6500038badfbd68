import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/connect";
import { together } from "../db/round-trips";
import { inTx } from "../db/tx";
import { newId } from "../lib/ids";
import { createTestDb } from "../test/db";
import { recordEvents, recordEventsStatement } from "./record";

let database: Database;
let ws: string;
const actor = newId();

beforeAll(async () => {
  database = await createTestDb();
  ws = newId();
  const now = new Date();
  await database.db
    .insertInto("workspaces")
    .values({ id: ws, name: "T", event_seq: 0, created_at: now, updated_at: now })
    .execute();
  await database.db
    .insertInto("users")
    .values({
      id: actor,
      email: `${actor}@example.com`,
      name: "A",
      locale: "en",
      password_hash: "x",
      created_at: now,
      updated_at: now,
    })
    .execute();
});
afterAll(() => database.close());

/** Payloads a message can carry: quotes, backslashes, apostrophes, other scripts, nesting. */
const tricky = [
  { text: `he said "hi" \\o/ it's 'fine'`, n: 1 },
  { text: "Привет, 世界 🎉", nested: { list: [1, "two", null, { deep: true }] } },
  {},
  { text: '\\\\server\\share "quoted"' },
];
const inputs = tricky.map((payload, i) => ({ type: `t.${i}`, actorUserId: i === 1 ? actor : null, payload }));

async function stored(after: number) {
  return database.db
    .selectFrom("events")
    .select(["seq", "type", "actor_user_id", "payload"])
    .where("workspace_id", "=", ws)
    .where("seq", ">", String(after))
    .orderBy("seq")
    .execute();
}

describe("recordEventsStatement", () => {
  it("records several events in order with their payloads as given, as parameters", async () => {
    const events = await inTx(database.db, (tx) => recordEvents(tx, ws, inputs));
    expect(events.map((e) => e.type)).toEqual(inputs.map((i) => i.type));
    const first = events[0]?.seq ?? 0;
    expect(events.map((e) => e.seq)).toEqual([first, first + 1, first + 2, first + 3]);
    const rows = await stored(first - 1);
    expect(rows.map((r) => [Number(r.seq), r.type, r.actor_user_id, r.payload])).toEqual(
      inputs.map((i, k) => [first + k, i.type, i.actorUserId, i.payload]),
    );
  });

  it("records the same when written into a statement group", async () => {
    const before = (await stored(0)).length;
    const [answer = []] = await together(database.db, [recordEventsStatement(ws, inputs, { chats: 2 })]);
    expect(answer.map((r) => Number(r.seq))).toEqual([before + 1, before + 2, before + 3, before + 4]);
    const rows = await stored(before);
    expect(rows.map((r) => [r.type, r.actor_user_id, r.payload])).toEqual(
      inputs.map((i) => [i.type, i.actorUserId, i.payload]),
    );
    const { chat_count } = await database.db
      .selectFrom("workspaces")
      .select("chat_count")
      .where("id", "=", ws)
      .executeTakeFirstOrThrow();
    expect(Number(chat_count)).toBe(2);
  });
});
