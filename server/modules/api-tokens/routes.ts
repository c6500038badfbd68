import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import { z } from "zod";
import {
  type ApiTokenDto,
  apiTokenDto,
  createApiTokenRequest,
  createdApiToken,
  listOf,
} from "../../../common/workspaces";
import type { Ctx } from "../../context";
import type { DB } from "../../db/schema";
import { AppError } from "../../http/errors";
import { actorOf, membershipOf } from "../../http/guard";
import { hasRole } from "../../http/policy";
import { errorResponses, workspaceParams } from "../../http/schemas";
import { createApiToken, revokeApiToken } from "./commands";

const tags = ["api-tokens"];

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  user_id: string;
  user_name: string;
  created_at: Date;
  last_used_at: Date | null;
};

function present(r: TokenRow): ApiTokenDto {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    userId: r.user_id,
    userName: r.user_name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  };
}

function tokensQuery(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id",
      "api_tokens.name",
      "api_tokens.prefix",
      "api_tokens.user_id",
      "users.name as user_name",
      "api_tokens.created_at",
      "api_tokens.last_used_at",
    ])
    .where("api_tokens.workspace_id", "=", workspaceId)
    .where("api_tokens.revoked_at", "is", null);
}

export const apiTokenRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get(
    "/api/v1/workspaces/:workspaceId/api-tokens",
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "API tokens: your own, or everyone's for admins",
        params: workspaceParams,
        response: { 200: listOf(apiTokenDto), ...errorResponses },
      },
    },
    async (req) => {
      const m = membershipOf(req);
      let q = tokensQuery(db, m.workspaceId);
      if (!hasRole(m.role, "admin")) q = q.where("api_tokens.user_id", "=", actorOf(req).user.id);
      const rows = await q.orderBy("api_tokens.created_at", "desc").orderBy("api_tokens.id", "desc").execute();
      return { items: rows.map(present) };
    },
  );

  app.post(
    "/api/v1/workspaces/:workspaceId/api-tokens",
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "Create an API token acting as you in this workspace; the secret is shown once",
        params: workspaceParams,
        body: createApiTokenRequest,
        response: { 201: createdApiToken, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (actor.via === "token")
        throw new AppError(403, "forbidden", "Create API tokens from a signed-in session, not with a token.");
      const m = membershipOf(req);
      const { row, secret } = await ctx.inTx((tx) => createApiToken(tx, actor.user.id, m.workspaceId, req.body.name));
      return reply.code(201).send({ token: present({ ...row, user_name: actor.user.name }), secret });
    },
  );

  app.delete(
    "/api/v1/workspaces/:workspaceId/api-tokens/:tokenId",
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "Revoke an API token (yours, or anyone's for admins)",
        params: z.object({ workspaceId: z.uuid(), tokenId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const m = membershipOf(req);
      const onlyOwn = hasRole(m.role, "admin") ? null : actorOf(req).user.id;
      await ctx.inTx((tx) => revokeApiToken(tx, actorOf(req).user.id, m.workspaceId, req.params.tokenId, onlyOwn));
      return reply.code(204).send(null);
    },
  );
};
