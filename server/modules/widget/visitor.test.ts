import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { typingThrottle } from "./realtime";
import {
  anonymousVisitor,
  identifiedVisitor,
  identityVerified,
  readVisitorToken,
  visitorDisplayName,
  visitorToken,
} from "./visitor";

const secret = "wsec_test";
const channel = "0190a000-0000-7000-8000-000000000001";

describe("visitor tokens", () => {
  it("round-trips a visitor for its channel only", () => {
    const v = { externalId: "u:42", name: "Anna", email: "anna@example.com" };
    const token = visitorToken(secret, channel, v);
    expect(readVisitorToken(secret, channel, token)).toEqual(v);
    expect(readVisitorToken(secret, "0190a000-0000-7000-8000-000000000002", token)).toBeNull();
    expect(readVisitorToken("wsec_other", channel, token)).toBeNull();
  });

  it("refuses tampered, truncated or malformed tokens", () => {
    const token = visitorToken(secret, channel, anonymousVisitor());
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ e: "u:admin" })).toString("base64url");
    for (const bad of [`${forged}.${sig}`, `${body}.`, `${body}`, `${body}.${sig}.x`, "", "..", `${body}.${sig}x`]) {
      expect(readVisitorToken(secret, channel, bad)).toBeNull();
    }
    const noKind = Buffer.from(JSON.stringify({ e: "admin" })).toString("base64url");
    const signed = visitorToken(secret, channel, { externalId: "admin" }).split(".")[1];
    expect(readVisitorToken(secret, channel, `${noKind}.${signed}`)).toBeNull();
  });
});

describe("identity", () => {
  it("accepts the site's HMAC of the id, in either case, and nothing else", () => {
    const hash = createHmac("sha256", secret).update("customer-7").digest("hex");
    expect(identityVerified(secret, { id: "customer-7", hash })).toBe(true);
    expect(identityVerified(secret, { id: "customer-7", hash: hash.toUpperCase() })).toBe(true);
    expect(identityVerified(secret, { id: "customer-8", hash })).toBe(false);
    expect(identityVerified("other", { id: "customer-7", hash })).toBe(false);
  });

  it("names visitors", () => {
    expect(identifiedVisitor({ id: "7", hash: "", name: "Anna" })).toMatchObject({ externalId: "u:7", name: "Anna" });
    expect(visitorDisplayName(identifiedVisitor({ id: "7", hash: "", name: "Anna" }))).toBe("Anna");
    expect(visitorDisplayName(anonymousVisitor())).toMatch(/^Visitor [0-9A-F]{4}$/);
  });
});

describe("typing throttle", () => {
  it("relays a stop, a new start at once, and a running 'typing' at most once a second", () => {
    let t = 0;
    const pass = typingThrottle(() => t);
    expect(pass(true)).toBe(true);
    t = 300;
    expect(pass(true)).toBe(false);
    expect(pass(false)).toBe(true);
    t = 400;
    expect(pass(true)).toBe(true); // typing again right after sending: relayed
    t = 1300;
    expect(pass(true)).toBe(false);
    t = 1400;
    expect(pass(true)).toBe(true);
  });
});
