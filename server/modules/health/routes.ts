import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { Ctx } from "../../context";
import { AppError } from "../../http/errors";

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  app.get(
    "/healthz",
    {
      config: { auth: "public" },
      schema: {
        tags: ["health"],
        summary: "200 once the database answers",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(ctx.db);
      } catch (err) {
        ctx.log.error({ err }, "health check: database unreachable");
        throw new AppError(503, "internal", "The database is not reachable.");
      }
      return { status: "ok" as const };
    },
  );
};
