import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, onUnauthorized } from "./client";

const respond = (status: number, body: unknown) =>
  vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("api client", () => {
  it("sends JSON with the session cookie and returns the parsed body", async () => {
    const fetchMock = respond(200, { ok: true });
    vi.stubGlobal("fetch", fetchMock);
    await expect(api.post("/api/v1/x", { a: 1 })).resolves.toEqual({ ok: true });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.credentials).toBe("same-origin");
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("returns nothing for 204", async () => {
    vi.stubGlobal("fetch", respond(204, undefined));
    await expect(api.delete("/api/v1/x")).resolves.toBeUndefined();
  });

  it("turns an error body into a typed ApiError and reports 401s", async () => {
    vi.stubGlobal("fetch", respond(401, { error: { code: "session_expired", message: "Expired" } }));
    const seen: string[] = [];
    const stop = onUnauthorized((error) => seen.push(error.code));
    const error = await api.get("/api/v1/me").catch((caught: unknown) => caught);
    stop();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: "session_expired", message: "Expired" });
    expect(seen).toEqual(["session_expired"]);
  });

  it("survives a body that is not the error shape", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>", { status: 502, statusText: "Bad Gateway" })),
    );
    await expect(api.get("/api/v1/me")).rejects.toMatchObject({ status: 502, code: "internal" });
  });

  it("reports a network failure as status 0", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await expect(api.get("/api/v1/me")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});
