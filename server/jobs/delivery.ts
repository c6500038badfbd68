import { type Kysely, sql } from "kysely";
import { type ConnectorEnv, ConnectorError } from "../connectors/types";
import type { DB, DeliveryRow } from "../db/schema";
import { inTx } from "../db/tx";
import type { EventBus } from "../events/bus";
import { completeJob, isDue, loadJob, perform } from "./delivery-steps";

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
 * Sends queued messages (and edits and deletions) through their connectors. Jobs are claimed with FOR UPDATE SKIP LOCKED and a
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
    private readonly env: ConnectorEnv,
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
        SELECT workspace_id, id FROM deliveries j
        WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
          -- One job per chat at a time, oldest first: messages reach the messenger in the order written.
          AND NOT EXISTS (
            SELECT 1 FROM deliveries e
            WHERE e.workspace_id = j.workspace_id AND e.chat_id = j.chat_id AND e.status = 'pending'
              AND (e.created_at, e.id) < (j.created_at, j.id))
        ORDER BY next_attempt_at
        LIMIT ${this.opts.concurrency}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE d.workspace_id = due.workspace_id AND d.id = due.id
      RETURNING d.*`.execute(this.db);
    return result.rows;
  }

  private async process(job: DeliveryRow): Promise<void> {
    const row = await loadJob(this.db, job);
    if (!row || !isDue(job, row)) return this.finish(job, "done");
    if (row.channel.status === "paused" || row.channel.deleted_at) {
      const why = row.channel.deleted_at ? "The channel was removed." : "The channel is paused.";
      await this.reschedule(job, 60_000, why, false);
      return;
    }
    try {
      const sent = await perform(job, row, this.env);
      await completeJob(this.db, this.bus, job, { ok: true, sent });
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError("temporary", (err as Error).message);
      if (e.kind === "throttled") {
        // Our own rate limit: wait for the bucket without spending an attempt.
        await this.reschedule(job, e.retryAfterMs ?? 1000, null, false, true);
        return;
      }
      const retryable = e.kind === "temporary" || e.kind === "rate_limited";
      if (retryable && job.attempts < this.opts.maxAttempts) {
        await this.reschedule(job, e.retryAfterMs ?? this.opts.retryDelayMs(job.attempts), e.message, true);
      } else {
        const reason = retryable ? `Gave up after ${job.attempts} attempts: ${e.message}` : e.message;
        await completeJob(this.db, this.bus, job, { ok: false, reason, blocked: e.kind === "blocked" });
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

  private async reschedule(
    job: DeliveryRow,
    delayMs: number,
    error: string | null,
    channelError: boolean,
    refundAttempt = false,
  ): Promise<void> {
    await inTx(this.db, async (tx) => {
      await tx.db
        .updateTable("deliveries")
        .set({
          next_attempt_at: new Date(Date.now() + delayMs),
          locked_until: null,
          ...(error !== null ? { last_error: error } : {}),
          ...(refundAttempt ? { attempts: Math.max(0, job.attempts - 1) } : {}),
          updated_at: new Date(),
        })
        .where("workspace_id", "=", job.workspace_id)
        .where("id", "=", job.id)
        .execute();
      if (channelError && error) {
        await tx.db
          .updateTable("channels")
          .set({ last_error: error, last_error_at: new Date() })
          .where("workspace_id", "=", job.workspace_id)
          .where("id", "=", job.channel_id)
          .execute();
      }
    });
  }
}
