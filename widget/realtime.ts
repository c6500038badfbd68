import { io } from "socket.io-client";
import type { WidgetMessage, WidgetTypingToVisitor } from "../common/widget";

/** Handshake refusals after which reconnecting cannot help. */
export const fatalSocketErrors: readonly string[] = ["origin_not_allowed", "invalid_visitor", "not_found"];

export interface RealtimeHandlers {
  message(message: WidgetMessage): void;
  typing(event: WidgetTypingToVisitor): void;
  /** Connected again after a break (or after a failed first try): messages may have been missed. */
  reconnected(): void;
  fatal(code: string): void;
}

export interface Realtime {
  typing(typing: boolean): void;
  /** Reconnects (with the current token). */
  restart(): void;
  close(): void;
}

/** The `/widget` namespace of Parley's Socket.IO, authenticated by the visitor token of the moment. */
export function connectRealtime(
  origin: string,
  channelId: string,
  token: () => string | null,
  handlers: RealtimeHandlers,
): Realtime {
  const socket = io(`${origin}/widget`, {
    path: "/socket.io",
    transports: ["websocket"],
    auth: (cb) => cb({ channelId, visitorToken: token() }),
  });
  let missed = false;
  socket.on("connect", () => {
    if (!missed) return;
    missed = false;
    handlers.reconnected();
  });
  socket.on("disconnect", () => {
    missed = true;
  });
  socket.on("connect_error", (error) => {
    missed = true;
    if (!fatalSocketErrors.includes(error.message)) return;
    socket.disconnect();
    handlers.fatal(error.message);
  });
  socket.on("message", (message: WidgetMessage) => handlers.message(message));
  socket.on("typing", (event: WidgetTypingToVisitor) => handlers.typing(event));
  return {
    typing: (typing) => {
      if (socket.connected) socket.emit("typing", { typing });
    },
    restart: () => {
      socket.disconnect();
      socket.connect();
    },
    close: () => {
      socket.disconnect();
    },
  };
}
