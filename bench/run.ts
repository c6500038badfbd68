/**
 * `npm run bench`: figures on seeded data, on PGlite and PostgreSQL, each with a baseline measured in
 * the same run. Nothing here passes or fails. BENCH_DB=pglite|postgres narrows; BENCH_SCALE scales
 * the seed (1 = 1,000,000 chats / 10,000,000 messages on PostgreSQL, a tenth of that on PGlite).
 * BENCH_ONLY=auth|inbox|telegram|widget runs one part; BENCH_ONLY=queries runs only the inbox's reads (list,
 * search with a line per query, messages), without the inbound and socket load; BENCH_ONLY=inbound
 * only the inbound throughput and webhook → socket latency.
 */
import { benchAuth } from "./auth";
import { benchInbox } from "./inbox";
import { benchTelegram } from "./telegram";
import { benchWidget, benchWidgetSize } from "./widget";

const kinds = (process.env.BENCH_DB?.split(",") ?? ["pglite", "postgres"]) as Array<"pglite" | "postgres">;
const scale = Number(process.env.BENCH_SCALE ?? "1");
const only = process.env.BENCH_ONLY;

if (!only || only === "widget") benchWidgetSize();
for (const kind of kinds) {
  if (!only || only === "auth") await benchAuth(kind);
  if (!only || only === "inbox" || only === "queries" || only === "inbound") {
    const clients = Math.round((kind === "postgres" ? 1_000_000 : 100_000) * scale);
    const messages = Math.round((kind === "postgres" ? 10_000_000 : 1_000_000) * scale);
    const size = { clients, messages, bigChat: Math.min(100_000, Math.round(messages / 10)) };
    await benchInbox(kind, size, { queriesOnly: only === "queries", writesOnly: only === "inbound" });
  }
  if (!only || only === "telegram") await benchTelegram(kind);
  if (!only || only === "widget") await benchWidget(kind);
}
