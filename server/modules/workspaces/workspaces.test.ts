import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, type Client, createTestServer, setupOwner, type TestServer } from "../../test/server";

let server: TestServer;
let owner: Client;
let ws: string;
let admin: { client: Client; userId: string };
let manager: { client: Client; userId: string };
let ownerId: string;

beforeAll(async () => {
  server = await createTestServer();
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  ownerId = s.user.id;
  admin = await addMember(owner, ws, "adam@example.com", "admin");
  manager = await addMember(owner, ws, "mila@example.com", "manager");
});
afterAll(() => server.close());

describe("workspaces", () => {
  it("creates a workspace whose creator is owner, listed in /me", async () => {
    const res = await manager.client.post("/api/v1/workspaces", { name: "  Side project " });
    expect(res.statusCode).toBe(201);
    expect(res.json().workspace).toMatchObject({ name: "Side project", role: "owner" });
    const me = await manager.client.get("/api/v1/me");
    expect(
      me
        .json()
        .workspaces.map((w: { role: string }) => w.role)
        .sort(),
    ).toEqual(["manager", "owner"]);
  });

  it("lets admins rename and refuses managers with a clear 403", async () => {
    expect((await admin.client.patch(`/api/v1/workspaces/${ws}`, { name: "Acme Ltd" })).json().workspace.name).toBe(
      "Acme Ltd",
    );
    const res = await manager.client.patch(`/api/v1/workspaces/${ws}`, { name: "Hijack" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("forbidden");
    const empty = await admin.client.patch(`/api/v1/workspaces/${ws}`, { name: "   " });
    expect(empty.statusCode).toBe(400);
  });

  it("lists members with roles", async () => {
    const res = await manager.client.get(`/api/v1/workspaces/${ws}/members`);
    expect(res.statusCode).toBe(200);
    const roles = Object.fromEntries(res.json().items.map((m: { email: string; role: string }) => [m.email, m.role]));
    expect(roles).toEqual({ "owner@example.com": "owner", "adam@example.com": "admin", "mila@example.com": "manager" });
  });
});

describe("roles", () => {
  it("admins change managers; only owners touch the owner role", async () => {
    const up = await admin.client.patch(`/api/v1/workspaces/${ws}/members/${manager.userId}`, { role: "admin" });
    expect(up.statusCode).toBe(200);
    expect(up.json().member.role).toBe("admin");
    await admin.client.patch(`/api/v1/workspaces/${ws}/members/${manager.userId}`, { role: "manager" });
    const toOwner = await admin.client.patch(`/api/v1/workspaces/${ws}/members/${manager.userId}`, { role: "owner" });
    expect(toOwner.statusCode).toBe(403);
    const demoteOwner = await admin.client.patch(`/api/v1/workspaces/${ws}/members/${ownerId}`, { role: "manager" });
    expect(demoteOwner.statusCode).toBe(403);
    const byManager = await manager.client.patch(`/api/v1/workspaces/${ws}/members/${admin.userId}`, {
      role: "manager",
    });
    expect(byManager.statusCode).toBe(403);
  });

  it("never leaves a workspace without an owner", async () => {
    const res = await owner.patch(`/api/v1/workspaces/${ws}/members/${ownerId}`, { role: "admin" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("last_owner");
    const leave = await owner.delete(`/api/v1/workspaces/${ws}/members/${ownerId}`);
    expect(leave.json().error.code).toBe("last_owner");
  });

  it("removes a member, who then sees the workspace as not found", async () => {
    const extra = await addMember(owner, ws, "temp@example.com");
    expect((await manager.client.delete(`/api/v1/workspaces/${ws}/members/${extra.userId}`)).statusCode).toBe(403);
    expect((await admin.client.delete(`/api/v1/workspaces/${ws}/members/${extra.userId}`)).statusCode).toBe(204);
    const res = await extra.client.get(`/api/v1/workspaces/${ws}/members`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });
});

describe("events", () => {
  it("records every change with an increasing per-workspace sequence, and pages after N", async () => {
    const all = await owner.get(`/api/v1/workspaces/${ws}/events?after=0`);
    expect(all.statusCode).toBe(200);
    const items = all.json().items as Array<{ seq: number; type: string }>;
    expect(items.map((e) => e.seq)).toEqual(items.map((_, i) => i + 1));
    expect(all.json().lastSeq).toBe(items.length);
    expect(items[0]?.type).toBe("workspace.created");
    expect(items.map((e) => e.type)).toEqual(
      expect.arrayContaining(["member.joined", "member.role_changed", "member.removed"]),
    );
    const after = await owner.get(`/api/v1/workspaces/${ws}/events?after=${items.length - 2}&limit=1`);
    expect(after.json().items.map((e: { seq: number }) => e.seq)).toEqual([items.length - 1]);
    const head = (await owner.get(`/api/v1/workspaces/${ws}/events?limit=0`)).json();
    expect(head).toEqual({ items: [], lastSeq: items.length });
    const bad = await owner.get(`/api/v1/workspaces/${ws}/events?after=-1`);
    expect(bad.statusCode).toBe(400);
  });
});
