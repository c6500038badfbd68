import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../common/errors";
import {
  createWorkspaceRequest,
  listOf,
  memberDto,
  updateMemberRequest,
  updateWorkspaceRequest,
  workspaceDto,
} from "../../../common/workspaces";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../http/errors";
import { actorOf, membershipOf } from "../../http/guard";
import { errorResponses, workspaceParams } from "../../http/schemas";
import { changeMemberRole, createWorkspace, removeMember, renameWorkspace } from "./commands";
import { presentMember, presentWorkspace } from "./present";
import { findMember, getWorkspace, listMembers } from "./queries";

const tags = ["workspaces"];
const memberParams = z.object({ workspaceId: z.uuid(), userId: z.uuid() });
const workspaceResponse = z.object({ workspace: workspaceDto });

export const workspaceRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.post(
    "/api/v1/workspaces",
    {
      config: { auth: "user" },
      schema: {
        tags,
        summary: "Create a workspace; you become its owner",
        body: createWorkspaceRequest,
        response: { 201: workspaceResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (actor.token) throw new AppError(403, "forbidden", "An API token cannot create workspaces.");
      const ws = await ctx.inTx((tx) => createWorkspace(tx, actor.user.id, req.body.name));
      return reply.code(201).send({ workspace: presentWorkspace(ws, "owner") });
    },
  );

  app.get(
    "/api/v1/workspaces/:workspaceId",
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "A workspace",
        params: workspaceParams,
        response: { 200: workspaceResponse, ...errorResponses },
      },
    },
    async (req) => {
      const m = membershipOf(req);
      return { workspace: presentWorkspace(await getWorkspace(db, m.workspaceId), m.role) };
    },
  );

  app.patch(
    "/api/v1/workspaces/:workspaceId",
    {
      config: { auth: { workspace: "admin" } },
      schema: {
        tags,
        summary: "Rename a workspace",
        params: workspaceParams,
        body: updateWorkspaceRequest,
        response: { 200: workspaceResponse, ...errorResponses },
      },
    },
    async (req) => {
      const m = membershipOf(req);
      const ws = await ctx.inTx((tx) =>
        renameWorkspace(tx, { userId: actorOf(req).user.id, role: m.role }, m.workspaceId, req.body.name),
      );
      return { workspace: presentWorkspace(ws, m.role) };
    },
  );

  app.get(
    "/api/v1/workspaces/:workspaceId/members",
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "Members of a workspace",
        params: workspaceParams,
        response: { 200: listOf(memberDto), ...errorResponses },
      },
    },
    async (req) => ({ items: (await listMembers(db, membershipOf(req).workspaceId)).map(presentMember) }),
  );

  app.patch(
    "/api/v1/workspaces/:workspaceId/members/:userId",
    {
      config: { auth: { workspace: "admin" } },
      schema: {
        tags,
        summary: "Change a member's role (owners only grant or remove the owner role)",
        params: memberParams,
        body: updateMemberRequest,
        response: { 200: z.object({ member: memberDto }), 409: errorBody, ...errorResponses },
      },
    },
    async (req) => {
      const m = membershipOf(req);
      await ctx.inTx((tx) =>
        changeMemberRole(
          tx,
          { userId: actorOf(req).user.id, role: m.role },
          m.workspaceId,
          req.params.userId,
          req.body.role,
        ),
      );
      const member = await findMember(db, m.workspaceId, req.params.userId);
      if (!member) throw notFound("This member");
      return { member: presentMember(member) };
    },
  );

  app.delete(
    "/api/v1/workspaces/:workspaceId/members/:userId",
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "Remove a member (admins), or leave the workspace (yourself)",
        params: memberParams,
        response: { 204: z.null(), 409: errorBody, ...errorResponses },
      },
    },
    async (req, reply) => {
      const m = membershipOf(req);
      await ctx.inTx((tx) =>
        removeMember(tx, { userId: actorOf(req).user.id, role: m.role }, m.workspaceId, req.params.userId),
      );
      return reply.code(204).send(null);
    },
  );
};
