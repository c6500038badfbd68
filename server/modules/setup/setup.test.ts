import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config";
import { createTestServer, type TestServer } from "../../test/server";
import { bootstrapAdmin } from "./bootstrap";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const body = {
  name: "Ann",
  email: "Ann@Example.com",
  password: "long-enough-1",
  workspaceName: "Ann's shop",
  locale: "ru",
};

describe("first run", () => {
  it("says setup is needed on an empty install", async () => {
    const res = await server.app.inject({ method: "GET", url: "/api/v1/setup" });
    expect(res.json()).toEqual({ needed: true });
  });

  it("explains what is wrong with bad input", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: { ...body, email: "not-an-email", password: "short" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    const paths = (res.json().error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("creates the owner and workspace once, and signs in", async () => {
    const res = await server.app.inject({ method: "POST", url: "/api/v1/setup", payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email: "ann@example.com", name: "Ann", locale: "ru" });
    expect(res.json().workspaces).toEqual([expect.objectContaining({ name: "Ann's shop", role: "owner" })]);
    expect(res.cookies.some((c) => c.name === "parley_session")).toBe(true);
    const again = await server.app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: { ...body, email: "b@example.com" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("setup_done");
    expect((await server.app.inject({ method: "GET", url: "/api/v1/setup" })).json()).toEqual({ needed: false });
  });

  it("creates the owner from PARLEY_ADMIN_EMAIL only on an empty install", async () => {
    const fresh = await createTestServer();
    try {
      const config = loadConfig({
        PARLEY_ADMIN_EMAIL: "boss@example.com",
        PARLEY_ADMIN_PASSWORD: "boss-password",
        PARLEY_WORKSPACE_NAME: "Boss Inc",
      });
      await bootstrapAdmin(fresh.database.db, config, fresh.app.log);
      await bootstrapAdmin(fresh.database.db, config, fresh.app.log);
      const users = await fresh.database.db.selectFrom("users").select("email").execute();
      expect(users).toEqual([{ email: "boss@example.com" }]);
      const ws = await fresh.database.db.selectFrom("workspaces").select("name").execute();
      expect(ws).toEqual([{ name: "Boss Inc" }]);
    } finally {
      await fresh.close();
    }
  });
});
