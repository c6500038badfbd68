import http from "node:http";

/**
 * A lean HTTP client for the load generators: node:http on kept-alive sockets. `fetch` spends several
 * times the CPU per request, and on this 2-core machine the sender's CPU is taken from the server.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

export function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
