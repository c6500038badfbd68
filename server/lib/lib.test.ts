import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { sniffImage } from "../modules/auth/avatar";
import { isUuid, newId } from "./ids";
import { hashSecret, newSecret, safeEqual } from "./secrets";

describe("ids", () => {
  it("makes valid, time-ordered UUIDv7s", () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(isUuid(a)).toBe(true);
    expect(a[14]).toBe("7");
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newId())).size).toBe(1000);
    expect(isUuid("nope")).toBe(false);
  });

  it("are strictly increasing within one millisecond and across a full counter", () => {
    const ids = Array.from({ length: 10_000 }, () => newId(1_800_000_000_000));
    expect(ids.every((id, i) => i === 0 || (ids[i - 1] ?? "") < id)).toBe(true);
    expect(ids.every(isUuid)).toBe(true);
    expect(newId(1_000) > (ids.at(-1) ?? "")).toBe(true);
  });

  it("give each id random bits of its own, across refills of the random pool", () => {
    // 3,000 ids in one millisecond use the pool up about six times; their random tails never repeat,
    // and the variant bits stay set.
    const tails = Array.from({ length: 3000 }, () => newId(1_900_000_000_000).slice(19));
    expect(new Set(tails).size).toBe(3000);
    expect(tails.every((t) => /^[89ab]/.test(t))).toBe(true);
  });
});

describe("secrets", () => {
  it("are random, prefixed, and hashed one-way", () => {
    const s = newSecret("prl_");
    expect(s).toMatch(/^prl_[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(newSecret());
    expect(hashSecret(s)).toHaveLength(64);
    expect(hashSecret(s)).not.toContain(s.slice(4));
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});

describe("config", () => {
  it("has defaults and reads the environment", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir.endsWith("data")).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    const d = loadConfig({ PORT: "8080", DATABASE_URL: "postgres://u@h/db", PARLEY_PUBLIC_URL: "https://x.example/" });
    expect(d.port).toBe(8080);
    expect(d.publicUrl).toBe("https://x.example");
  });

  it("explains what is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/postgres/);
    expect(() => loadConfig({ PARLEY_ADMIN_EMAIL: "a@b.c" })).toThrow(/both/);
  });
});

describe("sniffImage", () => {
  it("knows PNG, JPEG, GIF and WebP by their bytes, and nothing else", () => {
    expect(sniffImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImage(Buffer.from("GIF89a...."))).toBe("image/gif");
    expect(sniffImage(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(() => sniffImage(Buffer.from("<svg onload=alert(1)>"))).toThrow(/PNG, JPEG/);
  });
});
