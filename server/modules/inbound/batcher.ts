import type { Kysely } from "kysely";
import type { InboundMessage } from "../../connectors/types";
import { inGroups } from "../../db/round-trips";
import type { ChannelRow, DB } from "../../db/schema";
import type { EventBus } from "../../events/bus";
import { type StoreResult, storeInboundBatch } from "./store";

export type Item = {
  channel: ChannelRow;
  event: InboundMessage;
  resolve: (r: StoreResult) => void;
  reject: (e: unknown) => void;
};

const maxBatch = 100;
/**
 * Webhooks waiting before a second batch starts beside a running one. Below it they wait for the
 * running batch and go together in the next: at a steady trickle (200/s) parallel one-message
 * transactions cost more round trips and commits than they save, and their webhook → socket p99 was
 * 105–197 ms against 67–86 with one batch at a time (500 sockets, same session); under a flood the
 * queue passes this at once and batches overlap as before.
 */
export const overlapAt = 16;
/** Channel health ("last update received") is written at most this often per channel. */
const healthEveryMs = 5000;

/**
 * Group commit: webhooks that arrive while a transaction runs wait and are stored together in the next
 * one (whose statements travel in two or three round trips, see `storeInboundBatch`). Each caller is
 * answered only after the transaction holding its message committed. There is no timer: a lone webhook
 * is stored at once. Up to `parallel` batches run at once when webhooks pile up (`overlapAt`; on
 * PostgreSQL one can execute while another waits for its commit). If a batch fails (a deadlock, a bad
 * item), its items are retried one by one so that one cannot fail the others.
 */
export class InboundBatcher {
  private queue: Item[] = [];
  private inflight = 0;
  /** When this process last wrote each channel's health: most batches need no write at all. */
  private readonly healthWritten = new Map<string, number>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly bus: EventBus,
    private readonly parallel = 1,
  ) {}

  store(channel: ChannelRow, event: InboundMessage): Promise<StoreResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ channel, event, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (
      this.queue.length > 0 &&
      (this.inflight === 0 || (this.inflight < this.parallel && this.queue.length >= overlapAt))
    ) {
      this.inflight++;
      // Start on the next turn of the event loop: requests already being parsed join this batch.
      // (PGlite runs in this thread and can finish a whole transaction without yielding to them.)
      setImmediate(() => {
        const batch = this.queue.splice(0, maxBatch);
        if (batch.length === 0) {
          this.inflight--;
          return;
        }
        void this.run(batch).finally(() => {
          this.inflight--;
          this.pump();
        });
      });
    }
  }

  private async run(batch: Item[]): Promise<void> {
    try {
      await this.commit(batch);
    } catch {
      for (const item of batch) await this.commit([item]).catch(item.reject);
    }
  }

  /** Channels of the batch whose health this process has not written for a while. */
  private healthDue(batch: Item[]): string[] {
    const now = Date.now();
    const due = [...new Set(batch.map((i) => i.channel.id))].filter(
      (id) => now - (this.healthWritten.get(id) ?? 0) >= healthEveryMs,
    );
    if (this.healthWritten.size > 10_000) this.healthWritten.clear();
    for (const id of due) this.healthWritten.set(id, now);
    return due;
  }

  protected async commit(batch: Item[]): Promise<void> {
    const channels = this.healthDue(batch);
    const health =
      channels.length === 0
        ? []
        : [
            this.db
              .updateTable("channels")
              .set({ last_update_at: new Date() })
              .where("id", "in", channels)
              .where((eb) =>
                eb.or([
                  eb("last_update_at", "is", null),
                  eb("last_update_at", "<", new Date(Date.now() - healthEveryMs)),
                ]),
              ),
          ];
    const results = await inGroups(this.db, (tx) => storeInboundBatch(tx, batch, health), { bus: this.bus });
    batch.forEach((item, i) => {
      const r = results[i];
      if (r) item.resolve(r);
    });
  }
}
