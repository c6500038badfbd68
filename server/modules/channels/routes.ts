import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import { z } from "zod";
import {
  type ChannelDto,
  type ChannelKind,
  channelDto,
  createChannelRequest,
  createdChannel,
  updateChannelRequest,
} from "../../../common/inbox";
import { listOf } from "../../../common/workspaces";
import { capabilitiesOf, connectorFor, hasConnector } from "../../connectors/registry";
import type { Ctx } from "../../context";
import type { ChannelRow, DB } from "../../db/schema";
import { notFound } from "../../http/errors";
import { actorOf, membershipOf } from "../../http/guard";
import { publicOrigin } from "../../http/origin";
import { errorResponses, workspaceParams } from "../../http/schemas";
import { createChannel, removeChannel, updateChannel } from "./commands";

const tags = ["channels"];
const channelParams = z.object({ workspaceId: z.uuid(), channelId: z.uuid() });

export function presentChannel(row: ChannelRow, origin: string): ChannelDto {
  return {
    id: row.id,
    kind: row.kind as ChannelKind,
    name: row.name,
    status: row.status,
    config: hasConnector(row.kind) ? connectorFor(row.kind).publicConfig(row.config) : {},
    webhookUrl: `${origin}/webhooks/${row.kind}/${row.id}`,
    capabilities: capabilitiesOf(row.kind),
    lastUpdateAt: row.last_update_at?.toISOString() ?? null,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

async function findChannel(db: Kysely<DB>, workspaceId: string, channelId: string): Promise<ChannelRow> {
  const row = await db
    .selectFrom("channels")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", channelId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("This channel");
  return row;
}

export const channelRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  const { db } = ctx;
  const base = "/api/v1/workspaces/:workspaceId/channels";

  app.get(
    base,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "Channels of a workspace",
        params: workspaceParams,
        response: { 200: listOf(channelDto), ...errorResponses },
      },
    },
    async (req) => {
      const rows = await db
        .selectFrom("channels")
        .selectAll()
        .where("workspace_id", "=", membershipOf(req).workspaceId)
        .where("deleted_at", "is", null)
        .orderBy("created_at")
        .execute();
      return { items: rows.map((r) => presentChannel(r, publicOrigin(ctx.config, req))) };
    },
  );

  app.post(
    base,
    {
      config: { auth: { workspace: "admin" } },
      schema: {
        tags,
        summary:
          'Connect a channel. API channel: `{kind: "api", name, config: {outboundUrl}}`; the answer carries the signing `secret`. Telegram: `{kind: "telegram", name?, config: {token, apiBaseUrl?, mode: "polling"|"webhook"}}` (the token is checked with getMe; the bot names the channel)',
        params: workspaceParams,
        body: createChannelRequest,
        response: { 201: createdChannel, ...errorResponses },
      },
    },
    async (req, reply) => {
      const m = membershipOf(req);
      const row = await ctx.inTx((tx) =>
        createChannel(tx, actorOf(req).user.id, m.workspaceId, req.body, ctx.connectors),
      );
      return reply.code(201).send({ channel: presentChannel(row, publicOrigin(ctx.config, req)), secret: row.secret });
    },
  );

  app.get(
    `${base}/:channelId`,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "A channel and its health",
        params: channelParams,
        response: { 200: z.object({ channel: channelDto }), ...errorResponses },
      },
    },
    async (req) => ({
      channel: presentChannel(
        await findChannel(db, membershipOf(req).workspaceId, req.params.channelId),
        publicOrigin(ctx.config, req),
      ),
    }),
  );

  app.get(
    `${base}/:channelId/secret`,
    {
      config: { auth: { workspace: "admin" } },
      schema: {
        tags,
        summary: "The channel's signing secret (admins)",
        params: channelParams,
        response: { 200: z.object({ secret: z.string() }), ...errorResponses },
      },
    },
    async (req) => ({ secret: (await findChannel(db, membershipOf(req).workspaceId, req.params.channelId)).secret }),
  );

  app.patch(
    `${base}/:channelId`,
    {
      config: { auth: { workspace: "admin" } },
      schema: {
        tags,
        summary: "Rename, pause/resume or reconfigure a channel",
        params: channelParams,
        body: updateChannelRequest,
        response: { 200: z.object({ channel: channelDto }), ...errorResponses },
      },
    },
    async (req) => {
      const channel = await findChannel(db, membershipOf(req).workspaceId, req.params.channelId);
      const row = await ctx.inTx((tx) => updateChannel(tx, actorOf(req).user.id, channel, req.body, ctx.connectors));
      return { channel: presentChannel(row, publicOrigin(ctx.config, req)) };
    },
  );

  app.delete(
    `${base}/:channelId`,
    {
      config: { auth: { workspace: "admin" } },
      schema: {
        tags,
        summary: "Remove a channel (its chats stay)",
        params: channelParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await ctx.inTx((tx) =>
        removeChannel(tx, actorOf(req).user.id, membershipOf(req).workspaceId, req.params.channelId, ctx.connectors),
      );
      return reply.code(204).send(null);
    },
  );
};
