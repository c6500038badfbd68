import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { meResponse } from "../../../common/auth";
import { errorBody } from "../../../common/errors";
import {
  acceptInvitationRequest,
  createdInvitation,
  createInvitationRequest,
  invitationDto,
  invitationPreview,
  listOf,
} from "../../../common/workspaces";
import type { Ctx } from "../../context";
import { AppError } from "../../http/errors";
import { actorOf, membershipOf } from "../../http/guard";
import { publicOrigin } from "../../http/origin";
import { errorResponses, workspaceParams } from "../../http/schemas";
import { createUser } from "../auth/commands";
import { presentMe } from "../auth/present";
import { createSession, setSessionCookie } from "../auth/sessions";
import { acceptInvitation, createInvitation, findOpenInvitation, revokeInvitation } from "./commands";
import { presentInvitation } from "./present";

const tags = ["invitations"];
const tokenParams = z.object({ token: z.string().min(10).max(100) });

export const invitationRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get(
    "/api/v1/workspaces/:workspaceId/invitations",
    {
      config: { auth: { workspace: "admin" } },
      schema: {
        tags,
        summary: "Open invitations of a workspace",
        params: workspaceParams,
        response: { 200: listOf(invitationDto), ...errorResponses },
      },
    },
    async (req) => {
      const rows = await db
        .selectFrom("invitations")
        .leftJoin("users", "users.id", "invitations.created_by")
        .select([
          "invitations.id",
          "invitations.role",
          "invitations.email",
          "invitations.created_at",
          "invitations.expires_at",
          "users.name as creator_name",
        ])
        .where("invitations.workspace_id", "=", membershipOf(req).workspaceId)
        .where("invitations.accepted_at", "is", null)
        .where("invitations.revoked_at", "is", null)
        .where("invitations.expires_at", ">", new Date())
        .orderBy("invitations.created_at", "desc")
        .orderBy("invitations.id", "desc")
        .execute();
      return { items: rows.map(presentInvitation) };
    },
  );

  app.post(
    "/api/v1/workspaces/:workspaceId/invitations",
    {
      config: { auth: { workspace: "admin" } },
      schema: {
        tags,
        summary: "Create an invitation link (shown once; valid 7 days, for one person)",
        params: workspaceParams,
        body: createInvitationRequest,
        response: { 201: createdInvitation, ...errorResponses },
      },
    },
    async (req, reply) => {
      const m = membershipOf(req);
      const { row, token } = await ctx.inTx((tx) =>
        createInvitation(tx, { userId: actorOf(req).user.id, role: m.role }, m.workspaceId, req.body),
      );
      return reply.code(201).send({
        invitation: presentInvitation({ ...row, creator_name: actorOf(req).user.name }),
        url: `${publicOrigin(ctx.config, req)}/invite/${token}`,
      });
    },
  );

  app.delete(
    "/api/v1/workspaces/:workspaceId/invitations/:invitationId",
    {
      config: { auth: { workspace: "admin" } },
      schema: {
        tags,
        summary: "Revoke an invitation",
        params: z.object({ workspaceId: z.uuid(), invitationId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await ctx.inTx((tx) =>
        revokeInvitation(tx, actorOf(req).user.id, membershipOf(req).workspaceId, req.params.invitationId),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/invitations/:token",
    {
      config: { auth: "public", rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "What an invitation link offers",
        params: tokenParams,
        response: { 200: invitationPreview, 404: errorBody },
      },
    },
    async (req) => {
      const inv = await findOpenInvitation(db, req.params.token);
      return {
        workspaceName: inv.workspace_name,
        role: inv.role,
        email: inv.email,
        expiresAt: inv.expires_at.toISOString(),
      };
    },
  );

  app.post(
    "/api/v1/invitations/:token/accept",
    {
      config: { auth: "public", rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Accept an invitation: signed in with `{}`, or create an account with name, e-mail and password",
        params: tokenParams,
        body: acceptInvitationRequest,
        response: { 200: meResponse, 409: errorBody, ...errorResponses },
      },
    },
    async (req, reply) => {
      const signedIn = req.actor?.via === "session" ? req.actor.user : null;
      const { user, created } = await ctx.inTx(async (tx) => {
        let u = signedIn;
        if (!u) {
          const { name, email, password, locale } = req.body;
          if (!name || !email || !password) {
            throw new AppError(
              400,
              "validation_failed",
              "Enter your name, e-mail and a password to create your account.",
            );
          }
          u = await createUser(tx, { name, email, password, locale });
        }
        await acceptInvitation(tx, req.params.token, u);
        return { user: u, created: !signedIn };
      });
      if (created)
        setSessionCookie(reply, ctx.config, await createSession(db, ctx.config, user.id, req.headers["user-agent"]));
      return presentMe(db, user);
    },
  );
};
