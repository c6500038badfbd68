import { type Compilable, type CompiledQuery, type Kysely, type RawBuilder, sql } from "kysely";
import pg from "pg";
import type { EventBus } from "../events/bus";
import { PreparedOnConnection, preparedName } from "./prepared";
import type { DB } from "./schema";
import { type AfterCommit, runAfterCommit, type Tx, type TxOptions } from "./tx";

/**
 * Several statements in one round trip.
 *
 * node-postgres sends one statement per round trip and waits for its answer before the next; on a
 * loaded machine each trip costs a millisecond or more of waiting and a system call on each side. A
 * hot write path (inbound messages) instead sends its statements in a few groups: each group is one
 * simple-protocol query whose parameters are written in as literals — prepared by node-postgres's own
 * `prepareValue` (the text it would have sent as a parameter) and quoted by its `escapeLiteral`, so a
 * value means exactly what it would mean as a parameter. PostgreSQL and PGlite both run such a query
 * statement by statement and answer one result per statement.
 */

type Row = Record<string, unknown>;
type Compiles = RawBuilder<unknown> | Compilable | CompiledQuery;
/** A statement run as a prepared statement of its connection (see prepared.ts). */
export type Prepared = { readonly prepared: Compiles };
export type Statement = Compiles | Prepared | string;

/**
 * Marks a statement to run prepared, with its generic plan: for statements whose text is the same
 * however many rows they carry (arrays through `unnest`) and whose plan does not depend on their values
 * (keyed lookups and inserts) — the plan is made once per connection, not once per group.
 */
export const prepared = (statement: Compiles): Prepared => ({ prepared: statement });

/** node-postgres's own conversion of a parameter to the text it sends (not in its type declarations). */
const { prepareValue } = (pg as unknown as { utils: { prepareValue: (v: unknown) => unknown } }).utils;

/** A parameter as an SQL literal: NULL, or a quoted string PostgreSQL casts as it would the parameter. */
export function literal(value: unknown): string {
  const prepared = prepareValue(value);
  if (prepared === null) return "NULL";
  if (typeof prepared !== "string") throw new Error("binary values cannot be written into a statement");
  // A query text ends at a NUL byte, and PostgreSQL stores no NUL in text either.
  if (prepared.includes("\u0000")) throw new Error("a value contains a NUL character");
  // As node-postgres's escapeLiteral (quotes doubled; with a backslash, an E'' string with it doubled),
  // with native replaces: values here run to tens of kilobytes per group.
  const quoted = `'${prepared.replaceAll("'", "''")}'`;
  return prepared.includes("\\") ? ` E${quoted.replaceAll("\\", "\\\\")}` : quoted;
}

/** The statement's text with `$n` replaced by its parameter's literal (quoted text and names skipped). */
export function inline(query: CompiledQuery): string {
  const { sql: text, parameters } = query;
  if ((text.match(/'/g)?.length ?? 0) % 2 !== 0) throw new Error("unterminated quote in a statement");
  return text.replace(/'[^']*'|"[^"]*"|\$(\d+)/g, (match, n: string | undefined) => {
    if (n === undefined) return match;
    const i = Number(n);
    if (i < 1 || i > parameters.length) throw new Error(`no parameter $${i}`);
    return literal(parameters[i - 1]);
  });
}

function compiled(db: Kysely<DB>, s: Compiles | string): CompiledQuery {
  if (typeof s === "string") return sql.raw(s).compile(db);
  // A raw builder compiles against a database; a query builder already holds one.
  return "compile" in s ? (s.compile as (db: Kysely<DB>) => CompiledQuery)(db) : s;
}

/** A statement's text in a group, and the prepared statement it executes (if any). */
function piece(db: Kysely<DB>, s: Statement): { text: string; name: string | null } {
  if (typeof s === "string" || !("prepared" in s)) return { text: inline(compiled(db, s)), name: null };
  const query = compiled(db, s.prepared);
  const name = preparedName(query.sql);
  if (name === null) return { text: inline(query), name: null };
  const args = query.parameters.map(literal).join(", ");
  return { text: args ? `EXECUTE ${name}(${args})` : `EXECUTE ${name}`, name };
}

/**
 * Marks a query whose every result set node-postgres should hand back, with the prepared statements
 * it executes (see `answerEveryResult`): `/* parley:together name… *\/ `.
 */
const marker = "/* parley:together";

/** Prepared statements run with their generic plan; set for the transaction, before the first of them. */
const genericPlans = "SET LOCAL plan_cache_mode = force_generic_plan";

/**
 * Runs `statements` in one round trip on `db` (a transaction, a single connection, or a pool, where
 * they then run as one implicit transaction). Answers each statement's rows, in order.
 */
export async function together(db: Kysely<DB>, statements: Statement[]): Promise<Row[][]> {
  if (statements.length === 0) return [];
  const pieces = statements.map((s) => piece(db, s));
  const names = pieces.flatMap((p) => (p.name ? [p.name] : []));
  const first = pieces.findIndex((p) => p.name !== null);
  const texts = pieces.map((p) => p.text);
  if (first >= 0) texts.splice(first, 0, genericPlans);
  const { rows } = await sql.raw(`${marker} ${names.join(" ")} */ ${texts.join(";\n")}`).execute(db);
  if (rows.length !== texts.length) throw new Error("a statement group answered the wrong number of results");
  if (first >= 0) rows.splice(first, 1);
  return rows as unknown as Row[][];
}

/**
 * Lets a pool's clients answer a marked multi-statement query with every result (node-postgres answers
 * such a query with an array of results, which Kysely's driver would read as one empty result), and
 * prepares, ahead of it in the same round trip, the statements it executes that the client has not.
 */
export function answerEveryResult(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (text: unknown, values?: unknown) => Promise<unknown>;
    const preparedHere = new PreparedOnConnection();
    (client as unknown as { query: typeof query }).query = (text: unknown, values?: unknown) => {
      if (typeof text !== "string" || !text.startsWith(marker)) return query(text, values);
      const end = text.indexOf("*/");
      const ahead = preparedHere.ahead(text.slice(marker.length, end).split(" ").filter(Boolean));
      const full = ahead.statements.length > 0 ? `${ahead.statements.join(";\n")};\n${text}` : text;
      return query(full).then(
        (r) => {
          ahead.settle(true);
          const results = (Array.isArray(r) ? r : [r]) as pg.QueryResult[];
          const own = results.slice(ahead.statements.length);
          return { command: "SELECT", rowCount: own.length, rows: own.map((x) => x.rows) };
        },
        (err: unknown) => {
          ahead.settle(false);
          throw err;
        },
      );
    };
  });
}

/** A transaction whose statements go in groups: the first opens it, the last commits it. */
export type GroupTx = {
  /** Runs a group in one round trip; answers each statement's rows. */
  send(statements: Statement[]): Promise<Row[][]>;
  /** Runs the transaction's last group and commits with it (still one round trip). */
  sendLast(statements: Statement[]): Promise<Row[][]>;
  afterCommit(fn: AfterCommit): void;
  bus: EventBus | null;
};

/** Groups run inside an ordinary transaction (which commits when its owner's function returns). */
export function groupsIn(tx: Tx): GroupTx {
  const send = (statements: Statement[]) => together(tx.db, statements);
  return { send, sendLast: send, afterCommit: tx.afterCommit, bus: tx.bus };
}

/**
 * A transaction on one connection in as few round trips as its groups: `BEGIN` travels with the first
 * group and `COMMIT` with the last. Callbacks registered with `afterCommit` run once it has committed;
 * a failure rolls it back and runs none of them.
 */
export async function inGroups<T>(db: Kysely<DB>, fn: (tx: GroupTx) => Promise<T>, opts: TxOptions = {}): Promise<T> {
  const callbacks: AfterCommit[] = [];
  const result = await db.connection().execute(async (conn) => {
    let open = false;
    let committed = false;
    const run = async (statements: Statement[], last: boolean) => {
      if (committed) throw new Error("the transaction is already committed");
      const head = open ? [] : ["BEGIN"];
      open = true;
      const rows = await together(conn, [...head, ...statements, ...(last ? ["COMMIT"] : [])]);
      if (last) committed = true;
      return rows.slice(head.length, head.length + statements.length);
    };
    try {
      const out = await fn({
        send: (s) => run(s, false),
        sendLast: (s) => run(s, true),
        afterCommit: (cb) => callbacks.push(cb),
        bus: opts.bus ?? null,
      });
      if (!committed && open) await together(conn, ["COMMIT"]);
      return out;
    } catch (err) {
      if (open && !committed) await together(conn, ["ROLLBACK"]).catch(() => {});
      throw err;
    }
  });
  await runAfterCommit(callbacks, opts);
  return result;
}
