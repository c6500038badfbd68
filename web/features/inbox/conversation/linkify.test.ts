import { describe, expect, it } from "vitest";
import { linkify } from "./MessageText";

describe("linkify", () => {
  it("links http(s) addresses and keeps punctuation outside", () => {
    expect(linkify("see https://example.com/a?b=1, ok")).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: ", ok" },
    ]);
  });

  it("leaves other schemes and HTML as plain text", () => {
    const text = "javascript:alert(1) <img src=x onerror=alert(1)> data:text/html,<b>";
    expect(linkify(text)).toEqual([{ kind: "text", text }]);
  });
});
