import type { Redis } from "ioredis";
import { AppError } from "../../http/errors";

/** Counts failed sign-ins per key within a window; kept in Redis when several processes serve. */
export interface AttemptStore {
  failures(key: string): Promise<{ count: number; resetInMs: number }>;
  fail(key: string, windowMs: number): Promise<void>;
  clear(key: string): Promise<void>;
}

export function memoryAttemptStore(): AttemptStore {
  const map = new Map<string, { count: number; resetAt: number }>();
  const live = (key: string) => {
    const e = map.get(key);
    if (e && e.resetAt <= Date.now()) map.delete(key);
    return map.get(key);
  };
  return {
    failures: async (key) => {
      const e = live(key);
      return e ? { count: e.count, resetInMs: e.resetAt - Date.now() } : { count: 0, resetInMs: 0 };
    },
    fail: async (key, windowMs) => {
      const e = live(key);
      if (e) e.count++;
      else map.set(key, { count: 1, resetAt: Date.now() + windowMs });
      if (map.size > 100_000) for (const k of map.keys()) if (!live(k)) map.delete(k);
    },
    clear: async (key) => void map.delete(key),
  };
}

export function redisAttemptStore(redis: Redis): AttemptStore {
  const k = (key: string) => `parley:login:${key}`;
  return {
    failures: async (key) => {
      const [count, ttl] = await Promise.all([redis.get(k(key)), redis.pttl(k(key))]);
      return { count: Number(count ?? 0), resetInMs: Math.max(0, ttl) };
    },
    fail: async (key, windowMs) => {
      await redis.multi().incr(k(key)).pexpire(k(key), windowMs, "NX").exec();
    },
    clear: async (key) => void (await redis.del(k(key))),
  };
}

export type LoginLimiter = {
  check: (key: string) => Promise<void>;
  failed: (key: string) => Promise<void>;
  succeeded: (key: string) => Promise<void>;
};

export function loginLimiter(store: AttemptStore, maxFailures: number, windowMs = 5 * 60_000): LoginLimiter {
  return {
    check: async (key) => {
      const { count, resetInMs } = await store.failures(key);
      if (count >= maxFailures) {
        const minutes = Math.max(1, Math.ceil(resetInMs / 60_000));
        throw new AppError(429, "rate_limited", `Too many failed sign-ins. Try again in ${minutes} min.`, {
          retryAfterSeconds: Math.ceil(resetInMs / 1000),
        });
      }
    },
    failed: (key) => store.fail(key, windowMs),
    succeeded: (key) => store.clear(key),
  };
}
