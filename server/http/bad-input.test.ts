import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodes } from "../../common/errors";
import { type Client, createTestServer, setupOwner, type TestServer } from "../test/server";

let server: TestServer;
let owner: Client;
let ws: string;

beforeAll(async () => {
  server = await createTestServer({ PARLEY_BODY_LIMIT: "4096", PARLEY_LOGIN_LIMIT: "100000" });
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
});
afterAll(() => server.close());

function expectError(
  res: { statusCode: number; json: () => { error: { code: string; message: string } } },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(res.json().error.message.length).toBeGreaterThan(10);
}

describe("bad input answers with a code and a clear message, never a 500", () => {
  it("malformed JSON", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"email":',
    });
    expectError(res, 400, "invalid_json");
  });

  it("wrong types", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: 42, password: ["x"] },
    });
    expectError(res, 400, "validation_failed");
  });

  it("an oversized body", async () => {
    const res = await owner.post("/api/v1/workspaces", { name: "x".repeat(10_000) });
    expectError(res, 413, "payload_too_large");
  });

  it("an unsupported content type", async () => {
    const res = await owner.request({
      method: "POST",
      url: "/api/v1/workspaces",
      headers: { "content-type": "text/xml" },
      payload: "<a/>",
    });
    expectError(res, 415, "unsupported_media_type");
  });

  it("unknown routes and methods", async () => {
    expectError(await server.app.inject({ method: "GET", url: "/api/v1/nothing-here" }), 404, "not_found");
    expectError(await server.app.inject({ method: "DELETE", url: "/api/v1/me" }), 404, "not_found");
    expectError(await server.app.inject({ method: "POST", url: "/webhooks/nope/1" }), 404, "not_found");
  });

  it("every answer carries the basic security headers", async () => {
    const res = await server.app.inject({ method: "GET", url: "/healthz" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
  });

  it("a malformed id in the path", async () => {
    expectError(await owner.get("/api/v1/workspaces/not-a-uuid/members"), 404, "not_found");
    expectError(await owner.delete(`/api/v1/workspaces/${ws}/invitations/12`), 400, "validation_failed");
  });

  it("garbage bodies on login, setup and invitations never cause a 500", async () => {
    const urls = [
      "/api/v1/auth/login",
      "/api/v1/setup",
      "/api/v1/invitations/abcdefghijklmnop/accept",
      "/api/v1/workspaces",
    ];
    const body = fc.oneof(
      fc.json(),
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ email: fc.anything(), password: fc.anything(), name: fc.anything() }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...urls),
        body,
        fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"),
        async (url, payload, type) => {
          const res = await server.app.inject({
            method: "POST",
            url,
            headers: { "content-type": type, cookie: owner.cookie, origin: "http://localhost" },
            payload,
          });
          expect(res.statusCode).toBeGreaterThanOrEqual(200);
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) expect(errorCodes).toContain(res.json().error.code);
        },
      ),
      { numRuns: 150 },
    );
  });
});
