import { randomBytes } from "node:crypto";
import os from "node:os";
import { type Kysely, sql } from "kysely";
import { allConnectors, connectorFor } from "../../connectors/registry";
import { type ConnectorEnv, ConnectorError } from "../../connectors/types";
import type { ChannelRow, DB } from "../../db/schema";
import type { EventBus } from "../../events/bus";
import type { InboundBatcher } from "./batcher";
import { deadLetter, ingest } from "./ingest";

export type PollerOptions = {
  /** How long a claimed channel stays ours without renewal (another process takes over after it). */
  leaseMs?: number;
  /** How often the set of channels to poll is re-read (channel events also trigger it). */
  refreshMs?: number;
  /** A poll that answers sooner than this with nothing is followed by a pause (a server not long-polling). */
  minPollMs?: number;
  log?: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
};

type Running = { controller: AbortController; done: Promise<void>; updatedAt: number };

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });

/**
 * Long polling for channels whose messenger is polled (Telegram without a public URL). Each channel
 * is polled by exactly one process: a lease on the channel row, renewed before every poll and taken
 * over when it expires. The cursor (Telegram's offset) is saved only after the updates are committed,
 * so a crash re-fetches rather than loses them; dedupe makes the re-fetch harmless.
 */
export class PollerManager {
  readonly owner = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  private readonly running = new Map<string, Running>();
  private readonly opts: Required<Omit<PollerOptions, "log">> & Pick<PollerOptions, "log">;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;
  private unsubscribe: () => void = () => {};

  constructor(
    private readonly deps: { db: Kysely<DB>; bus: EventBus; batcher: InboundBatcher; env: ConnectorEnv },
    opts: PollerOptions = {},
  ) {
    this.opts = { leaseMs: 60_000, refreshMs: 5000, minPollMs: 1000, ...opts };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.deps.bus.onEvent((e) => {
      if (e.type.startsWith("channel.")) void this.refresh();
    });
    const tick = () => {
      void this.refresh().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.opts.refreshMs);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.refreshing;
    await Promise.all([...this.running.keys()].map((id) => this.halt(id)));
  }

  /** Embedded mode has one process: a crashed run's leases can be released at once. */
  async releaseLeases(): Promise<void> {
    await this.deps.db.updateTable("channels").set({ poll_owner: null, poll_lease_until: null }).execute();
  }

  /** Channels this process polls now (for tests and health). */
  polling(): string[] {
    return [...this.running.keys()];
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    if (this.stopped) return;
    const kinds = allConnectors()
      .filter((c) => c.poll)
      .map((c) => c.kind);
    let rows: ChannelRow[] = [];
    try {
      rows = await this.deps.db
        .selectFrom("channels")
        .selectAll()
        .where("kind", "in", kinds)
        .where("status", "=", "active")
        .where("deleted_at", "is", null)
        .execute();
    } catch (err) {
      this.opts.log?.error({ err }, "could not list channels to poll");
      return;
    }
    const wanted = new Map(rows.filter((r) => connectorFor(r.kind).polls?.(r)).map((r) => [r.id, r]));
    for (const [id, run] of this.running) {
      const row = wanted.get(id);
      if (!row || row.updated_at.getTime() !== run.updatedAt) await this.halt(id);
    }
    for (const row of wanted.values()) {
      if (this.stopped || this.running.has(row.id)) continue;
      if (!(await this.claim(row))) continue;
      const controller = new AbortController();
      const done = this.loop(row, controller.signal);
      this.running.set(row.id, { controller, done, updatedAt: row.updated_at.getTime() });
    }
  }

  private async halt(channelId: string): Promise<void> {
    const run = this.running.get(channelId);
    if (!run) return;
    run.controller.abort();
    await run.done;
    this.running.delete(channelId);
    await this.deps.db
      .updateTable("channels")
      .set({ poll_owner: null, poll_lease_until: null })
      .where("id", "=", channelId)
      .where("poll_owner", "=", this.owner)
      .execute()
      .catch(() => undefined);
  }

  /** Takes or renews the channel's lease; false when another live process holds it. */
  private async claim(row: Pick<ChannelRow, "id">): Promise<boolean> {
    const until = new Date(Date.now() + this.opts.leaseMs);
    const res = await sql<{ id: string }>`
      UPDATE channels SET poll_owner = ${this.owner}, poll_lease_until = ${until}
      WHERE id = ${row.id} AND (poll_owner IS NULL OR poll_owner = ${this.owner} OR poll_lease_until < now())
      RETURNING id`
      .execute(this.deps.db)
      .catch(() => ({ rows: [] }));
    return res.rows.length > 0;
  }

  private async loop(channel: ChannelRow, signal: AbortSignal): Promise<void> {
    const connector = connectorFor(channel.kind);
    let failures = 0;
    let hadError = false;
    while (!signal.aborted) {
      if (!(await this.claim(channel))) break; // the lease went to another process
      const started = Date.now();
      // The lease is renewed while the round runs (a long poll, storing its updates, a backoff): it must not
      // lapse under a live poller. If another process holds it after all, the round stops.
      const lost = new AbortController();
      const round = AbortSignal.any([signal, lost.signal]);
      let renewing: Promise<void> = Promise.resolve();
      const renewal = setInterval(
        () => {
          renewing = this.claim(channel).then((ok) => {
            if (!ok) lost.abort();
          });
        },
        Math.max(20, Math.floor(this.opts.leaseMs / 3)),
      );
      try {
        const cursorRow = await this.deps.db
          .selectFrom("channels")
          .select("poll_cursor")
          .where("id", "=", channel.id)
          .executeTakeFirst();
        const polled = await connector.poll?.(channel, cursorRow?.poll_cursor ?? null, round, this.deps.env);
        if (!polled || round.aborted) break;
        const { result, cursor } = polled;
        if (result.kind === "unparseable") await deadLetter(this.deps.db, channel, result.reason, "");
        else await ingest(this.deps, channel, result);
        await this.deps.db
          .updateTable("channels")
          .set({ poll_cursor: cursor, ...(hadError ? { last_error: null } : {}) })
          .where("id", "=", channel.id)
          .where("poll_owner", "=", this.owner)
          .execute();
        failures = 0;
        hadError = false;
        const empty = result.kind === "events" && result.events.length === 0 && (result.updates?.length ?? 0) === 0;
        if (empty && Date.now() - started < this.opts.minPollMs) await sleep(this.opts.minPollMs, round);
      } catch (err) {
        if (round.aborted) break;
        failures++;
        hadError = true;
        const e = err instanceof ConnectorError ? err : new ConnectorError("temporary", (err as Error).message);
        this.opts.log?.warn({ channelId: channel.id, reason: e.message }, "polling failed");
        const backoff = e.retryAfterMs ?? Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5));
        await sleep(backoff, round);
        // Stopped meanwhile (e.g. switched to a webhook, whose setWebhook ended this poll with 409): no error.
        if (round.aborted) break;
        await this.deps.db
          .updateTable("channels")
          .set({ last_error: e.message, last_error_at: new Date() })
          .where("id", "=", channel.id)
          .execute()
          .catch(() => undefined);
      } finally {
        clearInterval(renewal);
        await renewing;
      }
    }
    // Lost the lease (or the connector stopped): let the next refresh decide again.
    if (!signal.aborted) this.running.delete(channel.id);
  }
}
