import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe random secret with the given prefix, e.g. `prl_…` for API tokens. */
export function newSecret(prefix = "", bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

/** Secrets are stored only as this hash; a database leak reveals no usable token. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
