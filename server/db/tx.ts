import type { Kysely, Transaction } from "kysely";
import type { DB } from "./schema";

export type Tx = {
  db: Transaction<DB>;
  /** Runs after a successful commit (never on rollback): realtime, wake-ups, automation. */
  afterCommit: (fn: () => void | Promise<void>) => void;
};

export type AfterCommitErrorHandler = (err: unknown) => void;

/**
 * Runs `fn` in one transaction. Callbacks registered with `afterCommit` run once it has committed,
 * so nothing is published for data that was rolled back.
 */
export async function inTx<T>(
  db: Kysely<DB>,
  fn: (tx: Tx) => Promise<T>,
  onCallbackError: AfterCommitErrorHandler = (err) => console.error("afterCommit failed", err),
): Promise<T> {
  const callbacks: Array<() => void | Promise<void>> = [];
  const result = await db.transaction().execute((trx) => fn({ db: trx, afterCommit: (cb) => callbacks.push(cb) }));
  for (const cb of callbacks) {
    try {
      await cb();
    } catch (err) {
      onCallbackError(err);
    }
  }
  return result;
}
