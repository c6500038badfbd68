/**
 * Realtime bench client, its own process: opens N manager sockets, posts signed webhooks at a fixed
 * rate (after a one-second warm-up at that rate) and measures webhook sent → event received on one of
 * them. Prints JSON stats.
 * Usage: tsx bench/socket-load.ts <baseUrl> <channelId> <secret> <cookie> <sockets> <rate> <seconds>
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { sign } from "../server/connectors/api/signature";
import { post } from "./http";
import { stats } from "./lib";

const [base = "", channelId, secret = "", cookie = "", nSockets, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
// The other sockets first, in their own process (passive-socket.ts); the measuring socket joins the
// room last, so each frame reaches it after all the others: the fan-out's whole cost is measured.
const others = spawn(
  process.execPath,
  ["--import", "tsx", "bench/passive-socket.ts", base, cookie, String(Number(nSockets) - 1)],
  {
    stdio: ["pipe", "pipe", "inherit"],
  },
);
await new Promise<void>((resolve, reject) => {
  others.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
  others.on("exit", (code) => reject(new Error(`passive sockets exited with ${code}`)));
});
const measuring: Socket = io(base, {
  transports: ["websocket"],
  extraHeaders: { cookie, origin: base },
  reconnection: false,
});
await new Promise((r) => measuring.once("ready", r));
const sentAt = new Map<string, number>();
const latencies: number[] = [];
measuring.on("events", (batch: Array<{ payload: { message?: { text?: string } } }>) => {
  for (const e of batch) {
    const t0 = sentAt.get(e.payload.message?.text ?? "");
    if (t0 !== undefined) latencies.push(performance.now() - t0);
  }
});
const run = `${process.pid}-${Date.now()}`;
const answered: number[] = [];

/** Posts webhooks at `rate` for `secs` seconds; measures them when `measure`. */
async function paced(round: string, secs: number, measure: boolean): Promise<void> {
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < rate * secs; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const text = `rt ${run} ${round} ${i}`;
    const raw = JSON.stringify({
      eventId: `rt-${run}-${round}-${i}`,
      client: { externalId: `rt-${i % 100}` },
      message: { externalId: `rt-${run}-${round}-${i}`, text },
    });
    const t0 = performance.now();
    if (measure) sentAt.set(text, t0);
    inflight.push(
      post(`${base}/webhooks/api/${channelId}`, raw, { "x-parley-signature": sign(secret, raw) }).then(() => {
        if (measure) answered.push(performance.now() - t0);
      }),
    );
  }
  await Promise.all(inflight);
}

// Warm-up at the same rate, not measured: the sender's connections are open and the code is hot, so the
// figures are the steady state's (the first half second alone otherwise held most of the p99).
await paced("warm", 1, false);
await paced("run", seconds, true);
await new Promise((r) => setTimeout(r, 1000));
measuring.disconnect();
others.stdin.end();
console.log(
  JSON.stringify({ ...stats(latencies, seconds), expected: rate * seconds, answered: stats(answered, seconds) }),
);
