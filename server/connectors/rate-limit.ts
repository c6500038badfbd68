import type { Redis } from "ioredis";

/** A token bucket: `rate` tokens per second, holding at most `burst`. */
export type Bucket = { key: string; rate: number; burst: number };

/**
 * Messenger rate limits (per bot, per chat), shared by every process when Redis is configured.
 * `take` takes one token from every bucket at once, or none: it answers 0 when the send may go now,
 * else how many milliseconds to wait before asking again.
 */
export interface RateLimiter {
  take(buckets: Bucket[]): Promise<number>;
}

type State = { tokens: number; at: number };

/** One process (embedded mode): buckets in memory. */
export function memoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const states = new Map<string, State>();
  return {
    async take(buckets) {
      const t = now();
      const current = buckets.map((b) => {
        const s = states.get(b.key) ?? { tokens: b.burst, at: t };
        return { b, tokens: Math.min(b.burst, s.tokens + ((t - s.at) / 1000) * b.rate) };
      });
      const wait = Math.max(0, ...current.map(({ b, tokens }) => (tokens >= 1 ? 0 : ((1 - tokens) / b.rate) * 1000)));
      if (wait > 0) return Math.ceil(wait);
      for (const { b, tokens } of current) states.set(b.key, { tokens: tokens - 1, at: t });
      if (states.size > 50_000) {
        // Idle buckets are full again: forgetting them changes nothing.
        for (const [k, s] of states) if (t - s.at > 60_000) states.delete(k);
      }
      return 0;
    },
  };
}

// KEYS: bucket keys; ARGV: now (ms), then rate and burst per key. Atomic in Redis.
const takeScript = `
local now = tonumber(ARGV[1])
local wait = 0
local tokens = {}
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[i * 2])
  local burst = tonumber(ARGV[i * 2 + 1])
  local s = redis.call('HMGET', key, 't', 'at')
  local t = tonumber(s[1]) or burst
  local at = tonumber(s[2]) or now
  t = math.min(burst, t + (now - at) / 1000 * rate)
  tokens[i] = t
  if t < 1 then wait = math.max(wait, (1 - t) / rate * 1000) end
end
if wait > 0 then return math.ceil(wait) end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 't', tokens[i] - 1, 'at', now)
  redis.call('PEXPIRE', key, 120000)
end
return 0`;

/** Several processes: buckets in Redis, updated atomically by one script. */
export function redisRateLimiter(redis: Redis, prefix = "parley-rate:"): RateLimiter {
  return {
    async take(buckets) {
      const args = buckets.flatMap((b) => [String(b.rate), String(b.burst)]);
      const wait = await redis.eval(
        takeScript,
        buckets.length,
        ...buckets.map((b) => prefix + b.key),
        String(Date.now()),
        ...args,
      );
      return Number(wait);
    },
  };
}

/** Waits for tokens up to `maxWaitMs`; answers 0 when taken, else the wait still needed. */
export async function takeOrWait(limiter: RateLimiter, buckets: Bucket[], maxWaitMs: number): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const wait = await limiter.take(buckets);
    if (wait === 0) return 0;
    if (Date.now() + wait > deadline) return wait;
    await new Promise((r) => setTimeout(r, wait));
  }
}
