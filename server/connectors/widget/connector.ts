import { widgetChannelConfig } from "../../../common/widget";
import { AppError } from "../../http/errors";
import { newSecret } from "../../lib/secrets";
import { type Connector, VerificationError } from "../types";

/**
 * The web widget (P21): visitors write from a script on the company's site (`/widget/:channelId/…`,
 * see server/modules/widget) and read the managers' answers live over the `/widget` socket namespace.
 * There is no messenger in between: a message is "sent" once it is stored and published, and an edit
 * or delete reaches the visitor as the message's update event.
 */
export const widgetConnector: Connector = {
  kind: "widget",
  capabilities: { edit: true, deleteWindowHours: 24 * 365, voice: false, buttons: true, reply: true, media: true },

  async setup(config, _env, previous) {
    const parsed = widgetChannelConfig.safeParse(config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        400,
        "validation_failed",
        `The widget settings are not valid: ${issue?.path.join(".") || "config"}: ${issue?.message}`,
        parsed.error.issues,
      );
    }
    const allowedOrigins = [...new Set(parsed.data.allowedOrigins)];
    // The identity secret stays when the settings change: sites keep signing with the one they have.
    return { config: { ...parsed.data, allowedOrigins }, secret: previous?.secret ?? newSecret("wsec_", 32) };
  },

  publicConfig(config) {
    const c = widgetChannelConfig.safeParse(config);
    return c.success ? c.data : {};
  },

  async receive() {
    throw new VerificationError("Widget visitors write through /widget/:channelId/messages.", 403);
  },

  async send(_channel, out) {
    return { externalId: out.messageId };
  },

  async edit() {},

  async delete() {},
};
