import { createHmac } from "node:crypto";
import { safeEqual } from "../../lib/secrets";

export const signatureHeader = "x-parley-signature";

/** `sha256=<hex HMAC-SHA256 of the raw body with the channel secret>` */
export function sign(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

export function verify(secret: string, rawBody: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== "string") return false;
  return safeEqual(sign(secret, rawBody), header.trim().toLowerCase());
}
