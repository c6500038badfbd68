import type { Kysely } from "kysely";
import type { Role } from "../../../common/auth";
import type { DB, UserRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { recordEvent } from "../../events/record";
import { AppError, forbidden, notFound } from "../../http/errors";
import { newId } from "../../lib/ids";
import { hashSecret, newSecret } from "../../lib/secrets";

export const invitationDays = 7;

const invalid = () =>
  new AppError(404, "invitation_invalid", "This invitation link is invalid, expired, revoked or already used.");

export async function createInvitation(
  tx: Tx,
  actor: { userId: string; role: Role },
  workspaceId: string,
  input: { role: Role; email?: string | undefined },
) {
  if (input.role === "owner" && actor.role !== "owner") throw forbidden("Only an owner can invite another owner.");
  const token = newSecret("", 24);
  const row = await tx.db
    .insertInto("invitations")
    .values({
      workspace_id: workspaceId,
      id: newId(),
      token_hash: hashSecret(token),
      role: input.role,
      email: input.email ?? null,
      created_by: actor.userId,
      created_at: new Date(),
      expires_at: new Date(Date.now() + invitationDays * 86_400_000),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, {
    workspaceId,
    type: "invitation.created",
    actorUserId: actor.userId,
    payload: { invitationId: row.id, role: row.role },
  });
  return { row, token };
}

export async function revokeInvitation(tx: Tx, actorUserId: string, workspaceId: string, id: string): Promise<void> {
  const res = await tx.db
    .updateTable("invitations")
    .set({ revoked_at: new Date() })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  if (res.numUpdatedRows === 0n) throw notFound("This invitation");
  await recordEvent(tx, { workspaceId, type: "invitation.revoked", actorUserId, payload: { invitationId: id } });
}

/** A usable invitation by its link token, with its workspace's name. */
export async function findOpenInvitation(db: Kysely<DB>, token: string) {
  const row = await db
    .selectFrom("invitations")
    .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
    .selectAll("invitations")
    .select("workspaces.name as workspace_name")
    .where("invitations.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.accepted_at || row.expires_at.getTime() <= Date.now()) throw invalid();
  return row;
}

/** Joins the invited user to the workspace and uses the invitation up (once, even when raced). */
export async function acceptInvitation(tx: Tx, token: string, user: UserRow): Promise<string> {
  const inv = await findOpenInvitation(tx.db, token);
  if (inv.email && inv.email !== user.email) {
    throw new AppError(403, "forbidden", `This invitation is for ${inv.email}; sign in with that e-mail address.`);
  }
  const used = await tx.db
    .updateTable("invitations")
    .set({ accepted_at: new Date(), accepted_by: user.id })
    .where("workspace_id", "=", inv.workspace_id)
    .where("id", "=", inv.id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (used.numUpdatedRows === 0n) throw invalid();
  const joined = await tx.db
    .insertInto("workspace_members")
    .values({ workspace_id: inv.workspace_id, user_id: user.id, role: inv.role, created_at: new Date() })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  if (!joined) throw new AppError(409, "already_member", "You are already a member of this workspace.");
  await recordEvent(tx, {
    workspaceId: inv.workspace_id,
    type: "member.joined",
    actorUserId: user.id,
    payload: { userId: user.id, role: inv.role, invitationId: inv.id },
  });
  return inv.workspace_id;
}
