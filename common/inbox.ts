import { z } from "zod";

export const channelKinds = ["api", "telegram", "vk", "widget"] as const;
export const channelKind = z.enum(channelKinds);
export type ChannelKind = z.infer<typeof channelKind>;

export const chatStatuses = ["subscribed", "unsubscribed", "blocked", "connection_lost"] as const;
export type ChatStatus = (typeof chatStatuses)[number];

export const channelDto = z.object({
  id: z.uuid(),
  kind: channelKind,
  name: z.string(),
  status: z.enum(["active", "paused"]),
  config: z.record(z.string(), z.unknown()),
  /** Where the messenger (or your system) delivers inbound messages. */
  webhookUrl: z.string(),
  lastUpdateAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ChannelDto = z.infer<typeof channelDto>;

export const apiChannelConfig = z.object({
  outboundUrl: z.url({ protocol: /^https?$/, message: "outboundUrl must be an http(s) URL" }),
});

export const createChannelRequest = z.object({
  kind: channelKind,
  name: z.string().trim().min(1).max(80),
  config: z.record(z.string(), z.unknown()).default({}),
});
export type CreateChannelRequest = z.input<typeof createChannelRequest>;

export const updateChannelRequest = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  status: z.enum(["active", "paused"]).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const createdChannel = z.object({
  channel: channelDto,
  /** The signing secret (API channel): shown at creation and on request by admins. */
  secret: z.string().optional(),
});

export const messagePart = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().max(10_000) }),
  z.object({
    type: z.enum(["image", "video", "audio", "voice", "file", "sticker"]),
    url: z.url({ protocol: /^https?$/ }),
    name: z.string().max(255).optional(),
    mime: z.string().max(100).optional(),
    size: z.number().int().nonnegative().optional(),
  }),
  z.object({
    type: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  }),
  z.object({ type: z.literal("contact"), name: z.string().max(200), phone: z.string().max(50) }),
  z.object({ type: z.literal("button"), text: z.string().max(100), url: z.url({ protocol: /^https?$/ }) }),
]);
export type MessagePart = z.infer<typeof messagePart>;

export const messageKinds = ["message", "note", "event"] as const;
export const authorKinds = ["client", "bot", "page", "user", "system"] as const;
export const messageStatuses = ["queued", "sent", "delivered", "read", "failed"] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const replyToDto = z.object({ id: z.uuid(), text: z.string().nullable(), authorName: z.string() });

export const messageDto = z.object({
  id: z.uuid(),
  chatId: z.uuid(),
  kind: z.enum(messageKinds),
  direction: z.enum(["in", "out"]),
  author: z.object({ kind: z.enum(authorKinds), userId: z.uuid().optional(), name: z.string() }),
  text: z.string().nullable(),
  parts: z.array(messagePart),
  replyTo: replyToDto.nullable(),
  status: z.enum(messageStatuses).nullable(),
  error: z.string().nullable(),
  editedAt: z.iso.datetime().nullable(),
  deletedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type MessageDto = z.infer<typeof messageDto>;

export const chatDto = z.object({
  id: z.uuid(),
  client: z.object({
    id: z.uuid(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    status: z.enum(chatStatuses),
  }),
  channel: z.object({ id: z.uuid(), kind: channelKind, name: z.string() }),
  unreadCount: z.number().int(),
  lastMessage: z
    .object({
      id: z.uuid(),
      text: z.string().nullable(),
      direction: z.enum(["in", "out"]),
      createdAt: z.iso.datetime(),
    })
    .nullable(),
  lastActivityAt: z.iso.datetime(),
  /** The person's other chats (other channels), for the channel switcher. */
  otherChats: z.array(
    z.object({
      id: z.uuid(),
      channel: z.object({ id: z.uuid(), kind: channelKind, name: z.string() }),
      unreadCount: z.number().int(),
      status: z.enum(chatStatuses),
    }),
  ),
});
export type ChatDto = z.infer<typeof chatDto>;

export const chatTabs = ["all", "unread", "important"] as const;
export const chatsQuery = z.object({
  tab: z.enum(chatTabs).default("all"),
  q: z.string().trim().max(100).optional(),
  order: z.enum(["newest", "oldest"]).default("newest"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ChatsQuery = z.input<typeof chatsQuery>;

export const chatsResponse = z.object({
  items: z.array(chatDto),
  nextCursor: z.string().nullable(),
  counts: z.object({ all: z.number().int(), unread: z.number().int() }),
});
export type ChatsResponse = z.infer<typeof chatsResponse>;

export const messagesQuery = z.object({
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const messagesResponse = z.object({ items: z.array(messageDto), hasMore: z.boolean() });
export type MessagesResponse = z.infer<typeof messagesResponse>;

export const sendMessageRequest = z.object({
  text: z.string().trim().min(1, { message: "Write a message first" }).max(4096),
  replyToId: z.uuid().optional(),
});
export type SendMessageRequest = z.infer<typeof sendMessageRequest>;

/** Body of `POST /webhooks/api/:channelId`, signed with X-Parley-Signature. */
export const apiInboundBody = z.object({
  eventId: z.string().min(1).max(200),
  client: z.object({
    externalId: z.string().min(1).max(200),
    name: z.string().max(200).optional(),
    phone: z.string().max(50).optional(),
    email: z.string().max(254).optional(),
    avatarUrl: z.url({ protocol: /^https?$/ }).optional(),
  }),
  message: z
    .object({
      externalId: z.string().min(1).max(200),
      text: z.string().max(10_000).optional(),
      parts: z.array(messagePart).max(20).optional(),
      replyToExternalId: z.string().max(200).optional(),
      sentAt: z.iso.datetime({ offset: true }).optional(),
    })
    .refine((m) => (m.text !== undefined && m.text.length > 0) || (m.parts?.length ?? 0) > 0, {
      message: "A message needs text or parts",
    }),
});
export type ApiInboundBody = z.infer<typeof apiInboundBody>;

/** What Parley POSTs to an API channel's outboundUrl, signed the same way. */
export const apiOutboundBody = z.object({
  deliveryId: z.uuid(),
  messageId: z.uuid(),
  chat: z.object({ id: z.uuid(), clientExternalId: z.string() }),
  message: z.object({
    text: z.string().nullable(),
    parts: z.array(messagePart),
    replyToExternalId: z.string().nullable(),
    author: z.object({ name: z.string() }),
  }),
});
export type ApiOutboundBody = z.infer<typeof apiOutboundBody>;

/** Realtime and catch-up event types of the inbox. */
export const inboxEvents = {
  messageCreated: "message.created",
  messageUpdated: "message.updated",
  chatUpdated: "chat.updated",
} as const;
