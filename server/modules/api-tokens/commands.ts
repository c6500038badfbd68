import type { Tx } from "../../db/tx";
import { recordEvent } from "../../events/record";
import { notFound } from "../../http/errors";
import { newId } from "../../lib/ids";
import { hashSecret, newSecret } from "../../lib/secrets";

/** Only the hash is stored; the secret goes back to the caller once. */
export async function createApiToken(tx: Tx, userId: string, workspaceId: string, name: string) {
  const secret = newSecret("prl_", 32);
  const row = await tx.db
    .insertInto("api_tokens")
    .values({
      workspace_id: workspaceId,
      id: newId(),
      user_id: userId,
      name: name.trim(),
      prefix: secret.slice(0, 8),
      token_hash: hashSecret(secret),
      created_at: new Date(),
      last_used_at: null,
      revoked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, {
    workspaceId,
    type: "api_token.created",
    actorUserId: userId,
    payload: { tokenId: row.id, name: row.name },
  });
  return { row, secret };
}

export async function revokeApiToken(
  tx: Tx,
  actorUserId: string,
  workspaceId: string,
  tokenId: string,
  onlyOwnerId: string | null,
) {
  let q = tx.db
    .updateTable("api_tokens")
    .set({ revoked_at: new Date() })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", tokenId)
    .where("revoked_at", "is", null);
  if (onlyOwnerId) q = q.where("user_id", "=", onlyOwnerId);
  const res = await q.executeTakeFirst();
  if (res.numUpdatedRows === 0n) throw notFound("This API token");
  await recordEvent(tx, { workspaceId, type: "api_token.revoked", actorUserId, payload: { tokenId } });
}
