import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../common/errors";
import { connectorFor, hasConnector } from "../../connectors/registry";
import { VerificationError } from "../../connectors/types";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../http/errors";
import { isUuid, newId } from "../../lib/ids";
import type { InboundBatcher } from "./batcher";
import { ChannelCache } from "./channel-cache";

const webhookResponse = z.object({
  ok: z.literal(true),
  /** Ids of the stored messages; a repeated delivery answers the original ids with `duplicate`. */
  messageIds: z.array(z.uuid()),
  duplicate: z.boolean(),
});

/**
 * Messenger webhooks: `POST /webhooks/:kind/:channelId`. Verified by the channel's connector (a
 * signature or secret token) before anything is parsed; stored (group-committed) before the 200.
 */
export const inboundRoutes: FastifyPluginAsyncZod<{ ctx: Ctx; batcher: InboundBatcher }> = async (
  app,
  { ctx, batcher },
) => {
  const channels = new ChannelCache(ctx.db);
  ctx.bus.onEvent((e) => {
    if (e.type.startsWith("channel.") && typeof e.payload.channelId === "string") channels.forget(e.payload.channelId);
  });
  // Signatures are over the exact bytes: keep the raw body and let the connector parse it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.post(
    "/webhooks/:kind/:channelId",
    {
      config: { auth: "public" },
      schema: {
        tags: ["webhooks"],
        summary: "Inbound messages of a channel (API channel: signed with X-Parley-Signature; see docs/api-channel.md)",
        params: z.object({ kind: z.string().max(20), channelId: z.string().max(40) }),
        response: {
          200: webhookResponse,
          400: errorBody,
          401: errorBody,
          404: errorBody,
          413: errorBody,
          503: errorBody,
        },
      },
    },
    async (req) => {
      const { kind, channelId } = req.params;
      if (!hasConnector(kind) || !isUuid(channelId)) throw notFound("This channel");
      const channel = await channels.get(channelId, kind);
      if (!channel) throw notFound("This channel");
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let result: Awaited<ReturnType<ReturnType<typeof connectorFor>["receive"]>>;
      try {
        result = await connectorFor(kind).receive({ channel, headers: req.headers, rawBody });
      } catch (err) {
        if (err instanceof VerificationError) throw new AppError(401, "invalid_signature", err.message);
        throw err;
      }
      if (result.kind === "unparseable") {
        // Verified but unusable: kept for inspection, never dropped silently.
        await ctx.db
          .insertInto("dead_letters")
          .values({
            workspace_id: channel.workspace_id,
            id: newId(),
            channel_id: channel.id,
            reason: result.reason,
            payload: rawBody.toString("utf8").slice(0, 100_000),
            created_at: new Date(),
          })
          .execute();
        throw new AppError(400, "invalid_payload", result.reason, result.details);
      }
      try {
        const stored = await Promise.all(result.events.map((e) => batcher.store(channel, e)));
        const ids = stored
          .map((s) => (s.status === "stored" ? s.message.id : s.messageId))
          .filter((x): x is string => x !== null);
        return {
          ok: true as const,
          messageIds: ids,
          duplicate: stored.every((s) => s.status === "duplicate") && stored.length > 0,
        };
      } catch (err) {
        req.log.error({ err, channelId }, "inbound message could not be stored");
        throw new AppError(503, "unavailable", "The message could not be stored right now; retry later.");
      }
    },
  );
};
