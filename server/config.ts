import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PARLEY_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres://")
    .optional(),
  REDIS_URL: z.string().optional(),
  PARLEY_PUBLIC_URL: z.url().optional(),
  PARLEY_ADMIN_EMAIL: z.string().optional(),
  PARLEY_ADMIN_PASSWORD: z.string().optional(),
  PARLEY_ADMIN_NAME: z.string().default("Owner"),
  PARLEY_WORKSPACE_NAME: z.string().default("My company"),
  PARLEY_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PARLEY_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  PARLEY_LOGIN_LIMIT: z.coerce.number().int().min(1).default(10),
  PARLEY_WIDGET_LIMIT: z.coerce.number().int().min(1).default(120),
  PARLEY_INBOUND_PARALLEL: z.coerce.number().int().min(1).max(16).optional(),
  PARLEY_DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).default(30_000),
  PARLEY_FILE_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  PARLEY_SESSION_DAYS: z.coerce.number().int().min(1).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  publicUrl: string | undefined;
  admin: { email: string; password: string; name: string; workspaceName: string } | undefined;
  dbPoolSize: number;
  bodyLimit: number;
  loginLimit: number;
  /** Requests per minute a widget visitor (or, before they have a token, an IP address) may make. */
  widgetLimit: number;
  sessionDays: number;
  /** Largest file accepted (uploads and media fetched from messengers), bytes. */
  fileLimit: number;
  /** How long a claimed delivery stays invisible to other workers; after a crash it is retried then. */
  deliveryLeaseMs: number;
  /** Inbound batches in flight at once (default 3 on PostgreSQL, 1 on PGlite). */
  inboundParallel: number | undefined;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
};

export class ConfigError extends Error {}

/** Reads the environment into a typed config; the one place that knows the variable names. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (as env files often leave them) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (Boolean(e.PARLEY_ADMIN_EMAIL) !== Boolean(e.PARLEY_ADMIN_PASSWORD)) {
    throw new ConfigError("Set both PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD, or neither.");
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.PARLEY_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicUrl: e.PARLEY_PUBLIC_URL?.replace(/\/+$/, ""),
    admin:
      e.PARLEY_ADMIN_EMAIL && e.PARLEY_ADMIN_PASSWORD
        ? {
            email: e.PARLEY_ADMIN_EMAIL,
            password: e.PARLEY_ADMIN_PASSWORD,
            name: e.PARLEY_ADMIN_NAME,
            workspaceName: e.PARLEY_WORKSPACE_NAME,
          }
        : undefined,
    dbPoolSize: e.PARLEY_DB_POOL_SIZE,
    bodyLimit: e.PARLEY_BODY_LIMIT,
    loginLimit: e.PARLEY_LOGIN_LIMIT,
    widgetLimit: e.PARLEY_WIDGET_LIMIT,
    sessionDays: e.PARLEY_SESSION_DAYS,
    inboundParallel: e.PARLEY_INBOUND_PARALLEL,
    deliveryLeaseMs: e.PARLEY_DELIVERY_LEASE_MS,
    fileLimit: e.PARLEY_FILE_LIMIT,
    logLevel: e.LOG_LEVEL,
  };
}
