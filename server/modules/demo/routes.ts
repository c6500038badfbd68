import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { workspaceDto } from "../../../common/workspaces";
import type { Ctx } from "../../context";
import { AppError } from "../../http/errors";
import { actorOf } from "../../http/guard";
import { errorResponses } from "../../http/schemas";
import { presentWorkspace } from "../workspaces/present";
import { createDemoWorkspace } from "./commands";

export const demoResponse = z.object({ workspace: workspaceDto, channelId: z.uuid() });

export const demoRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  app.post(
    "/api/v1/demo",
    {
      config: { auth: "user", rateLimit: { max: 10, timeWindow: "1 hour" } },
      schema: {
        tags: ["workspaces"],
        summary:
          "Create a demo workspace (you own it) with a web widget channel and a few conversations; play the visitor at /sandbox/:channelId",
        response: { 201: demoResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (actor.token) throw new AppError(403, "forbidden", "An API token cannot create workspaces.");
      const demo = await ctx.inTx(async (tx) => {
        const created = await createDemoWorkspace(tx, actor.user, ctx.connectors);
        tx.afterCommit(() => ctx.bus.wakeDelivery());
        return created;
      });
      return reply.code(201).send({ workspace: presentWorkspace(demo.workspace, "owner"), channelId: demo.channelId });
    },
  );
};
