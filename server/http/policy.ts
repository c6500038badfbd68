import type { Role } from "../../common/auth";

/**
 * Every route declares who may call it in `config.auth`; a test fails for a route without one.
 * - `public`: anyone (login, setup, health, invitation preview).
 * - `user`: any signed-in user (session or API token).
 * - `{ workspace: role }`: a member of `:workspaceId` with at least that role; others get 404.
 */
export type RouteAuth = "public" | "user" | { workspace: Role };

declare module "fastify" {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

const rank: Record<Role, number> = { manager: 1, admin: 2, owner: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}
