/**
 * Parley against the Bot API double: a test server whose delivery worker retries quickly, a signed-in
 * owner, and helpers to create a Telegram channel and find what the poller stored.
 */
import type { AppOptions } from "../../app";
import type { ChatRow, MessageRow } from "../../db/schema";
import { waitFor } from "../inbox";
import { type Client, createTestServer, setupOwner, type TestServer, uploadFile } from "../server";
import { type BotApiDouble, startBotApiDouble } from "./bot-api-double";

export type TelegramTestbed = {
  server: TestServer;
  owner: Client;
  ws: string;
  tg: BotApiDouble;
  close: () => Promise<void>;
};

export async function startTelegramTestbed(
  env: Record<string, string> = {},
  opts: Pick<AppOptions, "pollers"> = {},
): Promise<TelegramTestbed> {
  const tg = await startBotApiDouble();
  const server = await createTestServer(env, { delivery: { pollMs: 50, retryDelayMs: () => 50 }, ...opts });
  const { client, workspace } = await setupOwner(server);
  return {
    server,
    owner: client,
    ws: workspace.id,
    tg,
    close: async () => {
      await server.close();
      await tg.close();
    },
  };
}

export type CreatedChannel = { id: string; secret: string; name: string; config: Record<string, unknown> };

/** Connects a Telegram channel through the API (the token is checked with getMe). */
export async function createTelegramChannel(
  bed: Pick<TelegramTestbed, "owner" | "ws" | "tg">,
  mode: "polling" | "webhook" = "polling",
): Promise<CreatedChannel> {
  const res = await bed.owner.post(`/api/v1/workspaces/${bed.ws}/channels`, {
    kind: "telegram",
    config: { token: bed.tg.token, apiBaseUrl: bed.tg.url, mode },
  });
  if (res.statusCode !== 201) throw new Error(`telegram channel: ${res.statusCode} ${res.body}`);
  const { channel, secret } = res.json();
  return { id: channel.id, secret, name: channel.name, config: channel.config };
}

/** The chat with a Telegram user (private chat id = user id) once the poller stored it. */
export function waitForChat(server: TestServer, externalId: number | string): Promise<ChatRow> {
  return waitFor(
    () =>
      server.database.db
        .selectFrom("chats")
        .selectAll()
        .where("external_id", "=", String(externalId))
        .executeTakeFirst(),
    `the chat with ${externalId}`,
  );
}

/** The stored message with this Telegram message id in a chat. */
export function waitForMessage(server: TestServer, chatId: string, externalId: number | string): Promise<MessageRow> {
  return waitFor(
    () =>
      server.database.db
        .selectFrom("messages")
        .selectAll()
        .where("chat_id", "=", chatId)
        .where("external_id", "=", String(externalId))
        .executeTakeFirst(),
    `message ${externalId}`,
  );
}

export function messageRow(server: TestServer, id: string): Promise<MessageRow> {
  return server.database.db.selectFrom("messages").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** Waits until `done` holds for the message row, and returns the row. */
export function waitForMessageState(
  server: TestServer,
  id: string,
  done: (m: MessageRow) => boolean,
  what: string,
): Promise<MessageRow> {
  return waitFor(async () => {
    const m = await messageRow(server, id);
    return done(m) && m;
  }, what);
}

/** A tiny valid PNG (1×1) and the first bytes of an OGG/Opus file: enough for the type sniffer. */
export const pngBytes = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1c3c90000000049454e44ae426082",
  "hex",
);
export const oggBytes = Buffer.concat([Buffer.from("OggS\u0000\u0002", "latin1"), Buffer.alloc(58, 7)]);

export async function uploadTo(bed: Pick<TelegramTestbed, "owner" | "ws">, data: Buffer, name: string) {
  const res = await uploadFile(bed.owner, `/api/v1/workspaces/${bed.ws}/files`, data, name);
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json().file as { id: string; mime: string; url: string };
}
