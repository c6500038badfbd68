import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import type { Database } from "../db/connect";
import { runSetup } from "../modules/setup/commands";
import { createTestDb } from "../test/db";
import { createApiChannel, inboundBody, postInbound } from "../test/inbox";
import { login } from "../test/server";

/** Two Parley instances on one database and one Redis: an event committed on one reaches sockets on the other. */
const redisUrl = process.env.PARLEY_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let database: Database;
const apps: FastifyInstance[] = [];
let socket: Socket | undefined;

beforeAll(async () => {
  database = await createTestDb();
  for (let i = 0; i < 2; i++) {
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: "silent", REDIS_URL: redisUrl }),
      db: database.db,
      logger: false,
      worker: false,
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    apps.push(app);
  }
});
afterAll(async () => {
  socket?.disconnect();
  for (const app of apps) await app.close();
  await database.close();
});

describe("scale-out through Redis", () => {
  it("delivers an event committed by instance B to a socket connected to instance A", async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const { workspace } = await runSetup(database.db, {
      name: "S",
      email: "s@example.com",
      password: "scale-password",
      workspaceName: "Scale",
    });
    const ownerOnB = await login(b, "s@example.com", "scale-password");
    const channel = await createApiChannel(ownerOnB, workspace.id);
    const baseA = `http://127.0.0.1:${(a.server.address() as AddressInfo).port}`;
    const received: Array<{ type: string; payload: { message?: { text?: string } } }> = [];
    socket = connect(baseA, {
      transports: ["websocket"],
      extraHeaders: { cookie: ownerOnB.cookie, origin: baseA },
      reconnection: false,
    });
    socket.on("events", (batch: typeof received) => received.push(...batch));
    await new Promise((resolve, reject) => {
      socket?.once("ready", resolve);
      socket?.once("connect_error", reject);
    });
    const res = await postInbound(b, channel, inboundBody({ text: "via redis" }));
    expect(res.statusCode).toBe(200);
    for (let i = 0; i < 200 && !received.some((e) => e.payload.message?.text === "via redis"); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(received.find((e) => e.type === "message.created")?.payload.message?.text).toBe("via redis");
  });
});
