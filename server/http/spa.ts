import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "./errors";

/**
 * Serves the built web app from dist/web; any other non-API path gets index.html (client routing).
 * Unknown /api and /webhooks paths answer a JSON 404.
 */
export async function registerSpa(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(webDir, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, serve: false });
    app.get("/assets/*", { config: { auth: "public" }, schema: { hide: true } }, (req, reply) => {
      const file = (req.params as { "*": string })["*"];
      return reply.header("cache-control", "public, max-age=31536000, immutable").sendFile(path.join("assets", file));
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split("?")[0] ?? "/";
    const isApi = url.startsWith("/api/") || url === "/api" || url.startsWith("/webhooks/");
    if (isApi || req.method !== "GET") {
      throw new AppError(404, "not_found", `There is no ${req.method} ${url} in this API.`);
    }
    if (!hasWeb) {
      return reply
        .code(503)
        .type("text/plain")
        .send("The web app is not built yet: run `npm run build` (npm start does it for you).");
    }
    if (path.extname(url) && url !== "/") {
      const candidate = path.join(webDir, path.normalize(url).replace(/^([/\\])+/, ""));
      if (candidate.startsWith(webDir) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
        return reply.sendFile(path.relative(webDir, candidate));
      }
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
