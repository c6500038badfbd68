/**
 * Load generator for the inbound bench, run as its own process so that the senders do not share
 * the server's event loop: posts signed API-channel webhooks and prints JSON stats.
 * Usage: tsx bench/inbound-load.ts <baseUrl> <channelId> <secret> <total> <concurrency> [rate]
 */
import { performance } from "node:perf_hooks";
import { sign } from "../server/connectors/api/signature";
import { post } from "./http";
import { load } from "./lib";

const [base, channelId, secret, total, concurrency] = process.argv.slice(2);
const run = `${process.pid}-${Date.now()}`;
const stats = await load(Number(total), Number(concurrency), async (i) => {
  const raw = JSON.stringify({
    eventId: `load-${run}-${i}`,
    client: { externalId: `load-${i % 2000}`, name: `Load ${i % 2000}` },
    message: { externalId: `m-${run}-${i}`, text: `load ${i} at ${performance.now()}` },
  });
  const res = await post(`${base}/webhooks/api/${channelId}`, raw, { "x-parley-signature": sign(secret ?? "", raw) });
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
});
console.log(JSON.stringify(stats));
