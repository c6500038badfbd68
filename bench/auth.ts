/**
 * Request throughput of the authenticated API over HTTP, each printed with its ratio to a baseline
 * measured in the same run (`/healthz`, one `select 1`).
 */
import { performance } from "node:perf_hooks";
import type { TestDbKind } from "../server/test/db";
import { startBenchApp } from "./lib";

type Result = { name: string; rps: number; p50: number; p95: number };

async function measure(
  name: string,
  base: string,
  path: string,
  headers: Record<string, string>,
  total = 2000,
  concurrency = 8,
): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        const res = await fetch(base + path, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { name, rps: latencies.length / seconds, p50: at(0.5), p95: at(0.95) };
}

export async function benchAuth(kind: TestDbKind): Promise<void> {
  const { base, cookie, workspaceId: ws, close } = await startBenchApp(kind);
  try {
    const tokenRes = await fetch(`${base}/api/v1/workspaces/${ws}/api-tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: base },
      body: JSON.stringify({ name: "bench" }),
    });
    const { secret } = (await tokenRes.json()) as { secret: string };
    await measure("warm-up", base, "/healthz", {}, 300);
    const baseline = await measure("GET /healthz (baseline: select 1)", base, "/healthz", {});
    const rows = [
      baseline,
      await measure("GET /api/v1/me (session cookie)", base, "/api/v1/me", { cookie }),
      await measure("GET /api/v1/me (API token)", base, "/api/v1/me", { authorization: `Bearer ${secret}` }),
      await measure(`GET …/members (API token)`, base, `/api/v1/workspaces/${ws}/members`, {
        authorization: `Bearer ${secret}`,
      }),
    ];
    console.log(`\n${kind}: authenticated requests (8 concurrent)`);
    for (const r of rows) {
      console.log(
        `  ${r.name.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  ratio to baseline ${(r.rps / baseline.rps).toFixed(2)}`,
      );
    }
  } finally {
    await close();
  }
}
