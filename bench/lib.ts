import { performance } from "node:perf_hooks";

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
