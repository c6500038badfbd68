import { describe, expect, it } from "vitest";
import { backoffDelay, createApi, isRetryable, readError, toApiError, WidgetApiError } from "./api";
import { message, uid } from "./testing";

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return respond(call);
  };
  return { calls, fn: fn as typeof fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("readError", () => {
  it("reads Parley's error body", () => {
    const error = readError(403, JSON.stringify({ error: { code: "origin_not_allowed", message: "Not here" } }));
    expect(error).toBeInstanceOf(WidgetApiError);
    expect(error).toMatchObject({ status: 403, code: "origin_not_allowed", message: "Not here" });
  });

  it("falls back to the status when the body is not Parley's", () => {
    expect(readError(404, "<html>")).toMatchObject({ status: 404, code: "not_found" });
    expect(readError(429, "")).toMatchObject({ code: "rate_limited" });
    expect(readError(502, "Bad gateway")).toMatchObject({ code: "server_error" });
    expect(readError(418, "{}")).toMatchObject({ code: "http_418" });
    expect(readError(401, JSON.stringify({ error: "nope" }))).toMatchObject({ code: "unauthorized" });
  });

  it("always calls a 413 too large", () => {
    expect(readError(413, JSON.stringify({ error: { code: "payload_too_large", message: "x" } })).code).toBe(
      "too_large",
    );
  });
});

describe("isRetryable", () => {
  it("retries network troubles, server errors and rate limits only", () => {
    expect(isRetryable(new WidgetApiError(0, "network", ""))).toBe(true);
    expect(isRetryable(new WidgetApiError(503, "server_error", ""))).toBe(true);
    expect(isRetryable(new WidgetApiError(429, "rate_limited", ""))).toBe(true);
    expect(isRetryable(new WidgetApiError(400, "validation_failed", ""))).toBe(false);
    expect(isRetryable(new WidgetApiError(401, "invalid_visitor", ""))).toBe(false);
    expect(isRetryable(new WidgetApiError(413, "too_large", ""))).toBe(false);
    expect(isRetryable(new TypeError("Failed to fetch"))).toBe(true);
  });

  it("turns anything thrown into a network error", () => {
    expect(toApiError(new TypeError("x"))).toMatchObject({ status: 0, code: "network" });
    const known = new WidgetApiError(404, "not_found", "");
    expect(toApiError(known)).toBe(known);
  });
});

describe("backoffDelay", () => {
  it("doubles up to a cap, with jitter around the value", () => {
    expect(backoffDelay(0, () => 0.5)).toBe(1000);
    expect(backoffDelay(1, () => 0.5)).toBe(2000);
    expect(backoffDelay(2, () => 0.5)).toBe(4000);
    expect(backoffDelay(10, () => 0.5)).toBe(16_000);
    expect(backoffDelay(1, () => 0)).toBe(1600);
    expect(backoffDelay(1, () => 1)).toBe(2400);
  });
});

describe("createApi", () => {
  const origin = "https://parley.example";

  it("starts a session with a JSON body and no cookies", async () => {
    const session = {
      visitorToken: "tok",
      visitor: { name: null, verified: false },
      channel: { name: "Shop", color: "#228be6", greeting: "", position: "right" },
      messages: [],
      hasMore: false,
    };
    const { calls, fn } = fakeFetch(() => json(200, session));
    const api = createApi(origin, "chan-1", fn);
    await expect(api.session({ visitorToken: "old" })).resolves.toEqual(session);
    expect(calls[0]?.url).toBe("https://parley.example/widget/chan-1/session");
    expect(calls[0]?.init.method).toBe("POST");
    expect(calls[0]?.init.credentials).toBe("omit");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ visitorToken: "old" });
    expect(calls[0]?.init.headers).toEqual({ "Content-Type": "application/json" });
  });

  it("asks for older messages with the token", async () => {
    const { calls, fn } = fakeFetch(() => json(200, { items: [], hasMore: false }));
    await createApi(origin, "chan-1", fn).messages("tok", { before: uid(1), limit: 30 });
    expect(calls[0]?.url).toBe(`https://parley.example/widget/chan-1/messages?before=${uid(1)}&limit=30`);
    expect(calls[0]?.init.headers).toEqual({ Authorization: "Bearer tok" });
    await createApi(origin, "chan-1", fn).messages("tok", {});
    expect(calls[1]?.url).toBe("https://parley.example/widget/chan-1/messages?limit=30");
  });

  it("sends a message and returns the server's", async () => {
    const sent = message({ id: uid(7), direction: "in" });
    const { calls, fn } = fakeFetch(() => json(201, { message: sent }));
    const body = { clientMessageId: uid(3), text: "hi" };
    await expect(createApi(origin, "chan-1", fn).send("tok", body)).resolves.toEqual(sent);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(body);
    expect(calls[0]?.init.headers).toEqual({ Authorization: "Bearer tok", "Content-Type": "application/json" });
  });

  it("throws typed errors", async () => {
    const refused = fakeFetch(() => json(401, { error: { code: "invalid_visitor", message: "Unknown visitor" } }));
    await expect(createApi(origin, "c", refused.fn).messages("tok", {})).rejects.toMatchObject({
      status: 401,
      code: "invalid_visitor",
    });
    const offline = fakeFetch(() => {
      throw new TypeError("Failed to fetch");
    });
    await expect(createApi(origin, "c", offline.fn).session({})).rejects.toMatchObject({ status: 0, code: "network" });
    const garbage = fakeFetch(() => new Response("<html>", { status: 200 }));
    await expect(createApi(origin, "c", garbage.fn).session({})).rejects.toMatchObject({ code: "bad_response" });
  });
});
