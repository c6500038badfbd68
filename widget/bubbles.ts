import type { WidgetMessage } from "../common/widget";
import { el } from "./dom";
import { formatFullDate, formatSize, formatTime, initials, type Lang, strings, uploadingText } from "./i18n";
import { linkify, resolveUrl } from "./links";
import type { Row } from "./rows";
import type { PendingMessage } from "./store";

/** What rendering a row needs besides the row. */
export interface BubbleContext {
  lang: Lang;
  origin: string;
  channelName: string;
  onRetry: (clientMessageId: string) => void;
  onRemove: (clientMessageId: string) => void;
}

type Part = WidgetMessage["parts"][number];
type MediaPart = Exclude<Part, { type: "text" | "location" | "contact" | "button" }>;
const external = { target: "_blank", rel: "noopener noreferrer nofollow" };

/** Text with http(s) addresses as links (text nodes only, never HTML). */
export function textNode(text: string): HTMLElement {
  const box = el("div", { class: "text" });
  for (const segment of linkify(text)) {
    box.append("href" in segment ? el("a", { href: segment.href, ...external }, [segment.text]) : segment.text);
  }
  return box;
}

function avatar(name: string, url: string | null, origin: string): HTMLElement {
  const fallback = () => el("div", { class: "avatar", "aria-hidden": "true" }, [initials(name)]);
  const src = resolveUrl(origin, url);
  if (!src) return fallback();
  const img = el("img", { class: "avatar", src, alt: "", "aria-hidden": "true" });
  img.addEventListener("error", () => img.replaceWith(fallback()), { once: true });
  return img;
}

const isStickerImage = (part: MediaPart): boolean =>
  part.mime ? part.mime.startsWith("image/") : /\.(webp|png|gif|jpe?g)$/i.test(part.name ?? "");

function partNode(part: Part, ctx: BubbleContext): HTMLElement | null {
  const t = strings[ctx.lang];
  switch (part.type) {
    case "text":
      return null;
    case "location": {
      const href = `https://www.openstreetmap.org/?mlat=${part.latitude}&mlon=${part.longitude}`;
      return el("a", { class: "file part", href, ...external }, [
        el("b", {}, [t.location]),
        el("span", {}, [`${part.latitude.toFixed(5)}, ${part.longitude.toFixed(5)}`]),
      ]);
    }
    case "contact":
      return el("div", { class: "file part" }, [el("b", {}, [part.name]), el("span", {}, [part.phone])]);
    case "button":
      return null;
  }
  const src = resolveUrl(ctx.origin, part.url);
  const name = part.name ?? "";
  if (!src) {
    return el("div", { class: "file part" }, [
      el("b", {}, [name || t.attachment]),
      el("span", {}, [t.fileUnavailable]),
    ]);
  }
  if (part.type === "image" || (part.type === "sticker" && isStickerImage(part))) {
    const img = el("img", { src, alt: name, loading: "lazy", class: part.type === "sticker" ? "small" : null });
    return el("div", { class: "part" }, [el("a", { href: src, "aria-label": t.openImage, ...external }, [img])]);
  }
  if (part.type === "video")
    return el("div", { class: "part" }, [el("video", { src, controls: true, preload: "metadata" })]);
  if (part.type === "audio" || part.type === "voice") {
    return el("div", { class: "part" }, [el("audio", { src, controls: true, preload: "metadata" })]);
  }
  return el("a", { class: "file part", href: src, download: name || true, ...external }, [
    el("b", {}, [name || t.attachment]),
    part.size === undefined ? null : el("span", {}, [formatSize(ctx.lang, part.size)]),
  ]);
}

function timeNode(iso: string, ctx: BubbleContext): HTMLElement {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return el("span");
  return el("time", { datetime: iso, title: formatFullDate(ctx.lang, date) }, [formatTime(date)]);
}

function messageContent(m: WidgetMessage, ctx: BubbleContext): Node[] {
  const t = strings[ctx.lang];
  if (m.deletedAt) return [el("div", { class: "deleted" }, [t.deleted])];
  const nodes: Node[] = [];
  if (m.replyTo) {
    nodes.push(
      el("div", { class: "quote" }, [
        el("b", {}, [m.replyTo.authorName]),
        el("span", {}, [m.replyTo.text ?? t.attachment]),
      ]),
    );
  }
  const text =
    m.text ??
    m.parts
      .map((p) => (p.type === "text" ? p.text : ""))
      .join("\n")
      .trim();
  if (text) nodes.push(textNode(text));
  for (const part of m.parts) {
    const node = partNode(part, ctx);
    if (node) nodes.push(node);
  }
  for (const part of m.parts) {
    const href = part.type === "button" ? resolveUrl(ctx.origin, part.url) : null;
    if (part.type === "button" && href) nodes.push(el("a", { class: "btn-link", href, ...external }, [part.text]));
  }
  return nodes;
}

function row(mine: boolean, first: boolean, extra: string, children: readonly (Node | null)[]): HTMLElement {
  return el("div", { class: `row ${mine ? "mine" : "theirs"}${first ? " first" : ""}${extra}` }, children);
}

function theirs(first: boolean, name: string, avatarUrl: string | null, bubble: HTMLElement, ctx: BubbleContext) {
  return row(false, first, "", [
    first ? avatar(name, avatarUrl, ctx.origin) : el("div", { class: "gap" }),
    el("div", { class: "stack" }, [first ? el("div", { class: "author" }, [name]) : null, bubble]),
  ]);
}

function messageRow(m: WidgetMessage, first: boolean, ctx: BubbleContext): HTMLElement {
  const meta = el("div", { class: "meta" }, [
    m.editedAt && !m.deletedAt ? el("span", {}, [strings[ctx.lang].edited]) : null,
    timeNode(m.createdAt, ctx),
  ]);
  const bubble = el(
    "div",
    { class: "bubble", "data-testid": "parley-message", "data-direction": m.direction, "data-id": m.id },
    [...messageContent(m, ctx), meta],
  );
  if (m.direction === "in") return row(true, first, "", [el("div", { class: "stack" }, [bubble])]);
  return theirs(first, m.author.name, m.author.avatarUrl, bubble, ctx);
}

function pendingRow(p: PendingMessage, first: boolean, ctx: BubbleContext): HTMLElement {
  const t = strings[ctx.lang];
  const content: Node[] = [];
  if (p.text) content.push(textNode(p.text));
  if (p.file) {
    content.push(
      el("div", { class: "file part" }, [
        el("b", {}, [p.file.name]),
        el("span", {}, [formatSize(ctx.lang, p.file.size)]),
      ]),
    );
    if (p.status === "uploading") {
      const bar = el("div");
      bar.style.width = `${Math.round(p.file.progress * 100)}%`;
      content.push(el("div", { class: "progress", "aria-hidden": "true" }, [bar]));
    }
  }
  const status =
    p.status === "uploading" && p.file
      ? uploadingText(ctx.lang, p.file.progress)
      : p.status === "sending"
        ? t.sending
        : "";
  content.push(el("div", { class: "meta" }, [status]));
  const bubble = el(
    "div",
    { class: "bubble", "data-testid": "parley-message", "data-direction": "in", "data-status": p.status },
    content,
  );
  let failure: HTMLElement | null = null;
  if (p.status === "failed") {
    const remove = el("button", { type: "button", "data-testid": "parley-remove" }, [t.remove]);
    remove.addEventListener("click", () => ctx.onRemove(p.clientMessageId));
    if (p.error === "too_large") {
      failure = el("div", { class: "fail", role: "alert" }, [el("span", {}, [t.tooLarge]), remove]);
    } else {
      const retry = el("button", { type: "button", "data-testid": "parley-resend" }, [t.notSent]);
      retry.addEventListener("click", () => ctx.onRetry(p.clientMessageId));
      failure = el("div", { class: "fail" }, [retry, remove]);
    }
  }
  return row(true, first, " pending", [el("div", { class: "stack" }, [bubble, failure])]);
}

/** The DOM of one row of the message list. */
export function renderRow(r: Row, ctx: BubbleContext): HTMLElement {
  switch (r.kind) {
    case "day":
      return el("div", { class: "day", role: "separator" }, [r.label]);
    case "greeting": {
      const bubble = el("div", { class: "bubble", "data-testid": "parley-greeting" }, [textNode(r.text)]);
      return theirs(true, ctx.channelName, null, bubble, ctx);
    }
    case "message":
      return messageRow(r.message, r.first, ctx);
    case "pending":
      return pendingRow(r.pending, r.first, ctx);
  }
}
