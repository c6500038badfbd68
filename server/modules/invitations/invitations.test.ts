import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestServer, login, setupOwner, type TestServer, testPassword } from "../../test/server";

let server: TestServer;
let owner: Client;
let ws: string;

beforeAll(async () => {
  server = await createTestServer();
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
});
afterAll(() => server.close());

async function invite(body: Record<string, unknown> = {}) {
  const res = await owner.post(`/api/v1/workspaces/${ws}/invitations`, body);
  expect(res.statusCode).toBe(201);
  return {
    token: new URL(res.json().url).pathname.split("/").pop() as string,
    id: res.json().invitation.id as string,
    res,
  };
}

const accept = (token: string, payload: object, cookie?: string) =>
  server.app.inject({
    method: "POST",
    url: `/api/v1/invitations/${token}/accept`,
    payload,
    headers: cookie ? { cookie, origin: "http://localhost" } : {},
  });

describe("invitations", () => {
  it("makes a one-time link, stores only its hash, and previews it publicly", async () => {
    const { token, res } = await invite({ role: "admin" });
    expect(res.json().url).toMatch(/^http:\/\/localhost(:80)?\/invite\//);
    const rows = await server.database.db.selectFrom("invitations").select("token_hash").execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const preview = await server.app.inject({ method: "GET", url: `/api/v1/invitations/${token}` });
    expect(preview.json()).toMatchObject({ workspaceName: "Acme", role: "admin", email: null });
  });

  it("registers a new person who joins with the invited role, once", async () => {
    const { token } = await invite({ role: "admin" });
    const res = await accept(token, { name: "Nina", email: "nina@example.com", password: testPassword });
    expect(res.statusCode).toBe(200);
    expect(res.json().workspaces).toEqual([expect.objectContaining({ id: ws, role: "admin" })]);
    const again = await accept(token, { name: "Eve", email: "eve@example.com", password: testPassword });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("invitation_invalid");
    const eve = await server.database.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "eve@example.com")
      .execute();
    expect(eve).toEqual([]);
  });

  it("says a taken e-mail is taken and keeps the invitation usable", async () => {
    const { token } = await invite();
    const res = await accept(token, { name: "Dup", email: "OWNER@example.com", password: testPassword });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("email_taken");
    expect((await server.app.inject({ method: "GET", url: `/api/v1/invitations/${token}` })).statusCode).toBe(200);
  });

  it("asks for name, e-mail and password when not signed in", async () => {
    const { token } = await invite();
    const res = await accept(token, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("lets a signed-in user of another workspace join, and not twice", async () => {
    const outsider = await setupOutsider();
    const { token } = await invite();
    const res = await accept(token, {}, outsider.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().workspaces.map((w: { id: string }) => w.id)).toContain(ws);
    const second = await invite();
    const dup = await accept(second.token, {}, outsider.cookie);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("already_member");
  });

  it("binds an invitation to its e-mail when one is given", async () => {
    const { token } = await invite({ email: "only@example.com" });
    const wrong = await accept(token, { name: "X", email: "other@example.com", password: testPassword });
    expect(wrong.statusCode).toBe(403);
    const right = await accept(token, { name: "Only", email: "only@example.com", password: testPassword });
    expect(right.statusCode).toBe(200);
  });

  it("revokes, and expired links stop working", async () => {
    const { token, id } = await invite();
    const list = await owner.get(`/api/v1/workspaces/${ws}/invitations`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await owner.delete(`/api/v1/workspaces/${ws}/invitations/${id}`)).statusCode).toBe(204);
    expect((await owner.delete(`/api/v1/workspaces/${ws}/invitations/${id}`)).statusCode).toBe(404);
    expect((await server.app.inject({ method: "GET", url: `/api/v1/invitations/${token}` })).statusCode).toBe(404);
    const old = await invite();
    await server.database.db
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 1) })
      .where("id", "=", old.id)
      .execute();
    const res = await accept(old.token, { name: "Late", email: "late@example.com", password: testPassword });
    expect(res.json().error.code).toBe("invitation_invalid");
  });

  it("is for admins only", async () => {
    const { token } = await invite({ role: "manager" });
    await accept(token, { name: "Max", email: "max@example.com", password: testPassword });
    const max = await login(server.app, "max@example.com");
    expect((await max.post(`/api/v1/workspaces/${ws}/invitations`, {})).statusCode).toBe(403);
    expect((await max.get(`/api/v1/workspaces/${ws}/invitations`)).statusCode).toBe(403);
  });
});

async function setupOutsider(): Promise<Client> {
  const { token } = await invite();
  await accept(token, { name: "Out", email: "out@example.com", password: testPassword });
  const out = await login(server.app, "out@example.com");
  await out.delete(`/api/v1/workspaces/${ws}/members/${(await out.get("/api/v1/me")).json().user.id}`);
  const created = await out.post("/api/v1/workspaces", { name: "Out's" });
  expect(created.statusCode).toBe(201);
  return out;
}
