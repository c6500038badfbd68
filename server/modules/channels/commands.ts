import { sql } from "kysely";
import { connectorFor } from "../../connectors/registry";
import type { ChannelSetup, ConnectorEnv } from "../../connectors/types";
import type { ChannelRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { recordEvent } from "../../events/record";
import { AppError, notFound } from "../../http/errors";
import { newId } from "../../lib/ids";

/** Refuses a second live channel for what must have one (the same Telegram bot, in any workspace). */
async function ensureExclusive(tx: Tx, kind: string, setup: ChannelSetup, exceptId: string | null): Promise<void> {
  if (!setup.exclusive) return;
  let q = tx.db
    .selectFrom("channels")
    .select("id")
    .where("kind", "=", kind)
    .where("deleted_at", "is", null)
    .where(sql<string>`config->>${setup.exclusive.field}`, "=", setup.exclusive.value);
  if (exceptId) q = q.where("id", "!=", exceptId);
  if (await q.executeTakeFirst()) {
    throw new AppError(409, "already_connected", "This bot is already connected to Parley as another channel.");
  }
}

export async function createChannel(
  tx: Tx,
  actorUserId: string,
  workspaceId: string,
  input: { kind: string; name?: string | undefined; config: Record<string, unknown> },
  env: ConnectorEnv,
): Promise<ChannelRow> {
  const connector = connectorFor(input.kind);
  const setup = await connector.setup(input.config, env);
  await ensureExclusive(tx, input.kind, setup, null);
  const name = input.name ?? setup.name;
  if (!name) throw new AppError(400, "validation_failed", "Give the channel a name.");
  const row = await tx.db
    .insertInto("channels")
    .values({
      workspace_id: workspaceId,
      id: newId(),
      kind: input.kind,
      name,
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
  // Inside the transaction: if the messenger refuses (e.g. the webhook), nothing is created.
  await connector.activate?.(row, env);
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
  env: ConnectorEnv,
): Promise<ChannelRow> {
  const connector = connectorFor(channel.kind);
  const setup = patch.config ? await connector.setup(patch.config, env, channel) : undefined;
  if (setup) await ensureExclusive(tx, channel.kind, setup, channel.id);
  const config = setup?.config;
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
  if (config || (patch.status && patch.status !== channel.status)) await connector.activate?.(row, env);
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
  env: ConnectorEnv,
): Promise<void> {
  const row = await tx.db
    .updateTable("channels")
    .set({ deleted_at: new Date(), status: "paused" })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", channelId)
    .where("deleted_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound("This channel");
  // Best effort: the messenger stops pushing to a channel that is gone (its webhook is removed).
  await connectorFor(row.kind)
    .activate?.(row, env)
    .catch(() => undefined);
  await recordEvent(tx, { workspaceId, type: "channel.removed", actorUserId, payload: { channelId } });
}
