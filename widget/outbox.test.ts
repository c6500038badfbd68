import { describe, expect, it } from "vitest";
import type { WidgetFile, WidgetMessage, WidgetSendRequest } from "../common/widget";
import { type Upload, type WidgetApi, WidgetApiError } from "./api";
import { Outbox, type OutboxHost, sendAttempts } from "./outbox";
import { emptyState, type MessageState, upsertMessages } from "./store";
import { message, uid } from "./testing";

type Outcome = WidgetMessage | WidgetApiError;

/** A host with a scripted API: each send takes the next outcome. */
function setup(options: { sends?: Outcome[]; uploads?: (WidgetFile | WidgetApiError)[]; renew?: boolean } = {}) {
  const sends = [...(options.sends ?? [])];
  const uploads = [...(options.uploads ?? [])];
  const sent: { token: string; body: WidgetSendRequest }[] = [];
  const uploaded: { token: string; name: string }[] = [];
  let token = "tok-1";
  let renewals = 0;
  const api: WidgetApi = {
    session: () => Promise.reject(new Error("not used")),
    messages: () => Promise.reject(new Error("not used")),
    send: async (t, body) => {
      sent.push({ token: t, body });
      const next = sends.shift() ?? new WidgetApiError(0, "network", "offline");
      if (next instanceof WidgetApiError) throw next;
      return next;
    },
    upload: (t, file, onProgress): Upload => {
      uploaded.push({ token: t, name: file.name });
      const next = uploads.shift() ?? new WidgetApiError(0, "network", "offline");
      onProgress(0.5);
      return {
        promise: next instanceof WidgetApiError ? Promise.reject(next) : Promise.resolve(next),
        abort: () => {},
      };
    },
  };
  const waits: number[] = [];
  const host: OutboxHost & { renders: number } = {
    state: emptyState(),
    api,
    renders: 0,
    currentToken: async () => token,
    renewAfterRefusal: async () => {
      renewals += 1;
      if (!options.renew || renewals > 1) return false;
      token = "tok-2";
      return true;
    },
    render: () => {
      host.renders += 1;
    },
    markSeen: () => {},
  };
  const outbox = new Outbox(host, async (attempt) => {
    waits.push(attempt);
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { host, outbox, sent, uploaded, waits, settle, renewals: () => renewals };
}

const state = (host: { state: MessageState }) => host.state;
const file = (name: string) => new File(["x".repeat(10)], name, { type: "application/pdf" });

describe("Outbox: text", () => {
  it("shows the message at once, then swaps it for the server's", async () => {
    const reply = message({ id: uid(1), direction: "in", text: "hello" });
    const { host, outbox, sent, settle } = setup({ sends: [reply] });
    outbox.sendText("hello");
    expect(state(host).pending).toMatchObject([{ text: "hello", status: "sending" }]);
    await settle();
    expect(state(host).pending).toEqual([]);
    expect(state(host).messages).toEqual([reply]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({ clientMessageId: expect.stringMatching(/^[0-9a-f-]{36}$/), text: "hello" });
  });

  it("retries network failures with the same clientMessageId", async () => {
    const offline = new WidgetApiError(0, "network", "offline");
    const reply = message({ id: uid(1), direction: "in", text: "hi" });
    const { host, outbox, sent, waits, settle } = setup({
      sends: [offline, new WidgetApiError(502, "server_error", ""), reply],
    });
    outbox.sendText("hi");
    await settle();
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.body.clientMessageId)).size).toBe(1);
    expect(waits).toEqual([0, 1]);
    expect(state(host).messages).toEqual([reply]);
  });

  it("gives up after a few tries and offers a retry, with the same id again", async () => {
    const { host, outbox, sent, settle } = setup();
    outbox.sendText("hi");
    await settle();
    expect(sent).toHaveLength(sendAttempts);
    const failed = state(host).pending[0];
    expect(failed).toMatchObject({ status: "failed", error: "network" });
    const reply = message({ id: uid(1), direction: "in", text: "hi" });
    const second = setup({ sends: [reply] });
    second.host.state = host.state;
    second.outbox.retry(failed?.clientMessageId ?? "");
    expect(state(second.host).pending[0]).toMatchObject({ status: "sending", error: null });
    await second.settle();
    expect(second.sent[0]?.body.clientMessageId).toBe(failed?.clientMessageId);
    expect(state(second.host).pending).toEqual([]);
  });

  it("does not retry a refusal", async () => {
    const { host, outbox, sent, settle } = setup({ sends: [new WidgetApiError(400, "validation_failed", "")] });
    outbox.sendText("hi");
    await settle();
    expect(sent).toHaveLength(1);
    expect(state(host).pending[0]).toMatchObject({ status: "failed", error: "rejected" });
  });

  it("starts a new session once when the token is refused, then sends again", async () => {
    const reply = message({ id: uid(1), direction: "in", text: "hi" });
    const { host, outbox, sent, settle, renewals } = setup({
      sends: [new WidgetApiError(401, "invalid_visitor", ""), reply],
      renew: true,
    });
    outbox.sendText("hi");
    await settle();
    expect(renewals()).toBe(1);
    expect(sent.map((s) => s.token)).toEqual(["tok-1", "tok-2"]);
    expect(state(host).messages).toEqual([reply]);
  });

  it("stops retrying once the realtime echo has shown the message", async () => {
    const { host, outbox, sent, settle } = setup({ sends: [new WidgetApiError(0, "network", "")] });
    outbox.sendText("echoed");
    host.state = upsertMessages(host.state, [message({ id: uid(4), direction: "in", text: "echoed" })]).state;
    await settle();
    expect(sent).toHaveLength(1);
    expect(state(host).pending).toEqual([]);
    expect(state(host).messages.map((m) => m.id)).toEqual([uid(4)]);
  });

  it("removes a failed message", async () => {
    const { host, outbox, settle } = setup({ sends: [new WidgetApiError(400, "validation_failed", "")] });
    outbox.sendText("hi");
    await settle();
    outbox.remove(state(host).pending[0]?.clientMessageId ?? "");
    expect(state(host).pending).toEqual([]);
  });
});

describe("Outbox: files", () => {
  it("uploads, then sends the file as an attachment", async () => {
    const stored = { id: uid(9), name: "a.pdf", mime: "application/pdf", size: 10 };
    const reply = message({ id: uid(2), direction: "in", text: null });
    const { host, outbox, sent, uploaded, settle } = setup({ uploads: [stored], sends: [reply] });
    outbox.sendFiles([file("a.pdf")]);
    expect(state(host).pending).toMatchObject([
      { status: "uploading", file: { name: "a.pdf", size: 10, progress: 0 } },
    ]);
    await settle();
    expect(uploaded).toEqual([{ token: "tok-1", name: "a.pdf" }]);
    expect(sent[0]?.body).toEqual({ clientMessageId: expect.any(String), attachments: [{ fileId: uid(9) }] });
    expect(state(host).pending).toEqual([]);
    expect(state(host).messages).toEqual([reply]);
  });

  it("says a file is too large and does not send it", async () => {
    const { host, outbox, sent, settle } = setup({ uploads: [new WidgetApiError(413, "too_large", "")] });
    outbox.sendFiles([file("big.pdf")]);
    await settle();
    expect(sent).toEqual([]);
    expect(state(host).pending[0]).toMatchObject({ status: "failed", error: "too_large" });
  });

  it("uploads again on retry when the upload failed", async () => {
    const stored = { id: uid(9), name: "a.pdf", mime: "application/pdf", size: 10 };
    const reply = message({ id: uid(2), direction: "in", text: null });
    const { host, outbox, uploaded, settle } = setup({
      uploads: [new WidgetApiError(0, "network", ""), stored],
      sends: [reply],
    });
    outbox.sendFiles([file("a.pdf")]);
    await settle();
    expect(state(host).pending[0]).toMatchObject({ status: "failed", error: "network" });
    outbox.retry(state(host).pending[0]?.clientMessageId ?? "");
    await settle();
    expect(uploaded).toHaveLength(2);
    expect(state(host).messages).toEqual([reply]);
  });

  it("sends each file of a pick as its own message, at most ten", () => {
    const { host, outbox } = setup();
    outbox.sendFiles(Array.from({ length: 12 }, (_, i) => file(`f${i}.pdf`)));
    expect(state(host).pending).toHaveLength(10);
    expect(new Set(state(host).pending.map((p) => p.clientMessageId)).size).toBe(10);
  });
});
