import { z } from "zod";
import { messagePart } from "./inbox";

/**
 * The web widget channel (P21): what the admin sets, what the visitor's widget is told, and what
 * the widget and Parley say to each other. Shared by the server, the manager's app and the widget.
 */

/** An origin such as `https://shop.example` or `http://localhost:8080` (no path). */
export const widgetOrigin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, { message: "An origin looks like https://shop.example" })
  .transform((o) => o.toLowerCase());

export const widgetPositions = ["right", "left"] as const;
export type WidgetPosition = (typeof widgetPositions)[number];

/** Widget channel config as the admin gives it; every field has a default. */
export const widgetChannelConfig = z.object({
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { message: "A colour looks like #228be6" })
    .default("#228be6"),
  greeting: z.string().trim().max(500).default(""),
  position: z.enum(widgetPositions).default("right"),
  /** Sites allowed to show the widget. Parley's own pages (the sandbox) are always allowed. */
  allowedOrigins: z.array(widgetOrigin).max(50).default([]),
  /** When true, only visitors whose identity the site signed may write. */
  identityRequired: z.boolean().default(false),
});
export type WidgetChannelConfig = z.infer<typeof widgetChannelConfig>;

/** What the widget is told about its channel (public). */
export const widgetAppearance = z.object({
  name: z.string(),
  color: z.string(),
  greeting: z.string(),
  position: z.enum(widgetPositions),
});
export type WidgetAppearance = z.infer<typeof widgetAppearance>;

/**
 * A signed identity: `hash` is the hex HMAC-SHA256 of `id` with the channel's secret, computed by the
 * site's server. A verified visitor's conversation follows them across browsers.
 */
export const widgetIdentity = z.object({
  id: z.string().trim().min(1).max(200),
  hash: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, { message: "hash must be a hex HMAC-SHA256" }),
  name: z.string().trim().max(200).optional(),
  email: z.string().trim().max(254).optional(),
});
export type WidgetIdentity = z.infer<typeof widgetIdentity>;

/** `POST /widget/:channelId/session`. */
export const widgetSessionRequest = z.object({
  /** The token this browser was given before (local storage); a missing or stale one starts anew. */
  visitorToken: z.string().max(500).optional(),
  identity: widgetIdentity.optional(),
});
export type WidgetSessionRequest = z.input<typeof widgetSessionRequest>;

/** A message as the visitor sees it: only real messages (never notes, events or anything internal). */
export const widgetMessage = z.object({
  id: z.uuid(),
  direction: z.enum(["in", "out"]),
  author: z.object({
    kind: z.enum(["client", "user", "bot"]),
    name: z.string(),
    /** The manager's avatar (absolute path on Parley, e.g. `/widget/<channel>/avatars/<user>?v=2`). */
    avatarUrl: z.string().nullable(),
  }),
  text: z.string().nullable(),
  /** Media URLs are paths on Parley (`/widget/<channel>/files/<file>?s=…`): resolve them against its origin. */
  parts: z.array(messagePart),
  replyTo: z.object({ id: z.uuid(), text: z.string().nullable(), authorName: z.string() }).nullable(),
  editedAt: z.iso.datetime().nullable(),
  deletedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type WidgetMessage = z.infer<typeof widgetMessage>;

export const widgetSessionResponse = z.object({
  visitorToken: z.string(),
  visitor: z.object({ name: z.string().nullable(), verified: z.boolean() }),
  channel: widgetAppearance,
  /** The last messages, oldest first. */
  messages: z.array(widgetMessage),
  hasMore: z.boolean(),
});
export type WidgetSessionResponse = z.infer<typeof widgetSessionResponse>;

/** `GET /widget/:channelId/messages?before=&limit=` (Authorization: Bearer <visitorToken>). */
export const widgetMessagesQuery = z.object({
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const widgetMessagesResponse = z.object({ items: z.array(widgetMessage), hasMore: z.boolean() });
export type WidgetMessagesResponse = z.infer<typeof widgetMessagesResponse>;

/** `POST /widget/:channelId/messages` (Authorization: Bearer <visitorToken>). */
export const widgetSendRequest = z
  .object({
    /** Made by the widget once per message: a retried send is stored once. */
    clientMessageId: z.uuid(),
    text: z.string().trim().max(4096).optional(),
    /** Files uploaded with `POST /widget/:channelId/files`. */
    attachments: z
      .array(z.object({ fileId: z.uuid() }))
      .max(10)
      .optional(),
  })
  .refine((b) => (b.text?.length ?? 0) > 0 || (b.attachments?.length ?? 0) > 0, {
    message: "Write a message first",
    path: ["text"],
  });
export type WidgetSendRequest = z.input<typeof widgetSendRequest>;
export const widgetSendResponse = z.object({ message: widgetMessage });

/** `POST /widget/:channelId/files` (multipart field `file`). */
export const widgetFile = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int() });
export const widgetFileResponse = z.object({ file: widgetFile });
export type WidgetFile = z.infer<typeof widgetFile>;

/**
 * Socket.IO namespace `/widget` (path `/socket.io`), handshake `auth: {channelId, visitorToken}`.
 * Server → widget: `message` (a WidgetMessage, new or changed: upsert by id), `typing`
 * ({name, typing}). Widget → server: `typing` ({typing}).
 * Manager sockets (default namespace): emit `typing` ({chatId, typing}); receive `typing`
 * ({workspaceId, chatId, author: "client"|"user", userId?, name, typing}).
 */
export const widgetNamespace = "/widget";
export const widgetSocketEvents = { message: "message", typing: "typing" } as const;
export const widgetTypingFromVisitor = z.object({ typing: z.boolean() });
export const widgetTypingToVisitor = z.object({ name: z.string(), typing: z.boolean() });
export type WidgetTypingToVisitor = z.infer<typeof widgetTypingToVisitor>;

export const managerTypingRequest = z.object({ chatId: z.uuid(), typing: z.boolean() });
export const typingEvent = z.object({
  workspaceId: z.uuid(),
  chatId: z.uuid(),
  author: z.enum(["client", "user"]),
  userId: z.uuid().optional(),
  name: z.string(),
  typing: z.boolean(),
});
export type TypingEvent = z.infer<typeof typingEvent>;

/** Where a widget channel's sandbox page is: a page of Parley where you play the visitor. */
export const sandboxPath = (channelId: string) => `/sandbox/${channelId}`;

/** The script tag an admin pastes into their site. */
export function widgetSnippet(parleyOrigin: string, channelId: string): string {
  return `<script src="${parleyOrigin}/widget.js" data-parley-channel="${channelId}" async></script>`;
}
