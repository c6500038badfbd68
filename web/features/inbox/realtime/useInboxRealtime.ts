import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import { inboxEvents } from "../../../../common/inbox";
import { widgetSocketEvents } from "../../../../common/widget";
import type { InboxLive } from "./live";
import { InboxSync, type WireEvent } from "./sync";
import { TypingStore } from "./typing";

export type Connection = "connecting" | "online" | "offline";

/**
 * Keeps the inbox caches live: one Socket.IO connection while the inbox is open, and a catch-up through the events
 * API after every (re)connect. `ready` turns true once the starting point is known, before the lists load.
 * `live` carries the ephemeral side of the connection (typing) to the panes; `selfId` is the signed-in person.
 */
export const useInboxRealtime = (
  ws: string,
  selfId: string,
): { ready: boolean; connection: Connection; live: InboxLive | null } => {
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(false);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [live, setLive] = useState<InboxLive | null>(null);
  useEffect(() => {
    const sync = new InboxSync(ws, queryClient, () => setReady(true));
    if (sync.baselineKnown) setReady(true);
    void sync.catchUp();
    const socket = io({ path: "/socket.io", transports: ["websocket"] });
    const typing = new TypingStore(ws, selfId);
    setLive({
      typing,
      // Typing is only worth saying now: never queued for a later reconnect.
      emitTyping: (request) => {
        if (socket.connected) socket.emit(widgetSocketEvents.typing, request);
      },
    });
    socket.on("ready", () => {
      setConnection("online");
      void sync.catchUp();
    });
    // The server sends committed events in small batches, in sequence order (see server/realtime).
    socket.on("events", (batch: WireEvent[]) => {
      for (const event of batch) {
        sync.receive(event);
        if (event.workspaceId === ws && event.type === inboxEvents.messageCreated) typing.messageCreated(event.payload);
      }
    });
    socket.on(widgetSocketEvents.typing, (event: unknown) => typing.receive(event));
    socket.on("disconnect", () => {
      setConnection("offline");
      typing.clear();
    });
    socket.on("connect_error", () => setConnection("offline"));
    // The browser knows first when the network goes: drop the socket at once and reconnect when it is back.
    const offline = () => socket.disconnect();
    const online = () => {
      if (!socket.connected) socket.connect();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      socket.disconnect();
      sync.stop();
      typing.stop();
    };
  }, [ws, selfId, queryClient]);
  return { ready, connection, live };
};
