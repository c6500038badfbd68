import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../server/app";
import { loadConfig } from "../server/config";
import { runSetup } from "../server/modules/setup/commands";
import { createTestDb, type TestDbKind } from "../server/test/db";

export type Stats = { n: number; p50: number; p95: number; p99: number; perSecond: number };

export function stats(latencies: number[], seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), perSecond: sorted.length / seconds };
}

/** Runs `fn` `total` times with `concurrency` in flight; latency of each call in ms. */
export async function load(total: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return stats(latencies, (performance.now() - started) / 1000);
}

export function line(name: string, s: Stats, target?: string): string {
  return `  ${name.padEnd(46)} p50 ${s.p50.toFixed(2).padStart(7)} ms  p95 ${s.p95.toFixed(2).padStart(7)} ms  p99 ${s.p99.toFixed(2).padStart(7)} ms${target ? `  (target ${target})` : ""}`;
}

/** Listens on a free local port; answers the base URL. */
export async function listenLocal(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

export const benchOwner = { name: "B", email: "bench@example.com", password: "bench-password" } as const;

/** Signs the bench owner in over HTTP: the session cookie and the first workspace. */
export async function signIn(base: string): Promise<{ cookie: string; workspaceId: string }> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: benchOwner.email, password: benchOwner.password }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const workspaceId = ((await login.json()) as { workspaces: Array<{ id: string }> }).workspaces[0]?.id ?? "";
  return { cookie, workspaceId };
}

/** A fresh database with the bench owner and an app listening on it over HTTP. */
export async function startBenchApp(kind: TestDbKind, env: Record<string, string> = {}) {
  const database = await createTestDb(kind);
  const config = loadConfig({ LOG_LEVEL: "silent", ...env });
  const app = await buildApp({ config, db: database.db, logger: false, embedded: kind === "pglite" });
  const base = await listenLocal(app);
  await runSetup(database.db, { ...benchOwner, workspaceName: "Bench" });
  const { cookie, workspaceId } = await signIn(base);
  return {
    database,
    app,
    base,
    cookie,
    workspaceId,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
