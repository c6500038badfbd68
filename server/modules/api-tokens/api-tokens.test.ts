import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, type Client, createTestServer, setupOwner, type TestServer } from "../../test/server";

let server: TestServer;
let owner: Client;
let ws: string;
let other: string;

beforeAll(async () => {
  server = await createTestServer();
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  other = (await owner.post("/api/v1/workspaces", { name: "Second" })).json().workspace.id;
});
afterAll(() => server.close());

const bearer = (secret: string, url: string, method: "GET" | "POST" | "PATCH" = "GET", payload?: object) =>
  server.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, ...(payload ? { payload } : {}) });

describe("API tokens", () => {
  it("shows the secret once, stores only a hash, and authenticates without cookies or Origin", async () => {
    const res = await owner.post(`/api/v1/workspaces/${ws}/api-tokens`, { name: "CRM sync" });
    expect(res.statusCode).toBe(201);
    const { secret, token } = res.json();
    expect(secret).toMatch(/^prl_/);
    expect(token.prefix).toBe(secret.slice(0, 8));
    const rows = await server.database.db.selectFrom("api_tokens").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret);
    const list = await owner.get(`/api/v1/workspaces/${ws}/api-tokens`);
    expect(JSON.stringify(list.json())).not.toContain(secret);

    const me = await bearer(secret, "/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().workspaces.map((w: { id: string }) => w.id)).toEqual([ws]);
    const write = await bearer(secret, `/api/v1/workspaces/${ws}`, "PATCH", { name: "Renamed by token" });
    expect(write.statusCode).toBe(200);
  });

  it("acts only in its own workspace", async () => {
    const { secret } = (await owner.post(`/api/v1/workspaces/${ws}/api-tokens`, { name: "scoped" })).json();
    const res = await bearer(secret, `/api/v1/workspaces/${other}/members`);
    expect(res.statusCode).toBe(404);
    const create = await bearer(secret, "/api/v1/workspaces", "POST", { name: "x" });
    expect(create.statusCode).toBe(403);
  });

  it("stops working once revoked, or when its user leaves", async () => {
    const { secret, token } = (await owner.post(`/api/v1/workspaces/${ws}/api-tokens`, { name: "temp" })).json();
    expect((await owner.delete(`/api/v1/workspaces/${ws}/api-tokens/${token.id}`)).statusCode).toBe(204);
    const res = await bearer(secret, "/api/v1/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");

    const m = await addMember(owner, ws, "leaver@example.com");
    const t = (await m.client.post(`/api/v1/workspaces/${ws}/api-tokens`, { name: "mine" })).json();
    expect((await bearer(t.secret, "/api/v1/me")).statusCode).toBe(200);
    await owner.delete(`/api/v1/workspaces/${ws}/members/${m.userId}`);
    expect((await bearer(t.secret, "/api/v1/me")).statusCode).toBe(401);
  });

  it("managers see and revoke only their own tokens", async () => {
    const m = await addMember(owner, ws, "mgr@example.com");
    const mine = (await m.client.post(`/api/v1/workspaces/${ws}/api-tokens`, { name: "mgr token" })).json();
    const ownerToken = (await owner.post(`/api/v1/workspaces/${ws}/api-tokens`, { name: "owner token" })).json();
    const list = await m.client.get(`/api/v1/workspaces/${ws}/api-tokens`);
    expect(list.json().items.map((t: { id: string }) => t.id)).toEqual([mine.token.id]);
    expect((await m.client.delete(`/api/v1/workspaces/${ws}/api-tokens/${ownerToken.token.id}`)).statusCode).toBe(404);
    const adminList = await owner.get(`/api/v1/workspaces/${ws}/api-tokens`);
    expect(adminList.json().items.map((t: { id: string }) => t.id)).toContain(mine.token.id);
  });

  it("acts with its user's current role in the workspace", async () => {
    const m = await addMember(owner, ws, "promoted@example.com");
    const t = (await m.client.post(`/api/v1/workspaces/${ws}/api-tokens`, { name: "role" })).json();
    const rename = () => bearer(t.secret, `/api/v1/workspaces/${ws}`, "PATCH", { name: "Renamed by a manager" });
    const refused = await rename();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("forbidden");
    const promote = await owner.patch(`/api/v1/workspaces/${ws}/members/${m.userId}`, { role: "admin" });
    expect(promote.statusCode).toBe(200);
    expect((await rename()).statusCode).toBe(200);
  });

  it("refuses a malformed Authorization header clearly", async () => {
    const res = await server.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: "Token abc" } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/Bearer/);
  });
});
