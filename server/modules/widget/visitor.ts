import { createHmac, randomUUID } from "node:crypto";
import type { WidgetIdentity } from "../../../common/widget";
import { safeEqual } from "../../lib/secrets";

/**
 * A widget visitor as Parley knows them: the chat's external id (`v:<uuid>` for an anonymous browser,
 * `u:<site's id>` for a visitor whose identity the site signed) and what they told us about themselves.
 */
export type Visitor = { externalId: string; name?: string | undefined; email?: string | undefined };

const hmac = (secret: string, data: string) => createHmac("sha256", secret).update(data).digest();

/** True when `hash` is the hex HMAC-SHA256 of the identity's id with the channel's secret. */
export function identityVerified(secret: string, identity: WidgetIdentity): boolean {
  return safeEqual(hmac(secret, identity.id).toString("hex"), identity.hash.toLowerCase());
}

export function anonymousVisitor(): Visitor {
  return { externalId: `v:${randomUUID()}` };
}

export function identifiedVisitor(identity: WidgetIdentity): Visitor {
  return { externalId: `u:${identity.id}`, name: identity.name || undefined, email: identity.email || undefined };
}

export const isVerified = (v: Visitor) => v.externalId.startsWith("u:");

/**
 * The visitor token: the visitor (base64url JSON) and an HMAC binding it to the channel, made with the
 * channel's secret. Nothing is stored per visitor until they write; rotating the secret signs everyone out.
 */
export function visitorToken(secret: string, channelId: string, v: Visitor): string {
  const body = Buffer.from(JSON.stringify({ e: v.externalId, n: v.name, m: v.email })).toString("base64url");
  const sig = hmac(secret, `visitor:${channelId}:${body}`).toString("base64url");
  return `${body}.${sig}`;
}

/** The visitor a token stands for, or null when it was not made for this channel with its secret. */
export function readVisitorToken(secret: string, channelId: string, token: string | undefined): Visitor | null {
  if (!token) return null;
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return null;
  if (!safeEqual(hmac(secret, `visitor:${channelId}:${body}`).toString("base64url"), sig)) return null;
  try {
    const v = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { e?: unknown; n?: unknown; m?: unknown };
    if (typeof v.e !== "string" || !/^[vu]:/.test(v.e)) return null;
    return {
      externalId: v.e,
      name: typeof v.n === "string" ? v.n : undefined,
      email: typeof v.m === "string" ? v.m : undefined,
    };
  } catch {
    return null;
  }
}

/** A signature for the URL of a file in a widget conversation (the visitor's browser loads it directly). */
export function fileSignature(secret: string, channelId: string, fileId: string): string {
  return hmac(secret, `file:${channelId}:${fileId}`).toString("base64url").slice(0, 32);
}

export function widgetFileUrl(secret: string, channelId: string, fileId: string): string {
  return `/widget/${channelId}/files/${fileId}?s=${fileSignature(secret, channelId, fileId)}`;
}

/** A friendly name for an anonymous visitor: "Visitor 4F2A". */
export function visitorDisplayName(v: Visitor): string {
  if (v.name) return v.name;
  const tail = v.externalId
    .replace(/[^0-9a-f]/gi, "")
    .slice(-4)
    .toUpperCase();
  return `Visitor ${tail || v.externalId.slice(2, 8)}`;
}
