import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bucket, memoryRateLimiter, type RateLimiter, redisRateLimiter, takeOrWait } from "./rate-limit";

/** Takes `n` times in a row; the answers. */
async function takeMany(limiter: RateLimiter, buckets: Bucket[], n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await limiter.take(buckets));
  return out;
}

describe("memory rate limiter (fake clock)", () => {
  it("lets a burst through, then one token per 1/rate seconds, answering how long to wait", async () => {
    let now = 1_000_000;
    const limiter = memoryRateLimiter(() => now);
    const chat: Bucket[] = [{ key: "chat", rate: 1, burst: 3 }];
    expect(await takeMany(limiter, chat, 3)).toEqual([0, 0, 0]);
    expect(await limiter.take(chat)).toBe(1000);
    now += 400;
    expect(await limiter.take(chat)).toBe(600);
    now += 600;
    expect(await limiter.take(chat)).toBe(0);
    expect(await limiter.take(chat)).toBe(1000);
    // A long pause refills only up to the burst.
    now += 60_000;
    expect(await takeMany(limiter, chat, 4)).toEqual([0, 0, 0, 1000]);
  });

  it("refills fractionally: 30 per second gives one token every 34 ms (rounded up)", async () => {
    let now = 0;
    const limiter = memoryRateLimiter(() => now);
    const bot: Bucket[] = [{ key: "bot", rate: 30, burst: 30 }];
    expect((await takeMany(limiter, bot, 30)).every((w) => w === 0)).toBe(true);
    expect(await limiter.take(bot)).toBe(34);
    now += 34;
    expect(await limiter.take(bot)).toBe(0);
  });

  it("takes from every bucket at once or from none", async () => {
    let now = 0;
    const limiter = memoryRateLimiter(() => now);
    const bot: Bucket = { key: "bot", rate: 1, burst: 5 };
    const chat: Bucket = { key: "chat", rate: 1, burst: 1 };
    expect(await limiter.take([bot, chat])).toBe(0);
    // The chat is empty: the refusal must not spend the bot's token.
    expect(await limiter.take([bot, chat])).toBe(1000);
    expect(await limiter.take([bot, chat])).toBe(1000);
    expect(await takeMany(limiter, [bot], 4)).toEqual([0, 0, 0, 0]);
    expect(await limiter.take([bot])).toBe(1000);
    // The wait is that of the emptiest bucket.
    now += 500;
    expect(await limiter.take([{ key: "slow", rate: 0.1, burst: 0 }, chat])).toBe(10_000);
    expect(await limiter.take([chat])).toBe(500);
  });

  it("keeps buckets apart by key", async () => {
    const limiter = memoryRateLimiter(() => 0);
    const a: Bucket[] = [{ key: "a", rate: 1, burst: 1 }];
    const b: Bucket[] = [{ key: "b", rate: 1, burst: 1 }];
    expect(await limiter.take(a)).toBe(0);
    expect(await limiter.take(b)).toBe(0);
    expect(await limiter.take(a)).toBeGreaterThan(0);
  });

  it("takeOrWait waits within its limit and reports a longer wait instead of sleeping", async () => {
    const limiter = memoryRateLimiter();
    const fast: Bucket[] = [{ key: "fast", rate: 50, burst: 1 }];
    expect(await takeOrWait(limiter, fast, 1000)).toBe(0);
    const started = Date.now();
    expect(await takeOrWait(limiter, fast, 1000)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const slow: Bucket[] = [{ key: "slow", rate: 0.01, burst: 1 }];
    expect(await takeOrWait(limiter, slow, 1000)).toBe(0);
    const wait = await takeOrWait(limiter, slow, 1000);
    expect(wait).toBeGreaterThan(90_000);
    expect(wait).toBeLessThanOrEqual(100_000);
  });
});

/**
 * Two limiters on two Redis connections stand for two processes. Redis is part of the test setup
 * (like scale-out.test.ts): a missing Redis fails this file, locally and under CI.
 */
const redisUrl = process.env.PARLEY_TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `parley-rate-test:${randomBytes(6).toString("hex")}:`;
const connections: Redis[] = [];

async function connectRedis(): Promise<Redis> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new Error(`Redis is not reachable at ${redisUrl} (PARLEY_TEST_REDIS_URL): ${(err as Error).message}`);
  }
  connections.push(redis);
  return redis;
}

describe("Redis rate limiter (shared by processes)", () => {
  let one: RateLimiter;
  let two: RateLimiter;
  let raw: Redis;

  beforeAll(async () => {
    raw = await connectRedis();
    one = redisRateLimiter(raw, prefix);
    two = redisRateLimiter(await connectRedis(), prefix);
  });
  afterAll(async () => {
    const keys = await raw.keys(`${prefix}*`);
    if (keys.length > 0) await raw.del(...keys);
    for (const c of connections) await c.quit();
  });

  it("shares one bucket between two processes: the burst is spent once, then both must wait", async () => {
    const chat: Bucket[] = [{ key: "shared", rate: 1, burst: 3 }];
    expect(await one.take(chat)).toBe(0);
    expect(await two.take(chat)).toBe(0);
    expect(await one.take(chat)).toBe(0);
    for (const limiter of [one, two]) {
      const wait = await limiter.take(chat);
      expect(wait).toBeGreaterThan(900);
      expect(wait).toBeLessThanOrEqual(1000);
    }
  });

  it("grants exactly the burst to concurrent takes from both processes", async () => {
    const bucket: Bucket[] = [{ key: "race", rate: 0.001, burst: 5 }];
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).take(bucket)));
    expect(answers.filter((w) => w === 0)).toHaveLength(5);
    expect(answers.filter((w) => w > 0)).toHaveLength(35);
  });

  it("takes from every bucket at once or from none", async () => {
    const bot: Bucket = { key: "bot", rate: 0.001, burst: 5 };
    const chat: Bucket = { key: "chat", rate: 0.001, burst: 1 };
    expect(await one.take([bot, chat])).toBe(0);
    expect(await two.take([bot, chat])).toBeGreaterThan(0);
    expect(await one.take([bot, chat])).toBeGreaterThan(0);
    // The refused takes spent nothing: four of the bot's five tokens are left.
    expect(await takeMany(two, [bot], 4)).toEqual([0, 0, 0, 0]);
    expect(await one.take([bot])).toBeGreaterThan(0);
  });

  it("refills over time and keeps fractional tokens", async () => {
    const fast: Bucket[] = [{ key: "refill", rate: 20, burst: 1 }];
    expect(await one.take(fast)).toBe(0);
    const wait = await two.take(fast);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(50);
    await new Promise((r) => setTimeout(r, wait + 5));
    expect(await two.take(fast)).toBe(0);
  });

  it("stores buckets under its prefix with an expiry (idle buckets vanish)", async () => {
    await one.take([{ key: "ttl", rate: 1, burst: 2 }]);
    const ttl = await raw.pttl(`${prefix}ttl`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });
});
