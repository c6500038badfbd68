/**
 * Manager sockets that only listen, in their own process so that reading hundreds of copies of every
 * frame does not slow the measuring process. Each is a plain TCP connection that speaks the WebSocket
 * (RFC 6455), Engine.IO 4 and Socket.IO 5 wire protocols itself: upgrades, connects to the default
 * namespace, answers pings, waits for `ready`, then skips the payload of every other frame unread. The
 * server does the same work for it as for a browser's socket; the listener spends as little of this
 * shared machine's CPU as it can (browsers would be on other machines).
 * Usage: tsx bench/passive-socket.ts <baseUrl> <cookie> <count>; prints "ready", closes on stdin's end.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";

/** A masked text frame from the client (a client's frames must be masked). */
function clientFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const masked = payload.map((b, i) => b ^ (mask[i % 4] ?? 0));
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}

/** Reads a server's frames from a byte stream: small text payloads are handed over, large ones skipped. */
class FrameReader {
  private head = Buffer.alloc(0);
  private skip = 0;
  private collect: { length: number; parts: Buffer[]; got: number } | null = null;

  constructor(private readonly onText: (text: string) => void) {}

  push(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, data.length);
        this.skip -= n;
        data = data.subarray(n);
      } else if (this.collect) {
        const c = this.collect;
        const part = data.subarray(0, c.length - c.got);
        c.parts.push(part);
        c.got += part.length;
        data = data.subarray(part.length);
        if (c.got === c.length) {
          this.collect = null;
          this.onText(Buffer.concat(c.parts).toString());
        }
      } else data = this.header(data);
    }
  }

  /** Consumes one frame header (server frames are unmasked); answers the bytes left after it. */
  private header(data: Buffer): Buffer {
    const buf = this.head.length > 0 ? Buffer.concat([this.head, data]) : data;
    if (buf.length < 2) return this.keep(buf);
    const short = (buf[1] ?? 0) & 0x7f;
    const size = short === 126 ? 4 : short === 127 ? 10 : 2;
    if (buf.length < size) return this.keep(buf);
    const length = short === 126 ? buf.readUInt16BE(2) : short === 127 ? Number(buf.readBigUInt64BE(2)) : short;
    this.head = Buffer.alloc(0);
    // Engine.IO's own packets (open, ping, Socket.IO's connect and `ready`) are short; events are not read.
    if (length > 512) this.skip = length;
    else if (length === 0) this.onText("");
    else this.collect = { length, parts: [], got: 0 };
    return buf.subarray(size);
  }

  private keep(buf: Buffer): Buffer {
    this.head = Buffer.from(buf);
    return Buffer.alloc(0);
  }
}

function passiveSocket(base: URL, cookie: string): Promise<net.Socket> {
  const socket = net.connect(Number(base.port), base.hostname);
  socket.setNoDelay(true);
  const key = randomBytes(16).toString("base64");
  socket.write(
    [
      "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1",
      `Host: ${base.host}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      `Sec-WebSocket-Key: ${key}`,
      "Sec-WebSocket-Version: 13",
      `Cookie: ${cookie}`,
      `Origin: ${base.origin}`,
      "",
      "",
    ].join("\r\n"),
  );
  return new Promise((resolve, reject) => {
    socket.on("error", reject);
    const reader = new FrameReader((text) => {
      if (text.startsWith("0")) socket.write(clientFrame("40"));
      else if (text === "2") socket.write(clientFrame("3"));
      else if (text.startsWith('42["ready"')) resolve(socket);
      else if (text.startsWith("44")) reject(new Error(text));
    });
    let response = Buffer.alloc(0);
    const upgrade = (chunk: Buffer) => {
      response = Buffer.concat([response, chunk]);
      const end = response.indexOf("\r\n\r\n");
      if (end < 0) return;
      if (!response.subarray(0, 12).toString().includes(" 101")) {
        reject(new Error(response.subarray(0, end).toString()));
        return;
      }
      socket.off("data", upgrade);
      socket.on("data", (data: Buffer) => reader.push(data));
      reader.push(response.subarray(end + 4));
    };
    socket.on("data", upgrade);
  });
}

const [baseArg = "", cookie = "", count = "0"] = process.argv.slice(2);
const base = new URL(baseArg);
const sockets: net.Socket[] = [];
for (let i = 0; i < Number(count); i += 50) {
  const n = Math.min(50, Number(count) - i);
  sockets.push(...(await Promise.all(Array.from({ length: n }, () => passiveSocket(base, cookie)))));
}
process.stdout.write("ready\n");
process.stdin.resume();
process.stdin.on("end", () => {
  for (const s of sockets) s.destroy();
  process.exit(0);
});
