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
import { createWidgetChannel, siteOrigin, visitorOn } from "../test/widget";

/** Two Parley instances on one database and one Redis: an event committed on one reaches sockets on the other. */
const redisUrl = process.env.PARLEY_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let database: Database;
const apps: FastifyInstance[] = [];
const sockets: Socket[] = [];

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
  for (const s of sockets) s.disconnect();
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
    const socket = connect(baseA, {
      transports: ["websocket"],
      extraHeaders: { cookie: ownerOnB.cookie, origin: baseA },
      reconnection: false,
    });
    sockets.push(socket);
    socket.on("events", (batch: typeof received) => received.push(...batch));
    await new Promise((resolve, reject) => {
      socket.once("ready", resolve);
      socket.once("connect_error", reject);
    });
    const res = await postInbound(b, channel, inboundBody({ text: "via redis" }));
    expect(res.statusCode).toBe(200);
    for (let i = 0; i < 200 && !received.some((e) => e.payload.message?.text === "via redis"); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(received.find((e) => e.type === "message.created")?.payload.message?.text).toBe("via redis");
  });

  it("brings a manager's answer sent on instance B to a widget visitor on instance A, and the visitor's typing back", async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const ownerOnB = await login(b, "s@example.com", "scale-password");
    const workspaceId = (await ownerOnB.get("/api/v1/me")).json().workspaces[0].id as string;
    const channel = await createWidgetChannel(ownerOnB, workspaceId);
    const visitor = visitorOn(a, channel.id);
    await visitor.session();
    const sent = await visitor.send("Hello from A");
    expect(sent.statusCode).toBe(201);
    const chats = await ownerOnB.get(`/api/v1/workspaces/${workspaceId}/chats`);
    const chatId = chats.json().items.find((c: { channel: { id: string } }) => c.channel.id === channel.id).id;
    const baseA = `http://127.0.0.1:${(a.server.address() as AddressInfo).port}`;
    const baseB = `http://127.0.0.1:${(b.server.address() as AddressInfo).port}`;
    const widgetSocket = connect(`${baseA}/widget`, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { origin: siteOrigin },
      reconnection: false,
      auth: { channelId: channel.id, visitorToken: visitor.token },
    });
    const managerSocket = connect(baseB, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { cookie: ownerOnB.cookie, origin: baseB },
      reconnection: false,
    });
    sockets.push(widgetSocket, managerSocket);
    const toVisitor: Array<{ text: string | null }> = [];
    const typing: Array<{ chatId: string; author: string }> = [];
    widgetSocket.on("message", (m: { text: string | null }) => toVisitor.push(m));
    managerSocket.on("typing", (e: { chatId: string; author: string }) => typing.push(e));
    await Promise.all([
      new Promise((resolve, reject) => {
        widgetSocket.once("connect", () => resolve(undefined));
        widgetSocket.once("connect_error", reject);
      }),
      new Promise((resolve) => managerSocket.once("ready", resolve)),
    ]);
    expect(
      (await ownerOnB.post(`/api/v1/workspaces/${workspaceId}/chats/${chatId}/messages`, { text: "Hi from B" }))
        .statusCode,
    ).toBe(201);
    widgetSocket.emit("typing", { typing: true });
    for (let i = 0; i < 200 && !(toVisitor.some((m) => m.text === "Hi from B") && typing.length > 0); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(toVisitor.map((m) => m.text)).toContain("Hi from B");
    expect(typing).toEqual([expect.objectContaining({ chatId, author: "client" })]);
  });
});
