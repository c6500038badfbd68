/**
 * Telegram sending against the project's Bot API double over HTTP: latency from a manager's send to
 * the request reaching the Bot API (baseline: the same request sent directly with grammY in this
 * run), and a burst of 3,000 messages to 1,000 chats drained under Telegram's limits (30/s per bot,
 * about 1/s per chat), with the fastest second and chat observed and any loss or duplicate counted.
 */
import { performance } from "node:perf_hooks";
import { Api } from "grammy";
import type { TestDbKind } from "../server/test/db";
import { startBotApiDouble } from "../server/test/telegram/bot-api-double";
import { startBenchApp, stats } from "./lib";

const chats = Number(process.env.BENCH_TG_CHATS ?? "1000");
const burst = Number(process.env.BENCH_TG_BURST ?? "3000");

/** The most events inside any window of `ms` (a sliding window over sorted times). */
function peak(times: number[], ms: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < t.length; hi++) {
    while ((t[hi] ?? 0) - (t[lo] ?? 0) >= ms) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

const waitUntil = async (fn: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

export async function benchTelegram(kind: TestDbKind): Promise<void> {
  console.log(`\nTelegram sending (${kind}, Bot API double over HTTP, ${chats} chats)`);
  const double = await startBotApiDouble();
  const { database, base, cookie, workspaceId: ws, close } = await startBenchApp(kind);
  try {
    const headers = { "content-type": "application/json", cookie, origin: base };
    const created = await fetch(`${base}/api/v1/workspaces/${ws}/channels`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        kind: "telegram",
        config: { token: double.token, apiBaseUrl: double.url, mode: "polling" },
      }),
    });
    if (created.status !== 201) throw new Error(`channel: ${created.status} ${await created.text()}`);
    for (let i = 0; i < chats; i++)
      double.userMessage({ from: { id: 500_000 + i, first_name: `User ${i}` }, text: "hi" });
    const chatIds: string[] = [];
    await waitUntil(async () => {
      const rows = await database.db.selectFrom("chats").select("id").where("workspace_id", "=", ws).execute();
      chatIds.splice(0, chatIds.length, ...rows.map((r) => r.id));
      return rows.length >= chats;
    }, 120_000);

    const send = (chatId: string, text: string) =>
      fetch(`${base}/api/v1/workspaces/${ws}/chats/${chatId}/messages`, {
        method: "POST",
        headers,
        body: JSON.stringify({ text }),
      });

    // 1. Latency under the limit: one message every 50 ms (20/s), each to another chat.
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      const text = `latency ${i}`;
      const t0 = Date.now();
      const res = await send(chatIds[i % chatIds.length] ?? "", text);
      if (res.status !== 201) throw new Error(`send: ${res.status}`);
      const hit = await double.waitFor(() => double.sent.find((s) => s.params.text === text), 10_000);
      latencies.push(hit.at - t0);
      await new Promise((r) => setTimeout(r, Math.max(0, 50 - (Date.now() - t0))));
    }
    const sendStats = stats(latencies, (performance.now() - started) / 1000);
    const api = new Api(double.token, { apiRoot: double.url });
    const direct: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await api.sendMessage(500_000 + (i % chats), `direct ${i}`);
      direct.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    const baseline = stats(direct, 1);
    console.log(
      `  send → Bot API request (20/s)          p50 ${sendStats.p50.toFixed(1)} ms  p95 ${sendStats.p95.toFixed(1)} ms  p99 ${sendStats.p99.toFixed(1)} ms  (target p50 ≤ 30)`,
    );
    console.log(
      `  baseline: grammY sendMessage direct    p50 ${baseline.p50.toFixed(1)} ms  → ratio of p50s ${(sendStats.p50 / Math.max(0.01, baseline.p50)).toFixed(1)}×`,
    );

    // 2. Burst: `burst` messages to all chats as fast as the API takes them; drained at the limits.
    const before = double.sent.length;
    const t0 = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < burst) {
          const i = next++;
          const res = await send(chatIds[i % chatIds.length] ?? "", `burst ${i}`);
          if (res.status !== 201) throw new Error(`burst send: ${res.status}`);
        }
      }),
    );
    const accepted = (Date.now() - t0) / 1000;
    await waitUntil(
      () => double.sent.filter((s) => String(s.params.text).startsWith("burst ")).length >= burst,
      600_000,
    );
    const calls = double.sent.slice(before).filter((s) => String(s.params.text).startsWith("burst "));
    const drained = (Math.max(...calls.map((c) => c.at)) - t0) / 1000;
    const unique = new Set(calls.map((c) => c.params.text)).size;
    const perChat = new Map<string, number[]>();
    for (const c of calls) perChat.set(String(c.chatId), [...(perChat.get(String(c.chatId)) ?? []), c.at]);
    const chatPeak = Math.max(...[...perChat.values()].map((t) => peak(t, 1000)));
    const rejected = double.requests.filter((r) => r.status === 429).length;
    console.log(
      `  burst ${burst} → ${chats} chats: accepted in ${accepted.toFixed(1)} s, drained in ${drained.toFixed(1)} s = ${(burst / drained).toFixed(1)} msg/s (target ≈ 30/s)`,
    );
    console.log(
      `  busiest second ${peak(
        calls.map((c) => c.at),
        1000,
      )} msgs (limit 30), busiest chat-second ${chatPeak} (burst 3), 429s ${rejected}, lost ${burst - unique}, duplicated ${calls.length - unique}`,
    );
  } finally {
    await close();
    await double.close();
  }
}
