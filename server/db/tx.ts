import type { Kysely, Transaction } from "kysely";
import type { EventBus } from "../events/bus";
import type { DB } from "./schema";

export type Tx = {
  db: Transaction<DB>;
  /** Runs after a successful commit (never on rollback): realtime, wake-ups, automation. */
  afterCommit: (fn: AfterCommit) => void;
  /** Where events recorded in this transaction are published after commit (none in bare scripts). */
  bus: EventBus | null;
};

export type TxOptions = {
  bus?: EventBus | null;
  onCallbackError?: (err: unknown) => void;
};

/**
 * Runs `fn` in one transaction. Callbacks registered with `afterCommit` run once it has committed,
 * so nothing is published for data that was rolled back.
 */
export async function inTx<T>(db: Kysely<DB>, fn: (tx: Tx) => Promise<T>, opts: TxOptions = {}): Promise<T> {
  const callbacks: AfterCommit[] = [];
  const result = await db
    .transaction()
    .execute((trx) => fn({ db: trx, afterCommit: (cb) => callbacks.push(cb), bus: opts.bus ?? null }));
  await runAfterCommit(callbacks, opts);
  return result;
}

export type AfterCommit = () => void | Promise<void>;

/** Runs a committed transaction's callbacks in order; one that fails is reported and the rest still run. */
export async function runAfterCommit(callbacks: AfterCommit[], opts: Pick<TxOptions, "onCallbackError">) {
  for (const cb of callbacks) {
    try {
      await cb();
    } catch (err) {
      (opts.onCallbackError ?? ((e) => console.error("afterCommit failed", e)))(err);
    }
  }
}
