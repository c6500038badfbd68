import { sql } from "kysely";
import type { Tx } from "../db/tx";

export type EventInput = {
  workspaceId: string;
  type: string;
  actorUserId?: string | null;
  payload?: Record<string, unknown>;
};

export type RecordedEvent = {
  workspaceId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
};

/**
 * Records an event inside the caller's transaction with the workspace's next sequence number.
 * The row lock on the workspace serialises sequence numbers: they increase without gaps in
 * commit order, which is what lets a client catch up with `events?after=N`. After commit the event
 * is published on the transaction's bus (realtime).
 */
export async function recordEvent(tx: Tx, input: EventInput): Promise<RecordedEvent> {
  const row = await tx.db
    .updateTable("workspaces")
    .set({ event_seq: sql`event_seq + 1` })
    .where("id", "=", input.workspaceId)
    .returning("event_seq")
    .executeTakeFirstOrThrow();
  const payload = input.payload ?? {};
  await tx.db
    .insertInto("events")
    .values({
      workspace_id: input.workspaceId,
      seq: row.event_seq,
      type: input.type,
      actor_user_id: input.actorUserId ?? null,
      payload: JSON.stringify(payload),
    })
    .execute();
  const event = { workspaceId: input.workspaceId, seq: Number(row.event_seq), type: input.type, payload };
  const bus = tx.bus;
  if (bus) tx.afterCommit(() => bus.publish(event));
  return event;
}
