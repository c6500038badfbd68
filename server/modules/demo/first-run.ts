import type { Kysely } from "kysely";
import type { Config } from "../../config";
import type { ConnectorEnv } from "../../connectors/types";
import type { DB } from "../../db/schema";
import { inTx } from "../../db/tx";
import type { EventBus } from "../../events/bus";
import { newSecret } from "../../lib/secrets";
import { runSetup } from "../setup/commands";
import { createDemoWorkspace } from "./commands";
import { demoContent } from "./content";

export type DemoReady = {
  email: string;
  /** Set only when this run created the demo owner (nobody could sign in before). */
  password: string | null;
  workspaceId: string;
  channelId: string;
};

/**
 * `parley demo`: makes sure there is someone to sign in as (the owner from PARLEY_ADMIN_EMAIL, the
 * first owner, or a new demo owner with a generated password) and that they have a demo workspace;
 * a second run reuses it.
 */
export async function ensureDemo(db: Kysely<DB>, config: Config, env: ConnectorEnv, bus: EventBus): Promise<DemoReady> {
  let password: string | null = null;
  let owner = await db
    .selectFrom("users")
    .innerJoin("workspace_members", "workspace_members.user_id", "users.id")
    .select(["users.id", "users.name", "users.email", "users.locale"])
    .where("workspace_members.role", "=", "owner")
    .$if(config.admin !== undefined, (q) => q.where("users.email", "=", config.admin?.email.toLowerCase() ?? ""))
    .orderBy("users.created_at")
    .executeTakeFirst();
  if (!owner) {
    password = newSecret("", 12);
    const { user } = await runSetup(db, {
      name: "Demo Owner",
      email: "demo@parley.local",
      password,
      workspaceName: "My company",
    });
    owner = { id: user.id, name: user.name, email: user.email, locale: user.locale };
  }
  const content = demoContent(owner.locale);
  const existing = await db
    .selectFrom("workspaces")
    .innerJoin("workspace_members", "workspace_members.workspace_id", "workspaces.id")
    .innerJoin("channels", "channels.workspace_id", "workspaces.id")
    .select(["workspaces.id as workspaceId", "channels.id as channelId"])
    .where("workspace_members.user_id", "=", owner.id)
    .where("workspace_members.role", "=", "owner")
    .where("workspaces.name", "=", content.workspace)
    .where("channels.kind", "=", "widget")
    .where("channels.deleted_at", "is", null)
    .executeTakeFirst();
  if (existing) return { email: owner.email, password, ...existing };
  const ownerRow = owner;
  const created = await inTx(db, (tx) => createDemoWorkspace(tx, ownerRow, env), { bus });
  bus.wakeDelivery();
  return { email: owner.email, password, workspaceId: created.workspace.id, channelId: created.channelId };
}
