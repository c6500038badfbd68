import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiConnector } from "../connectors/api/connector";
import { replaceConnector } from "../connectors/registry";
import { ConnectorError } from "../connectors/types";
import { createApiChannel, inboundBody, postInbound, waitFor } from "../test/inbox";
import { type Client, createTestServer, setupOwner, type TestServer } from "../test/server";

/**
 * Our own rate limiter saying "not yet" (`throttled`) is not a failed attempt: the job waits and keeps
 * its attempts, however often it is held back. A connector double stands in for the messenger.
 */
let server: TestServer;
let owner: Client;
let ws: string;
let chatId: string;
let restore: () => void;
let throttles = 0;
const sends: number[] = [];

beforeAll(async () => {
  restore = replaceConnector({
    ...apiConnector,
    async send() {
      sends.push(Date.now());
      if (throttles > 0) {
        throttles--;
        throw new ConnectorError("throttled", "Waiting for the messenger's rate limit.", 40);
      }
      return { externalId: `ext-${sends.length}` };
    },
  });
  server = await createTestServer({}, { delivery: { pollMs: 20, retryDelayMs: () => 20, maxAttempts: 2 } });
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
  const channel = await createApiChannel(owner, ws);
  await postInbound(server.app, channel, inboundBody({ clientId: "throttled-client" }));
  chatId = (await owner.get(`/api/v1/workspaces/${ws}/chats`)).json().items[0].id;
});
afterAll(async () => {
  await server.close();
  restore();
});

describe("throttled deliveries", () => {
  it("are retried after the limiter's wait without spending attempts, then sent", async () => {
    throttles = 5;
    const before = sends.length;
    const res = await owner.post(`/api/v1/workspaces/${ws}/chats/${chatId}/messages`, { text: "held back" });
    const id = res.json().message.id;
    const sent = await waitFor(async () => {
      const m = await server.database.db
        .selectFrom("messages")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return m.status !== "queued" && m;
    }, "the delivery");
    // Five refusals with maxAttempts 2: it would have failed had they counted.
    expect(sent).toMatchObject({ status: "sent", error: null, external_id: `ext-${before + 6}` });
    expect(sends.length - before).toBe(6);
    const job = await server.database.db
      .selectFrom("deliveries")
      .select(["attempts", "status", "last_error"])
      .where("message_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ attempts: 1, status: "done", last_error: null });
    // Each retry waited for the limiter's answer (40 ms).
    const gaps = sends.slice(before + 1).map((t, i) => t - (sends[before + i] ?? t));
    expect(gaps.every((g) => g >= 30)).toBe(true);
  });
});
