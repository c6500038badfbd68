import { createHmac, randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { inboxEvents } from "../../common/inbox";
import type { WidgetChannelConfig } from "../../common/widget";
import { inTx } from "../db/tx";
import { recordEvent } from "../events/record";
import { newId } from "../lib/ids";
import { presentMessages } from "../modules/messages/present";
import type { Client, TestServer } from "./server";

export const siteOrigin = "https://shop.example";

/** Creates a web widget channel through the API; returns its id and identity secret. */
export async function createWidgetChannel(
  client: Client,
  workspaceId: string,
  config: Partial<WidgetChannelConfig> = {},
  name = "Website chat",
) {
  const res = await client.post(`/api/v1/workspaces/${workspaceId}/channels`, {
    kind: "widget",
    name,
    config: { allowedOrigins: [siteOrigin], ...config },
  });
  if (res.statusCode !== 201) throw new Error(`widget channel: ${res.statusCode} ${res.body}`);
  return { id: res.json().channel.id as string, secret: res.json().secret as string };
}

export const identityHash = (secret: string, id: string) => createHmac("sha256", secret).update(id).digest("hex");

/** A visitor's browser on a site: what the widget script sends. */
export function visitorOn(app: FastifyInstance, channelId: string, origin = siteOrigin) {
  let token: string | undefined;
  const headers = () => ({ origin, ...(token ? { authorization: `Bearer ${token}` } : {}) });
  return {
    get token() {
      return token;
    },
    set token(value: string | undefined) {
      token = value;
    },
    async session(body: Record<string, unknown> = {}) {
      const res = await app.inject({
        method: "POST",
        url: `/widget/${channelId}/session`,
        headers: { origin },
        payload: { ...(token ? { visitorToken: token } : {}), ...body },
      });
      if (res.statusCode === 200) token = res.json().visitorToken;
      return res;
    },
    send(text: string, extra: Record<string, unknown> = {}) {
      return app.inject({
        method: "POST",
        url: `/widget/${channelId}/messages`,
        headers: headers(),
        payload: { clientMessageId: randomUUID(), text, ...extra },
      });
    },
    messages(query = "") {
      return app.inject({ method: "GET", url: `/widget/${channelId}/messages${query}`, headers: headers() });
    },
    upload(data: Buffer, filename: string) {
      const boundary = "----widgetfile";
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({
        method: "POST",
        url: `/widget/${channelId}/files`,
        headers: { ...headers(), "content-type": `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    },
  };
}

/**
 * A private note or an event in a chat, stored and published like a manager's would be (notes have
 * no command yet): what must never reach the visitor.
 */
export async function addInternalMessage(
  server: TestServer,
  workspaceId: string,
  chatId: string,
  kind: "note" | "event",
  text: string,
) {
  return inTx(
    server.database.db,
    async (tx) => {
      const row = await tx.db
        .insertInto("messages")
        .values({
          workspace_id: workspaceId,
          id: newId(),
          chat_id: chatId,
          kind,
          direction: "out",
          author_kind: kind === "note" ? "user" : "system",
          author_user_id: null,
          author_name: "Olga Owner",
          text,
          parts: "[]",
          reply_to_id: null,
          external_id: null,
          status: null,
          error: null,
          sent_at: null,
          edited_at: null,
          deleted_at: null,
          created_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const [message] = await presentMessages(tx.db, workspaceId, [row]);
      await recordEvent(tx, { workspaceId, type: inboxEvents.messageCreated, payload: { message } });
      return row;
    },
    { bus: server.app.bus },
  );
}
