import { Server } from "socket.io";
import { describe, expect, it } from "vitest";
import { joinBroadcastFrames } from "./frames";
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

describe("windowAfter", () => {
  it("pauses a room four times its last fan-out's cost, never more than 15 ms", () => {
    expect(windowAfter(0.05)).toBeCloseTo(0.2);
    expect(windowAfter(2)).toBe(8);
    expect(windowAfter(6)).toBe(15);
    expect(windowAfter(100)).toBe(15);
  });
});
