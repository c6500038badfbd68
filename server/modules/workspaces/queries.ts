import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { MemberRow } from "./present";

function membersQuery(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom("workspace_members")
    .innerJoin("users", "users.id", "workspace_members.user_id")
    .select([
      "workspace_members.user_id",
      "users.name",
      "users.email",
      "users.avatar_version",
      "workspace_members.role",
      "workspace_members.created_at",
    ])
    .where("workspace_members.workspace_id", "=", workspaceId);
}

export function listMembers(db: Kysely<DB>, workspaceId: string): Promise<MemberRow[]> {
  return membersQuery(db, workspaceId).orderBy("users.name").orderBy("users.id").execute();
}

export function findMember(db: Kysely<DB>, workspaceId: string, userId: string): Promise<MemberRow | undefined> {
  return membersQuery(db, workspaceId).where("workspace_members.user_id", "=", userId).executeTakeFirst();
}

export function getWorkspace(db: Kysely<DB>, workspaceId: string) {
  return db.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirstOrThrow();
}
