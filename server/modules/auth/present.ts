import type { Kysely } from "kysely";
import type { Locale, MeResponse, Role, UserDto } from "../../../common/auth";
import type { DB, UserRow } from "../../db/schema";

export function avatarUrl(userId: string, version: number | null): string | null {
  return version === null ? null : `/api/v1/users/${userId}/avatar?v=${version}`;
}

export function presentUser(user: UserRow): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: (user.locale === "ru" ? "ru" : "en") satisfies Locale,
    avatarUrl: avatarUrl(user.id, user.avatar_version),
    createdAt: user.created_at.toISOString(),
  };
}

/** The signed-in user and their workspaces; an API token sees only its own workspace. */
export async function presentMe(
  db: Kysely<DB>,
  user: UserRow,
  onlyWorkspace: string | null = null,
): Promise<MeResponse> {
  let q = db
    .selectFrom("workspace_members")
    .innerJoin("workspaces", "workspaces.id", "workspace_members.workspace_id")
    .select(["workspaces.id", "workspaces.name", "workspace_members.role"])
    .where("workspace_members.user_id", "=", user.id)
    .orderBy("workspaces.created_at")
    .orderBy("workspaces.id");
  if (onlyWorkspace) q = q.where("workspaces.id", "=", onlyWorkspace);
  const rows = await q.execute();
  return {
    user: presentUser(user),
    workspaces: rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role })),
  };
}
