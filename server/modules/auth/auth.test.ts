import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "../../lib/secrets";
import {
  type Client,
  createTestServer,
  login,
  origin,
  setupOwner,
  type TestServer,
  testPassword,
} from "../../test/server";

let server: TestServer;
let owner: Client;
let workspaceId: string;

beforeAll(async () => {
  server = await createTestServer({ PARLEY_LOGIN_LIMIT: "5" });
  const setup = await setupOwner(server);
  owner = setup.client;
  workspaceId = setup.workspace.id;
});
afterAll(() => server.close());

describe("login", () => {
  it("answers the user and workspaces and sets an httpOnly SameSite session cookie", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "  OWNER@example.com ", password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe("owner@example.com");
    expect(res.json().workspaces).toEqual([{ id: workspaceId, name: "Acme", role: "owner" }]);
    const cookie = res.cookies.find((c) => c.name === "parley_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const stored = await server.database.db.selectFrom("sessions").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).toContain(hashSecret(cookie?.value ?? ""));
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie?.value);
  });

  it("refuses a wrong password and an unknown e-mail with the same clear error", async () => {
    for (const payload of [
      { email: "owner@example.com", password: "wrong-password" },
      { email: "nobody@example.com", password: testPassword },
    ]) {
      const res = await server.app.inject({ method: "POST", url: "/api/v1/auth/login", payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("invalid_credentials");
      expect(res.json().error.message).toMatch(/e-mail or password/);
    }
  });

  it("limits repeated attempts for one address", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await server.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "victim@example.com", password: `guess-${i}` },
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().error.code).toBe("rate_limited");
    }
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429]);
  });

  it("refuses a login posted from another site", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { origin: "https://evil.example" },
      payload: { email: "owner@example.com", password: testPassword },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
  });
});

describe("me and sessions", () => {
  it("401 without a session or token", async () => {
    const res = await server.app.inject({ method: "GET", url: "/api/v1/me" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it("says when a session has expired", async () => {
    const c = await login(server.app, "owner@example.com");
    await server.database.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("token_hash", "=", hashSecret(c.cookie.split("=")[1] ?? ""))
      .execute();
    const res = await c.get("/api/v1/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("session_expired");
  });

  it("logout ends the session", async () => {
    const c = await login(server.app, "owner@example.com");
    expect((await c.get("/api/v1/me")).statusCode).toBe(200);
    expect((await c.post("/api/v1/auth/logout")).statusCode).toBe(204);
    expect((await c.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("updates the profile and refuses a bad locale", async () => {
    const ok = await owner.patch("/api/v1/me", { name: "Olga O.", locale: "ru" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ name: "Olga O.", locale: "ru" });
    const bad = await owner.patch("/api/v1/me", { locale: "xx" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
    expect(bad.json().error.details[0].path).toBe("locale");
  });

  it("changes the password, ending other sessions but keeping this one", async () => {
    const other = await login(server.app, "owner@example.com");
    const wrong = await owner.post("/api/v1/me/password", {
      currentPassword: "nope-nope",
      newPassword: "another-password",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("invalid_credentials");
    const res = await owner.post("/api/v1/me/password", {
      currentPassword: testPassword,
      newPassword: "another-password",
    });
    expect(res.statusCode).toBe(204);
    expect((await owner.get("/api/v1/me")).statusCode).toBe(200);
    expect((await other.get("/api/v1/me")).statusCode).toBe(401);
    await owner.post("/api/v1/me/password", { currentPassword: "another-password", newPassword: testPassword });
  });
});

describe("CSRF for cookie-authenticated writes", () => {
  it("refuses a write without Origin or Referer, and one from another origin", async () => {
    const none = await server.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: { cookie: owner.cookie },
      payload: { name: "X" },
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe("csrf_failed");
    const evil = await owner.request({
      method: "PATCH",
      url: "/api/v1/me",
      headers: { origin: "https://evil.example" },
      payload: { name: "X" },
    });
    expect(evil.statusCode).toBe(403);
    const referer = await server.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: { cookie: owner.cookie, referer: `${origin}/w/x/settings` },
      payload: { name: "Olga Owner" },
    });
    expect(referer.statusCode).toBe(200);
  });

  it("accepts PARLEY_PUBLIC_URL as the app's origin", async () => {
    const s = await createTestServer({ PARLEY_PUBLIC_URL: "https://chat.example.com" });
    try {
      const { client } = await setupOwner(s);
      const res = await client.request({
        method: "PATCH",
        url: "/api/v1/me",
        headers: { origin: "https://chat.example.com" },
        payload: { name: "A" },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe("avatar", () => {
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  const multipart = (data: Buffer, filename = "a.png") => {
    const boundary = "----parleytest";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
  };

  it("stores a sniffed image and serves it to the user", async () => {
    const res = await owner.request({ method: "PUT", url: "/api/v1/me/avatar", ...multipart(png) });
    expect(res.statusCode).toBe(200);
    const url = res.json().user.avatarUrl as string;
    expect(url).toMatch(/^\/api\/v1\/users\/.+\/avatar\?v=1$/);
    const img = await owner.get(url);
    expect(img.statusCode).toBe(200);
    expect(img.headers["content-type"]).toBe("image/png");
    expect(img.rawPayload.equals(png)).toBe(true);
  });

  it("refuses what is not an image, and a file over 2 MB", async () => {
    const html = await owner.request({
      method: "PUT",
      url: "/api/v1/me/avatar",
      ...multipart(Buffer.from("<script>alert(1)</script>"), "x.png"),
    });
    expect(html.statusCode).toBe(415);
    expect(html.json().error.code).toBe("unsupported_file");
    const big = await owner.request({
      method: "PUT",
      url: "/api/v1/me/avatar",
      ...multipart(Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024 + 10)])),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("payload_too_large");
  });

  it("removes the avatar", async () => {
    const res = await owner.delete("/api/v1/me/avatar");
    expect(res.statusCode).toBe(200);
    expect(res.json().user.avatarUrl).toBeNull();
  });
});
