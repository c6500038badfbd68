import { z } from "zod";

export const channelKinds = ["api", "telegram", "vk", "widget"] as const;
export const channelKind = z.enum(channelKinds);
export type ChannelKind = z.infer<typeof channelKind>;

export const chatStatuses = ["subscribed", "unsubscribed", "blocked", "connection_lost"] as const;
export type ChatStatus = (typeof chatStatuses)[number];

/** What a channel's messenger can do; the UI offers only these actions and says why others are missing. */
export const channelCapabilities = z.object({
  edit: z.boolean(),
  /** Hours after sending during which a message can be deleted; 0 = never. */
  deleteWindowHours: z.number(),
  voice: z.boolean(),
  buttons: z.boolean(),
  reply: z.boolean(),
  media: z.boolean(),
});
export type ChannelCapabilities = z.infer<typeof channelCapabilities>;

export const channelDto = z.object({
  id: z.uuid(),
  kind: channelKind,
  name: z.string(),
  status: z.enum(["active", "paused"]),
  config: z.record(z.string(), z.unknown()),
  /** Where the messenger (or your system) delivers inbound messages. */
  webhookUrl: z.string(),
  capabilities: channelCapabilities,
  lastUpdateAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ChannelDto = z.infer<typeof channelDto>;

export const apiChannelConfig = z.object({
  outboundUrl: z.url({ protocol: /^https?$/, message: "outboundUrl must be an http(s) URL" }),
});

/** Telegram channel config as the admin gives it; `token` is never shown back. */
export const telegramChannelConfig = z.object({
  token: z
    .string()
    .trim()
    .regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, { message: "This does not look like a bot token from @BotFather" }),
  apiBaseUrl: z.url({ protocol: /^https?$/, message: "apiBaseUrl must be an http(s) URL" }).optional(),
  mode: z.enum(["polling", "webhook"]).default("polling"),
});
export type TelegramChannelConfig = z.infer<typeof telegramChannelConfig>;

export const createChannelRequest = z.object({
  kind: channelKind,
  /** Optional for messengers that name the channel themselves (Telegram: the bot's name). */
  name: z.string().trim().min(1).max(80).optional(),
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

const httpUrl = z.url({ protocol: /^https?$/ });
export const mediaTypes = ["image", "video", "audio", "voice", "file", "sticker"] as const;
const mediaFields = {
  name: z.string().max(255).optional(),
  mime: z.string().max(100).optional(),
  size: z.number().int().nonnegative().optional(),
};
const otherParts = [
  z.object({ type: z.literal("text"), text: z.string().max(10_000) }),
  z.object({
    type: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  }),
  z.object({ type: z.literal("contact"), name: z.string().max(200), phone: z.string().max(50) }),
  z.object({ type: z.literal("button"), text: z.string().max(100), url: httpUrl }),
] as const;

/**
 * A part of a message as Parley presents it. Media stored by Parley carry `fileId` and a URL of the
 * files API (relative to the app); media of the API channel may point at the sender's http(s) URL.
 */
export const messagePart = z.discriminatedUnion("type", [
  z.object({ type: z.enum(mediaTypes), url: z.string().max(2000), fileId: z.uuid().optional(), ...mediaFields }),
  ...otherParts,
]);
/** Parts an outside system may send: media only by an absolute http(s) URL. */
export const inboundMessagePart = z.discriminatedUnion("type", [
  z.object({ type: z.enum(mediaTypes), url: httpUrl, ...mediaFields }),
  ...otherParts,
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
  /** When the messenger accepted it (outgoing messages); the delete window counts from here. */
  sentAt: z.iso.datetime().nullable(),
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
  channel: z.object({ id: z.uuid(), kind: channelKind, name: z.string(), capabilities: channelCapabilities }),
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

export const sendMessageRequest = z
  .object({
    text: z.string().trim().max(4096).optional(),
    replyToId: z.uuid().optional(),
    /** Uploaded files (`POST …/files`), sent in order as the messenger's native media. */
    attachments: z
      .array(z.object({ fileId: z.uuid(), asVoice: z.boolean().optional() }))
      .max(10)
      .optional(),
    /** Link buttons under the message (where the messenger supports them). */
    buttons: z
      .array(z.object({ text: z.string().trim().min(1).max(64), url: httpUrl }))
      .max(8)
      .optional(),
  })
  .refine((b) => (b.text?.length ?? 0) > 0 || (b.attachments?.length ?? 0) > 0, {
    message: "Write a message first",
    path: ["text"],
  });
export type SendMessageRequest = z.input<typeof sendMessageRequest>;

export const editMessageRequest = z.object({
  text: z.string().trim().min(1, { message: "Write a message first" }).max(4096),
});
export type EditMessageRequest = z.infer<typeof editMessageRequest>;

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
      parts: z.array(inboundMessagePart).max(20).optional(),
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
