import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { Config } from "./config";
import { connectorEnv } from "./connectors/env";
import type { ConnectorEnv } from "./connectors/types";
import type { Ctx } from "./context";
import type { DB } from "./db/schema";
import { inTx } from "./db/tx";
import { EventBus } from "./events/bus";
import { registerErrorHandler } from "./http/error-handler";
import { registerGuard } from "./http/guard";
import type { RouteAuth } from "./http/policy";
import { registerSpa } from "./http/spa";
import { type DeliveryOptions, DeliveryWorker } from "./jobs/delivery";
import { apiTokenRoutes } from "./modules/api-tokens/routes";
import { authRoutes } from "./modules/auth/routes";
import { channelRoutes } from "./modules/channels/routes";
import { chatRoutes } from "./modules/chats/routes";
import { demoRoutes } from "./modules/demo/routes";
import { eventRoutes } from "./modules/events/routes";
import { fileRoutes } from "./modules/files/routes";
import { healthRoutes } from "./modules/health/routes";
import { InboundBatcher } from "./modules/inbound/batcher";
import { PollerManager, type PollerOptions } from "./modules/inbound/pollers";
import { inboundRoutes } from "./modules/inbound/routes";
import { invitationRoutes } from "./modules/invitations/routes";
import { setupRoutes } from "./modules/setup/routes";
import { widgetPages } from "./modules/widget/pages";
import { attachWidgetRealtime } from "./modules/widget/realtime";
import { widgetRoutes } from "./modules/widget/routes";
import { workspaceRoutes } from "./modules/workspaces/routes";
import { attachRealtime } from "./realtime/server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type AppOptions = {
  config: Config;
  db: Kysely<DB>;
  logger?: boolean;
  webDir?: string;
  /** The built visitor's widget (default dist/widget/widget.js). */
  widgetFile?: string;
  /** Run the delivery worker in this process (default true; tests may drive it themselves). */
  worker?: boolean;
  /** Embedded database (PGlite): one connection, so no parallel transactions. */
  embedded?: boolean;
  /** Options of the delivery worker (tests shorten its timings). */
  delivery?: DeliveryOptions;
  /** Options of the long-polling manager (tests shorten its lease and refresh). */
  pollers?: PollerOptions;
};

export type RouteInfo = { method: string; url: string; auth: RouteAuth | undefined; hasBody: boolean };

declare module "fastify" {
  interface FastifyInstance {
    /** Every route as registered, for the authorization sweep test and the docs. */
    routeTable: RouteInfo[];
    delivery: DeliveryWorker;
    pollers: PollerManager;
    bus: EventBus;
    connectors: ConnectorEnv;
  }
}

/**
 * Records every route. The API docs' routes get their rule here, because a plugin registers them:
 * they are public.
 */
function trackRoutes(app: FastifyInstance): void {
  app.decorate("routeTable", [] as RouteInfo[]);
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/docs") && route.config?.auth === undefined) {
      route.config = { ...route.config, auth: "public" };
    }
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      app.routeTable.push({ method, url: route.url, auth: route.config?.auth, hasBody: Boolean(route.schema?.body) });
    }
  });
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: opts.config.logLevel, redact: ["req.headers.authorization", "req.headers.cookie"] },
    bodyLimit: opts.config.bodyLimit,
    trustProxy: opts.config.publicUrl !== undefined,
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandler(app);
  trackRoutes(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 10 } });
  const redis = opts.config.redisUrl
    ? new Redis(opts.config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 })
    : undefined;
  if (redis) app.addHook("onClose", async () => void redis.quit());
  const bus = new EventBus();
  const connectors = connectorEnv(opts.db, { ...opts.config, redis });
  const ctx: Ctx = {
    connectors,
    db: opts.db,
    config: opts.config,
    log: app.log,
    redis,
    bus,
    inTx: (fn) => inTx(opts.db, fn, { bus }),
  };
  const delivery = new DeliveryWorker(opts.db, bus, connectors, {
    log: app.log,
    leaseMs: opts.config.deliveryLeaseMs,
    ...opts.delivery,
  });
  app.decorate("delivery", delivery);
  app.decorate("bus", bus);
  app.decorate("connectors", connectors);
  await app.register(fastifyRateLimit, { global: false, ...(redis ? { redis, nameSpace: "parley-rl:" } : {}) });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Parley API",
        version: "1",
        description:
          "The REST API of Parley. Authenticate with a session cookie or `Authorization: Bearer <API token>`.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "parley_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { config: { auth: "public" }, schema: { hide: true } }, () => app.swagger());

  app.addHook("onSend", async (_req, reply) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("x-frame-options", "DENY");
  });
  registerGuard(app, ctx);
  const modules = [
    healthRoutes,
    setupRoutes,
    authRoutes,
    workspaceRoutes,
    invitationRoutes,
    apiTokenRoutes,
    eventRoutes,
    channelRoutes,
    chatRoutes,
    fileRoutes,
    demoRoutes,
  ];
  for (const routes of modules) await app.register(routes, { ctx });
  const batcher = new InboundBatcher(opts.db, bus, opts.config.inboundParallel ?? (opts.embedded ? 1 : 3));
  await app.register(inboundRoutes, { ctx, batcher });
  await app.register(widgetRoutes, { ctx, batcher });
  await app.register(widgetPages, {
    ctx,
    widgetFile: opts.widgetFile ?? path.join(root, "dist", "widget", "widget.js"),
  });
  const pollers = new PollerManager({ db: opts.db, bus, batcher, env: connectors }, { log: app.log, ...opts.pollers });
  app.decorate("pollers", pollers);
  const io = attachRealtime(app, ctx, bus);
  const offWidget = attachWidgetRealtime(io, ctx, bus);
  app.addHook("preClose", async () => {
    offWidget();
  });
  if (opts.worker !== false) {
    app.addHook("onReady", async () => {
      delivery.start();
      pollers.start();
    });
    app.addHook("onClose", async () => {
      await pollers.stop();
      await delivery.stop();
    });
  }
  await registerSpa(app, opts.webDir ?? path.join(root, "dist", "web"));
  return app;
}
