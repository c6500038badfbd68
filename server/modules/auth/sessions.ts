import type { FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "../../config";
import type { DB, UserRow } from "../../db/schema";
import { hashSecret, newSecret } from "../../lib/secrets";

export const sessionCookie = "parley_session";
const refreshAfterMs = 60 * 60 * 1000;

export async function createSession(
  db: Kysely<DB>,
  config: Config,
  userId: string,
  userAgent: string | undefined,
): Promise<string> {
  const token = newSecret("", 32);
  await db
    .insertInto("sessions")
    .values({
      token_hash: hashSecret(token),
      user_id: userId,
      created_at: new Date(),
      expires_at: new Date(Date.now() + config.sessionDays * 86_400_000),
      last_seen_at: new Date(),
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export type SessionLookup =
  | { kind: "valid"; user: UserRow; tokenHash: string }
  | { kind: "expired" }
  | { kind: "none" };

/** Finds the session's user; a session that is still used slides its expiry forward. */
export async function findSession(db: Kysely<DB>, config: Config, token: string): Promise<SessionLookup> {
  const tokenHash = hashSecret(token);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select(["sessions.expires_at", "sessions.last_seen_at"])
    .where("sessions.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return { kind: "none" };
  const { expires_at, last_seen_at, ...user } = row;
  if (expires_at.getTime() <= Date.now()) {
    await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
    return { kind: "expired" };
  }
  if (Date.now() - last_seen_at.getTime() > refreshAfterMs) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + config.sessionDays * 86_400_000) })
      .where("token_hash", "=", tokenHash)
      .execute();
  }
  return { kind: "valid", user, tokenHash };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookie, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.publicUrl?.startsWith("https://") ?? false,
    maxAge: config.sessionDays * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: "/" });
}
