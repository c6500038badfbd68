/**
 * Load generator for the inbound bench, run as its own process so that the senders do not share
 * the server's event loop: posts signed API-channel webhooks and prints JSON stats of the timed part.
 * It first sends `warmup` webhooks untimed with the same concurrency: a fresh Node process spends its
 * first seconds compiling its own HTTP client, and on this 2-core machine that CPU is the server's.
 * Usage: tsx bench/inbound-load.ts <baseUrl> <channelId> <secret> <total> <concurrency> <warmup>
 */
import { performance } from "node:perf_hooks";
import { sign } from "../server/connectors/api/signature";
import { post } from "./http";
import { load } from "./lib";

const [base, channelId, secret, total, concurrency, warmup] = process.argv.slice(2);
const run = `${process.pid}-${Date.now()}`;
const send = (tag: string) => async (i: number) => {
  const raw = JSON.stringify({
    eventId: `${tag}-${run}-${i}`,
    client: { externalId: `load-${i % 2000}`, name: `Load ${i % 2000}` },
    message: { externalId: `${tag}-${run}-${i}`, text: `load ${i} at ${performance.now()}` },
  });
  const res = await post(`${base}/webhooks/api/${channelId}`, raw, { "x-parley-signature": sign(secret ?? "", raw) });
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
};
await load(Number(warmup ?? 0), Number(concurrency), send("warm"));
console.log(JSON.stringify(await load(Number(total), Number(concurrency), send("load"))));
