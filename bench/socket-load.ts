/**
 * Realtime bench client, its own process: opens N manager sockets, posts signed webhooks at a fixed
 * rate and measures webhook sent → event received on one socket. Prints JSON stats.
 * Usage: tsx bench/socket-load.ts <baseUrl> <channelId> <secret> <cookie> <sockets> <rate> <seconds>
 */
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { sign } from "../server/connectors/api/signature";
import { stats } from "./lib";

const [base = "", channelId, secret = "", cookie = "", nSockets, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const sockets: Socket[] = [];
for (let i = 0; i < Number(nSockets); i++) {
  sockets.push(io(base, { transports: ["websocket"], extraHeaders: { cookie, origin: base }, reconnection: false }));
}
await Promise.all(sockets.map((s) => new Promise((r) => s.once("ready", r))));
const sentAt = new Map<string, number>();
const latencies: number[] = [];
sockets[0]?.on("events", (batch: Array<{ payload: { message?: { text?: string } } }>) => {
  for (const e of batch) {
    const t0 = sentAt.get(e.payload.message?.text ?? "");
    if (t0 !== undefined) latencies.push(performance.now() - t0);
  }
});
const run = `${process.pid}-${Date.now()}`;
const started = performance.now();
const inflight: Promise<void>[] = [];
for (let i = 0; i < rate * seconds; i++) {
  const wait = started + (i * 1000) / rate - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const text = `rt ${run} ${i}`;
  const raw = JSON.stringify({
    eventId: `rt-${run}-${i}`,
    client: { externalId: `rt-${i % 100}` },
    message: { externalId: `rt-${run}-${i}`, text },
  });
  sentAt.set(text, performance.now());
  inflight.push(
    fetch(`${base}/webhooks/api/${channelId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-parley-signature": sign(secret, raw) },
      body: raw,
    }).then((r) => void r.arrayBuffer()),
  );
}
await Promise.all(inflight);
await new Promise((r) => setTimeout(r, 1000));
for (const s of sockets) s.disconnect();
console.log(JSON.stringify({ ...stats(latencies, seconds), expected: rate * seconds }));
