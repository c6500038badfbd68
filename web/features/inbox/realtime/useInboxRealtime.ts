import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import { InboxSync, type WireEvent } from "./sync";

export type Connection = "connecting" | "online" | "offline";

/**
 * Keeps the inbox caches live: one Socket.IO connection while the inbox is open, and a catch-up through the events
 * API after every (re)connect. `ready` turns true once the starting point is known, before the lists load.
 */
export const useInboxRealtime = (ws: string): { ready: boolean; connection: Connection } => {
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(false);
  const [connection, setConnection] = useState<Connection>("connecting");
  useEffect(() => {
    const sync = new InboxSync(ws, queryClient, () => setReady(true));
    if (sync.baselineKnown) setReady(true);
    void sync.catchUp();
    const socket = io({ path: "/socket.io", transports: ["websocket"] });
    socket.on("ready", () => {
      setConnection("online");
      void sync.catchUp();
    });
    // The server sends committed events in small batches, in sequence order (see server/realtime).
    socket.on("events", (batch: WireEvent[]) => {
      for (const event of batch) sync.receive(event);
    });
    socket.on("disconnect", () => setConnection("offline"));
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
    };
  }, [ws, queryClient]);
  return { ready, connection };
};
