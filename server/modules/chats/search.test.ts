import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTx } from "../../db/tx";
import { newId } from "../../lib/ids";
import { createApiChannel, inboundBody, postInbound } from "../../test/inbox";
import { type Client, createTestServer, setupOwner, type TestServer } from "../../test/server";
import { createWorkspace } from "../workspaces/commands";
import { defaultTuning, matchOf, type SearchInput, type SearchTuning, searchChatIds } from "./search";
import { matchingPeople } from "./search-steps";

let server: TestServer;
let owner: Client;
let ws: string;
let channel: { id: string; secret: string };
let userId: string;

/** `n` people with a chat each: hex names (some Cyrillic, some with % and _), phones, e-mails, ties in activity. */
async function seed(workspaceId: string, channelId: string, n: number, prefix: string, newest: string) {
  await sql
    .raw(`
    INSERT INTO clients (workspace_id, id, name, phone, phone_digits, email)
    SELECT '${workspaceId}', gen_random_uuid(),
      CASE WHEN g % 10 = 0 THEN 'Анна ' || g WHEN g % 37 = 0 THEN 'Carla 100%_off ' || g
        ELSE initcap(substr(md5('${prefix}' || g), 1, 5)) || ' ' || initcap(substr(md5('${prefix}' || g * 7), 1, 6)) END,
      CASE WHEN g % 3 = 0 THEN NULL ELSE '+7912' || lpad(g::text, 7, '0') END,
      CASE WHEN g % 3 = 0 THEN NULL ELSE '7912' || lpad(g::text, 7, '0') END,
      CASE WHEN g % 4 = 0 THEN NULL ELSE substr(md5('${prefix}' || g * 3), 1, 8) || '@Example.com' END
    FROM generate_series(1, ${n}) g`)
    .execute(server.database.db);
  await sql
    .raw(`
    INSERT INTO chats (workspace_id, id, client_id, channel_id, external_id, unread_count, last_activity_at)
    SELECT k.workspace_id, gen_random_uuid(), k.id, '${channelId}', 'seed-' || k.id,
      CASE WHEN row_number() OVER (ORDER BY k.id) % 3 = 1 THEN 1 ELSE 0 END,
      timestamptz '${newest}' - (row_number() OVER (ORDER BY k.name, k.id) / 3) * interval '1 second'
    FROM clients k WHERE k.workspace_id = '${workspaceId}'`)
    .execute(server.database.db);
  await sql
    .raw(`
    UPDATE workspaces SET chat_count = (SELECT count(*) FROM chats WHERE workspace_id = '${workspaceId}'),
      unread_chat_count = (SELECT count(*) FROM chats WHERE workspace_id = '${workspaceId}' AND unread_count > 0)
    WHERE id = '${workspaceId}'`)
    .execute(server.database.db);
}

beforeAll(async () => {
  server = await createTestServer({}, { worker: false });
  const s = await setupOwner(server);
  userId = s.user.id;
  owner = s.client;
  ws = s.workspace.id;
  channel = await createApiChannel(owner, ws);
  await seed(ws, channel.id, 300, "a", "2030-01-01T00:00:00Z");
  // Another workspace with the same kind of people, all more recent: a leak would top every page.
  const other = await inTx(server.database.db, (tx) => createWorkspace(tx, s.user.id, "Other"));
  const otherChannel = await createApiChannel(owner, other.id);
  await seed(other.id, otherChannel.id, 120, "a", "2031-01-01T00:00:00Z");
});
afterAll(() => server.close());

type Page = { tab: "all" | "unread"; desc: boolean };

/** The original meaning of a search, on the joined clients, in list order. */
async function expected(term: string, { tab, desc }: Page): Promise<string[]> {
  const m = matchOf(term);
  const dir = sql.raw(desc ? "DESC" : "ASC");
  const match =
    m.kind === "phone"
      ? sql`k.phone_digits LIKE ${`%${m.digits}%`}`
      : sql`(lower(k.name) LIKE ${m.like} OR lower(k.email) LIKE ${m.like})`;
  const { rows } = await sql<{ id: string }>`
    SELECT c.id FROM chats c JOIN clients k ON k.workspace_id = c.workspace_id AND k.id = c.client_id
    WHERE c.workspace_id = ${ws} AND ${match} ${tab === "unread" ? sql`AND c.unread_count > 0` : sql``}
    ORDER BY c.last_activity_at ${dir}, c.id ${dir}`.execute(server.database.db);
  return rows.map((r) => r.id);
}

/** Every page of a search, following the cursor as the list does. */
async function pages(term: string, { tab, desc }: Page, tuning: SearchTuning, limit = 3): Promise<string[]> {
  const seen: string[] = [];
  let cursor: SearchInput["cursor"] = null;
  while (seen.length <= 1000) {
    const ids = await searchChatIds(server.database.db, { workspaceId: ws, tab, term, cursor, limit, desc }, tuning);
    const page = ids.slice(0, limit);
    seen.push(...page);
    const last = page.at(-1);
    if (ids.length <= limit || !last) return seen;
    const row = await server.database.db
      .selectFrom("chats")
      .select("last_activity_at")
      .where("workspace_id", "=", ws)
      .where("id", "=", last)
      .executeTakeFirstOrThrow();
    cursor = { at: row.last_activity_at.toISOString(), id: last };
  }
  throw new Error(`${term}: the pages do not end`);
}

const terms = [
  "a",
  "ab",
  "3",
  "cd",
  "e0f",
  "анна",
  "АННА 1",
  "example",
  "le.c",
  "0a@exa",
  "1@example",
  "100%_",
  "%",
  "_o",
];
const phones = ["+7 (912) 000-01", "0011", "912", "7 912 000 02", "22"];
const tunings: Record<string, SearchTuning> = {
  default: defaultTuning,
  "first stretch only": { ...defaultTuning, firstStretch: 100_000 },
  "people through trigrams": { firstStretch: 7, personCost: 0, maxPeople: 1000 },
  "walking the list": { firstStretch: 7, personCost: Number.POSITIVE_INFINITY, maxPeople: 1000 },
  "walking past too many people": { firstStretch: 7, personCost: 0, maxPeople: 3 },
};
const lists: Page[] = [
  { tab: "all", desc: true },
  { tab: "unread", desc: true },
  { tab: "unread", desc: false },
];

describe("search", () => {
  for (const [name, tuning] of Object.entries(tunings)) {
    it(`finds what the join on clients finds, page by page: ${name}`, async () => {
      for (const list of lists)
        for (const term of [...terms, ...phones]) {
          const want = await expected(term.toLowerCase(), list);
          expect(await pages(term.toLowerCase(), list, tuning), `${term} ${JSON.stringify(list)}`).toEqual(want);
        }
    });
  }

  it("finds a page of a common query in the first stretch, and nothing of another workspace", async () => {
    const res = await owner.get(`/api/v1/workspaces/${ws}/chats?q=a&limit=5`);
    expect(res.json().items).toHaveLength(5);
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual(
      (await expected("a", lists[0] as Page)).slice(0, 5),
    );
  });

  it("gives up on the trigram indexes above the cap", async () => {
    const m = matchOf("example");
    expect(await matchingPeople(server.database.db, ws, "example", m, "%example%", 10)).toBeNull();
    expect(await matchingPeople(server.database.db, ws, "example", m, "%example%", 1000)).toHaveLength(225);
  });

  it("finds a query with an @ by the end of the e-mail's part before it, and misses no odd e-mail or name", async () => {
    const db = server.database.db;
    const w = await inTx(db, (tx) => createWorkspace(tx, userId, "At"));
    const people = [
      ["Plain", "joann@gmail.com"],
      ["Two ats", "x@joann@gmail.com"],
      ["ann@gmail.com (sales)", null],
      ["Other", "ann@yahoo.com"],
      ["No at", "joann.gmail.com"],
    ] as const;
    for (const [name, email] of people) {
      await db
        .insertInto("clients")
        .values({ workspace_id: w.id, id: newId(), name, email, created_at: new Date(), updated_at: new Date() })
        .execute();
    }
    const names = async (q: string) => {
      const ids = (await matchingPeople(db, w.id, q, matchOf(q), `%${q}%`, 100)) ?? [];
      const rows = ids.length ? await db.selectFrom("clients").select("name").where("id", "in", ids).execute() : [];
      return rows.map((r) => r.name).sort();
    };
    expect(await names("ann@gm")).toEqual(["Plain", "Two ats", "ann@gmail.com (sales)"]);
    expect(await names("joann@")).toEqual(["Plain", "Two ats"]);
    expect(await names("x@jo")).toEqual(["Two ats"]);
    expect(await names("zz@gm")).toEqual([]);
    // The e-mails through the B-tree on the reversed part before the "@", not the trigram index.
    await sql`ANALYZE clients`.execute(db);
    const plan = await db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      const { rows } = await sql<{ "QUERY PLAN": string }>`EXPLAIN SELECT id FROM clients
        WHERE workspace_id = ${w.id} AND lower(email) LIKE '%@%' AND reverse(split_part(lower(email), '@', 1)) LIKE 'nnaoj%'`.execute(
        tx,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("clients_email_local_suffix");
  });
});

describe("the chat's copy of its client's name, phone and e-mail", () => {
  const copyOf = (externalId: string) =>
    server.database.db
      .selectFrom("chats")
      .select(["search_name", "search_email", "search_phone"])
      .where("workspace_id", "=", ws)
      .where("external_id", "=", externalId)
      .executeTakeFirstOrThrow();
  const names = async (q: string) =>
    (await owner.get(`/api/v1/workspaces/${ws}/chats?q=${encodeURIComponent(q)}`))
      .json()
      .items.map((c: { client: { name: string } }) => c.client.name);

  it("is set with a new chat and follows changes that arrive inbound", async () => {
    const client = { externalId: "zq", name: "Zoë QUARTZ", phone: "+44 20 7946 0001", email: "Zoe@Quartz.example" };
    await postInbound(server.app, channel, inboundBody({ clientId: "zq", client }));
    expect(await copyOf("zq")).toEqual({
      search_name: "zoë quartz",
      search_email: "zoe@quartz.example",
      search_phone: "442079460001",
    });
    const changed = { externalId: "zq", name: "Zoë Jasper", phone: "+7 999 123-45-67", email: "zj@jasper.example" };
    await postInbound(server.app, channel, inboundBody({ clientId: "zq", client: changed }));
    expect(await copyOf("zq")).toEqual({
      search_name: "zoë jasper",
      search_email: "zj@jasper.example",
      search_phone: "79991234567",
    });
    expect(await names("jasper")).toEqual(["Zoë Jasper"]);
    expect(await names("999 123")).toEqual(["Zoë Jasper"]);
    expect(await names("quartz")).toEqual([]);
    expect(await names("7946 0001")).toEqual([]);
  });

  it("follows any update of the client, and cannot be written over", async () => {
    const db = server.database.db;
    const { client_id } = await db
      .selectFrom("chats")
      .select("client_id")
      .where("workspace_id", "=", ws)
      .where("external_id", "=", "zq")
      .executeTakeFirstOrThrow();
    await db.updateTable("clients").set({ email: null, name: "Zed" }).where("id", "=", client_id).execute();
    expect(await copyOf("zq")).toMatchObject({ search_name: "zed", search_email: null });
    await db.updateTable("chats").set({ search_name: "forged" }).where("client_id", "=", client_id).execute();
    expect(await copyOf("zq")).toMatchObject({ search_name: "zed" });
  });
});
