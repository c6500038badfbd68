import { sandboxPath } from "../common/widget";
import { buildApp } from "./app";
import { type Config, ConfigError, loadConfig } from "./config";
import { connect, type Database } from "./db/connect";
import { DataDirLockedError } from "./db/lock";
import { migrate } from "./db/migrate";
import { ensureDemo } from "./modules/demo/first-run";
import { bootstrapAdmin } from "./modules/setup/bootstrap";

const usage = `Usage: parley <command>

Commands:
  serve     run the web app, the API and the realtime server (default)
  demo      like serve, with a demo workspace (people, conversations, a web widget) and its sandbox page
  migrate   apply database migrations and exit
  help      show this text

Configuration is read from the environment; see README.md.`;

async function openDb(config: Config): Promise<Database> {
  const database = config.databaseUrl
    ? await connect({ kind: "postgres", url: config.databaseUrl, poolSize: config.dbPoolSize })
    : await connect({ kind: "pglite", dataDir: config.dataDir });
  await migrate(database.db as never);
  return database;
}

async function serve(config: Config, withDemo = false): Promise<void> {
  const database = await openDb(config);
  const app = await buildApp({ config, db: database.db, embedded: database.kind === "pglite" });
  await bootstrapAdmin(database.db, config, app.log);
  const demo = withDemo ? await ensureDemo(database.db, config, app.connectors, app.bus) : null;
  // One process owns an embedded database: jobs it had claimed before a crash can be taken at once.
  if (database.kind === "pglite") {
    await app.delivery.releaseLeases();
    await app.pollers.releaseLeases();
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      app.log.warn("second signal: exiting now");
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, "shutting down: finishing requests");
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  const where = database.kind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
  console.log(`Parley is listening on ${url} (${where})`);
  if (demo) {
    const password = demo.password ? ` with the password ${demo.password}` : "";
    console.log(`Demo: sign in at ${url}/login as ${demo.email}${password}, then open ${url}/w/${demo.workspaceId}`);
    console.log(`Play the client in another tab: ${url}${sandboxPath(demo.channelId)}`);
  }
}

export async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? "serve";
  if (command === "help" || command === "--help" || command === "-h") {
    console.log(usage);
    return;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  try {
    if (command === "serve") return await serve(config);
    if (command === "demo") return await serve(config, true);
    if (command === "migrate") {
      const database = await openDb(config);
      await database.close();
      console.log("Migrations are up to date.");
      return;
    }
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(3);
    }
    throw err;
  }
  console.error(`Unknown command '${command}'.\n\n${usage}`);
  process.exit(2);
}
