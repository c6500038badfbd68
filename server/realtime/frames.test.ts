import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server, type Socket } from "socket.io";
import { io as connectClient } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { joinBroadcastFrames, writeBroadcastFramesDirectly } from "./frames";
import { windowAfter } from "./server";

type Encode = (packet: unknown, opts: { wsPreEncodedFrame?: Buffer[] }) => unknown;

function encodeWith(join: boolean, data: unknown[]) {
  const io = new Server();
  const adapter = io.of("/").adapter;
  if (join) joinBroadcastFrames(adapter);
  const opts: { wsPreEncodedFrame?: Buffer[] } = {};
  (adapter as unknown as { _encode: Encode })._encode({ type: 2, data, nsp: "/" }, opts);
  return opts.wsPreEncodedFrame ?? [];
}

describe("joinBroadcastFrames", () => {
  it("hands each socket the adapter's frame as one buffer, byte for byte the same", () => {
    for (const data of [
      ["events", [{ seq: 1 }]],
      ["events", [{ text: "x".repeat(70_000), name: "Анна <b>" }]],
    ]) {
      const apart = encodeWith(false, data);
      const joined = encodeWith(true, data);
      expect(apart).toHaveLength(2);
      expect(joined).toHaveLength(1);
      expect(joined[0]?.equals(Buffer.concat(apart))).toBe(true);
    }
  });

  it("is a WebSocket text frame of the Engine.IO message carrying the Socket.IO event", () => {
    const [frame] = encodeWith(true, ["events", [1]]);
    const payload = '42["events",[1]]';
    expect(frame?.[0]).toBe(0x81); // FIN, text
    expect(frame?.[1]).toBe(payload.length); // unmasked, short length
    expect(frame?.subarray(2).toString()).toBe(payload);
  });

  it("leaves an adapter without the encoding step as it is", () => {
    const adapter = { broadcast: () => undefined };
    joinBroadcastFrames(adapter);
    expect(Object.keys(adapter)).toEqual(["broadcast"]);
  });
});

type Sent = { volatile?: boolean; wsPreEncodedFrame?: Buffer[] };
type Patched = { writeToEngine(packets: unknown, opts: Sent): void };

/** A Socket.IO client as the hook sees it: idle unless `change` says otherwise. */
function fakeClient(change: Record<string, unknown> = {}) {
  const written: Buffer[] = [];
  const usual: unknown[] = [];
  const net = { destroyed: false, writable: true, write: (b: Buffer) => written.push(b) > 0 };
  const ws = { readyState: 1, _socket: net, _sender: { _queue: [] as unknown[], _state: 0 } };
  const conn: Record<string, unknown> = {
    readyState: "open",
    upgrading: false,
    writeBuffer: [],
    transport: { name: "websocket", socket: ws },
    ...change,
  };
  const client = { conn, writeToEngine: (packets: unknown) => void usual.push(packets) };
  writeBroadcastFramesDirectly(client);
  return { client: client as unknown as Patched, written, usual, ws, net };
}

describe("writeBroadcastFramesDirectly", () => {
  const frame = Buffer.from('\x81\x0342"x"');

  it("writes a broadcast's ready-made frame straight to an idle client's socket", () => {
    const { client, written, usual } = fakeClient();
    client.writeToEngine(["2x"], { wsPreEncodedFrame: [frame] });
    expect(written).toEqual([frame]);
    expect(usual).toEqual([]);
  });

  it("goes the usual way whenever something of the client's waits or the frame is not ready-made", () => {
    const cases: Array<[string, Record<string, unknown>, Sent]> = [
      ["packets wait in Engine.IO", { writeBuffer: ["4x"] }, { wsPreEncodedFrame: [frame] }],
      ["the transport is upgrading", { upgrading: true }, { wsPreEncodedFrame: [frame] }],
      ["long-polling", { transport: { name: "polling" } }, { wsPreEncodedFrame: [frame] }],
      ["closing", { readyState: "closing" }, { wsPreEncodedFrame: [frame] }],
      ["no ready-made frame", {}, {}],
      ["a frame in two buffers", {}, { wsPreEncodedFrame: [frame, frame] }],
      ["volatile", {}, { volatile: true, wsPreEncodedFrame: [frame] }],
    ];
    for (const [name, change, opts] of cases) {
      const { client, written, usual } = fakeClient(change);
      client.writeToEngine(["2x"], opts);
      expect({ name, written: written.length, usual: usual.length }).toEqual({ name, written: 0, usual: 1 });
    }
    const queued = fakeClient();
    queued.ws._sender._queue.push("frame");
    queued.client.writeToEngine(["2x"], { wsPreEncodedFrame: [frame] });
    const gone = fakeClient();
    gone.net.destroyed = true;
    gone.client.writeToEngine(["2x"], { wsPreEncodedFrame: [frame] });
    expect([queued.usual.length, gone.usual.length, queued.written.length + gone.written.length]).toEqual([1, 1, 0]);
  });

  it("keeps a socket's broadcasts and its own events in the order they were sent", async () => {
    const http = createServer();
    const io = new Server(http, { transports: ["websocket"] });
    joinBroadcastFrames(io.of("/").adapter);
    const joined = new Promise<Socket>((resolve) =>
      io.on("connection", (socket) => {
        writeBroadcastFramesDirectly(socket.client);
        void socket.join("room");
        resolve(socket);
      }),
    );
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const client = connectClient(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
      transports: ["websocket"],
    });
    try {
      const socket = await joined;
      const got: number[] = [];
      const all = new Promise<void>((resolve) =>
        client.on("n", (i: number) => {
          got.push(i);
          if (got.length === 300) resolve();
        }),
      );
      // Large ones now and then fill the socket's buffer, so later writes queue behind them.
      for (let i = 0; i < 300; i++) {
        const body = i % 25 === 0 ? "x".repeat(300_000) : "";
        if (i % 3 === 0) socket.emit("n", i, body);
        else io.to("room").emit("n", i, body);
      }
      await all;
      expect(got).toEqual(Array.from({ length: 300 }, (_, i) => i));
    } finally {
      client.close();
      await io.close();
    }
  });
});

describe("windowAfter", () => {
  it("pauses a room four times its last fan-out's cost, never more than 15 ms", () => {
    expect(windowAfter(0.05)).toBeCloseTo(0.2);
    expect(windowAfter(2)).toBe(8);
    expect(windowAfter(6)).toBe(15);
    expect(windowAfter(100)).toBe(15);
  });
});
