import type { ChannelKind, MessagePart } from "../../common/inbox";
import type { ChannelRow } from "../db/schema";

/** Typed connector failures; the delivery worker decides retry vs fail from `kind`. */
export type ConnectorErrorKind = "rate_limited" | "blocked" | "invalid" | "auth" | "temporary";

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export type Capabilities = {
  edit: boolean;
  /** Hours after sending during which a message can be deleted; 0 = never. */
  deleteWindowHours: number;
  voice: boolean;
  buttons: boolean;
  reply: boolean;
  readReceipts: boolean;
};

/** A normalized inbound event: what any messenger's update becomes. */
export type InboundMessage = {
  eventId: string;
  client: {
    externalId: string;
    name?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
    avatarUrl?: string | undefined;
  };
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

/** What a webhook yields: events to store, or a payload that verified but cannot be parsed. */
export type ReceiveResult =
  | { kind: "events"; events: InboundMessage[] }
  | { kind: "unparseable"; reason: string; details?: unknown };

export type Outgoing = {
  deliveryId: string;
  messageId: string;
  chat: { id: string; externalId: string };
  text: string | null;
  parts: MessagePart[];
  replyToExternalId: string | null;
  authorName: string;
};

export type ChannelSetup = { config: Record<string, unknown>; secret: string };

export interface Connector {
  readonly kind: ChannelKind;
  readonly capabilities: Capabilities;
  /** Validates the admin's config and prepares the channel (e.g. checks a bot token). */
  setup(config: Record<string, unknown>): Promise<ChannelSetup>;
  /** The part of the config that may be shown to members (never tokens or other secrets). */
  publicConfig(config: Record<string, unknown>): Record<string, unknown>;
  /** Verifies the request's signature (throws VerificationError) and parses it. */
  receive(req: ReceiveRequest): Promise<ReceiveResult>;
  /** Sends one message; returns the messenger's id for it. Throws ConnectorError. */
  send(channel: ChannelRow, out: Outgoing): Promise<{ externalId: string }>;
}

export class VerificationError extends Error {}
