import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiChannel, inboundBody, postInbound } from "../test/inbox";
import { addMember, type Client, createTestServer, setupOwner, type TestServer, uploadFile } from "../test/server";

/**
 * Walks every registered route. Fails when a route has no authorization rule, when a protected route
 * answers without credentials, and when a user (or API token) of workspace A can read or change
 * anything of workspace B.
 */
let server: TestServer;
let a: Client;
let aWs: string;
let aToken: string;
const b: Record<string, string> = {};

/** Valid bodies, so that a refusal is the authorization's and not the validation's. */
const samples: Record<string, object> = {
  "PATCH /api/v1/workspaces/:workspaceId": { name: "Taken over" },
  "PATCH /api/v1/workspaces/:workspaceId/members/:userId": { role: "manager" },
  "POST /api/v1/workspaces/:workspaceId/invitations": { role: "owner" },
  "POST /api/v1/workspaces/:workspaceId/api-tokens": { name: "stolen" },
  "POST /api/v1/workspaces/:workspaceId/channels": {
    kind: "api",
    name: "x",
    config: { outboundUrl: "http://127.0.0.1:9/x" },
  },
  "PATCH /api/v1/workspaces/:workspaceId/channels/:channelId": { status: "paused" },
  "POST /api/v1/workspaces/:workspaceId/chats/:chatId/messages": { text: "hijack" },
  "PATCH /api/v1/workspaces/:workspaceId/chats/:chatId/messages/:messageId": { text: "hijack" },
};

async function snapshotB() {
  const db = server.database.db;
  const ws = b.workspaceId as string;
  return {
    ws: await db.selectFrom("workspaces").select(["name", "event_seq"]).where("id", "=", ws).execute(),
    members: await db
      .selectFrom("workspace_members")
      .select(["user_id", "role"])
      .where("workspace_id", "=", ws)
      .orderBy("user_id")
      .execute(),
    invitations: await db
      .selectFrom("invitations")
      .select(["id", "revoked_at"])
      .where("workspace_id", "=", ws)
      .orderBy("id")
      .execute(),
    tokens: await db
      .selectFrom("api_tokens")
      .select(["id", "revoked_at"])
      .where("workspace_id", "=", ws)
      .orderBy("id")
      .execute(),
    messages: await db
      .selectFrom("messages")
      .select(["id", "text", "status", "edited_at", "deleted_at"])
      .where("workspace_id", "=", ws)
      .orderBy("id")
      .execute(),
  };
}

function fill(url: string, values: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const v = values[name];
    if (!v) throw new Error(`the sweep has no value for :${name} in ${url}; add one to the fixtures`);
    return v;
  });
}

const protectedRoutes = () => server.app.routeTable.filter((r) => r.auth !== "public" && !r.url.includes("*"));

beforeAll(async () => {
  server = await createTestServer({}, { worker: false });
  const sa = await setupOwner(server, "a@example.com");
  a = sa.client;
  aWs = sa.workspace.id;
  aToken = (await a.post(`/api/v1/workspaces/${aWs}/api-tokens`, { name: "a" })).json().secret;

  const bUser = await server.app.inject({
    method: "POST",
    url: "/api/v1/workspaces",
    headers: { cookie: a.cookie, origin: "http://localhost" },
    payload: { name: "tmp" },
  });
  // Workspace B belongs to someone else entirely: make its owner through an invitation of a throwaway workspace.
  const tmpWs = bUser.json().workspace.id;
  const bOwner = await addMember(a, tmpWs, "b@example.com", "owner");
  const bWs = (await bOwner.client.post("/api/v1/workspaces", { name: "B" })).json().workspace.id;
  await bOwner.client.delete(`/api/v1/workspaces/${tmpWs}/members/${bOwner.userId}`);
  const bMember = await addMember(bOwner.client, bWs, "b2@example.com");
  const inv = await bOwner.client.post(`/api/v1/workspaces/${bWs}/invitations`, { role: "manager" });
  const tok = await bOwner.client.post(`/api/v1/workspaces/${bWs}/api-tokens`, { name: "b" });
  const bChannel = await createApiChannel(bOwner.client, bWs);
  await postInbound(server.app, bChannel, inboundBody({ text: "B's secret" }));
  const bChat = (await bOwner.client.get(`/api/v1/workspaces/${bWs}/chats`)).json().items[0];
  const bMessage = (
    await bOwner.client.post(`/api/v1/workspaces/${bWs}/chats/${bChat.id}/messages`, { text: "B's answer" })
  ).json().message;
  await server.database.db.updateTable("messages").set({ status: "failed" }).where("id", "=", bMessage.id).execute();
  const bFile = await uploadFile(bOwner.client, `/api/v1/workspaces/${bWs}/files`, Buffer.from("%PDF-1.4 B"), "b.pdf");
  Object.assign(b, {
    fileId: bFile.json().file.id,
    workspaceId: bWs,
    userId: bMember.userId,
    invitationId: inv.json().invitation.id,
    tokenId: tok.json().token.id,
    channelId: bChannel.id,
    chatId: bChat.id,
    messageId: bMessage.id,
  });
});
afterAll(() => server.close());

describe("authorization sweep", () => {
  it("every route declares an authorization rule", () => {
    expect(server.app.routeTable.length).toBeGreaterThan(15);
    const missing = server.app.routeTable.filter((r) => r.auth === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it("every protected route answers 401 without credentials", async () => {
    for (const r of protectedRoutes()) {
      const res = await server.app.inject({
        method: r.method as "GET",
        url: fill(r.url, b),
        payload: samples[`${r.method} ${r.url}`],
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe("unauthenticated");
    }
  });

  it("a user of workspace A gets 404 for every id of workspace B, and changes nothing", async () => {
    const before = await snapshotB();
    const scoped = protectedRoutes().filter((r) => r.url.includes(":"));
    expect(scoped.length).toBeGreaterThan(8);
    for (const r of scoped) {
      const key = `${r.method} ${r.url}`;
      const payload = samples[key] ?? (r.hasBody ? undefined : undefined);
      if (r.hasBody) expect(samples[key], `add a valid sample body for ${key}`).toBeDefined();
      const all = await a.request({ method: r.method as "GET", url: fill(r.url, b), ...(payload ? { payload } : {}) });
      expect(all.statusCode, `${key} with B's ids`).toBe(404);
      const viaToken = await server.app.inject({
        method: r.method as "GET",
        url: fill(r.url, b),
        headers: { authorization: `Bearer ${aToken}` },
        ...(payload ? { payload } : {}),
      });
      expect(viaToken.statusCode, `${key} with A's token and B's ids`).toBe(404);
      if (r.url.includes(":workspaceId/") && /:(?!workspaceId)\w+/.test(r.url)) {
        const mixed = await a.request({
          method: r.method as "GET",
          url: fill(r.url, { ...b, workspaceId: aWs }),
          ...(payload ? { payload } : {}),
        });
        expect(mixed.statusCode, `${key} in A's workspace with B's ids`).toBe(404);
      }
    }
    expect(await snapshotB()).toEqual(before);
  });

  it("lists of A never contain B's data", async () => {
    const me = await a.get("/api/v1/me");
    const lists = [
      me.body,
      (await a.get(`/api/v1/workspaces/${aWs}/members`)).body,
      (await a.get(`/api/v1/workspaces/${aWs}/invitations`)).body,
      (await a.get(`/api/v1/workspaces/${aWs}/api-tokens`)).body,
      (await a.get(`/api/v1/workspaces/${aWs}/events`)).body,
      (await a.get(`/api/v1/workspaces/${aWs}/channels`)).body,
      (await a.get(`/api/v1/workspaces/${aWs}/chats`)).body,
      (await a.get(`/api/v1/workspaces/${aWs}/chats?q=secret`)).body,
    ];
    for (const body of lists) {
      for (const id of Object.values(b)) expect(body).not.toContain(id);
    }
  });
});
