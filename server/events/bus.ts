import { EventEmitter } from "node:events";
import type { RecordedEvent } from "./record";

/**
 * In-process fan-out of committed events: realtime (Socket.IO, which spreads them across processes
 * through Redis) and in-process wake-ups (the delivery worker) subscribe here. Publish only after commit.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  publish(event: RecordedEvent): void {
    this.emitter.emit("event", event);
  }

  onEvent(fn: (event: RecordedEvent) => void): () => void {
    this.emitter.on("event", fn);
    return () => this.emitter.off("event", fn);
  }

  /** Outbound work was queued: wake the delivery worker now instead of at its next poll. */
  wakeDelivery(): void {
    this.emitter.emit("wake-delivery");
  }

  onWakeDelivery(fn: () => void): () => void {
    this.emitter.on("wake-delivery", fn);
    return () => this.emitter.off("wake-delivery", fn);
  }
}
