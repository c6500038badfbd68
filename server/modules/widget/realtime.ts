import type { Server, Socket } from "socket.io";
import { type ChatDto, inboxEvents, type MessageDto } from "../../../common/inbox";
import {
  managerTypingRequest,
  type TypingEvent,
  type WidgetTypingToVisitor,
  widgetNamespace,
  widgetSocketEvents,
  widgetTypingFromVisitor,
} from "../../../common/widget";
import type { Ctx } from "../../context";
import type { EventBus } from "../../events/bus";
import type { Actor } from "../../http/guard";
import { isUuid } from "../../lib/ids";
import { workspaceRoom } from "../../realtime/server";
import { WidgetAccess } from "./access";
import { isPublic, presentWidgetMessage, widgetContext } from "./present";
import { visitorChatId } from "./queries";
import { type Visitor, visitorDisplayName } from "./visitor";

const visitorRoom = (channelId: string, externalId: string) => `wv:${channelId}:${externalId}`;
const typingEveryMs = 1000;

/**
 * Per socket: lets every "stopped" through, and "typing" when it starts anew or at most once a
 * second while it goes on (a client that repeats it faster is not relayed more often).
 */
export function typingThrottle(now: () => number = Date.now): (typing: boolean) => boolean {
  let on = false;
  let last = 0;
  return (typing) => {
    if (!typing) {
      on = false;
      return true;
    }
    if (on && now() - last < typingEveryMs) return false;
    on = true;
    last = now();
    return true;
  };
}

type ChatInfo = {
  workspaceId: string;
  chatId: string;
  channelId: string;
  kind: string;
  externalId: string;
  secret: string;
};

/** Chat → channel and visitor, which never change: cached so that each event costs no lookup. */
class ChatInfoCache {
  private readonly entries = new Map<string, ChatInfo | null>();

  constructor(private readonly ctx: Ctx) {}

  async get(workspaceIds: string[], chatId: string): Promise<ChatInfo | null> {
    const hit = this.entries.get(chatId);
    if (hit !== undefined) return hit && workspaceIds.includes(hit.workspaceId) ? hit : null;
    if (workspaceIds.length === 0 || !isUuid(chatId)) return null;
    const row = await this.ctx.db
      .selectFrom("chats")
      .innerJoin("channels", (j) =>
        j.onRef("channels.workspace_id", "=", "chats.workspace_id").onRef("channels.id", "=", "chats.channel_id"),
      )
      .select([
        "chats.workspace_id",
        "chats.id",
        "chats.channel_id",
        "chats.external_id",
        "channels.kind",
        "channels.secret",
      ])
      .where("chats.workspace_id", "in", workspaceIds)
      .where("chats.id", "=", chatId)
      .executeTakeFirst();
    if (!row) return null;
    const info = {
      workspaceId: row.workspace_id,
      chatId: row.id,
      channelId: row.channel_id,
      kind: row.kind,
      externalId: row.external_id,
      secret: row.secret,
    };
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(chatId, info);
    return info;
  }
}

/**
 * The visitors' side of realtime: the `/widget` namespace. A visitor's socket (channel + visitor token,
 * from an allowed origin) joins the room of their conversation and receives its public messages as
 * they are committed and changed, and the managers' typing. Their typing goes to the managers.
 * Managers' typing (default namespace, `typing`) goes to the workspace's other managers and, for a
 * widget chat, to the visitor. Typing is never stored.
 */
export function attachWidgetRealtime(io: Server, ctx: Ctx, bus: EventBus): () => void {
  const access = new WidgetAccess(ctx);
  const chats = new ChatInfoCache(ctx);
  const visitorChats = new Map<string, string>();
  const widget = io.of(widgetNamespace);

  widget.use((socket, next) => {
    const auth = socket.handshake.auth as { channelId?: unknown; visitorToken?: unknown };
    const channelId = typeof auth.channelId === "string" ? auth.channelId : "";
    access
      .channel(channelId)
      .then((channel) => {
        access.checkOrigin(channel, socket.handshake.headers.origin, socket.handshake.headers.host);
        const token = typeof auth.visitorToken === "string" ? auth.visitorToken : "";
        socket.data.visitor = access.visitor(channel, `Bearer ${token}`);
        socket.data.channel = { id: channel.id, workspaceId: channel.workspace_id };
        next();
      })
      .catch((err: unknown) => {
        const code = (err as { code?: unknown }).code;
        next(new Error(typeof code === "string" ? code : "unavailable"));
      });
  });

  widget.on("connection", async (socket) => {
    const visitor = socket.data.visitor as Visitor;
    const channel = socket.data.channel as { id: string; workspaceId: string };
    await socket.join(visitorRoom(channel.id, visitor.externalId));
    const pass = typingThrottle();
    socket.on(widgetSocketEvents.typing, async (raw: unknown) => {
      const parsed = widgetTypingFromVisitor.safeParse(raw);
      if (!parsed.success || !pass(parsed.data.typing)) return;
      const key = `${channel.id}|${visitor.externalId}`;
      let chatId = visitorChats.get(key);
      if (!chatId) {
        const found = await visitorChatId(
          ctx.db,
          { id: channel.id, workspace_id: channel.workspaceId },
          visitor.externalId,
        ).catch(() => null);
        if (!found) return; // no conversation yet: nobody to tell
        chatId = found;
        if (visitorChats.size > 50_000) visitorChats.clear();
        visitorChats.set(key, chatId);
      }
      const event: TypingEvent = {
        workspaceId: channel.workspaceId,
        chatId,
        author: "client",
        name: visitorDisplayName(visitor),
        typing: parsed.data.typing,
      };
      io.to(workspaceRoom(channel.workspaceId)).emit(widgetSocketEvents.typing, event);
    });
  });

  io.on("connection", (socket: Socket) => {
    const pass = typingThrottle();
    socket.on(widgetSocketEvents.typing, async (raw: unknown) => {
      const parsed = managerTypingRequest.safeParse(raw);
      if (!parsed.success || !pass(parsed.data.typing)) return;
      const actor = socket.data.actor as Actor;
      const workspaces = [...socket.rooms].filter((r) => r.startsWith("ws:")).map((r) => r.slice(3));
      const chat = await chats.get(workspaces, parsed.data.chatId).catch(() => null);
      if (!chat) return;
      const event: TypingEvent = {
        workspaceId: chat.workspaceId,
        chatId: chat.chatId,
        author: "user",
        userId: actor.user.id,
        name: actor.user.name,
        typing: parsed.data.typing,
      };
      socket.to(workspaceRoom(chat.workspaceId)).emit(widgetSocketEvents.typing, event);
      if (chat.kind === "widget") {
        const toVisitor: WidgetTypingToVisitor = { name: actor.user.name, typing: parsed.data.typing };
        widget.to(visitorRoom(chat.channelId, chat.externalId)).emit(widgetSocketEvents.typing, toVisitor);
      }
    });
  });

  // Committed messages of widget chats go to their visitor (this process publishes what it committed;
  // the Redis adapter carries it to the process holding the visitor's socket).
  return bus.onEvent((event) => {
    if (event.type !== inboxEvents.messageCreated && event.type !== inboxEvents.messageUpdated) return;
    const message = event.payload.message as MessageDto | undefined;
    if (!message || !isPublic(message)) return;
    const kind = (event.payload.chat as ChatDto | undefined)?.channel.kind;
    if (kind !== undefined && kind !== "widget") return;
    void (async () => {
      const chat = await chats.get([event.workspaceId], message.chatId);
      if (chat?.kind !== "widget") return;
      const context = await widgetContext(ctx.db, chat.workspaceId, chat.channelId, [message]);
      const dto = presentWidgetMessage({ id: chat.channelId, secret: chat.secret }, message, context);
      widget.to(visitorRoom(chat.channelId, chat.externalId)).emit(widgetSocketEvents.message, dto);
    })().catch((err: unknown) => ctx.log.warn({ err }, "widget message could not be forwarded"));
  });
}
