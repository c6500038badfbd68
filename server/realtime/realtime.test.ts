import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiChannel, inboundBody, postInbound } from "../test/inbox";
import { addMember, type Client, createTestServer, setupOwner, type TestServer } from "../test/server";

type Event = { workspaceId: string; seq: number; type: string; payload: Record<string, unknown> };

let server: TestServer;
let base: string;
let owner: Client;
let ws: string;
let channel: { id: string; secret: string };
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await createTestServer({}, { worker: false });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  channel = await createApiChannel(owner, ws);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server.close();
});

function open(cookie: string, origin = base, auth?: { token: string }): Promise<{ socket: Socket; events: Event[] }> {
  const socket = connect(base, {
    transports: ["websocket"],
    extraHeaders: { cookie, origin },
    reconnection: false,
    ...(auth ? { auth } : {}),
  });
  sockets.push(socket);
  const events: Event[] = [];
  socket.on("events", (batch: Event[]) => events.push(...batch));
  return new Promise((resolve, reject) => {
    socket.once("ready", () => resolve({ socket, events }));
    socket.once("connect_error", reject);
  });
}

const until = async (fn: () => boolean) => {
  for (let i = 0; i < 400 && !fn(); i++) await new Promise((r) => setTimeout(r, 25));
  return fn();
};

describe("realtime", () => {
  it("pushes a new client message to a manager's socket with the workspace sequence", async () => {
    const { events } = await open(owner.cookie);
    const res = await postInbound(server.app, channel, inboundBody({ text: "live!" }));
    expect(await until(() => events.some((e) => e.type === "message.created"))).toBe(true);
    const e = events.find((x) => x.type === "message.created");
    if (!e) throw new Error("no event");
    expect(e.workspaceId).toBe(ws);
    expect((e.payload.message as { id: string; text: string }).id).toBe(res.json().messageIds[0]);
    expect((e.payload.chat as { unreadCount: number }).unreadCount).toBeGreaterThan(0);
    const last = (await owner.get(`/api/v1/workspaces/${ws}/events?after=0`)).json().lastSeq;
    expect(e.seq).toBe(last);
  });

  it("refuses sockets without a session, and cookie sockets from another origin", async () => {
    await expect(open("")).rejects.toThrow(/unauthenticated/);
    await expect(open(owner.cookie, "https://evil.example")).rejects.toThrow(/unauthenticated/);
  });

  it("accepts an API token and never delivers another workspace's events", async () => {
    const other = await owner.post("/api/v1/workspaces", { name: "Elsewhere" });
    const otherWs = other.json().workspace.id;
    const outsider = await addMember(owner, otherWs, "outsider@example.com");
    const { events: outsiderEvents } = await open(outsider.client.cookie);
    const token = (await owner.post(`/api/v1/workspaces/${ws}/api-tokens`, { name: "rt" })).json().secret;
    const { events: tokenEvents } = await open("", base, { token });
    await postInbound(server.app, channel, inboundBody({ text: "private to A" }));
    expect(await until(() => tokenEvents.some((e) => e.type === "message.created"))).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(outsiderEvents.filter((e) => e.workspaceId === ws)).toEqual([]);
  });

  it("lets a client that was offline catch up with events?after=N, missing nothing", async () => {
    const { socket, events } = await open(owner.cookie);
    await postInbound(server.app, channel, inboundBody({ text: "before" }));
    await until(() => events.length > 0);
    const lastSeen = Math.max(...events.map((e) => e.seq));
    socket.disconnect();
    for (const t of ["while offline 1", "while offline 2"])
      await postInbound(server.app, channel, inboundBody({ text: t }));
    const caught = (await owner.get(`/api/v1/workspaces/${ws}/events?after=${lastSeen}`)).json();
    const texts = caught.items
      .filter((e: Event) => e.type === "message.created")
      .map((e: Event) => (e.payload.message as { text: string }).text);
    expect(texts).toEqual(["while offline 1", "while offline 2"]);
    expect(caught.items[0].seq).toBe(lastSeen + 1);
  });

  it("stops sending to a member who was removed", async () => {
    const m = await addMember(owner, ws, "leaving@example.com");
    const { events } = await open(m.client.cookie);
    await owner.delete(`/api/v1/workspaces/${ws}/members/${m.userId}`);
    await until(() => events.some((e) => e.type === "member.removed"));
    const count = events.length;
    await postInbound(server.app, channel, inboundBody({ text: "after removal" }));
    await new Promise((r) => setTimeout(r, 300));
    expect(events.slice(count).filter((e) => e.type === "message.created")).toEqual([]);
  });
});
