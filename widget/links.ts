/** Safe addresses: links in text, media and avatars. Only http(s) ever becomes a link or a source. */

export type TextSegment = { text: string } | { text: string; href: string };

/** The address as the browser would use it when it is an absolute http(s) URL; null otherwise. */
export function httpHref(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A media or avatar address of a message resolved against Parley's origin: a path on Parley
 * (`/widget/<channel>/files/<id>?s=…`) or an absolute http(s) URL. Protocol-relative ("//host"),
 * `javascript:`, `data:` and anything else give null.
 */
export function resolveUrl(origin: string, value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.startsWith("/")) {
    if (value.startsWith("//") || value.startsWith("/\\")) return null;
    return httpHref(origin + value);
  }
  return httpHref(value);
}

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const trailingPunctuation = /[.,;:!?'"»”’]+$/;

const closers: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/** Drops trailing punctuation and closing brackets that have no opening one inside the address. */
function trimAddress(raw: string): string {
  let end = raw.replace(trailingPunctuation, "");
  for (;;) {
    const last = end.at(-1) ?? "";
    const open = closers[last];
    if (!open) break;
    const opened = end.split(open).length - 1;
    const closed = end.split(last).length - 1;
    if (closed <= opened) break;
    end = end.slice(0, -1).replace(trailingPunctuation, "");
  }
  return end;
}

/** Splits text into plain pieces and http(s) links; everything that is not such a link stays text. */
export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let index = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index ?? 0;
    const raw = trimAddress(match[0]);
    if (!raw) continue;
    const href = httpHref(/^www\./i.test(raw) ? `https://${raw}` : raw);
    if (!href) continue;
    if (start > index) out.push({ text: text.slice(index, start) });
    out.push({ text: raw, href });
    index = start + raw.length;
  }
  if (index < text.length) out.push({ text: text.slice(index) });
  return out;
}
