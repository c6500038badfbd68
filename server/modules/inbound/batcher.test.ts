import { describe, expect, it } from "vitest";
import type { InboundMessage } from "../../connectors/types";
import type { ChannelRow } from "../../db/schema";
import { InboundBatcher, type Item, overlapAt } from "./batcher";
import type { StoreResult } from "./store";

/** A batcher whose transactions are held open until released: it records how many overlap. */
class HeldBatcher extends InboundBatcher {
  running = 0;
  mostAtOnce = 0;
  sizes: number[] = [];
  private readonly held: Array<() => void> = [];

  constructor(parallel: number) {
    super(null as never, null as never, parallel);
  }

  protected override async commit(batch: Item[]): Promise<void> {
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    this.sizes.push(batch.length);
    await new Promise<void>((resolve) => this.held.push(resolve));
    this.running--;
    for (const item of batch) item.resolve({ status: "duplicate", messageId: null } as StoreResult);
  }

  /** Lets every transaction started so far commit, and waits for the batcher to start the next ones. */
  async release(): Promise<void> {
    for (const resolve of this.held.splice(0)) resolve();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
  }
}

const channel = { id: "c", workspace_id: "w" } as ChannelRow;
const event = (i: number) => ({ eventId: `e${i}` }) as InboundMessage;
const turn = () => new Promise((r) => setImmediate(r));

describe("inbound batcher", () => {
  it("stores a trickle one batch at a time: webhooks arriving meanwhile go together in the next", async () => {
    const b = new HeldBatcher(3);
    const stored = [b.store(channel, event(0))];
    await turn();
    for (let i = 1; i < overlapAt; i++) stored.push(b.store(channel, event(i)));
    await turn();
    expect(b.running).toBe(1);
    await b.release();
    expect(b.sizes).toEqual([1, overlapAt - 1]);
    await b.release();
    await Promise.all(stored);
    expect(b.mostAtOnce).toBe(1);
  });

  it("overlaps batches, up to its parallelism, once webhooks pile up", async () => {
    const b = new HeldBatcher(3);
    const stored = [b.store(channel, event(0))];
    await turn();
    for (let i = 1; i <= 3 * overlapAt; i++) {
      stored.push(b.store(channel, event(i)));
      if (i % overlapAt === 0) await turn();
    }
    expect(b.running).toBe(3);
    while (b.running > 0) await b.release();
    await Promise.all(stored);
    expect(b.mostAtOnce).toBe(3);
    expect(b.sizes.reduce((a, n) => a + n, 0)).toBe(3 * overlapAt + 1);
  });
});
