import path from "node:path";
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { mediaStore } from "../modules/files/media-store";
import { FileStorage } from "../modules/files/storage";
import { memoryRateLimiter, redisRateLimiter } from "./rate-limit";
import type { ConnectorEnv } from "./types";

/** The connectors' environment of one process: files under the data dir, limits shared via Redis. */
export function connectorEnv(
  db: Kysely<DB>,
  opts: { dataDir: string; fileLimit: number; publicUrl?: string | undefined; redis?: Redis | undefined },
): ConnectorEnv {
  return {
    files: mediaStore(db, new FileStorage(path.join(opts.dataDir, "files")), opts.fileLimit),
    limiter: opts.redis ? redisRateLimiter(opts.redis) : memoryRateLimiter(),
    publicUrl: opts.publicUrl ?? null,
  };
}
