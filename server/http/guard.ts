import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Role } from "../../common/auth";
import type { Ctx } from "../context";
import type { UserRow } from "../db/schema";
import { isUuid } from "../lib/ids";
import { hashSecret } from "../lib/secrets";
import { findSession, sessionCookie } from "../modules/auth/sessions";
import { AppError, notFound, unauthenticated } from "./errors";
import { hasRole } from "./policy";

export type Actor = {
  user: UserRow;
  via: "session" | "token";
  /** A session's token hash (for logout) or the API token's id. */
  credentialId: string;
  /**
   * An API token acts only in the workspace it was made in, with its user's role there (read with the
   * token, in the same request); null for a session.
   */
  token: { workspaceId: string; role: Role } | null;
};

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpired: boolean;
    membership: { workspaceId: string; role: Role } | null;
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
const tokenTouchMs = 60_000;

function requestOrigin(req: FastifyRequest): string | null {
  const value = req.headers.origin && req.headers.origin !== "null" ? req.headers.origin : req.headers.referer;
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return "invalid";
  }
}

/** Whether an Origin is the app's own: PARLEY_PUBLIC_URL, or the host the request came to. */
export function isOwnOrigin(ctx: Ctx, host: string | undefined, origin: string): boolean {
  if (ctx.config.publicUrl && origin === new URL(ctx.config.publicUrl).origin) return true;
  if (host === undefined) return false;
  try {
    // URL normalises default ports away, as browsers do in Origin.
    return origin === new URL(`http://${host}`).origin || origin === new URL(`https://${host}`).origin;
  } catch {
    return false;
  }
}

/** The actor behind an API token, or null when it is unknown, revoked or its user left. */
export async function actorForToken(ctx: Ctx, secret: string): Promise<Actor | null> {
  const row = await ctx.db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .innerJoin("workspace_members", (j) =>
      j
        .onRef("workspace_members.workspace_id", "=", "api_tokens.workspace_id")
        .onRef("workspace_members.user_id", "=", "api_tokens.user_id"),
    )
    .selectAll("users")
    .select([
      "api_tokens.id as token_id",
      "api_tokens.workspace_id as token_ws",
      "api_tokens.last_used_at",
      "workspace_members.role as token_role",
    ])
    .where("api_tokens.token_hash", "=", hashSecret(secret))
    .where("api_tokens.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const { token_id, token_ws, last_used_at, token_role, ...user } = row;
  if (!last_used_at || Date.now() - last_used_at.getTime() > tokenTouchMs) {
    await ctx.db
      .updateTable("api_tokens")
      .set({ last_used_at: new Date() })
      .where("workspace_id", "=", token_ws)
      .where("id", "=", token_id)
      .execute();
  }
  return { user, via: "token", credentialId: token_id, token: { workspaceId: token_ws, role: token_role } };
}

async function authenticate(ctx: Ctx, req: FastifyRequest): Promise<void> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError(401, "unauthenticated", "The Authorization header must be 'Bearer <token>'.");
    const actor = await actorForToken(ctx, match[1]);
    if (!actor) throw new AppError(401, "unauthenticated", "This API token is invalid or has been revoked.");
    req.actor = actor;
    return;
  }
  const token = req.cookies[sessionCookie];
  if (!token) return;
  const found = await findSession(ctx.db, ctx.config, token);
  if (found.kind === "valid") {
    req.actor = { user: found.user, via: "session", credentialId: found.tokenHash, token: null };
  } else if (found.kind === "expired") {
    req.sessionExpired = true;
  }
}

/**
 * Cookie-authenticated (or cookie-carrying) writes must come from the app's own origin. A write that
 * carries a foreign Origin is refused even without a cookie (login CSRF).
 */
function checkCsrf(ctx: Ctx, req: FastifyRequest): void {
  if (safeMethods.has(req.method) || req.actor?.via === "token") return;
  const origin = requestOrigin(req);
  if (origin === null) {
    if (req.actor?.via === "session") {
      throw new AppError(403, "csrf_failed", "This request lacks an Origin header; reload the page and try again.");
    }
    return;
  }
  if (!isOwnOrigin(ctx, req.headers.host, origin)) {
    throw new AppError(403, "csrf_failed", "This request came from another site and was refused.");
  }
}

async function authorize(ctx: Ctx, req: FastifyRequest): Promise<void> {
  const rule = req.routeOptions.config.auth;
  if (rule === undefined) throw new AppError(500, "internal", "This route has no authorization rule.");
  if (rule === "public") return;
  if (!req.actor) {
    if (req.sessionExpired) throw new AppError(401, "session_expired", "Your session has expired; sign in again.");
    throw unauthenticated();
  }
  if (rule === "user") return;
  const workspaceId = (req.params as Record<string, unknown>).workspaceId;
  if (!isUuid(workspaceId)) throw notFound("The workspace");
  const { token } = req.actor;
  if (token !== null && token.workspaceId !== workspaceId) throw notFound("The workspace");
  // A token's membership was read with the token in this request; a session's is read now.
  const member =
    token ??
    (await ctx.db
      .selectFrom("workspace_members")
      .select("role")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", req.actor.user.id)
      .executeTakeFirst());
  if (!member) throw notFound("The workspace");
  if (!hasRole(member.role, rule.workspace)) {
    throw new AppError(403, "forbidden", `This needs the ${rule.workspace} role or higher in this workspace.`);
  }
  req.membership = { workspaceId, role: member.role };
}

/** Authenticate on every request, check CSRF for writes, then apply the route's `config.auth` rule. */
export function registerGuard(app: FastifyInstance, ctx: Ctx): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionExpired", false);
  app.decorateRequest("membership", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    await authenticate(ctx, req);
    checkCsrf(ctx, req);
  });
  app.addHook("preValidation", async (req) => {
    if (req.routeOptions.url === undefined) return; // 404 handler
    await authorize(ctx, req);
  });
}

/** The authenticated actor of a route whose rule requires one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

export function membershipOf(req: FastifyRequest): { workspaceId: string; role: Role } {
  if (!req.membership) throw notFound("The workspace");
  return req.membership;
}
