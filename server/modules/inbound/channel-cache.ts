import type { Kysely } from "kysely";
import type { ChannelRow, DB } from "../../db/schema";

const ttlMs = 3000;

/**
 * Webhooks look their channel up on every request; a short-lived cache keeps that off the database
 * (on the embedded database the lookup would otherwise queue behind the running insert transaction,
 * defeating group commit). A change to a channel reaches other processes within the TTL.
 */
export class ChannelCache {
  private readonly entries = new Map<string, { row: ChannelRow | null; at: number }>();

  constructor(private readonly db: Kysely<DB>) {}

  async get(id: string, kind: string): Promise<ChannelRow | null> {
    const hit = this.entries.get(id);
    if (hit && Date.now() - hit.at < ttlMs) return hit.row?.kind === kind ? hit.row : null;
    const row =
      (await this.db
        .selectFrom("channels")
        .selectAll()
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .executeTakeFirst()) ?? null;
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(id, { row, at: Date.now() });
    return row?.kind === kind ? row : null;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
