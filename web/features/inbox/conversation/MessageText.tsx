import { Anchor } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import { httpHref } from "../../../ui/url";

const urlPattern = /\bhttps?:\/\/[^\s<>"']+/gi;
const trailing = /[.,;:!?)\]}»”’]+$/;

/** Splits text into plain strings and http(s) links (exported for tests). */
export const linkify = (
  text: string,
): ({ kind: "text"; text: string } | { kind: "link"; text: string; href: string })[] => {
  const out: ({ kind: "text"; text: string } | { kind: "link"; text: string; href: string })[] = [];
  let index = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index ?? 0;
    const raw = match[0].replace(trailing, "");
    // Only http(s) addresses that parse become links; everything else stays text.
    const href = httpHref(raw);
    if (!href) continue;
    if (start > index) out.push({ kind: "text", text: text.slice(index, start) });
    out.push({ kind: "link", text: raw, href });
    index = start + raw.length;
  }
  if (index < text.length) out.push({ kind: "text", text: text.slice(index) });
  return out;
};

/** A message's text, rendered as text (never as HTML), with web addresses made clickable. */
export const MessageText = ({ text }: { text: string }) => {
  const nodes: ReactNode[] = [];
  let offset = 0;
  for (const piece of linkify(text)) {
    nodes.push(
      piece.kind === "link" ? (
        <Anchor
          key={offset}
          href={piece.href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          inherit
          underline="always"
        >
          {piece.text}
        </Anchor>
      ) : (
        <Fragment key={offset}>{piece.text}</Fragment>
      ),
    );
    offset += piece.text.length;
  }
  return <>{nodes}</>;
};
