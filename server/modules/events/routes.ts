import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorBody } from "../../../common/errors";
import { eventsQuery, eventsResponse } from "../../../common/workspaces";
import type { Ctx } from "../../context";
import { membershipOf } from "../../http/guard";
import { workspaceParams } from "../../http/schemas";

export const eventRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  app.get(
    "/api/v1/workspaces/:workspaceId/events",
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags: ["events"],
        summary: "Events after a sequence number, oldest first: how a client catches up after a reconnect",
        params: workspaceParams,
        querystring: eventsQuery,
        response: { 200: eventsResponse, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (req) => {
      const { workspaceId } = membershipOf(req);
      const [items, ws] = await Promise.all([
        ctx.db
          .selectFrom("events")
          .select(["seq", "type", "payload", "created_at"])
          .where("workspace_id", "=", workspaceId)
          .where("seq", ">", String(req.query.after))
          .orderBy("seq")
          .limit(req.query.limit)
          .execute(),
        ctx.db.selectFrom("workspaces").select("event_seq").where("id", "=", workspaceId).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((e) => ({
          seq: Number(e.seq),
          type: e.type,
          payload: e.payload,
          createdAt: e.created_at.toISOString(),
        })),
        lastSeq: Number(ws.event_seq),
      };
    },
  );
};
