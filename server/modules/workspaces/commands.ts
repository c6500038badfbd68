import type { Role } from "../../../common/auth";
import type { WorkspaceRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { recordEvent } from "../../events/record";
import { AppError, forbidden, notFound } from "../../http/errors";
import { hasRole } from "../../http/policy";
import { newId } from "../../lib/ids";

export type Actor = { userId: string; role: Role };

export async function createWorkspace(tx: Tx, ownerId: string, name: string): Promise<WorkspaceRow> {
  const ws = await tx.db
    .insertInto("workspaces")
    .values({ id: newId(), name: name.trim(), event_seq: 0, created_at: new Date(), updated_at: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.db
    .insertInto("workspace_members")
    .values({ workspace_id: ws.id, user_id: ownerId, role: "owner", created_at: new Date() })
    .execute();
  await recordEvent(tx, {
    workspaceId: ws.id,
    type: "workspace.created",
    actorUserId: ownerId,
    payload: { name: ws.name, userId: ownerId },
  });
  return ws;
}

export async function renameWorkspace(tx: Tx, actor: Actor, workspaceId: string, name: string): Promise<WorkspaceRow> {
  const ws = await tx.db
    .updateTable("workspaces")
    .set({ name: name.trim(), updated_at: new Date() })
    .where("id", "=", workspaceId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, {
    workspaceId,
    type: "workspace.updated",
    actorUserId: actor.userId,
    payload: { name: ws.name },
  });
  return ws;
}

async function lockMember(tx: Tx, workspaceId: string, userId: string): Promise<Role> {
  const row = await tx.db
    .selectFrom("workspace_members")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("This member");
  return row.role;
}

async function assertAnotherOwner(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  // Lock the owners' rows so two concurrent demotions cannot leave the workspace without one.
  const owners = await tx.db
    .selectFrom("workspace_members")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .forUpdate()
    .execute();
  if (!owners.some((o) => o.user_id !== userId)) {
    throw new AppError(409, "last_owner", "A workspace needs at least one owner: make someone else an owner first.");
  }
}

/** Only owners grant or take away the owner role; admins manage admins and managers. */
function assertMayManage(actor: Actor, targetRole: Role, newRole: Role | null): void {
  if (!hasRole(actor.role, "admin")) throw forbidden();
  const touchesOwner = targetRole === "owner" || newRole === "owner";
  if (touchesOwner && actor.role !== "owner")
    throw forbidden("Only an owner can change an owner's role or make owners.");
}

export async function changeMemberRole(
  tx: Tx,
  actor: Actor,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<void> {
  const current = await lockMember(tx, workspaceId, userId);
  assertMayManage(actor, current, role);
  if (current === role) return;
  if (current === "owner") await assertAnotherOwner(tx, workspaceId, userId);
  await tx.db
    .updateTable("workspace_members")
    .set({ role })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .execute();
  await recordEvent(tx, {
    workspaceId,
    type: "member.role_changed",
    actorUserId: actor.userId,
    payload: { userId, from: current, to: role },
  });
}

export async function removeMember(tx: Tx, actor: Actor, workspaceId: string, userId: string): Promise<void> {
  const current = await lockMember(tx, workspaceId, userId);
  if (userId !== actor.userId) assertMayManage(actor, current, null);
  if (current === "owner") await assertAnotherOwner(tx, workspaceId, userId);
  await tx.db
    .deleteFrom("workspace_members")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .execute();
  await tx.db
    .updateTable("api_tokens")
    .set({ revoked_at: new Date() })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
  await recordEvent(tx, { workspaceId, type: "member.removed", actorUserId: actor.userId, payload: { userId } });
}
