import type { Kysely, Updateable } from "kysely";
import { inboxEvents, type MessagePart } from "../../common/inbox";
import { connectorFor } from "../connectors/registry";
import { type ConnectorEnv, ConnectorError, type Target } from "../connectors/types";
import type { ChannelRow, DB, DeliveryRow, MessagesTable } from "../db/schema";
import { inTx } from "../db/tx";
import type { EventBus } from "../events/bus";
import { recordEvent } from "../events/record";
import { loadChat } from "../modules/chats/queries";
import { presentMessages } from "../modules/messages/present";

export type JobContext = {
  channel: ChannelRow;
  message: {
    status: string | null;
    text: string | null;
    parts: MessagePart[];
    authorName: string;
    externalId: string | null;
    externalIds: string[] | null;
    deletedAt: Date | null;
  };
  chatExternalId: string;
  replyExternalId: string | null;
};

/** The message, its chat and channel, and the quoted message's messenger id: what a job needs. */
export async function loadJob(db: Kysely<DB>, job: DeliveryRow): Promise<JobContext | null> {
  const row = await db
    .selectFrom("messages")
    .innerJoin("chats", (j) =>
      j.onRef("chats.workspace_id", "=", "messages.workspace_id").onRef("chats.id", "=", "messages.chat_id"),
    )
    .innerJoin("channels", (j) =>
      j.onRef("channels.workspace_id", "=", "chats.workspace_id").onRef("channels.id", "=", "chats.channel_id"),
    )
    .leftJoin("messages as reply", (j) =>
      j.onRef("reply.workspace_id", "=", "messages.workspace_id").onRef("reply.id", "=", "messages.reply_to_id"),
    )
    .selectAll("channels")
    .select([
      "messages.status as m_status",
      "messages.text as m_text",
      "messages.parts as m_parts",
      "messages.author_name as m_author",
      "messages.external_id as m_external_id",
      "messages.external_ids as m_external_ids",
      "messages.deleted_at as m_deleted_at",
      "chats.external_id as chat_external_id",
      "reply.external_id as reply_external_id",
    ])
    .where("messages.workspace_id", "=", job.workspace_id)
    .where("messages.id", "=", job.message_id)
    .executeTakeFirst();
  if (!row) return null;
  const {
    m_status,
    m_text,
    m_parts,
    m_author,
    m_external_id,
    m_external_ids,
    m_deleted_at,
    chat_external_id,
    reply_external_id,
    ...channel
  } = row;
  return {
    channel,
    message: {
      status: m_status,
      text: m_text,
      parts: m_parts as MessagePart[],
      authorName: m_author,
      externalId: m_external_id,
      externalIds: m_external_ids,
      deletedAt: m_deleted_at,
    },
    chatExternalId: chat_external_id,
    replyExternalId: reply_external_id,
  };
}

/** Idempotence: a send is due only while the message is queued; an edit or delete once it was sent. */
export function isDue(job: DeliveryRow, ctx: JobContext): boolean {
  if (job.action === "send") return ctx.message.status === "queued" && !ctx.message.deletedAt;
  return ctx.message.externalId !== null;
}

function targetOf(job: DeliveryRow, ctx: JobContext): Target {
  return {
    chat: { id: job.chat_id, externalId: ctx.chatExternalId },
    externalIds: ctx.message.externalIds ?? (ctx.message.externalId ? [ctx.message.externalId] : []),
    text: ctx.message.text,
    parts: ctx.message.parts,
  };
}

/** Calls the connector; returns the messenger ids of a send. Throws ConnectorError. */
export async function perform(
  job: DeliveryRow,
  ctx: JobContext,
  env: ConnectorEnv,
): Promise<{ externalId: string; externalIds?: string[] } | null> {
  const connector = connectorFor(ctx.channel.kind);
  if (job.action === "send") {
    return connector.send(
      ctx.channel,
      {
        deliveryId: job.id,
        messageId: job.message_id,
        chat: { id: job.chat_id, externalId: ctx.chatExternalId },
        text: ctx.message.text,
        parts: ctx.message.parts,
        replyToExternalId: ctx.replyExternalId,
        authorName: ctx.message.authorName,
      },
      env,
    );
  }
  const action = job.action === "edit" ? connector.edit : connector.delete;
  if (!action) throw new ConnectorError("invalid", `This channel cannot ${job.action} messages.`);
  await action.call(connector, ctx.channel, targetOf(job, ctx), env);
  return null;
}

export type JobOutcome =
  | { ok: true; sent?: { externalId: string; externalIds?: string[] } | null }
  | { ok: false; reason: string; blocked?: boolean };

/**
 * Stores the outcome with the job in one transaction and records `message.updated`: a send becomes
 * `sent` with the messenger's ids or `failed` with the reason; a failed edit or delete shows its
 * reason on the message (a refused delete brings the message back). A blocked bot marks the chat.
 */
export async function completeJob(db: Kysely<DB>, bus: EventBus, job: DeliveryRow, outcome: JobOutcome): Promise<void> {
  const ws = job.workspace_id;
  const error = outcome.ok ? null : outcome.reason;
  await inTx(
    db,
    async (tx) => {
      const message = tx.db.updateTable("messages").where("workspace_id", "=", ws).where("id", "=", job.message_id);
      let patched: Updateable<MessagesTable>;
      if (job.action === "send") {
        const sent = outcome.ok ? outcome.sent : null;
        patched = outcome.ok
          ? {
              status: "sent",
              external_id: sent?.externalId ?? null,
              external_ids: sent?.externalIds ?? null,
              error: null,
              sent_at: new Date(),
            }
          : { status: "failed", error };
      } else if (outcome.ok) {
        patched = { error: null };
      } else {
        const verb = job.action === "edit" ? "edit" : "delete";
        patched = {
          error: `Could not ${verb} it in the messenger: ${error}`,
          ...(job.action === "delete" ? { deleted_at: null } : {}),
        };
      }
      const updated = await message.set(patched).returningAll().executeTakeFirstOrThrow();
      await tx.db
        .updateTable("deliveries")
        .set({ status: outcome.ok ? "done" : "failed", locked_until: null, last_error: error, updated_at: new Date() })
        .where("workspace_id", "=", ws)
        .where("id", "=", job.id)
        .execute();
      // Channel health: the last error, cleared by the next success.
      const health = tx.db.updateTable("channels").where("workspace_id", "=", ws).where("id", "=", job.channel_id);
      if (error && !(!outcome.ok && outcome.blocked))
        await health.set({ last_error: error, last_error_at: new Date() }).execute();
      else if (!error) await health.set({ last_error: null }).where("last_error", "is not", null).execute();
      const [dto] = await presentMessages(tx.db, ws, [updated]);
      await recordEvent(tx, { workspaceId: ws, type: inboxEvents.messageUpdated, payload: { message: dto } });
      if (!outcome.ok && outcome.blocked) {
        const changed = await tx.db
          .updateTable("chats")
          .set({ status: "blocked" })
          .where("workspace_id", "=", ws)
          .where("id", "=", job.chat_id)
          .where("status", "!=", "blocked")
          .executeTakeFirst();
        if (changed.numUpdatedRows > 0n) {
          const chat = await loadChat(tx.db, ws, job.chat_id);
          await recordEvent(tx, {
            workspaceId: ws,
            type: inboxEvents.chatUpdated,
            payload: { chat, reason: "status" },
          });
        }
      }
    },
    { bus },
  );
}
