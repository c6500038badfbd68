import { type Lang, strings } from "./i18n";

/** What the widget does when its session (or realtime handshake) is refused or fails. */
export interface Failure {
  /** Not shown at all (the channel does not exist or is paused). */
  hide: boolean;
  /** The line in the window. */
  message: string;
  /** Whether a "Try again" button helps. */
  retry: boolean;
  /** A note for the site's owner in the browser console, or null. */
  warning: string | null;
}

/** The failure for an error code (`WidgetApiError.code` or a Socket.IO handshake refusal). */
export function describeFailure(code: string, lang: Lang, channelId: string, siteOrigin: string): Failure {
  const t = strings[lang];
  switch (code) {
    case "not_found":
      return {
        hide: true,
        message: t.unavailable,
        retry: false,
        warning: `Parley: chat channel ${channelId} does not exist or is paused, so the chat is not shown.`,
      };
    case "origin_not_allowed":
      return {
        hide: false,
        message: t.originNotAllowed,
        retry: false,
        warning: `Parley: this site (${siteOrigin}) is not allowed to show chat channel ${channelId}. Add ${siteOrigin} to the channel's allowed sites in Parley.`,
      };
    case "invalid_signature":
      return {
        hide: false,
        message: t.invalidSignature,
        retry: false,
        warning:
          "Parley: the visitor identity's hash is wrong. It must be the hex HMAC-SHA256 of identity.id with the channel's secret, computed on your server.",
      };
    case "identity_required":
      return {
        hide: false,
        message: t.identityRequired,
        retry: false,
        warning: "Parley: this chat channel only accepts signed visitors (window.parleySettings.identity).",
      };
    case "rate_limited":
      return { hide: false, message: t.rateLimited, retry: true, warning: null };
    case "network":
      return { hide: false, message: t.network, retry: true, warning: null };
    default:
      return { hide: false, message: t.unavailable, retry: true, warning: null };
  }
}
