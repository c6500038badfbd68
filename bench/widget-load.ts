/**
 * Widget bench client, its own process: starts N visitors (a session each, a `/widget` socket each)
 * and one manager socket, then has the visitors write at a fixed total rate and measures visitor's
 * POST → `message.created` on the manager's socket (after a warm-up round that creates every chat).
 * For the baseline the same rate goes through the API channel's signed webhook. Then the manager answers some visitors and measures answer → visitor
 * socket. Prints JSON.
 * Usage: tsx bench/widget-load.ts <baseUrl> <workspaceId> <widgetChannelId> <apiChannelId> <apiSecret> <cookie> <visitors> <rate> <seconds>
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { sign } from "../server/connectors/api/signature";
import { post } from "./http";
import { type Stats, stats } from "./lib";

const [base = "", workspaceId = "", widgetId = "", apiId = "", apiSecret = "", cookie = "", nArg, rateArg, secondsArg] =
  process.argv.slice(2);
const nVisitors = Number(nArg);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const origin = base; // the sandbox's origin: Parley's own, always allowed

type Visitor = { token: string; socket: Socket; chatId?: string; received: Map<string, number> };

async function session(): Promise<string> {
  const res = await fetch(`${base}/widget/${widgetId}/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: "{}",
  });
  if (res.status !== 200) throw new Error(`session: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { visitorToken: string }).visitorToken;
}

const visitors: Visitor[] = [];
for (let i = 0; i < nVisitors; i += 50) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(50, nVisitors - i) }, async () => {
      const token = await session();
      const socket = io(`${base}/widget`, {
        transports: ["websocket"],
        forceNew: true,
        extraHeaders: { origin },
        reconnection: false,
        auth: { channelId: widgetId, visitorToken: token },
      });
      const v: Visitor = { token, socket, received: new Map() };
      socket.on("message", (m: { text: string | null }) => v.received.set(m.text ?? "", performance.now()));
      await new Promise((resolve, reject) => {
        socket.once("connect", () => resolve(undefined));
        socket.once("connect_error", reject);
      });
      return v;
    }),
  );
  visitors.push(...batch);
}
const manager = io(base, {
  transports: ["websocket"],
  forceNew: true,
  extraHeaders: { cookie, origin },
  reconnection: false,
});
await new Promise((r) => manager.once("ready", r));
const seen = new Map<string, { at: number; chatId: string }>();
manager.on("events", (batch: Array<{ payload: { message?: { text?: string }; chat?: { id: string } } }>) => {
  const at = performance.now();
  for (const e of batch) {
    const text = e.payload.message?.text;
    if (text && e.payload.chat) seen.set(text, { at, chatId: e.payload.chat.id });
  }
});

/** Fires `send(i)` at `rate` per second for `seconds`; returns when every request was answered. */
async function paced(send: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(send(i));
  }
  await Promise.all(inflight);
  await new Promise((r) => setTimeout(r, 1000));
}

/** When each request was answered (committed), to tell storing from fan-out. */
const answeredAt = new Map<string, number>();

function storedIn(sentAt: Map<string, number>): Stats {
  const latencies = [...sentAt].map(([text, t0]) => (answeredAt.get(text) ?? t0) - t0);
  return stats(latencies, seconds);
}

function measure(sentAt: Map<string, number>): Stats & { expected: number } {
  const latencies: number[] = [];
  for (const [text, t0] of sentAt) {
    const got = seen.get(text);
    if (got) latencies.push(got.at - t0);
  }
  return { ...stats(latencies, seconds), expected: sentAt.size };
}

const run = `${process.pid}`;
const chatOf = new Map<string, Visitor>();

/** Each visitor writes (the first round creates their chats); returns when all were answered. */
async function widgetRound(round: string): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  await paced(async (i) => {
    const v = visitors[i % visitors.length] as Visitor;
    const text = `w ${run} ${round} ${i}`;
    sentAt.set(text, performance.now());
    await post(`${base}/widget/${widgetId}/messages`, JSON.stringify({ clientMessageId: randomUUID(), text }), {
      origin,
      authorization: `Bearer ${v.token}`,
    });
    answeredAt.set(text, performance.now());
    chatOf.set(text, v);
  });
  return sentAt;
}

/** The baseline: the same rate through the API channel's signed webhook, as many people. */
async function apiRound(round: string): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  await paced(async (i) => {
    const text = `a ${run} ${round} ${i}`;
    const raw = JSON.stringify({
      eventId: `wb-${run}-${round}-${i}`,
      client: { externalId: `wb-${i % nVisitors}` },
      message: { externalId: `wb-${run}-${round}-${i}`, text },
    });
    sentAt.set(text, performance.now());
    await post(`${base}/webhooks/api/${apiId}`, raw, { "x-parley-signature": sign(apiSecret, raw) });
    answeredAt.set(text, performance.now());
  });
  return sentAt;
}

// 1. Warm-up, not measured: every visitor's and every API person's chat exists, the code is hot.
await widgetRound("warm");
await apiRound("warm");
// 2. Measured: visitors write into their conversations; then the baseline at the same rate.
const widgetSent = await widgetRound("run");
const apiSent = await apiRound("run");
const widget = { ...measure(widgetSent), answered: storedIn(widgetSent) };
const api = { ...measure(apiSent), answered: storedIn(apiSent) };
for (const [text, v] of chatOf) v.chatId ??= seen.get(text)?.chatId;

// 3. Managers answer: POST → the visitor's socket.
const answered = visitors.filter((v) => v.chatId).slice(0, 200);
const replyLatencies: number[] = [];
for (const [i, v] of answered.entries()) {
  const text = `r ${run} ${i}`;
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/workspaces/${workspaceId}/chats/${v.chatId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin },
    body: JSON.stringify({ text }),
  });
  await res.arrayBuffer();
  for (let k = 0; k < 200 && !v.received.has(text); k++) await new Promise((r) => setTimeout(r, 2));
  const at = v.received.get(text);
  if (at !== undefined) replyLatencies.push(at - t0);
  await new Promise((r) => setTimeout(r, 20));
}
for (const v of visitors) v.socket.disconnect();
manager.disconnect();
console.log(JSON.stringify({ widget, api, reply: { ...stats(replyLatencies, 1), expected: answered.length } }));
