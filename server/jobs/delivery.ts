import { type Kysely, sql } from "kysely";
import { inboxEvents, type MessagePart } from "../../common/inbox";
import { connectorFor } from "../connectors/registry";
import { ConnectorError } from "../connectors/types";
import type { DB, DeliveryRow } from "../db/schema";
import { inTx } from "../db/tx";
import type { EventBus } from "../events/bus";
import { recordEvent } from "../events/record";
import { presentMessages } from "../modules/messages/present";

export type DeliveryOptions = {
  /** How long a claimed job stays invisible to other workers (crash recovery waits this long). */
  leaseMs?: number;
  /** Fallback poll when no wake-up arrives (other processes' sends, retries coming due). */
  pollMs?: number;
  concurrency?: number;
  maxAttempts?: number;
  /** Delay before retry number `attempt` (default: exponential backoff with jitter). */
  retryDelayMs?: (attempt: number) => number;
  log?: { error: (obj: object, msg: string) => void };
};

export function backoffMs(attempt: number): number {
  const base = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * Sends queued messages through their connectors. Jobs are claimed with FOR UPDATE SKIP LOCKED and a
 * lease, so several workers (and processes) never send one job at the same time; the result is stored
 * before the job is done. Temporary failures retry with backoff, permanent ones fail with the reason.
 */
export class DeliveryWorker {
  private running = false;
  private wakeUp: (() => void) | null = null;
  private pending = false;
  private loop: Promise<void> | null = null;
  private readonly opts: Required<Omit<DeliveryOptions, "log">> & Pick<DeliveryOptions, "log">;
  private unsubscribe: () => void = () => {};

  constructor(
    private readonly db: Kysely<DB>,
    private readonly bus: EventBus,
    opts: DeliveryOptions = {},
  ) {
    this.opts = { leaseMs: 30_000, pollMs: 1000, concurrency: 8, maxAttempts: 10, retryDelayMs: backoffMs, ...opts };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.bus.onWakeDelivery(() => this.wake());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe();
    this.wake();
    await this.loop;
  }

  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  /** Embedded mode has one process: leases of a crashed run can be released at once. */
  async releaseLeases(): Promise<void> {
    await this.db.updateTable("deliveries").set({ locked_until: null }).where("status", "=", "pending").execute();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.pending = false;
      let claimed: DeliveryRow[] = [];
      try {
        claimed = await this.claim();
        await Promise.all(claimed.map((job) => this.process(job)));
      } catch (err) {
        this.opts.log?.error({ err }, "delivery loop failed");
      }
      if (claimed.length === 0 && !this.pending && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.opts.pollMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = null;
      }
    }
  }

  private async claim(): Promise<DeliveryRow[]> {
    const result = await sql<DeliveryRow>`
      UPDATE deliveries d SET locked_until = ${new Date(Date.now() + this.opts.leaseMs)}, attempts = d.attempts + 1, updated_at = now()
      FROM (
        SELECT workspace_id, id FROM deliveries
        WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
        ORDER BY next_attempt_at
        LIMIT ${this.opts.concurrency}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE d.workspace_id = due.workspace_id AND d.id = due.id
      RETURNING d.*`.execute(this.db);
    return result.rows;
  }

  private async process(job: DeliveryRow): Promise<void> {
    const row = await this.db
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
        "messages.status as message_status",
        "messages.text as message_text",
        "messages.parts as message_parts",
        "messages.author_name",
        "chats.external_id as chat_external_id",
        "reply.external_id as reply_external_id",
      ])
      .where("messages.workspace_id", "=", job.workspace_id)
      .where("messages.id", "=", job.message_id)
      .executeTakeFirst();
    // Idempotent: a message that is gone or no longer queued needs nothing more.
    if (row?.message_status !== "queued") return this.finish(job, "done");
    if (row.status === "paused" || row.deleted_at) {
      await this.reschedule(job, 60_000, row.deleted_at ? "The channel was removed." : "The channel is paused.", false);
      return;
    }
    const {
      message_status,
      message_text,
      message_parts,
      author_name,
      chat_external_id,
      reply_external_id,
      ...channel
    } = row;
    try {
      const sent = await connectorFor(channel.kind).send(channel, {
        deliveryId: job.id,
        messageId: job.message_id,
        chat: { id: job.chat_id, externalId: chat_external_id },
        text: message_text,
        parts: message_parts as MessagePart[],
        replyToExternalId: reply_external_id,
        authorName: author_name,
      });
      await this.complete(job, { status: "sent", externalId: sent.externalId, error: null });
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError("temporary", (err as Error).message);
      const retryable = e.kind === "temporary" || e.kind === "rate_limited";
      if (retryable && job.attempts < this.opts.maxAttempts) {
        await this.reschedule(job, e.retryAfterMs ?? this.opts.retryDelayMs(job.attempts), e.message, true);
      } else {
        const reason = retryable ? `Gave up after ${job.attempts} attempts: ${e.message}` : e.message;
        await this.complete(job, { status: "failed", externalId: null, error: reason });
      }
    }
  }

  private async finish(job: DeliveryRow, status: "done" | "failed"): Promise<void> {
    await this.db
      .updateTable("deliveries")
      .set({ status, locked_until: null, updated_at: new Date() })
      .where("workspace_id", "=", job.workspace_id)
      .where("id", "=", job.id)
      .execute();
  }

  private async reschedule(job: DeliveryRow, delayMs: number, error: string, channelError: boolean): Promise<void> {
    await inTx(this.db, async (tx) => {
      await tx.db
        .updateTable("deliveries")
        .set({
          next_attempt_at: new Date(Date.now() + delayMs),
          locked_until: null,
          last_error: error,
          updated_at: new Date(),
        })
        .where("workspace_id", "=", job.workspace_id)
        .where("id", "=", job.id)
        .execute();
      if (channelError) {
        await tx.db
          .updateTable("channels")
          .set({ last_error: error, last_error_at: new Date() })
          .where("workspace_id", "=", job.workspace_id)
          .where("id", "=", job.channel_id)
          .execute();
      }
    });
  }

  private async complete(
    job: DeliveryRow,
    result: { status: "sent" | "failed"; externalId: string | null; error: string | null },
  ): Promise<void> {
    await inTx(
      this.db,
      async (tx) => {
        const updated = await tx.db
          .updateTable("messages")
          .set({
            status: result.status,
            external_id: result.externalId,
            error: result.error,
            ...(result.status === "sent" ? { sent_at: new Date() } : {}),
          })
          .where("workspace_id", "=", job.workspace_id)
          .where("id", "=", job.message_id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await tx.db
          .updateTable("deliveries")
          .set({
            status: result.status === "sent" ? "done" : "failed",
            locked_until: null,
            last_error: result.error,
            updated_at: new Date(),
          })
          .where("workspace_id", "=", job.workspace_id)
          .where("id", "=", job.id)
          .execute();
        // Channel health: the last error, cleared by the next successful send.
        const health = tx.db
          .updateTable("channels")
          .where("workspace_id", "=", job.workspace_id)
          .where("id", "=", job.channel_id);
        if (result.error) await health.set({ last_error: result.error, last_error_at: new Date() }).execute();
        else await health.set({ last_error: null }).where("last_error", "is not", null).execute();
        const [message] = await presentMessages(tx.db, job.workspace_id, [updated]);
        await recordEvent(tx, {
          workspaceId: job.workspace_id,
          type: inboxEvents.messageUpdated,
          payload: { message },
        });
      },
      { bus: this.bus },
    );
  }
}
