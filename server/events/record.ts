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
 * Records events of one workspace inside the caller's transaction with the workspace's next sequence
 * numbers (one UPDATE and one INSERT for any number of events). The row lock on the workspace
 * serialises writers: sequence numbers increase without gaps in commit order, which is what lets a
 * client catch up with `events?after=N`. After commit the events are published on the transaction's
 * bus (realtime). `counters` adjusts the workspace's cached tab counts in the same statement.
 */
export async function recordEvents(
  tx: Tx,
  workspaceId: string,
  inputs: Array<Omit<EventInput, "workspaceId">>,
  counters: { chats?: number; unreadChats?: number } = {},
): Promise<RecordedEvent[]> {
  if (inputs.length === 0) return [];
  const row = await tx.db
    .updateTable("workspaces")
    .set({
      event_seq: sql`event_seq + ${inputs.length}`,
      ...(counters.chats ? { chat_count: sql`chat_count + ${counters.chats}` } : {}),
      ...(counters.unreadChats
        ? { unread_chat_count: sql`greatest(unread_chat_count + ${counters.unreadChats}, 0)` }
        : {}),
    })
    .where("id", "=", workspaceId)
    .returning("event_seq")
    .executeTakeFirstOrThrow();
  const first = Number(row.event_seq) - inputs.length + 1;
  const events = inputs.map((input, i) => ({
    workspaceId,
    seq: first + i,
    type: input.type,
    payload: input.payload ?? {},
  }));
  await sql`
    INSERT INTO events (workspace_id, seq, type, actor_user_id, payload)
    SELECT ${workspaceId}::uuid, s, t, a, p::jsonb
    FROM unnest(${events.map((e) => e.seq)}::bigint[], ${events.map((e) => e.type)}::text[],
      ${inputs.map((i) => i.actorUserId ?? null)}::uuid[], ${events.map((e) => JSON.stringify(e.payload))}::text[]) AS u(s, t, a, p)`.execute(
    tx.db,
  );
  const bus = tx.bus;
  if (bus)
    tx.afterCommit(() => {
      for (const e of events) bus.publish(e);
    });
  return events;
}

export async function recordEvent(tx: Tx, input: EventInput): Promise<RecordedEvent> {
  const [event] = await recordEvents(tx, input.workspaceId, [input]);
  if (!event) throw new Error("no event recorded");
  return event;
}
