import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { meResponse, setupRequest, setupStatus } from "../../../common/auth";
import { errorBody } from "../../../common/errors";
import type { Ctx } from "../../context";
import { presentMe } from "../auth/present";
import { createSession, setSessionCookie } from "../auth/sessions";
import { isSetupNeeded, runSetup } from "./commands";

const tags = ["setup"];

export const setupRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  app.get(
    "/api/v1/setup",
    {
      config: { auth: "public" },
      schema: { tags, summary: "Whether this install still needs its first owner", response: { 200: setupStatus } },
    },
    async () => ({ needed: await isSetupNeeded(ctx.db) }),
  );

  app.post(
    "/api/v1/setup",
    {
      config: { auth: "public", rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "First run: create the owner and the first workspace, and sign in",
        body: setupRequest,
        response: { 201: meResponse, 400: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (req, reply) => {
      const { user } = await runSetup(ctx.db, req.body);
      const token = await createSession(ctx.db, ctx.config, user.id, req.headers["user-agent"]);
      setSessionCookie(reply, ctx.config, token);
      return reply.code(201).send(await presentMe(ctx.db, user));
    },
  );
};
