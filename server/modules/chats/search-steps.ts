import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema";
import type { Cursor } from "./cursor";

/** A LIKE pattern's wildcards and escape character, escaped. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type SearchInput = {
  workspaceId: string;
  tab: "all" | "unread";
  /** Trimmed and lower-cased. */
  term: string;
  cursor: Cursor | null;
  limit: number;
  /** Newest first, the list's usual order. */
  desc: boolean;
};

/** A phone-like query matches phone digits only; any other, a substring of the name or e-mail. */
export type Match =
  | { kind: "phone"; digits: string }
  /** `local`: the query's part before its "@", when it has one after something (see peopleByEmailLocal). */
  | { kind: "text"; like: string; local: string | null };

/** The match on a chat's copies of its client's fields (`search_*`, see migration 0006). */
function onCopies(m: Match): RawBuilder<boolean> {
  return m.kind === "phone"
    ? sql<boolean>`search_phone LIKE ${`%${m.digits}%`}`
    : sql<boolean>`(search_name LIKE ${m.like} OR search_email LIKE ${m.like})`;
}

/** The chats of the list (`chats c`): the workspace, the tab, after the cursor. */
function listed(input: SearchInput) {
  const c = input.cursor;
  return sql`c.workspace_id = ${input.workspaceId}
    ${input.tab === "unread" ? sql`AND c.unread_count > 0` : sql``}
    ${c ? sql`AND (c.last_activity_at, c.id) ${sql.raw(input.desc ? "<" : ">")} (${c.at}::timestamptz, ${c.id}::uuid)` : sql``}`;
}

const order = (input: SearchInput, t: "c" | "s" | "x") => {
  const dir = sql.raw(input.desc ? "DESC" : "ASC");
  return sql`${sql.raw(t)}.last_activity_at ${dir}, ${sql.raw(t)}.id ${dir}`;
};

/** All chats of the workspace, and its unread ones (the cached tab counts). */
export async function listSizes(db: Kysely<DB>, workspaceId: string): Promise<{ chats: number; unread: number }> {
  const ws = await db
    .selectFrom("workspaces")
    .select(["chat_count", "unread_chat_count"])
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  return { chats: Number(ws?.chat_count ?? 0), unread: Number(ws?.unread_chat_count ?? 0) };
}

export type FirstMatches = {
  /** The first limit + 1 matches among the first chats of the list. */
  ids: string[];
  /** For each of the runs asked about, how many of those chats have it. */
  runs: number[];
};

/**
 * The first stretch of the list (`size` chats), read in order, index-only: up to a page of matches
 * and, when asked about runs of letters, how many of those chats have each (which reads all of them).
 */
export async function firstMatches(
  db: Kysely<DB>,
  input: SearchInput,
  m: Match,
  size: number,
  runs: string[] = [],
): Promise<FirstMatches> {
  const stretch = sql`
    SELECT c.id, c.last_activity_at, c.search_name, c.search_email, c.search_phone FROM chats c
    WHERE ${listed(input)} ORDER BY ${order(input, "c")} LIMIT ${size}`;
  const want = input.limit + 1;
  if (runs.length === 0) {
    // Stops at a page of matches: a query that many people match reads little.
    const { rows } = await sql<{ id: string }>`
      SELECT s.id FROM (${stretch}) s WHERE ${onCopies(m)} ORDER BY ${order(input, "s")} LIMIT ${want}`.execute(db);
    return { ids: rows.map((r) => r.id), runs: [] };
  }
  const has = (r: string) =>
    sql`count(*) FILTER (WHERE s.search_name LIKE ${`%${r}%`} OR s.search_email LIKE ${`%${r}%`})`;
  const { rows } = await sql<{ ids: string[] | null; runs: number[] }>`
    SELECT (array_agg(s.id::text ORDER BY ${order(input, "s")}) FILTER (WHERE ${onCopies(m)}))[1:${want}::int] AS ids,
      ARRAY[${sql.join(runs.map(has))}]::int[] AS runs
    FROM (${stretch}) s`.execute(db);
  return { ids: rows[0]?.ids ?? [], runs: rows[0]?.runs ?? [] };
}

/**
 * Runs `fn` in a transaction with planner settings: a search step knows which plan it wants, and
 * the planner's guess at how many rows a substring matches can be far off.
 */
async function pinned<T>(
  db: Kysely<DB>,
  settings: Record<string, string>,
  fn: (tx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const set = Object.entries(settings).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
  return db.transaction().execute(async (tx) => {
    await sql`SELECT ${sql.join(set)}`.execute(tx);
    return fn(tx);
  });
}

/** The first limit + 1 matches of the list, walking its index in order to the end if need be. */
export async function walkList(db: Kysely<DB>, input: SearchInput, m: Match): Promise<string[]> {
  // Only the list's index gives its order and stops at a page. (A parallel scan would read ahead in
  // every worker.)
  const walk = {
    enable_seqscan: "off",
    enable_bitmapscan: "off",
    enable_sort: "off",
    max_parallel_workers_per_gather: "0",
  };
  return pinned(db, walk, async (tx) => {
    const { rows } = await sql<{ id: string }>`
      SELECT c.id FROM chats c WHERE ${listed(input)} AND ${onCopies(m)}
      ORDER BY ${order(input, "c")} LIMIT ${input.limit + 1}`.execute(tx);
    return rows.map((r) => r.id);
  });
}

/**
 * The people matching, through the trigram indexes on `indexLike` (a part of the query whose
 * trigrams are rare) and then exactly on the row; null when there are more than `cap`. A query with
 * an "@" after something goes by the end of the e-mail's part before its "@" (see peopleByEmailLocal).
 */
export async function matchingPeople(
  db: Kysely<DB>,
  workspaceId: string,
  term: string,
  m: Match,
  indexLike: string,
  cap: number,
): Promise<string[] | null> {
  if (m.kind === "text" && m.local) return peopleByEmailLocal(db, workspaceId, term, m.like, m.local, cap);
  // Asked for few people, the trigram indexes: not a scan of all the workspace's people.
  const rows = await pinned(db, { enable_seqscan: "off", enable_indexscan: "off" }, (tx) =>
    tx
      .selectFrom("clients")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where((eb) => {
        // strpos is the exact substring test, and no index takes it: the planner keeps it on the row.
        const has = (col: RawBuilder<string>, s: string) => eb(eb.fn<number>("strpos", [col, eb.val(s)]), ">", 0);
        if (m.kind === "phone")
          return eb.and([eb("phone_digits", "like", indexLike), has(sql`phone_digits`, m.digits)]);
        return eb.and([
          eb.or([eb(eb.fn("lower", ["name"]), "like", indexLike), eb(eb.fn("lower", ["email"]), "like", indexLike)]),
          eb.or([has(sql`lower(name)`, term), has(sql`lower(email)`, term)]),
        ]);
      })
      .limit(cap + 1)
      .execute(),
  );
  return rows.length > cap ? null : rows.map((r) => r.id);
}

/**
 * People matching a query with an "@" (`local` is its part before the first "@", `like` the query as
 * a LIKE pattern): by e-mail, those whose e-mail's part before its "@" ends with `local` (a prefix of
 * the reversed part, see migration 0007) and those with more than one "@"; by name, through the
 * trigram index (names seldom hold an e-mail's domain). Each is checked on the whole query. Null when
 * there are more than `cap`.
 */
async function peopleByEmailLocal(
  db: Kysely<DB>,
  workspaceId: string,
  term: string,
  like: string,
  local: string,
  cap: number,
): Promise<string[] | null> {
  const reversed = `${escapeLike([...local].reverse().join(""))}%`;
  // The partial indexes' conditions are written out as they are, for the planner to match them.
  const { rows } = await pinned(db, { enable_seqscan: "off", enable_indexscan: "off" }, (tx) =>
    sql<{ id: string }>`
      SELECT id FROM clients WHERE workspace_id = ${workspaceId} AND lower(email) LIKE '%@%'
        AND reverse(split_part(lower(email), '@', 1)) LIKE ${reversed} AND strpos(lower(email), ${term}) > 0
      UNION
      SELECT id FROM clients WHERE workspace_id = ${workspaceId} AND lower(email) LIKE '%@%@%'
        AND strpos(lower(email), ${term}) > 0
      UNION
      SELECT id FROM clients WHERE workspace_id = ${workspaceId} AND lower(name) LIKE ${like}
        AND strpos(lower(name), ${term}) > 0
      LIMIT ${cap + 1}`.execute(tx),
  );
  return rows.length > cap ? null : rows.map((r) => r.id);
}

/** The ids of one page of the chats of `clientIds`, in list order. */
export async function pageOfPeople(db: Kysely<DB>, input: SearchInput, clientIds: string[]): Promise<string[]> {
  // LATERAL fenced by OFFSET 0 (so it is not flattened into a join): one index lookup per person,
  // whatever the planner thinks of a hash join on a small table.
  const { rows } = await sql<{ id: string }>`
    SELECT x.id FROM unnest(${clientIds}::uuid[]) AS m(client_id)
    CROSS JOIN LATERAL (
      SELECT c.id, c.last_activity_at FROM chats c WHERE ${listed(input)} AND c.client_id = m.client_id OFFSET 0
    ) x
    ORDER BY ${order(input, "x")} LIMIT ${input.limit + 1}`.execute(db);
  return rows.map((r) => r.id);
}
