import { type ApiOutboundBody, apiChannelConfig, apiInboundBody } from "../../../common/inbox";
import { AppError } from "../../http/errors";
import { newSecret } from "../../lib/secrets";
import { type Connector, ConnectorError, type InboundMessage, VerificationError } from "../types";
import { sign, signatureHeader, verify } from "./signature";

const sendTimeoutMs = 10_000;

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * The API channel (P21): any system sends its clients' messages to Parley over signed HTTP and
 * receives the managers' answers at its own URL, signed the same way.
 */
export const apiConnector: Connector = {
  kind: "api",
  capabilities: { edit: false, deleteWindowHours: 0, voice: false, buttons: true, reply: true, media: false },

  async setup(config) {
    const parsed = apiChannelConfig.safeParse(config);
    if (!parsed.success) {
      throw new AppError(
        400,
        "validation_failed",
        "An API channel needs config.outboundUrl, an http(s) URL.",
        parsed.error.issues,
      );
    }
    return { config: parsed.data, secret: newSecret("whsec_", 32) };
  },

  publicConfig(config) {
    return { outboundUrl: config.outboundUrl };
  },

  async receive({ channel, headers, rawBody }) {
    if (!verify(channel.secret, rawBody, headers[signatureHeader])) {
      throw new VerificationError("The X-Parley-Signature header is missing or does not match the body.");
    }
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString("utf8"));
    } catch {
      return { kind: "unparseable", reason: "The body is not valid JSON." };
    }
    const parsed = apiInboundBody.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      return {
        kind: "unparseable",
        reason: `The body does not match the API channel format: ${issues[0]?.path || "body"}: ${issues[0]?.message}`,
        details: issues,
      };
    }
    const { eventId, client, message } = parsed.data;
    const text = message.text ?? null;
    const event: InboundMessage = {
      eventId,
      client,
      message: {
        externalId: message.externalId,
        text: text && text.length > 0 ? text : null,
        parts: message.parts ?? [],
        replyToExternalId: message.replyToExternalId ?? null,
        sentAt: message.sentAt ? new Date(message.sentAt) : null,
      },
    };
    return { kind: "events", events: [event] };
  },

  async send(channel, out) {
    const { outboundUrl } = apiChannelConfig.parse(channel.config);
    const body: ApiOutboundBody = {
      deliveryId: out.deliveryId,
      messageId: out.messageId,
      chat: { id: out.chat.id, clientExternalId: out.chat.externalId },
      message: {
        text: out.text,
        parts: out.parts,
        replyToExternalId: out.replyToExternalId,
        author: { name: out.authorName },
      },
    };
    const raw = JSON.stringify(body);
    let res: Response;
    try {
      res = await fetch(outboundUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [signatureHeader]: sign(channel.secret, raw),
          "x-parley-delivery-id": out.deliveryId,
          "user-agent": "Parley",
        },
        body: raw,
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
    } catch (err) {
      throw new ConnectorError("temporary", `Could not reach ${new URL(outboundUrl).host}: ${(err as Error).message}`);
    }
    const text = await res.text().catch(() => "");
    if (res.status === 429)
      throw new ConnectorError(
        "rate_limited",
        "The outbound URL asked to slow down (429).",
        parseRetryAfter(res.headers.get("retry-after")),
      );
    if (res.status >= 500 || res.status === 408)
      throw new ConnectorError("temporary", `The outbound URL answered ${res.status}.`);
    if (res.status === 401 || res.status === 403)
      throw new ConnectorError("auth", `The outbound URL refused the request (${res.status}): ${text.slice(0, 200)}`);
    if (res.status >= 300)
      throw new ConnectorError("invalid", `The outbound URL answered ${res.status}: ${text.slice(0, 200)}`);
    let externalId: unknown;
    try {
      externalId = (JSON.parse(text) as { externalId?: unknown }).externalId;
    } catch {
      externalId = undefined;
    }
    if (typeof externalId !== "string" && typeof externalId !== "number") {
      throw new ConnectorError("invalid", 'The outbound URL answered without {"externalId": "…"}.');
    }
    return { externalId: String(externalId) };
  },
};
