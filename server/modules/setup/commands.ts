import type { Kysely } from "kysely";
import type { Locale } from "../../../common/auth";
import type { DB, UserRow, WorkspaceRow } from "../../db/schema";
import { inTx } from "../../db/tx";
import { AppError } from "../../http/errors";
import { createUser } from "../auth/commands";
import { createWorkspace } from "../workspaces/commands";

export type SetupInput = {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  locale?: Locale | undefined;
};

export async function isSetupNeeded(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom("instance").select("id").where("id", "=", 1).executeTakeFirst();
  return row === undefined;
}

/**
 * First run (P27): creates the owner and their workspace, once. The single `instance` row makes
 * a second, concurrent setup fail cleanly instead of creating two owners.
 */
export async function runSetup(db: Kysely<DB>, input: SetupInput): Promise<{ user: UserRow; workspace: WorkspaceRow }> {
  return inTx(db, async (tx) => {
    const claimed = await tx.db
      .insertInto("instance")
      .values({ id: 1, setup_at: new Date() })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!claimed) throw new AppError(409, "setup_done", "Parley is already set up: sign in instead.");
    const user = await createUser(tx, input);
    const workspace = await createWorkspace(tx, user.id, input.workspaceName);
    return { user, workspace };
  });
}
