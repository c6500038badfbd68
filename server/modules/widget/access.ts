import { type WidgetChannelConfig, widgetChannelConfig } from "../../../common/widget";
import type { Ctx } from "../../context";
import type { ChannelRow } from "../../db/schema";
import { AppError, notFound } from "../../http/errors";
import { isOwnOrigin } from "../../http/guard";
import { isUuid } from "../../lib/ids";
import { ChannelCache } from "../inbound/channel-cache";
import { readVisitorToken, type Visitor } from "./visitor";

export type WidgetChannelRow = ChannelRow & { widget: WidgetChannelConfig };
type PageHeaders = { origin?: string | undefined; host?: string | undefined; authorization?: string | undefined };

/**
 * Who may use a widget channel: its active channel row (cached briefly), the page's origin (the
 * admin's allowed sites, or Parley's own pages such as the sandbox), and the visitor's token.
 */
export class WidgetAccess {
  private readonly channels: ChannelCache;

  constructor(private readonly ctx: Ctx) {
    this.channels = new ChannelCache(ctx.db);
    ctx.bus.onEvent((e) => {
      if (e.type.startsWith("channel.") && typeof e.payload.channelId === "string")
        this.channels.forget(e.payload.channelId);
    });
  }

  /** The active widget channel, or 404 (missing, removed, paused or not a widget). */
  async channel(channelId: string): Promise<WidgetChannelRow> {
    const row = isUuid(channelId) ? await this.channels.get(channelId, "widget") : null;
    if (row?.status !== "active") throw notFound("This chat");
    const parsed = widgetChannelConfig.safeParse(row.config);
    if (!parsed.success) throw notFound("This chat");
    return { ...row, widget: parsed.data };
  }

  /**
   * Refuses a page whose origin the admin did not allow. Browsers always send `Origin` on the widget's
   * cross-site requests and WebSocket handshakes; a request without one is not from another site's page.
   */
  checkOrigin(channel: WidgetChannelRow, origin: string | undefined, host: string | undefined): void {
    if (!origin) return;
    const o = origin.toLowerCase();
    if (channel.widget.allowedOrigins.includes(o) || isOwnOrigin(this.ctx, host, origin)) return;
    throw new AppError(
      403,
      "origin_not_allowed",
      `This chat may not be shown on ${origin}. An admin can add the site in the channel's settings.`,
    );
  }

  /** The channel of a page's request (404) from an allowed origin (403). */
  async forPage(channelId: string, headers: PageHeaders): Promise<WidgetChannelRow> {
    const channel = await this.channel(channelId);
    this.checkOrigin(channel, headers.origin, headers.host);
    return channel;
  }

  /** As `forPage`, and the visitor behind the request's token (401). */
  async forVisitor(channelId: string, headers: PageHeaders): Promise<{ channel: WidgetChannelRow; visitor: Visitor }> {
    const channel = await this.forPage(channelId, headers);
    return { channel, visitor: this.visitor(channel, headers.authorization) };
  }

  /** The visitor behind `Authorization: Bearer <visitor token>`, or 401. */
  visitor(channel: ChannelRow, authorization: string | undefined): Visitor {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
    const visitor = readVisitorToken(channel.secret, channel.id, token);
    if (!visitor)
      throw new AppError(401, "invalid_visitor", "This chat session is not valid any more; reload the page.");
    return visitor;
  }
}
