import { describe, expect, it } from "vitest";
import { formatRelative } from "./time";

const now = Date.parse("2026-01-10T12:00:00Z");
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe("formatRelative", () => {
  it("says minutes, hours and days in English", () => {
    expect(formatRelative(ago(5 * 60), "en", now)).toMatch(/^5 min\.? ago$/);
    expect(formatRelative(ago(3 * 3600), "en", now)).toMatch(/^3 hr\.? ago$/);
    expect(formatRelative(ago(10), "en", now)).toBe("this minute");
  });

  it("uses Russian plural rules", () => {
    expect(formatRelative(ago(2 * 24 * 3600), "ru", now)).toBe("позавчера");
    expect(formatRelative(ago(5 * 60), "ru", now)).toMatch(/^5 мин\.? назад$/);
  });

  it("handles the future (invitation expiry)", () => {
    expect(formatRelative(new Date(now + 7 * 24 * 3600 * 1000).toISOString(), "en", now)).toMatch(/^next w/);
  });
});
