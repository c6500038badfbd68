import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTx } from "../../db/tx";
import { type Client, createTestServer, setupOwner, type TestServer } from "../../test/server";
import { visitorOn } from "../../test/widget";
import { ensureDemo } from "./first-run";

let server: TestServer;
let owner: Client;
let ownerId: string;

beforeAll(async () => {
  server = await createTestServer();
  const s = await setupOwner(server);
  owner = s.client;
  ownerId = s.user.id;
});
afterAll(() => server.close());

describe("demo workspace", () => {
  it("creates a workspace with a widget channel, people and conversations, some unread", async () => {
    const res = await owner.post("/api/v1/demo");
    expect(res.statusCode).toBe(201);
    const { workspace, channelId } = res.json();
    expect(workspace).toMatchObject({ name: "Demo", role: "owner" });
    const me = await owner.get("/api/v1/me");
    expect(me.json().workspaces.map((w: { id: string }) => w.id)).toContain(workspace.id);
    const chats = await owner.get(`/api/v1/workspaces/${workspace.id}/chats`);
    expect(chats.json().counts).toEqual({ all: 5, unread: 3 });
    const names = chats.json().items.map((c: { client: { name: string } }) => c.client.name);
    expect(names).toContain("Maria Lopez");
    expect(chats.json().items.every((c: { channel: { id: string; kind: string } }) => c.channel.id === channelId)).toBe(
      true,
    );
    // The managers' answers are delivered to the widget like real ones.
    const tom = chats.json().items.find((c: { client: { name: string } }) => c.client.name === "Tom Becker");
    let statuses: string[] = [];
    for (let i = 0; i < 200; i++) {
      const msgs = await owner.get(`/api/v1/workspaces/${workspace.id}/chats/${tom.id}/messages`);
      statuses = msgs
        .json()
        .items.filter((m: { direction: string }) => m.direction === "out")
        .map((m: { status: string }) => m.status);
      if (statuses.every((s) => s === "sent")) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(statuses).toEqual(["sent"]);
    // Its sandbox page works, and a visitor there can write into the demo.
    const page = await server.app.inject({ method: "GET", url: `/sandbox/${channelId}` });
    expect(page.statusCode).toBe(200);
    const visitor = visitorOn(server.app, channelId, "http://localhost");
    expect((await visitor.session()).json().channel.greeting).toMatch(/Ask us anything/);
    expect((await visitor.send("Hello from the sandbox")).statusCode).toBe(201);
    const after = await owner.get(`/api/v1/workspaces/${workspace.id}/chats`);
    expect(after.json().counts.all).toBe(6);
  });

  it("is refused to an API token and to someone signed out", async () => {
    const anon = await server.app.inject({ method: "POST", url: "/api/v1/demo" });
    expect(anon.statusCode).toBe(401);
    const ws = (await owner.get("/api/v1/me")).json().workspaces[0].id;
    const token = await owner.post(`/api/v1/workspaces/${ws}/api-tokens`, { name: "ci" });
    const res = await server.app.inject({
      method: "POST",
      url: "/api/v1/demo",
      headers: { authorization: `Bearer ${token.json().secret}` },
    });
    expect(res.statusCode).toBe(403);
  });

  it("for `parley demo`: is made once per owner, in the owner's language", async () => {
    await server.database.db.updateTable("users").set({ locale: "ru" }).where("id", "=", ownerId).execute();
    const first = await ensureDemo(server.database.db, server.config, server.app.connectors, server.app.bus);
    expect(first.password).toBeNull();
    expect(first.email).toBe("owner@example.com");
    const again = await ensureDemo(server.database.db, server.config, server.app.connectors, server.app.bus);
    expect(again).toEqual(first);
    const ws = await server.database.db
      .selectFrom("workspaces")
      .select("name")
      .where("id", "=", first.workspaceId)
      .executeTakeFirstOrThrow();
    expect(ws.name).toBe("Демо");
    const people = await inTx(server.database.db, async (tx) =>
      tx.db.selectFrom("clients").select("name").where("workspace_id", "=", first.workspaceId).execute(),
    );
    expect(people.map((p) => p.name)).toContain("Мария Лопес");
  });
});
