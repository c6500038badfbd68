import type { Update } from "@grammyjs/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../test/inbox";
import {
  type CreatedChannel,
  createTelegramChannel,
  startTelegramTestbed,
  type TelegramTestbed,
  waitForChat,
  waitForMessage,
} from "../../test/telegram/parley";
import { findFreePort } from "../../test/telegram/test-api-server";
import { allowedUpdates } from "./parse";

/**
 * Webhook mode: Parley listens on PARLEY_PUBLIC_URL, registers its webhook with the double, and the
 * double POSTs updates to it with the channel's secret token.
 */
let bed: TelegramTestbed;
let channel: CreatedChannel;
let publicUrl: string;

beforeAll(async () => {
  const port = await findFreePort();
  publicUrl = `http://127.0.0.1:${port}`;
  bed = await startTelegramTestbed({ PARLEY_PUBLIC_URL: publicUrl });
  await bed.server.app.listen({ port, host: "127.0.0.1" });
  channel = await createTelegramChannel(bed, "webhook");
});
afterAll(() => bed.close());

const hookPath = () => `/webhooks/telegram/${channel.id}`;
const db = () => bed.server.database.db;
const storedTexts = async (text: string) =>
  (await db().selectFrom("messages").select("id").where("text", "=", text).execute()).length;

let nextMessageId = 9000;
function updateFrom(userId: number, text: string): Update {
  const chat = { id: userId, type: "private" as const, first_name: "Hook" };
  return {
    update_id: 500_000 + nextMessageId,
    message: {
      message_id: nextMessageId++,
      from: { id: userId, is_bot: false, first_name: "Hook" },
      chat,
      date: Math.floor(Date.now() / 1000),
      text,
    },
  };
}

function post(update: Update, secret: string | undefined) {
  return bed.server.app.inject({
    method: "POST",
    url: hookPath(),
    headers: {
      "content-type": "application/json",
      ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }),
    },
    payload: JSON.stringify(update),
  });
}

describe("Telegram webhook mode", () => {
  it("registers the webhook at PARLEY_PUBLIC_URL with the channel's secret token", () => {
    expect(bed.tg.webhook).toMatchObject({
      url: `${publicUrl}${hookPath()}`,
      secretToken: channel.secret,
      allowedUpdates: [...allowedUpdates],
    });
    expect(channel.config.mode).toBe("webhook");
    const call = bed.tg.requests.find((r) => r.method === "setWebhook");
    expect(call?.params).toMatchObject({ url: `${publicUrl}${hookPath()}`, secret_token: channel.secret });
  });

  it("does not poll a webhook channel", async () => {
    // Give the poller a refresh to (wrongly) pick it up.
    await new Promise((r) => setTimeout(r, 200));
    expect(bed.server.app.pollers.polling()).toEqual([]);
    expect(bed.tg.requests.filter((r) => r.method === "getUpdates")).toEqual([]);
  });

  it("stores what Telegram pushes to the webhook", async () => {
    const { message } = bed.tg.userMessage({ text: "Pushed to you" });
    const chat = await waitForChat(bed.server, bed.tg.defaultUser.id);
    const row = await waitForMessage(bed.server, chat.id, message.message_id);
    expect(row.text).toBe("Pushed to you");
    const delivery = await bed.tg.waitFor(() => bed.tg.webhook?.deliveries.find((d) => d.status === 200));
    expect(delivery.attempt).toBe(1);
  });

  it("accepts a POST with the right secret header, once per update", async () => {
    const update = updateFrom(6300000001, "Right secret");
    const res = await post(update, channel.secret);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, duplicate: false, messageIds: [expect.any(String)] });
    const again = await post(update, channel.secret);
    expect(again.json()).toEqual({ ok: true, duplicate: true, messageIds: res.json().messageIds });
    expect(await storedTexts("Right secret")).toBe(1);
  });

  it("refuses a wrong or missing secret header with 403 and stores nothing", async () => {
    const wrong = await post(updateFrom(6300000002, "Forged"), `${channel.secret}x`);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe("forbidden");
    const missing = await post(updateFrom(6300000002, "Forged"), undefined);
    expect(missing.statusCode).toBe(403);
    const other = await post(updateFrom(6300000002, "Forged"), "tg_another_channels_secret_token_value");
    expect(other.statusCode).toBe(403);
    expect(await storedTexts("Forged")).toBe(0);
    const chats = await db().selectFrom("chats").select("id").where("external_id", "=", "6300000002").execute();
    expect(chats).toEqual([]);
  });

  it("switching back to polling deletes the webhook and starts the poller", async () => {
    const res = await bed.owner.patch(`/api/v1/workspaces/${bed.ws}/channels/${channel.id}`, {
      config: { mode: "polling", apiBaseUrl: bed.tg.url },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().channel.config.mode).toBe("polling");
    expect(bed.tg.requests.some((r) => r.method === "deleteWebhook" && r.status === 200)).toBe(true);
    expect(bed.tg.webhook).toBeUndefined();
    await waitFor(async () => bed.server.app.pollers.polling().includes(channel.id), "the poller");
    const { message } = bed.tg.userMessage({ text: "Polled again" });
    const chat = await waitForChat(bed.server, bed.tg.defaultUser.id);
    expect((await waitForMessage(bed.server, chat.id, message.message_id)).text).toBe("Polled again");
  });

  it("switching a polled channel to webhook mode stops the poller without reporting an error", async () => {
    await waitFor(async () => bed.server.app.pollers.polling().includes(channel.id), "the poller");
    // Let the poller sit in a long poll, which setWebhook ends with 409 Conflict.
    await bed.tg.waitFor(() => bed.tg.requests.some((r) => r.method === "getUpdates" && r.status === undefined));
    const res = await bed.owner.patch(`/api/v1/workspaces/${bed.ws}/channels/${channel.id}`, {
      config: { mode: "webhook", apiBaseUrl: bed.tg.url },
    });
    expect(res.statusCode).toBe(200);
    expect(bed.tg.webhook?.url).toBe(`${publicUrl}${hookPath()}`);
    await waitFor(async () => !bed.server.app.pollers.polling().includes(channel.id), "the poller to stop");
    const row = await db()
      .selectFrom("channels")
      .select(["last_error", "poll_owner"])
      .where("id", "=", channel.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ last_error: null, poll_owner: null });
    const { message } = bed.tg.userMessage({ text: "Pushed again" });
    const chat = await waitForChat(bed.server, bed.tg.defaultUser.id);
    expect((await waitForMessage(bed.server, chat.id, message.message_id)).text).toBe("Pushed again");
  });

  it("refuses webhook mode without PARLEY_PUBLIC_URL", async () => {
    const other = await startTelegramTestbed();
    try {
      const res = await other.owner.post(`/api/v1/workspaces/${other.ws}/channels`, {
        kind: "telegram",
        config: { token: other.tg.token, apiBaseUrl: other.tg.url, mode: "webhook" },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/PARLEY_PUBLIC_URL/);
      expect(other.tg.requests.filter((r) => r.method === "setWebhook")).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
