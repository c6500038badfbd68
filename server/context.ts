import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { Config } from "./config";
import type { ConnectorEnv } from "./connectors/types";
import type { DB } from "./db/schema";
import type { Tx } from "./db/tx";
import type { EventBus } from "./events/bus";

/** What every module gets: the database, the config, the logger. */
export type Ctx = {
  db: Kysely<DB>;
  config: Config;
  log: FastifyBaseLogger;
  /** Present when REDIS_URL is set: shared rate limits (and realtime fan-out, later). */
  redis: Redis | undefined;
  bus: EventBus;
  /** What connectors use: media storage, the shared rate limiter, the public URL. */
  connectors: ConnectorEnv;
  /** A transaction whose recorded events are published after commit. */
  inTx: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
};
