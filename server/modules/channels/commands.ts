import { connectorFor } from "../../connectors/registry";
import type { ChannelRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { recordEvent } from "../../events/record";
import { notFound } from "../../http/errors";
import { newId } from "../../lib/ids";

export async function createChannel(
  tx: Tx,
  actorUserId: string,
  workspaceId: string,
  input: { kind: string; name: string; config: Record<string, unknown> },
): Promise<ChannelRow> {
  const setup = await connectorFor(input.kind).setup(input.config);
  const row = await tx.db
    .insertInto("channels")
    .values({
      workspace_id: workspaceId,
      id: newId(),
      kind: input.kind,
      name: input.name,
      config: JSON.stringify(setup.config),
      secret: setup.secret,
      status: "active",
      last_update_at: null,
      last_error: null,
      last_error_at: null,
      created_at: new Date(),
      updated_at: new Date(),
      deleted_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, {
    workspaceId,
    type: "channel.created",
    actorUserId,
    payload: { channelId: row.id, kind: row.kind, name: row.name },
  });
  return row;
}

export async function updateChannel(
  tx: Tx,
  actorUserId: string,
  channel: ChannelRow,
  patch: {
    name?: string | undefined;
    status?: "active" | "paused" | undefined;
    config?: Record<string, unknown> | undefined;
  },
): Promise<ChannelRow> {
  const config = patch.config ? (await connectorFor(channel.kind).setup(patch.config)).config : undefined;
  const row = await tx.db
    .updateTable("channels")
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(config ? { config: JSON.stringify(config) } : {}),
      updated_at: new Date(),
    })
    .where("workspace_id", "=", channel.workspace_id)
    .where("id", "=", channel.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, {
    workspaceId: channel.workspace_id,
    type: "channel.updated",
    actorUserId,
    payload: { channelId: row.id },
  });
  return row;
}

export async function removeChannel(
  tx: Tx,
  actorUserId: string,
  workspaceId: string,
  channelId: string,
): Promise<void> {
  const res = await tx.db
    .updateTable("channels")
    .set({ deleted_at: new Date(), status: "paused" })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", channelId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (res.numUpdatedRows === 0n) throw notFound("This channel");
  await recordEvent(tx, { workspaceId, type: "channel.removed", actorUserId, payload: { channelId } });
}
