import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "../../config";
import type { DB } from "../../db/schema";
import { isSetupNeeded, runSetup } from "./commands";

/** With PARLEY_ADMIN_EMAIL/PASSWORD set, the first start creates that owner and a workspace. */
export async function bootstrapAdmin(db: Kysely<DB>, config: Config, log: FastifyBaseLogger): Promise<void> {
  if (!config.admin || !(await isSetupNeeded(db))) return;
  const { email, password, name, workspaceName } = config.admin;
  if (password.length < 8) throw new Error("PARLEY_ADMIN_PASSWORD needs at least 8 characters.");
  await runSetup(db, { email, password, name, workspaceName });
  log.info({ email }, "created the owner account and workspace from PARLEY_ADMIN_EMAIL");
}
