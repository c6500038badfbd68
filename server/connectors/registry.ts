import type { ChannelCapabilities, ChannelKind } from "../../common/inbox";
import { AppError } from "../http/errors";
import { apiConnector } from "./api/connector";
import { telegramConnector } from "./telegram/connector";
import type { Connector } from "./types";
import { widgetConnector } from "./widget/connector";

const connectors = new Map<ChannelKind, Connector>([
  [apiConnector.kind, apiConnector],
  [telegramConnector.kind, telegramConnector],
  [widgetConnector.kind, widgetConnector],
]);

const none: ChannelCapabilities = {
  edit: false,
  deleteWindowHours: 0,
  voice: false,
  buttons: false,
  reply: false,
  media: false,
};

/** What a kind of channel can do (nothing, for a kind without a connector). */
export function capabilitiesOf(kind: string): ChannelCapabilities {
  return connectors.get(kind as ChannelKind)?.capabilities ?? none;
}

/** Every connector, for the parts of Parley that serve them all (pollers). */
export function allConnectors(): Connector[] {
  return [...connectors.values()];
}

/** The one place that knows which connectors exist. */
export function connectorFor(kind: string): Connector {
  const c = connectors.get(kind as ChannelKind);
  if (!c) throw new AppError(400, "validation_failed", `Channels of kind '${kind}' are not available yet.`);
  return c;
}

export function hasConnector(kind: string): boolean {
  return connectors.has(kind as ChannelKind);
}

/** For tests: a connector double under a real kind. Returns a function that restores the original. */
export function replaceConnector(connector: Connector): () => void {
  const previous = connectors.get(connector.kind);
  connectors.set(connector.kind, connector);
  return () => {
    if (previous) connectors.set(connector.kind, previous);
    else connectors.delete(connector.kind);
  };
}
