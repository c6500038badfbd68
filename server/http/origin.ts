import type { FastifyRequest } from "fastify";
import type { Config } from "../config";

/** The URL people reach Parley at: PARLEY_PUBLIC_URL, or what this request came to. */
export function publicOrigin(config: Config, req: FastifyRequest): string {
  return config.publicUrl ?? `${req.protocol}://${req.headers.host ?? "localhost"}`;
}
