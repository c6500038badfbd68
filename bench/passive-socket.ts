/**
 * Manager sockets that only listen, in their own process so that reading hundreds of copies of every
 * frame does not slow the measuring process. Each speaks the Engine.IO 4 / Socket.IO 5 wire protocol
 * over a raw WebSocket: connects to the default namespace, answers pings, waits for `ready`, then
 * reads the events frames without decoding them. The server does the same work for it as for a
 * browser's socket.
 * Usage: tsx bench/passive-socket.ts <baseUrl> <cookie> <count>; prints "ready", closes on stdin's end.
 */
import WebSocket from "ws";

function passiveSocket(base: string, headers: Record<string, string>): Promise<WebSocket> {
  const ws = new WebSocket(`${base.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, { headers });
  return new Promise((resolve, reject) => {
    ws.on("error", reject);
    ws.on("message", (data: Buffer) => {
      if (data[0] === 0x30 /* "0": open */) ws.send("40");
      else if (data[0] === 0x32 /* "2": ping */) ws.send("3");
      else if (data.subarray(0, 10).toString() === '42["ready"') resolve(ws);
      else if (data.subarray(0, 2).toString() === "44") reject(new Error(data.toString()));
    });
  });
}

const [base = "", cookie = "", count = "0"] = process.argv.slice(2);
const sockets: WebSocket[] = [];
for (let i = 0; i < Number(count); i += 50) {
  const n = Math.min(50, Number(count) - i);
  sockets.push(...(await Promise.all(Array.from({ length: n }, () => passiveSocket(base, { cookie, origin: base })))));
}
process.stdout.write("ready\n");
process.stdin.resume();
process.stdin.on("end", () => {
  for (const s of sockets) s.close();
  process.exit(0);
});
