import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { type AttemptStore, loginLimiter, memoryAttemptStore, redisAttemptStore } from "./login-limiter";

const redisUrl = process.env.PARLEY_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());

async function exercise(store: AttemptStore) {
  const key = `test-${Math.random()}`;
  const limiter = loginLimiter(store, 3, 60_000);
  for (let i = 0; i < 3; i++) {
    await limiter.check(key);
    await limiter.failed(key);
  }
  await expect(limiter.check(key)).rejects.toMatchObject({ status: 429, code: "rate_limited" });
  await limiter.succeeded(key);
  await expect(limiter.check(key)).resolves.toBeUndefined();
}

describe("login limiter", () => {
  it("blocks after the allowed failures and forgives after a success (memory)", () => exercise(memoryAttemptStore()));

  it("does the same shared through Redis, as several processes need", async () => {
    await redis.connect();
    await exercise(redisAttemptStore(redis));
  });
});
