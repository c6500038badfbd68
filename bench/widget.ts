import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { inTx } from "../server/db/tx";
import { createChannel } from "../server/modules/channels/commands";
import { benchOwner, line, type Stats, startBenchApp } from "./lib";

type Kind = "pglite" | "postgres";
type Load = Stats & { expected: number };
type Measured = Load & { answered: Stats };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The widget script's size as a site downloads it, next to socket.io-client's own browser build. */
export function benchWidgetSize(): void {
  execFileSync(process.execPath, ["bin/build-web.js"], { stdio: "inherit" }); // builds the widget when stale
  const file = path.resolve("dist", "widget", "widget.js");
  const raw = fs.readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  const require = createRequire(import.meta.url);
  const sio = fs.readFileSync(
    path.join(path.dirname(require.resolve("socket.io-client")), "..", "..", "dist", "socket.io.min.js"),
  );
  const sioGz = gzipSync(sio, { level: 9 }).length;
  console.log("\nWidget script");
  console.log(`  dist/widget/widget.js: ${kb(raw.length)}, gzipped ${kb(gz)} (target ≤ 30 KB)`);
  console.log(
    `  baseline socket.io-client browser build alone: gzipped ${kb(sioGz)} → widget is ${(gz / sioGz).toFixed(2)}× it`,
  );
}

/**
 * 1,000 widget visitors connected to one process: a visitor's message → the manager's socket, next to
 * the API channel's signed webhook at the same rate (baseline, same run), and a manager's answer → the
 * visitor's socket.
 */
export async function benchWidget(kind: Kind): Promise<void> {
  const visitors = Number(process.env.BENCH_WIDGET_VISITORS ?? 1000);
  const rate = Number(process.env.BENCH_WIDGET_RATE ?? 100);
  const seconds = 10;
  const bench = await startBenchApp(kind, { PARLEY_WIDGET_LIMIT: "100000" });
  try {
    const owner = await bench.database.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", benchOwner.email)
      .executeTakeFirstOrThrow();
    const env = bench.app.connectors;
    const [widget, api] = await inTx(bench.database.db, async (tx) => [
      await createChannel(tx, owner.id, bench.workspaceId, { kind: "widget", name: "Site", config: {} }, env),
      await createChannel(
        tx,
        owner.id,
        bench.workspaceId,
        { kind: "api", name: "API", config: { outboundUrl: "http://127.0.0.1:9/x" } },
        env,
      ),
    ]);
    const out = await new Promise<{ widget: Measured; api: Measured; reply: Load }>((resolve, reject) => {
      execFile(
        process.execPath,
        [
          "--import",
          "tsx",
          "bench/widget-load.ts",
          bench.base,
          bench.workspaceId,
          widget.id,
          api.id,
          api.secret,
          bench.cookie,
          String(visitors),
          String(rate),
          String(seconds),
        ],
        { maxBuffer: 1 << 20 },
        (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "{}"))),
      );
    });
    console.log(`\nWidget on ${kind} (${visitors} visitors connected, ${rate} messages/s for ${seconds} s)`);
    console.log(
      line(`visitor → manager socket (${out.widget.n}/${out.widget.expected} seen)`, out.widget, "p99 ≤ 50 ms"),
    );
    console.log(line("  of which: the visitor's POST answered (stored)", out.widget.answered));
    console.log(line(`baseline: API webhook → socket (${out.api.n}/${out.api.expected})`, out.api));
    console.log(line("  of which: the webhook answered (stored)", out.api.answered));
    console.log(`  ratio widget p99 / webhook p99: ${(out.widget.p99 / Math.max(out.api.p99, 0.001)).toFixed(2)}`);
    console.log(line(`manager answer → visitor socket (${out.reply.n}/${out.reply.expected})`, out.reply));
  } finally {
    await bench.close();
  }
}
