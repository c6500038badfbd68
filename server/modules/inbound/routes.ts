import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../common/errors";
import { connectorFor, hasConnector } from "../../connectors/registry";
import { ConnectorError, VerificationError } from "../../connectors/types";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../http/errors";
import { isUuid } from "../../lib/ids";
import type { InboundBatcher } from "./batcher";
import { ChannelCache } from "./channel-cache";
import { deadLetter, ingest } from "./ingest";

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
        summary:
          "Inbound messages of a channel (API channel: signed with X-Parley-Signature, see docs/api-channel.md; Telegram webhook mode: X-Telegram-Bot-Api-Secret-Token)",
        params: z.object({ kind: z.string().max(20), channelId: z.string().max(40) }),
        response: {
          200: webhookResponse,
          400: errorBody,
          401: errorBody,
          403: errorBody,
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
        result = await connectorFor(kind).receive({ channel, headers: req.headers, rawBody }, ctx.connectors);
      } catch (err) {
        if (err instanceof VerificationError) {
          if (err.status === 403) throw new AppError(403, "forbidden", err.message);
          throw new AppError(401, "invalid_signature", err.message);
        }
        if (err instanceof ConnectorError) {
          // A media download from the messenger failed: it delivers the update again later.
          req.log.warn({ channelId, reason: err.message }, "inbound update could not be prepared");
          throw new AppError(503, "unavailable", "The update could not be processed right now; retry later.");
        }
        throw err;
      }
      if (result.kind === "unparseable") {
        // Verified but unusable: kept for inspection, never dropped silently.
        await deadLetter(ctx.db, channel, result.reason, rawBody.toString("utf8"));
        throw new AppError(400, "invalid_payload", result.reason, result.details);
      }
      try {
        const { messageIds, duplicate } = await ingest({ db: ctx.db, bus: ctx.bus, batcher }, channel, result);
        return { ok: true as const, messageIds, duplicate };
      } catch (err) {
        req.log.error({ err, channelId }, "inbound message could not be stored");
        throw new AppError(503, "unavailable", "The message could not be stored right now; retry later.");
      }
    },
  );
};
