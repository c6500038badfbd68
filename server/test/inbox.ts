import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { ApiInboundBody } from "../../common/inbox";
import { sign } from "../connectors/api/signature";
import type { Client } from "./server";

/** Creates an API channel through the API; returns its id and signing secret. */
export async function createApiChannel(client: Client, workspaceId: string, outboundUrl = "http://127.0.0.1:9/none") {
  const res = await client.post(`/api/v1/workspaces/${workspaceId}/channels`, {
    kind: "api",
    name: "Site",
    config: { outboundUrl },
  });
  if (res.statusCode !== 201) throw new Error(`channel: ${res.statusCode} ${res.body}`);
  return { id: res.json().channel.id as string, secret: res.json().secret as string };
}

let seq = 0;
export function inboundBody(
  overrides: Partial<ApiInboundBody> & { text?: string; clientId?: string } = {},
): ApiInboundBody {
  seq++;
  const { text, clientId, ...rest } = overrides;
  return {
    eventId: `evt-${Date.now()}-${seq}`,
    client: {
      externalId: clientId ?? "client-1",
      name: "Ivan Petrov",
      phone: "+7 (912) 000-11-22",
      email: "Ivan@Example.com",
    },
    message: { externalId: `msg-${seq}`, text: text ?? `hello ${seq}` },
    ...rest,
  };
}

/** Posts a signed inbound webhook to the API channel. */
export function postInbound(
  app: FastifyInstance,
  channel: { id: string; secret: string },
  body: unknown,
  secret = channel.secret,
) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return app.inject({
    method: "POST",
    url: `/webhooks/api/${channel.id}`,
    headers: { "content-type": "application/json", "x-parley-signature": sign(secret, raw) },
    payload: raw,
  });
}

export type Received = { headers: http.IncomingHttpHeaders; body: string };

/**
 * A stand-in for the company's system behind an API channel's outboundUrl: records what Parley
 * posts and answers as told (by default 200 {externalId}).
 */
export async function outboundReceiver(
  answer: (req: Received, n: number) => { status: number; body?: unknown; headers?: Record<string, string> } = (
    _r,
    n,
  ) => ({ status: 200, body: { externalId: `ext-${n}` } }),
) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const r = { headers: req.headers, body };
      received.push(r);
      const a = answer(r, received.length);
      res.writeHead(a.status, { "content-type": "application/json", ...(a.headers ?? {}) });
      res.end(a.body === undefined ? "" : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/parley`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
