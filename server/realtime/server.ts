import { createAdapter } from "@socket.io/redis-adapter";
import type { FastifyInstance } from "fastify";
import { Server, type Socket } from "socket.io";
import type { Ctx } from "../context";
import type { EventBus } from "../events/bus";
import type { RecordedEvent } from "../events/record";
import { type Actor, actorForToken, isOwnOrigin } from "../http/guard";
import { findSession, sessionCookie } from "../modules/auth/sessions";
import { joinBroadcastFrames, writeBroadcastFramesDirectly } from "./frames";

export const workspaceRoom = (id: string) => `ws:${id}`;
const userRoom = (id: string) => `user:${id}`;
/** The longest pause between two frames of one workspace's events. */
const maxWindowMs = 15;

/**
 * The pause a workspace's room takes after a fan-out that kept the thread busy `costMs`: four times
 * that cost, at most 15 ms. So the sending itself never takes more than about a fifth of the thread
 * (its writes' completion callbacks come later, a few per cent more), however many sockets listen, and
 * a room of a few sockets gets each event almost at once.
 */
export const windowAfter = (costMs: number): number => Math.min(maxWindowMs, 4 * costMs);

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

async function authenticate(ctx: Ctx, socket: Socket): Promise<Actor | null> {
  const token = (socket.handshake.auth as { token?: unknown }).token;
  if (typeof token === "string") return actorForToken(ctx, token);
  const session = cookieValue(socket.handshake.headers.cookie, sessionCookie);
  if (!session) return null;
  // A cookie-authenticated socket must come from our own pages (cross-site WebSocket hijacking).
  const origin = socket.handshake.headers.origin;
  if (!origin || !isOwnOrigin(ctx, socket.handshake.headers.host, origin)) return null;
  const found = await findSession(ctx.db, ctx.config, session);
  return found.kind === "valid"
    ? { user: found.user, via: "session", credentialId: found.tokenHash, token: null }
    : null;
}

/**
 * Socket.IO on the app's HTTP server. A socket joins the rooms of the workspaces its user belongs to;
 * committed events of a workspace go to its room as `events` (an array of {workspaceId, seq, type,
 * payload}), across processes through Redis when configured. Each event carries the workspace
 * sequence; a client that reconnects catches up with `GET …/events?after=N`.
 */
export function attachRealtime(app: FastifyInstance, ctx: Ctx, bus: EventBus): Server {
  const io = new Server(app.server, { serveClient: false, path: "/socket.io", transports: ["websocket", "polling"] });
  if (ctx.redis) {
    const pub = ctx.redis.duplicate();
    const sub = ctx.redis.duplicate();
    io.adapter(createAdapter(pub, sub));
    app.addHook("onClose", async () => {
      pub.disconnect();
      sub.disconnect();
    });
  }
  joinBroadcastFrames(io.of("/").adapter);
  io.use((socket, next) => {
    authenticate(ctx, socket)
      .then((actor) => {
        if (!actor) return next(new Error("unauthenticated"));
        socket.data.actor = actor;
        next();
      })
      .catch(() => next(new Error("unavailable")));
  });
  io.on("connection", async (socket) => {
    writeBroadcastFramesDirectly(socket.client);
    const actor = socket.data.actor as Actor;
    let q = ctx.db.selectFrom("workspace_members").select("workspace_id").where("user_id", "=", actor.user.id);
    if (actor.token) q = q.where("workspace_id", "=", actor.token.workspaceId);
    const rows = await q.execute();
    await socket.join([userRoom(actor.user.id), ...rows.map((r) => workspaceRoom(r.workspace_id))]);
    socket.emit("ready", { workspaces: rows.map((r) => r.workspace_id) });
  });
  // Events are sent in small per-workspace batches (`events`, an array in sequence order): at most one
  // frame per socket per window keeps fan-out to hundreds of sockets cheap (`windowAfter`). The first
  // events after a quiet window go out at once (on the next turn of the loop, so a committed batch
  // travels together); later ones wait for the window's end.
  const pending = new Map<string, RecordedEvent[]>();
  const nextFlushAt = new Map<string, number>();
  const flush = (workspaceId: string) => {
    const batch = pending.get(workspaceId);
    pending.delete(workspaceId);
    const started = performance.now();
    if (batch?.length) io.to(workspaceRoom(workspaceId)).emit("events", batch);
    const now = performance.now();
    nextFlushAt.set(workspaceId, now + windowAfter(now - started));
  };
  const off = bus.onEvent((event) => {
    const list = pending.get(event.workspaceId);
    if (list) list.push(event);
    else {
      pending.set(event.workspaceId, [event]);
      const wait = (nextFlushAt.get(event.workspaceId) ?? 0) - performance.now();
      if (wait >= 1) setTimeout(() => flush(event.workspaceId), wait);
      else setImmediate(() => flush(event.workspaceId));
      if (nextFlushAt.size > 10_000) nextFlushAt.clear();
    }
    if (event.type === "member.removed" && typeof event.payload.userId === "string") {
      flush(event.workspaceId);
      io.in(userRoom(event.payload.userId)).socketsLeave(workspaceRoom(event.workspaceId));
    }
    const joins = event.type === "member.joined" || event.type === "workspace.created";
    if (joins && typeof event.payload.userId === "string") {
      io.in(userRoom(event.payload.userId)).socketsJoin(workspaceRoom(event.workspaceId));
    }
  });
  app.addHook("preClose", async () => {
    off();
    io.disconnectSockets(true);
    io.engine.close();
  });
  return io;
}
