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

type EventInputs = Array<Omit<EventInput, "workspaceId">>;
type Counters = { chats?: number; unreadChats?: number };

/**
 * The payloads as one JSON array: written into a statement (see db/round-trips.ts), a text[] of JSON
 * documents has every quote in them escaped twice over (an inbound batch's last statement group was a
 * sixth larger for it).
 */
const payloadsJson = (inputs: EventInputs) => `[${inputs.map((i) => JSON.stringify(i.payload ?? {})).join(",")}]`;

/**
 * The statement that records events of one workspace with its next sequence numbers, in one go for
 * any number of events: it takes the numbers (locking the workspace row) and inserts the events. The
 * row lock serialises writers: sequence numbers increase without gaps in commit order, which is what
 * lets a client catch up with `events?after=N`. `counters` adjusts the workspace's cached tab counts.
 * It answers the events' `seq`; `recordedEvents` reads that answer.
 */
export function recordEventsStatement(workspaceId: string, inputs: EventInputs, counters: Counters = {}) {
  const n = inputs.length;
  const sets = [sql`event_seq = event_seq + ${n}`];
  if (counters.chats) sets.push(sql`chat_count = chat_count + ${counters.chats}`);
  if (counters.unreadChats)
    sets.push(sql`unread_chat_count = greatest(unread_chat_count + ${counters.unreadChats}, 0)`);
  return sql<{ seq: string | number }>`
    WITH w AS (UPDATE workspaces SET ${sql.join(sets)} WHERE id = ${workspaceId} RETURNING event_seq)
    INSERT INTO events (workspace_id, seq, type, actor_user_id, payload)
    SELECT ${workspaceId}::uuid, w.event_seq - ${n} + u.o, u.t, u.a, u.p
    FROM w, ROWS FROM (unnest(${inputs.map((i) => i.type)}::text[]), unnest(${inputs.map((i) => i.actorUserId ?? null)}::uuid[]),
      jsonb_array_elements(${payloadsJson(inputs)}::jsonb)) WITH ORDINALITY AS u(t, a, p, o)
    RETURNING seq`;
}

/** The events as recorded, from what `recordEventsStatement` answered; published after commit. */
export function recordedEvents(
  tx: Pick<Tx, "afterCommit" | "bus">,
  workspaceId: string,
  inputs: EventInputs,
  answer: Array<{ seq?: unknown }>,
): RecordedEvent[] {
  if (answer.length !== inputs.length) throw new Error(`workspace ${workspaceId} not found for its events`);
  const first = Math.min(...answer.map((r) => Number(r.seq)));
  const events = inputs.map((input, i) => ({
    workspaceId,
    seq: first + i,
    type: input.type,
    payload: input.payload ?? {},
  }));
  const bus = tx.bus;
  if (bus)
    tx.afterCommit(() => {
      for (const e of events) bus.publish(e);
    });
  return events;
}

/**
 * Records events of one workspace inside the caller's transaction (see `recordEventsStatement`);
 * after commit they are published on the transaction's bus (realtime).
 */
export async function recordEvents(
  tx: Tx,
  workspaceId: string,
  inputs: EventInputs,
  counters: Counters = {},
): Promise<RecordedEvent[]> {
  if (inputs.length === 0) return [];
  const { rows } = await recordEventsStatement(workspaceId, inputs, counters).execute(tx.db);
  return recordedEvents(tx, workspaceId, inputs, rows);
}

export async function recordEvent(tx: Tx, input: EventInput): Promise<RecordedEvent> {
  const [event] = await recordEvents(tx, input.workspaceId, [input]);
  if (!event) throw new Error("no event recorded");
  return event;
}
