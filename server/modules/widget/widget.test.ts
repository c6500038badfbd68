import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../lib/ids";
import { addMember, type Client, createTestServer, setupOwner, type TestServer } from "../../test/server";
import { addInternalMessage, createWidgetChannel, identityHash, siteOrigin, visitorOn } from "../../test/widget";

let server: TestServer;
let owner: Client;
let ws: string;
let channel: { id: string; secret: string };

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

beforeAll(async () => {
  server = await createTestServer();
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  channel = await createWidgetChannel(owner, ws, { greeting: "Hi! How can we help?", color: "#12b886" });
});
afterAll(() => server.close());

const chatOf = async (externalId: string) =>
  server.database.db
    .selectFrom("chats")
    .selectAll()
    .where("workspace_id", "=", ws)
    .where("channel_id", "=", channel.id)
    .where("external_id", "=", externalId)
    .executeTakeFirstOrThrow();

describe("widget channel", () => {
  it("is created with its look, allowed sites and an identity secret; bad settings are explained", async () => {
    const list = await owner.get(`/api/v1/workspaces/${ws}/channels`);
    const dto = list.json().items.find((c: { id: string }) => c.id === channel.id);
    expect(dto.kind).toBe("widget");
    expect(dto.config).toEqual({
      color: "#12b886",
      greeting: "Hi! How can we help?",
      position: "right",
      allowedOrigins: [siteOrigin],
      identityRequired: false,
    });
    expect(dto.capabilities).toMatchObject({ edit: true, media: true, reply: true });
    expect(channel.secret).toMatch(/^wsec_/);
    const bad = await owner.post(`/api/v1/workspaces/${ws}/channels`, {
      kind: "widget",
      name: "Bad",
      config: { allowedOrigins: ["shop.example/path"], color: "red" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
    expect(bad.json().error.message).toMatch(/widget settings/);
  });

  it("keeps the identity secret when its settings change", async () => {
    const extra = await createWidgetChannel(owner, ws, {}, "Second site");
    const res = await owner.patch(`/api/v1/workspaces/${ws}/channels/${extra.id}`, {
      config: { color: "#000000", allowedOrigins: ["https://other.example", "https://other.example"] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().channel.config.allowedOrigins).toEqual(["https://other.example"]);
    const secret = await owner.get(`/api/v1/workspaces/${ws}/channels/${extra.id}/secret`);
    expect(secret.json().secret).toBe(extra.secret);
  });
});

describe("widget visitor API", () => {
  it("starts a session on an allowed site and refuses other sites with a readable error", async () => {
    const visitor = visitorOn(server.app, channel.id);
    const res = await visitor.session();
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe(siteOrigin);
    expect(res.json()).toMatchObject({
      visitor: { name: null, verified: false },
      channel: { name: "Website chat", color: "#12b886", greeting: "Hi! How can we help?", position: "right" },
      messages: [],
      hasMore: false,
    });
    const evil = await visitorOn(server.app, channel.id, "https://evil.example").session();
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe("origin_not_allowed");
    expect(evil.headers["access-control-allow-origin"]).toBe("https://evil.example");
    // Parley's own pages (the sandbox) are always allowed.
    const own = await visitorOn(server.app, channel.id, "http://localhost").session();
    expect(own.statusCode).toBe(200);
    const preflight = await server.app.inject({
      method: "OPTIONS",
      url: `/widget/${channel.id}/messages`,
      headers: { origin: siteOrigin, "access-control-request-method": "POST" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-headers"]).toContain("authorization");
  });

  it("stores a visitor's message once (a retry answers the same message) in a new chat", async () => {
    const visitor = visitorOn(server.app, channel.id);
    await visitor.session();
    const clientMessageId = newId();
    const first = await visitor.send("Do you ship to Kazan?", { clientMessageId });
    expect(first.statusCode).toBe(201);
    expect(first.json().message).toMatchObject({
      direction: "in",
      text: "Do you ship to Kazan?",
      author: { kind: "client" },
    });
    const again = await visitor.send("Do you ship to Kazan?", { clientMessageId });
    expect(again.statusCode).toBe(200);
    expect(again.json().message.id).toBe(first.json().message.id);
    // Another visitor reusing the id gets their own message, never the first one's.
    const other = visitorOn(server.app, channel.id);
    await other.session();
    const theirs = await other.send("Hello", { clientMessageId });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().message.id).not.toBe(first.json().message.id);
    const chats = await owner.get(`/api/v1/workspaces/${ws}/chats`);
    const chat = chats
      .json()
      .items.find((c: { lastMessage: { text: string } }) => c.lastMessage.text === "Do you ship to Kazan?");
    expect(chat.client.name).toMatch(/^Visitor [0-9A-F]{4}$/);
    expect(chat.channel.kind).toBe("widget");
    const msgs = await owner.get(`/api/v1/workspaces/${ws}/chats/${chat.id}/messages`);
    expect(msgs.json().items).toHaveLength(1);
  });

  it("shows the visitor the managers' answers but never notes or events", async () => {
    const visitor = visitorOn(server.app, channel.id);
    await visitor.session();
    const sent = await visitor.send("Is it in stock?");
    const chatId = sent.json().message.id ? (await owner.get(`/api/v1/workspaces/${ws}/chats`)).json().items[0].id : "";
    const answer = await owner.post(`/api/v1/workspaces/${ws}/chats/${chatId}/messages`, { text: "Yes, 3 left." });
    expect(answer.statusCode).toBe(201);
    await addInternalMessage(server, ws, chatId, "note", "secret margin 40%");
    await addInternalMessage(server, ws, chatId, "event", "tagged VIP");
    const again = await visitor.session();
    const texts = again.json().messages.map((m: { text: string }) => m.text);
    expect(texts).toEqual(["Is it in stock?", "Yes, 3 left."]);
    expect(again.json().messages[1].author).toEqual({ kind: "user", name: "Olga Owner", avatarUrl: null });
    const page = await visitor.messages();
    expect(JSON.stringify(page.json())).not.toContain("secret margin");
    expect(JSON.stringify(page.json())).not.toContain("tagged VIP");
  });

  it("shows the manager's avatar to the visitor, and no one else's", async () => {
    const boundary = "----avatar";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await owner.request({
      method: "PUT",
      url: "/api/v1/me/avatar",
      payload,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode).toBe(200);
    const visitor = visitorOn(server.app, channel.id);
    await visitor.session();
    await visitor.send("Who is answering?");
    const chatId = (await owner.get(`/api/v1/workspaces/${ws}/chats`)).json().items[0].id;
    await owner.post(`/api/v1/workspaces/${ws}/chats/${chatId}/messages`, { text: "Olga here." });
    const shown = (await visitor.messages()).json().items.at(-1);
    expect(shown.author.avatarUrl).toMatch(new RegExp(`^/widget/${channel.id}/avatars/[0-9a-f-]+\\?v=1$`));
    const img = await server.app.inject({ method: "GET", url: shown.author.avatarUrl });
    expect(img.statusCode).toBe(200);
    expect(img.rawPayload.equals(png)).toBe(true);
    // Someone of another workspace, with an avatar of their own: not served through this channel.
    const created = await owner.post("/api/v1/workspaces", { name: "Avatar elsewhere" });
    const { client: stranger, userId: strangerId } = await addMember(
      owner,
      created.json().workspace.id,
      "stranger-avatar@example.com",
    );
    const theirs = await stranger.request({
      method: "PUT",
      url: "/api/v1/me/avatar",
      payload,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(theirs.statusCode).toBe(200);
    const refused = await server.app.inject({ method: "GET", url: `/widget/${channel.id}/avatars/${strangerId}` });
    expect(refused.statusCode).toBe(404);
  });

  it("pages older messages with `before`", async () => {
    const visitor = visitorOn(server.app, channel.id);
    await visitor.session();
    for (let i = 1; i <= 5; i++) expect((await visitor.send(`m${i}`)).statusCode).toBe(201);
    const last = await visitor.messages("?limit=2");
    expect(last.json().items.map((m: { text: string }) => m.text)).toEqual(["m4", "m5"]);
    expect(last.json().hasMore).toBe(true);
    const older = await visitor.messages(`?limit=10&before=${last.json().items[0].id}`);
    expect(older.json().items.map((m: { text: string }) => m.text)).toEqual(["m1", "m2", "m3"]);
    expect(older.json().hasMore).toBe(false);
  });

  it("refuses a missing, forged or another channel's visitor token", async () => {
    const visitor = visitorOn(server.app, channel.id);
    const noToken = await visitor.send("hi");
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json().error.code).toBe("invalid_visitor");
    await visitor.session();
    const token = visitor.token ?? "";
    const [body] = token.split(".");
    const forgedBody = Buffer.from(JSON.stringify({ e: "u:admin" })).toString("base64url");
    visitor.token = `${forgedBody}.${token.split(".")[1]}`;
    expect((await visitor.send("hi")).statusCode).toBe(401);
    visitor.token = `${body}.AAAA`;
    expect((await visitor.send("hi")).statusCode).toBe(401);
    const other = await createWidgetChannel(owner, ws, {}, "Other site");
    const elsewhere = visitorOn(server.app, other.id);
    elsewhere.token = token;
    expect((await elsewhere.messages()).statusCode).toBe(401);
    // A stale token at session start simply starts a new visitor.
    const fresh = await elsewhere.session();
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().visitorToken).not.toBe(token);
  });

  it("lets a signed identity follow the customer across browsers and refuses a bad signature", async () => {
    const identity = { id: "customer-42", hash: identityHash(channel.secret, "customer-42"), name: "Anna Smirnova" };
    const laptop = visitorOn(server.app, channel.id);
    const first = await laptop.session({ identity });
    expect(first.json().visitor).toEqual({ name: "Anna Smirnova", verified: true });
    await laptop.send("From my laptop");
    const phone = visitorOn(server.app, channel.id);
    const second = await phone.session({ identity });
    expect(second.json().messages.map((m: { text: string }) => m.text)).toEqual(["From my laptop"]);
    const chat = await chatOf("u:customer-42");
    const client = await server.database.db
      .selectFrom("clients")
      .selectAll()
      .where("id", "=", chat.client_id)
      .executeTakeFirstOrThrow();
    expect(client.name).toBe("Anna Smirnova");
    const forged = await visitorOn(server.app, channel.id).session({
      identity: { id: "customer-42", hash: identityHash("wrong-secret", "customer-42") },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe("invalid_signature");
  });

  it("requires an identity when the channel says so", async () => {
    const strict = await createWidgetChannel(owner, ws, { identityRequired: true }, "Customers only");
    const anon = await visitorOn(server.app, strict.id).session();
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe("identity_required");
    const known = await visitorOn(server.app, strict.id).session({
      identity: { id: "7", hash: identityHash(strict.secret, "7") },
    });
    expect(known.statusCode).toBe(200);
  });

  it("takes files from the visitor and serves them back by a signed URL only", async () => {
    const visitor = visitorOn(server.app, channel.id);
    await visitor.session();
    const up = await visitor.upload(png, "photo.png");
    expect(up.statusCode).toBe(201);
    expect(up.json().file).toMatchObject({ name: "photo.png", mime: "image/png", size: png.length });
    const sent = await visitor.send("", { text: undefined, attachments: [{ fileId: up.json().file.id }] });
    expect(sent.statusCode).toBe(201);
    const part = sent.json().message.parts[0];
    expect(part).toMatchObject({ type: "image", fileId: up.json().file.id, mime: "image/png" });
    expect(part.url).toMatch(new RegExp(`^/widget/${channel.id}/files/${up.json().file.id}\\?s=`));
    const got = await server.app.inject({ method: "GET", url: part.url });
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("image/png");
    expect(got.headers["content-security-policy"]).toContain("sandbox");
    expect(got.rawPayload.equals(png)).toBe(true);
    const unsigned = await server.app.inject({ method: "GET", url: part.url.replace(/s=[^&]+/, "s=forged") });
    expect(unsigned.statusCode).toBe(404);
    // The manager sees the same file through the workspace's files API.
    const chat = (await owner.get(`/api/v1/workspaces/${ws}/chats`)).json().items[0];
    const msgs = await owner.get(`/api/v1/workspaces/${ws}/chats/${chat.id}/messages`);
    expect(msgs.json().items.at(-1).parts[0].url).toBe(`/api/v1/workspaces/${ws}/files/${up.json().file.id}`);
  });

  it("cannot attach another workspace's file", async () => {
    const created = await owner.post("/api/v1/workspaces", { name: "Other company" });
    const otherWs = created.json().workspace.id as string;
    const otherChannel = await createWidgetChannel(owner, otherWs, {}, "Other company chat");
    const stranger = visitorOn(server.app, otherChannel.id);
    await stranger.session();
    const up = await stranger.upload(png, "theirs.png");
    const visitor = visitorOn(server.app, channel.id);
    await visitor.session();
    const res = await visitor.send("", { text: undefined, attachments: [{ fileId: up.json().file.id }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("answers 404 for a paused, removed or unknown channel", async () => {
    const paused = await createWidgetChannel(owner, ws, {}, "Paused site");
    await owner.patch(`/api/v1/workspaces/${ws}/channels/${paused.id}`, { status: "paused" });
    const res = await visitorOn(server.app, paused.id).session();
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
    expect((await visitorOn(server.app, newId()).session()).statusCode).toBe(404);
    expect((await visitorOn(server.app, "not-a-uuid").session()).statusCode).toBe(404);
  });

  it("serves a sandbox page that embeds the widget, with the channel's name escaped", async () => {
    const named = await createWidgetChannel(owner, ws, {}, "<b>Shop</b>");
    const page = await server.app.inject({ method: "GET", url: `/sandbox/${named.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain(`<script src="/widget.js" data-parley-channel="${named.id}"`);
    expect(page.body).toContain("&lt;b&gt;Shop&lt;/b&gt;");
    expect(page.body).not.toContain("<b>Shop</b>");
    const ru = await server.app.inject({
      method: "GET",
      url: `/sandbox/${named.id}`,
      headers: { "accept-language": "ru-RU" },
    });
    expect(ru.body).toContain("Песочница");
    const missing = await server.app.inject({ method: "GET", url: `/sandbox/${newId()}` });
    expect(missing.statusCode).toBe(404);
  });
});
