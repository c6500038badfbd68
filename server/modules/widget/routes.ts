import path from "node:path";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../common/errors";
import {
  widgetFileResponse,
  widgetMessagesQuery,
  widgetMessagesResponse,
  widgetSendRequest,
  widgetSendResponse,
  widgetSessionRequest,
  widgetSessionResponse,
} from "../../../common/widget";
import { widgetConnector } from "../../connectors/widget/connector";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../http/errors";
import { FileStorage, sendStoredFile } from "../files/storage";
import { readUpload } from "../files/upload";
import type { InboundBatcher } from "../inbound/batcher";
import { outgoingParts } from "../messages/parts";
import { presentMessages } from "../messages/present";
import { WidgetAccess } from "./access";
import { presentWidgetMessages } from "./present";
import { visitorChatId, visitorMessages } from "./queries";
import {
  anonymousVisitor,
  fileSignature,
  identifiedVisitor,
  identityVerified,
  isVerified,
  readVisitorToken,
  visitorDisplayName,
  visitorToken,
} from "./visitor";

const tags = ["widget"];
const params = z.object({ channelId: z.string().max(40) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 429: errorBody, 503: errorBody };

/**
 * What the visitor's widget calls, from any allowed site: `/widget/:channelId/…`. Public routes: a
 * visitor proves who they are with the token the session gave them (see ./visitor.ts); the page's
 * origin is checked on every request.
 */
export const widgetRoutes: FastifyPluginAsyncZod<{ ctx: Ctx; batcher: InboundBatcher }> = async (
  app,
  { ctx, batcher },
) => {
  const access = new WidgetAccess(ctx);
  const storage = new FileStorage(path.join(ctx.config.dataDir, "files"));
  const perVisitor = {
    max: ctx.config.widgetLimit,
    timeWindow: "1 minute",
    keyGenerator: (req: { headers: { authorization?: string | undefined }; ip: string }) =>
      req.headers.authorization?.slice(-43) ?? req.ip,
  };

  // Every answer names the asking origin, so the widget can read even a refusal (403 origin_not_allowed);
  // which sites may use a channel is decided per request, not by the browser's CORS check.
  app.addHook("onRequest", async (req, reply) => {
    const origin = req.headers.origin;
    if (origin) reply.header("access-control-allow-origin", origin).header("vary", "origin");
    reply.header("cross-origin-resource-policy", "cross-origin");
  });
  app.options("/widget/:channelId/*", { config: { auth: "public" }, schema: { hide: true } }, (_req, reply) =>
    reply
      .code(204)
      .header("access-control-allow-methods", "GET, POST")
      .header("access-control-allow-headers", "authorization, content-type")
      .header("access-control-max-age", "600")
      .send(),
  );

  app.post(
    "/widget/:channelId/session",
    {
      config: { auth: "public", rateLimit: { max: ctx.config.widgetLimit, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary:
          "Start or resume a visitor's conversation: the channel's look, a visitor token (kept by the widget) and the last messages",
        params,
        body: widgetSessionRequest,
        response: { 200: widgetSessionResponse, ...errors },
      },
    },
    async (req) => {
      const channel = await access.forPage(req.params.channelId, req.headers);
      const { identity } = req.body;
      if (identity && !identityVerified(channel.secret, identity)) {
        throw new AppError(
          401,
          "invalid_signature",
          "The visitor's identity hash does not match the channel's secret.",
        );
      }
      // A stale token (e.g. another channel's) starts a new visitor.
      const visitor = identity
        ? identifiedVisitor(identity)
        : (readVisitorToken(channel.secret, channel.id, req.body.visitorToken) ?? anonymousVisitor());
      if (channel.widget.identityRequired && !isVerified(visitor)) {
        throw new AppError(401, "identity_required", "This chat is only for signed-in customers of the site.");
      }
      const chatId = await visitorChatId(ctx.db, channel, visitor.externalId);
      const page = await visitorMessages(ctx.db, channel, chatId, { limit: 30 });
      return {
        visitorToken: visitorToken(channel.secret, channel.id, visitor),
        visitor: { name: visitor.name ?? null, verified: isVerified(visitor) },
        channel: {
          name: channel.name,
          color: channel.widget.color,
          greeting: channel.widget.greeting,
          position: channel.widget.position,
        },
        messages: page.items,
        hasMore: page.hasMore,
      };
    },
  );

  app.get(
    "/widget/:channelId/messages",
    {
      config: { auth: "public", rateLimit: perVisitor },
      schema: {
        tags,
        summary: "Older messages of the visitor's conversation (Authorization: Bearer <visitor token>)",
        params,
        querystring: widgetMessagesQuery,
        response: { 200: widgetMessagesResponse, ...errors },
      },
    },
    async (req) => {
      const { channel, visitor } = await access.forVisitor(req.params.channelId, req.headers);
      const chatId = await visitorChatId(ctx.db, channel, visitor.externalId);
      return visitorMessages(ctx.db, channel, chatId, req.query);
    },
  );

  app.post(
    "/widget/:channelId/messages",
    {
      config: { auth: "public", rateLimit: perVisitor },
      schema: {
        tags,
        summary:
          "The visitor writes (Authorization: Bearer <visitor token>); a repeated clientMessageId answers the stored message",
        params,
        body: widgetSendRequest,
        response: { 200: widgetSendResponse, 201: widgetSendResponse, ...errors },
      },
    },
    async (req, reply) => {
      const { channel, visitor } = await access.forVisitor(req.params.channelId, req.headers);
      const { clientMessageId, text, attachments } = req.body;
      const parts = await outgoingParts(ctx.db, channel.workspace_id, widgetConnector.capabilities, { attachments });
      let stored: Awaited<ReturnType<InboundBatcher["store"]>>;
      try {
        stored = await batcher.store(channel, {
          // Scoped to the visitor: another visitor cannot reach this message by reusing its id.
          eventId: `widget:${visitor.externalId}:${clientMessageId}`,
          client: {
            externalId: visitor.externalId,
            name: visitor.name,
            email: visitor.email,
            fallbackName: visitorDisplayName(visitor),
          },
          message: {
            externalId: clientMessageId,
            text: text && text.length > 0 ? text : null,
            parts,
            replyToExternalId: null,
            sentAt: null,
          },
        });
      } catch (err) {
        req.log.error({ err, channelId: channel.id }, "widget message could not be stored");
        throw new AppError(503, "unavailable", "The message could not be stored right now; it will be sent again.");
      }
      const widgetChannel = { id: channel.id, secret: channel.secret };
      if (stored.status === "stored") {
        const [message] = await presentWidgetMessages(ctx.db, channel.workspace_id, widgetChannel, [stored.message]);
        return reply.code(201).send({ message: message as NonNullable<typeof message> });
      }
      const row = stored.messageId
        ? await ctx.db
            .selectFrom("messages")
            .selectAll()
            .where("workspace_id", "=", channel.workspace_id)
            .where("id", "=", stored.messageId)
            .executeTakeFirst()
        : undefined;
      if (!row) throw new AppError(503, "unavailable", "The message is being stored; send it again.");
      const dtos = await presentMessages(ctx.db, channel.workspace_id, [row]);
      const [message] = await presentWidgetMessages(ctx.db, channel.workspace_id, widgetChannel, dtos);
      if (!message) throw notFound("This message");
      return reply.code(200).send({ message });
    },
  );

  app.post(
    "/widget/:channelId/files",
    {
      config: { auth: "public", rateLimit: perVisitor },
      schema: {
        tags,
        summary: "The visitor uploads a file (multipart field `file`) to attach to a message",
        consumes: ["multipart/form-data"],
        params,
        response: { 201: widgetFileResponse, 413: errorBody, ...errors },
      },
    },
    async (req, reply) => {
      const { channel } = await access.forVisitor(req.params.channelId, req.headers);
      const { data, filename } = await readUpload(req, ctx.config.fileLimit);
      const saved = await ctx.connectors.files.save(channel.workspace_id, data, filename);
      return reply.code(201).send({ file: { id: saved.fileId, name: saved.name, mime: saved.mime, size: saved.size } });
    },
  );

  app.get(
    "/widget/:channelId/files/:fileId",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "A file of a widget conversation, by the signed URL Parley gave the visitor",
        params: z.object({ channelId: z.string().max(40), fileId: z.uuid() }),
        querystring: z.object({ s: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      const channel = await access.channel(req.params.channelId);
      if (fileSignature(channel.secret, channel.id, req.params.fileId) !== req.query.s) throw notFound("This file");
      const row = await ctx.db
        .selectFrom("files")
        .selectAll()
        .where("workspace_id", "=", channel.workspace_id)
        .where("id", "=", req.params.fileId)
        .executeTakeFirst();
      if (!row || !storage.exists(channel.workspace_id, row.id)) throw notFound("This file");
      return sendStoredFile(reply, storage, row, "private, max-age=86400");
    },
  );

  app.get(
    "/widget/:channelId/avatars/:userId",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "A manager's avatar as shown in the widget",
        params: z.object({ channelId: z.string().max(40), userId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const channel = await access.channel(req.params.channelId);
      const row = await ctx.db
        .selectFrom("user_avatars")
        .innerJoin("workspace_members", "workspace_members.user_id", "user_avatars.user_id")
        .select(["user_avatars.content_type", "user_avatars.data"])
        .where("user_avatars.user_id", "=", req.params.userId)
        .where("workspace_members.workspace_id", "=", channel.workspace_id)
        .executeTakeFirst();
      if (!row) throw notFound("This avatar");
      return reply
        .header("content-type", row.content_type)
        .header("cache-control", "public, max-age=86400")
        .send(row.data);
    },
  );
};
