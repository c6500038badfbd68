import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type APIRequestContext, expect, type Page, request as playwrightRequest } from "@playwright/test";
import { apiAs, originOf } from "./helpers";

export interface ApiChannel {
  id: string;
  secret: string;
  webhookUrl: string;
}

export const sign = (secret: string, raw: string): string =>
  `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;

/** Creates an API channel through the API with the page's session (preparing data, not what is tested). */
export const createApiChannel = async (
  page: Page,
  workspaceId: string,
  name: string,
  outboundUrl: string,
): Promise<ApiChannel> => {
  const created = await apiAs(page).post(`/api/v1/workspaces/${workspaceId}/channels`, {
    kind: "api",
    name,
    config: { outboundUrl },
  });
  expect(created.status(), await created.text()).toBe(201);
  const body = (await created.json()) as { channel: { id: string; webhookUrl: string }; secret: string };
  return { id: body.channel.id, secret: body.secret, webhookUrl: body.channel.webhookUrl };
};

export interface Received {
  raw: string;
  signature: string | undefined;
  body: { message: { text: string | null; replyToExternalId: string | null }; messageId: string };
}

/** The company's system: records what Parley posts and answers as told (200 with an externalId by default). */
export const startOutbound = async () => {
  const received: Received[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const signature = req.headers["x-parley-signature"];
      received.push({
        raw,
        signature: typeof signature === "string" ? signature : undefined,
        body: JSON.parse(raw) as Received["body"],
      });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(status < 300 ? JSON.stringify({ externalId: `ext-${received.length}` }) : '{"error":"rejected by CRM"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/parley`,
    received,
    answerWith: (next: number) => {
      status = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

let counter = 0;

export interface InboundMessage {
  externalId: string;
  name?: string;
  phone?: string;
  email?: string;
  text: string;
  messageId?: string;
}

/** A client's message as the external system posts it: signed, with a unique event id. */
export const postInbound = async (
  api: APIRequestContext,
  channel: ApiChannel,
  message: InboundMessage,
): Promise<string> => {
  counter += 1;
  const messageId = message.messageId ?? `m-${Date.now()}-${counter}`;
  const raw = JSON.stringify({
    eventId: `evt-${Date.now()}-${counter}`,
    client: { externalId: message.externalId, name: message.name, phone: message.phone, email: message.email },
    message: { externalId: messageId, text: message.text },
  });
  const answer = await api.post(`/webhooks/api/${channel.id}`, {
    data: raw,
    headers: { "content-type": "application/json", "x-parley-signature": sign(channel.secret, raw) },
  });
  expect(answer.ok(), await answer.text()).toBeTruthy();
  return messageId;
};

/** An API client outside the browser (unaffected by the browser going offline). */
export const webhookClient = (page: Page) => playwrightRequest.newContext({ baseURL: originOf(page) });
