import type { Kysely } from "kysely";
import type { ReceiveResult } from "../../connectors/types";
import type { ChannelRow, DB } from "../../db/schema";
import { inTx } from "../../db/tx";
import type { EventBus } from "../../events/bus";
import { newId } from "../../lib/ids";
import type { InboundBatcher } from "./batcher";
import { applyInboundUpdates } from "./updates";

export type Ingested = { messageIds: string[]; duplicate: boolean };

/** Keeps a verified payload that could not be used, with the reason: never dropped silently. */
export async function deadLetter(db: Kysely<DB>, channel: ChannelRow, reason: string, payload: string): Promise<void> {
  await db
    .insertInto("dead_letters")
    .values({
      workspace_id: channel.workspace_id,
      id: newId(),
      channel_id: channel.id,
      reason,
      payload: payload.slice(0, 100_000),
      created_at: new Date(),
    })
    .execute();
}

/**
 * Stores what a connector received (from a webhook or a poll): new messages through the group-commit
 * batcher, edits and status changes in their own transaction. Resolves once all of it is committed.
 */
export async function ingest(
  deps: { db: Kysely<DB>; bus: EventBus; batcher: InboundBatcher },
  channel: ChannelRow,
  result: Extract<ReceiveResult, { kind: "events" }>,
): Promise<Ingested> {
  const stored = await Promise.all(result.events.map((e) => deps.batcher.store(channel, e)));
  if (result.updates && result.updates.length > 0) {
    const updates = result.updates;
    await inTx(deps.db, (tx) => applyInboundUpdates(tx, channel, updates), { bus: deps.bus });
  }
  return {
    messageIds: stored
      .map((s) => (s.status === "stored" ? s.message.id : s.messageId))
      .filter((x): x is string => x !== null),
    duplicate: stored.length > 0 && stored.every((s) => s.status === "duplicate"),
  };
}
