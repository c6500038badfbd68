import type { ChannelCapabilities, ChannelKind, ChatStatus, MessagePart } from "../../common/inbox";
import type { ChannelRow } from "../db/schema";
import type { RateLimiter } from "./rate-limit";

/**
 * Typed connector failures; the delivery worker decides retry vs fail from `kind`. `throttled` means
 * our own rate limiter said "not yet": the job waits without spending an attempt.
 */
export type ConnectorErrorKind = "rate_limited" | "throttled" | "blocked" | "invalid" | "auth" | "temporary";

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export type Capabilities = ChannelCapabilities;

/** A normalized inbound event: what any messenger's update becomes. */
export type InboundMessage = {
  eventId: string;
  client: {
    externalId: string;
    name?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
    avatarUrl?: string | undefined;
    /** The name a new client gets when `name` is not given (never overwrites a name already known). */
    fallbackName?: string | undefined;
  };
  /** `event`: something the client did rather than wrote (a button press); shown as an action. */
  kind?: "message" | "event";
  /** A deep-link start (`/start <code>`): recorded as a subscription with its lead-generation code. */
  start?: { code: string | null };
  message: {
    externalId: string;
    text: string | null;
    parts: MessagePart[];
    replyToExternalId: string | null;
    sentAt: Date | null;
  };
};

export type ReceiveRequest = {
  channel: ChannelRow;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
};

/** Changes to what is already stored: a client's edit, or the client's status in the messenger. */
export type InboundUpdate =
  | {
      type: "edit";
      eventId: string;
      chatExternalId: string;
      messageExternalId: string;
      text: string | null;
      editedAt: Date;
    }
  | { type: "status"; eventId: string; chatExternalId: string; status: ChatStatus; at: Date };

/** What a webhook yields: events to store, or a payload that verified but cannot be parsed. */
export type ReceiveResult =
  | { kind: "events"; events: InboundMessage[]; updates?: InboundUpdate[] }
  | { kind: "unparseable"; reason: string; details?: unknown };

/** A stored file as a connector sees it. */
export type StoredMedia = { fileId: string; name: string; mime: string; size: number; url: string };

/** Files for connectors: inbound media are saved here, outbound media read from here. */
export interface MediaStore {
  readonly limit: number;
  save(workspaceId: string, data: Buffer, name: string): Promise<StoredMedia>;
  read(workspaceId: string, fileId: string): Promise<{ data: Buffer; name: string; mime: string } | null>;
}

/** What the process gives connectors: file storage, the shared rate limiter, the public URL. */
export type ConnectorEnv = {
  files: MediaStore;
  limiter: RateLimiter;
  /** `PARLEY_PUBLIC_URL`, needed to register webhooks with a messenger. */
  publicUrl: string | null;
};

/** The messenger message(s) an edit or delete addresses. */
export type Target = {
  chat: { id: string; externalId: string };
  externalIds: string[];
  text: string | null;
  parts: MessagePart[];
};

export type Outgoing = {
  deliveryId: string;
  messageId: string;
  chat: { id: string; externalId: string };
  text: string | null;
  parts: MessagePart[];
  replyToExternalId: string | null;
  authorName: string;
};

/** A prepared channel; `name` is what the messenger calls it (used when the admin gave none). */
export type ChannelSetup = {
  config: Record<string, unknown>;
  secret: string;
  name?: string;
  /** A config field no other live channel of this kind may share (one bot, one channel). */
  exclusive?: { field: string; value: string };
};

export type Sent = { externalId: string; externalIds?: string[] };

export interface Connector {
  readonly kind: ChannelKind;
  readonly capabilities: Capabilities;
  /** Validates the admin's config and prepares the channel (e.g. checks a bot token). */
  setup(config: Record<string, unknown>, env: ConnectorEnv, previous?: ChannelRow): Promise<ChannelSetup>;
  /** After the channel row exists or changed: e.g. register or remove the messenger's webhook. */
  activate?(channel: ChannelRow, env: ConnectorEnv): Promise<void>;
  /** The part of the config that may be shown to members (never tokens or other secrets). */
  publicConfig(config: Record<string, unknown>): Record<string, unknown>;
  /** Verifies the request's signature (throws VerificationError) and parses it. */
  receive(req: ReceiveRequest, env: ConnectorEnv): Promise<ReceiveResult>;
  /** Long polling: true when this channel's updates are fetched by `poll` rather than pushed. */
  polls?(channel: ChannelRow): boolean;
  /** Fetches the updates after `cursor` (waiting for some up to a while); returns the next cursor. */
  poll?(
    channel: ChannelRow,
    cursor: string | null,
    signal: AbortSignal,
    env: ConnectorEnv,
  ): Promise<{ result: ReceiveResult; cursor: string | null }>;
  /** Sends one message; returns the messenger's id(s) for it. Throws ConnectorError. */
  send(channel: ChannelRow, out: Outgoing, env: ConnectorEnv): Promise<Sent>;
  edit?(channel: ChannelRow, target: Target, env: ConnectorEnv): Promise<void>;
  delete?(channel: ChannelRow, target: Target, env: ConnectorEnv): Promise<void>;
}

/** A webhook that is not from the messenger: 401 for a bad signature, 403 for a wrong secret token. */
export class VerificationError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 403 = 401,
  ) {
    super(message);
  }
}
