import type { MessagePart, mediaTypes } from "../../../../common/inbox";
import { httpHref } from "../../../ui/url";

/**
 * A media address the timeline may use: an absolute http(s) URL, or a path of Parley's own API (served with the
 * session cookie). Anything else (javascript:, data:, protocol-relative "//host") is refused.
 */
export const safeMediaUrl = (url: string): string | null => {
  if (url.startsWith("/api/") && !url.startsWith("//")) return url;
  return httpHref(url);
};

const sizeUnits = ["kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** "512B", "1.5 kB", "20 MB" (binary multiples), in the reader's locale. */
export const humanSize = (bytes: number, locale: string): string => {
  if (!Number.isFinite(bytes) || bytes < 1024) {
    const whole = Math.max(0, Math.round(Number.isFinite(bytes) ? bytes : 0));
    return new Intl.NumberFormat(locale, { style: "unit", unit: "byte", unitDisplay: "narrow" }).format(whole);
  }
  let value = bytes / 1024;
  let index = 0;
  while (value >= 1024 && index < sizeUnits.length - 1) {
    value /= 1024;
    index += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: sizeUnits[index],
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
};

/** The place on OpenStreetMap, with a marker. */
export const osmUrl = (latitude: number, longitude: number): string => {
  const lat = latitude.toFixed(6);
  const lon = longitude.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
};

/** A `tel:` link from a phone as the messenger gave it (digits and a leading plus only), or null. */
export const telHref = (phone: string): string | null => {
  const digits = phone.replace(/[^\d+]/g, "").replace(/(?!^)\+/g, "");
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
};

type MediaPart = Extract<MessagePart, { type: (typeof mediaTypes)[number] }>;

/** What the timeline shows for one part. Text parts are the message's text and are not repeated. */
export type PartView =
  | { kind: "image"; src: string; name: string | null; small: boolean }
  | { kind: "video"; src: string; name: string | null }
  | { kind: "audio"; src: string; name: string | null; voice: boolean }
  | { kind: "file"; href: string; name: string | null; size: number | null; type: MediaPart["type"] }
  | {
      kind: "unavailable";
      reason: "tooLarge" | "blocked";
      name: string | null;
      size: number | null;
      type: MediaPart["type"];
    }
  | { kind: "location"; href: string; latitude: number; longitude: number }
  | { kind: "contact"; name: string; phone: string; tel: string | null }
  | { kind: "button"; href: string; text: string };

const stickerAsImage = (part: MediaPart): boolean =>
  part.mime ? part.mime.startsWith("image/") : /\.(webp|png)$/i.test(part.name ?? "");

const mediaView = (part: MediaPart): PartView => {
  const name = part.name ?? null;
  const size = part.size ?? null;
  if (part.url === "") return { kind: "unavailable", reason: "tooLarge", name, size, type: part.type };
  const src = safeMediaUrl(part.url);
  if (!src) return { kind: "unavailable", reason: "blocked", name, size, type: part.type };
  switch (part.type) {
    case "image":
      return { kind: "image", src, name, small: false };
    case "sticker":
      return stickerAsImage(part)
        ? { kind: "image", src, name, small: true }
        : { kind: "file", href: src, name, size, type: part.type };
    case "video":
      return { kind: "video", src, name };
    case "audio":
    case "voice":
      return { kind: "audio", src, name, voice: part.type === "voice" };
    default:
      return { kind: "file", href: src, name, size, type: part.type };
  }
};

export const partView = (part: MessagePart): PartView | null => {
  switch (part.type) {
    case "text":
      return null;
    case "location":
      return {
        kind: "location",
        href: osmUrl(part.latitude, part.longitude),
        latitude: part.latitude,
        longitude: part.longitude,
      };
    case "contact":
      return { kind: "contact", name: part.name, phone: part.phone, tel: telHref(part.phone) };
    case "button": {
      const href = safeMediaUrl(part.url);
      return href && !href.startsWith("/") ? { kind: "button", href, text: part.text } : null;
    }
    default:
      return mediaView(part);
  }
};

export type ButtonView = Extract<PartView, { kind: "button" }>;

/** The parts split as the bubble lays them out: content first, link buttons underneath. */
export const partViews = (parts: MessagePart[]): { content: PartView[]; buttons: ButtonView[] } => {
  const content: PartView[] = [];
  const buttons: ButtonView[] = [];
  for (const part of parts) {
    const view = partView(part);
    if (view?.kind === "button") buttons.push(view);
    else if (view) content.push(view);
  }
  return { content, buttons };
};
