import { createHash } from "node:crypto";

/**
 * Prepared statements for statement groups (see round-trips.ts).
 *
 * A group travels as simple-protocol text, which PostgreSQL parses and plans anew every time: for an
 * inbound batch that was about half a millisecond of PostgreSQL's time, and on PGlite, where planning
 * runs on the app's own thread, a few milliseconds per batch. A statement marked `prepared` travels
 * instead as `EXECUTE name(literals)`; the connection prepares it (`PREPARE name AS text`) the first
 * time a group of its needs it, in that group's round trip. The name comes from the text, so one text is
 * one prepared statement on every connection, and a group's text names the statements it needs.
 */

/** At most this many texts are prepared; past it, a statement is sent as text as before. */
const most = 256;
const nameOf = new Map<string, string>();
const textOf = new Map<string, string>();

/** The name a statement's text is prepared under (null when too many texts are prepared already). */
export function preparedName(text: string): string | null {
  const known = nameOf.get(text);
  if (known) return known;
  if (nameOf.size >= most) return null;
  const name = `parley_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
  nameOf.set(text, name);
  textOf.set(name, text);
  return name;
}

/**
 * How long a connection keeps a prepared statement before preparing it afresh. A generic plan is made
 * from the tables as they are when it is first used: on a new install's empty tables that is a
 * sequential scan, kept until something invalidates it (a schema change, new statistics — and PGlite
 * never analyzes). Preparing again each minute lets the plan follow the tables as they grow, at one
 * planning per statement per minute.
 */
export const replanAfterMs = 60_000;

/**
 * What one connection has prepared. PREPARE is not undone by a rollback, but when a group fails it is
 * not known which of its statements ran: the next group then starts afresh (`DEALLOCATE ALL`; the app's
 * other queries are unnamed statements of node-postgres, which that leaves alone).
 */
export class PreparedOnConnection {
  /** When each statement was prepared here. */
  private readonly ready = new Map<string, number>();
  private unsure = false;

  constructor(private readonly clock: () => number = Date.now) {}

  /** The statements to run ahead of a group that executes `names` (each answers one empty result). */
  ahead(names: string[]): { statements: string[]; settle: (ok: boolean) => void } {
    const statements: string[] = [];
    const now = this.clock();
    if (this.unsure && names.length > 0) {
      statements.push("DEALLOCATE ALL");
      this.ready.clear();
    }
    const due = [...new Set(names)].filter(
      (n) => now - (this.ready.get(n) ?? Number.NEGATIVE_INFINITY) >= replanAfterMs,
    );
    for (const name of due) {
      const text = textOf.get(name);
      if (text === undefined) throw new Error(`no statement is known as ${name}`);
      if (this.ready.has(name)) statements.push(`DEALLOCATE ${name}`);
      statements.push(`PREPARE ${name} AS ${text}`);
    }
    const settle = (ok: boolean) => {
      if (statements.length === 0) return;
      if (ok) {
        this.unsure = false;
        for (const name of due) this.ready.set(name, now);
      } else this.unsure = true;
    };
    return { statements, settle };
  }
}
