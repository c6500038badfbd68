import type { Kysely } from "kysely";
import type { MessageDto, MessagePart } from "../../../common/inbox";
import type { WidgetMessage } from "../../../common/widget";
import type { DB } from "../../db/schema";
import { widgetFileUrl } from "./visitor";

/** Only real messages reach the visitor: never notes, events or anything else internal. */
export const isPublic = (m: Pick<MessageDto, "kind">) => m.kind === "message";

export type WidgetChannel = { id: string; secret: string };

/** What presenting needs beyond the messages: managers' avatars, and which quoted messages are public. */
export type WidgetContext = { avatars: Map<string, string | null>; publicReplies: Set<string> };

export async function widgetContext(
  db: Kysely<DB>,
  workspaceId: string,
  channelId: string,
  messages: MessageDto[],
): Promise<WidgetContext> {
  const userIds = [...new Set(messages.map((m) => m.author.userId).filter((x): x is string => x !== undefined))];
  const replyIds = [...new Set(messages.map((m) => m.replyTo?.id).filter((x): x is string => x !== undefined))];
  const users =
    userIds.length === 0
      ? []
      : await db.selectFrom("users").select(["id", "avatar_version"]).where("id", "in", userIds).execute();
  const replies =
    replyIds.length === 0
      ? []
      : await db
          .selectFrom("messages")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("id", "in", replyIds)
          .where("kind", "=", "message")
          .execute();
  return {
    // A path on Parley the visitor's browser may load (null: the manager has no avatar).
    avatars: new Map(
      users.map((r) => [r.id, r.avatar_version ? `/widget/${channelId}/avatars/${r.id}?v=${r.avatar_version}` : null]),
    ),
    publicReplies: new Set(replies.map((r) => r.id)),
  };
}

function visitorPart(channel: WidgetChannel, part: MessagePart): MessagePart {
  if ("fileId" in part && part.fileId) return { ...part, url: widgetFileUrl(channel.secret, channel.id, part.fileId) };
  return part;
}

/** A message as the visitor sees it; call only for public messages. */
export function presentWidgetMessage(channel: WidgetChannel, m: MessageDto, context: WidgetContext): WidgetMessage {
  const kind = m.author.kind === "client" ? "client" : m.author.kind === "user" ? "user" : "bot";
  return {
    id: m.id,
    direction: m.direction,
    author: {
      kind,
      name: m.author.name,
      avatarUrl: m.author.userId ? (context.avatars.get(m.author.userId) ?? null) : null,
    },
    text: m.text,
    parts: m.parts.map((p) => visitorPart(channel, p)),
    // A quote of a note would show its text: only quotes of public messages are kept.
    replyTo: m.replyTo && context.publicReplies.has(m.replyTo.id) ? m.replyTo : null,
    editedAt: m.editedAt,
    deletedAt: m.deletedAt,
    createdAt: m.createdAt,
  };
}

export async function presentWidgetMessages(
  db: Kysely<DB>,
  workspaceId: string,
  channel: WidgetChannel,
  messages: MessageDto[],
): Promise<WidgetMessage[]> {
  const shown = messages.filter(isPublic);
  const context = await widgetContext(db, workspaceId, channel.id, shown);
  return shown.map((m) => presentWidgetMessage(channel, m, context));
}
