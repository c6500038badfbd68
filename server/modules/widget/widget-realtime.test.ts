import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TypingEvent, WidgetMessage, WidgetTypingToVisitor } from "../../../common/widget";
import { newId } from "../../lib/ids";
import { addMember, type Client, createTestServer, setupOwner, type TestServer } from "../../test/server";
import { addInternalMessage, createWidgetChannel, siteOrigin, visitorOn } from "../../test/widget";

let server: TestServer;
let base: string;
let owner: Client;
let ws: string;
let channel: { id: string; secret: string };
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await createTestServer();
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  channel = await createWidgetChannel(owner, ws);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server.close();
});

const until = async (fn: () => boolean) => {
  for (let i = 0; i < 400 && !fn(); i++) await new Promise((r) => setTimeout(r, 25));
  return fn();
};

function visitorSocket(channelId: string, visitorToken: string, origin = siteOrigin): Promise<Socket> {
  const socket = connect(`${base}/widget`, {
    transports: ["websocket"],
    forceNew: true,
    extraHeaders: { origin },
    reconnection: false,
    auth: { channelId, visitorToken },
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function managerSocket(cookie: string): Promise<Socket> {
  const socket = connect(base, {
    transports: ["websocket"],
    extraHeaders: { cookie, origin: base },
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("ready", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

async function startConversation(text: string) {
  const visitor = visitorOn(server.app, channel.id);
  await visitor.session();
  const sent = await visitor.send(text);
  const chat = await server.database.db
    .selectFrom("messages")
    .select("chat_id")
    .where("id", "=", sent.json().message.id)
    .executeTakeFirstOrThrow();
  return { visitor, token: visitor.token ?? "", chatId: chat.chat_id };
}

describe("widget realtime", () => {
  it("brings the manager's answers and their edits to the visitor live, never a note", async () => {
    const { token, chatId } = await startConversation("Hello?");
    const socket = await visitorSocket(channel.id, token);
    const received: WidgetMessage[] = [];
    socket.on("message", (m: WidgetMessage) => received.push(m));
    await addInternalMessage(server, ws, chatId, "note", "internal: call him back");
    const answer = await owner.post(`/api/v1/workspaces/${ws}/chats/${chatId}/messages`, { text: "Hi! Yes." });
    expect(answer.statusCode).toBe(201);
    const id = answer.json().message.id as string;
    expect(await until(() => received.some((m) => m.id === id))).toBe(true);
    expect(received.find((m) => m.id === id)).toMatchObject({
      direction: "out",
      text: "Hi! Yes.",
      author: { kind: "user", name: "Olga Owner" },
    });
    await owner.patch(`/api/v1/workspaces/${ws}/chats/${chatId}/messages/${id}`, { text: "Hi! Yes, we do." });
    expect(await until(() => received.some((m) => m.id === id && m.editedAt !== null))).toBe(true);
    expect(received.filter((m) => m.id === id).at(-1)?.text).toBe("Hi! Yes, we do.");
    expect(JSON.stringify(received)).not.toContain("internal");
  });

  it("reaches only the visitor of that conversation", async () => {
    const a = await startConversation("I am A");
    const b = await startConversation("I am B");
    const socketB = await visitorSocket(channel.id, b.token);
    const receivedB: WidgetMessage[] = [];
    socketB.on("message", (m: WidgetMessage) => receivedB.push(m));
    const socketA = await visitorSocket(channel.id, a.token);
    const receivedA: WidgetMessage[] = [];
    socketA.on("message", (m: WidgetMessage) => receivedA.push(m));
    await owner.post(`/api/v1/workspaces/${ws}/chats/${a.chatId}/messages`, { text: "only for A" });
    await owner.post(`/api/v1/workspaces/${ws}/chats/${b.chatId}/messages`, { text: "only for B" });
    expect(await until(() => receivedA.some((m) => m.text === "only for A"))).toBe(true);
    expect(await until(() => receivedB.some((m) => m.text === "only for B"))).toBe(true);
    expect(receivedA.some((m) => m.text === "only for B")).toBe(false);
    expect(receivedB.some((m) => m.text === "only for A")).toBe(false);
  });

  it("refuses a socket from another site or with a bad token", async () => {
    const { token } = await startConversation("hi");
    await expect(visitorSocket(channel.id, token, "https://evil.example")).rejects.toThrow("origin_not_allowed");
    await expect(visitorSocket(channel.id, `${token}x`)).rejects.toThrow("invalid_visitor");
    await expect(visitorSocket(newId(), token)).rejects.toThrow("not_found");
  });

  it("carries typing both ways, to that workspace only", async () => {
    const { token, chatId } = await startConversation("typing test");
    const visitor = await visitorSocket(channel.id, token);
    const manager = await managerSocket(owner.cookie);
    const created = await owner.post("/api/v1/workspaces", { name: "Elsewhere" });
    const { client: stranger } = await addMember(owner, created.json().workspace.id, "stranger@example.com");
    const strangerSocket = await managerSocket(stranger.cookie);
    const toVisitor: WidgetTypingToVisitor[] = [];
    const toManager: TypingEvent[] = [];
    const toStranger: TypingEvent[] = [];
    visitor.on("typing", (e: WidgetTypingToVisitor) => toVisitor.push(e));
    manager.on("typing", (e: TypingEvent) => toManager.push(e));
    strangerSocket.on("typing", (e: TypingEvent) => toStranger.push(e));

    // A member of another workspace cannot type into this chat.
    strangerSocket.emit("typing", { chatId, typing: true });
    manager.emit("typing", { chatId, typing: true });
    expect(await until(() => toVisitor.length > 0)).toBe(true);
    expect(toVisitor).toEqual([{ name: "Olga Owner", typing: true }]);

    visitor.emit("typing", { typing: true });
    expect(await until(() => toManager.some((e) => e.author === "client"))).toBe(true);
    expect(toManager.find((e) => e.author === "client")).toMatchObject({ workspaceId: ws, chatId, typing: true });
    expect(toManager.find((e) => e.author === "client")?.name).toMatch(/^Visitor /);
    expect(toStranger).toEqual([]);
  });
});
