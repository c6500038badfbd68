import { describe, expect, it } from "vitest";
import { httpHref, linkify, resolveUrl } from "./links";

describe("linkify", () => {
  it("links http(s) addresses and keeps punctuation outside", () => {
    expect(linkify("see https://example.com/a?b=1, ok")).toEqual([
      { text: "see " },
      { text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { text: ", ok" },
    ]);
  });

  it("leaves javascript:, data: and HTML as plain text", () => {
    const text = 'javascript:alert(1) <img src=x onerror="alert(1)"> data:text/html,<b>hi</b>';
    expect(linkify(text)).toEqual([{ text }]);
  });

  it("does not let an address swallow surrounding markup or quotes", () => {
    expect(linkify('<a href="https://evil.example">x</a>')).toEqual([
      { text: '<a href="' },
      { text: "https://evil.example", href: "https://evil.example/" },
      { text: '">x</a>' },
    ]);
  });

  it("keeps balanced brackets and drops a closing one that is not part of the address", () => {
    expect(linkify("(see https://en.wikipedia.org/wiki/Foo_(bar))")).toEqual([
      { text: "(see " },
      { text: "https://en.wikipedia.org/wiki/Foo_(bar)", href: "https://en.wikipedia.org/wiki/Foo_(bar)" },
      { text: ")" },
    ]);
  });

  it("links www. addresses over https", () => {
    expect(linkify("go to www.example.com.")).toEqual([
      { text: "go to " },
      { text: "www.example.com", href: "https://www.example.com/" },
      { text: "." },
    ]);
  });

  it("handles several links, plain text and empty text", () => {
    expect(linkify("a http://x.example b https://y.example")).toEqual([
      { text: "a " },
      { text: "http://x.example", href: "http://x.example/" },
      { text: " b " },
      { text: "https://y.example", href: "https://y.example/" },
    ]);
    expect(linkify("no links here")).toEqual([{ text: "no links here" }]);
    expect(linkify("")).toEqual([]);
  });

  it("keeps every character of the text", () => {
    const text = "x https://a.example/p?q=1&r=<2> y JavaScript:void(0) www.b.example), z";
    expect(
      linkify(text)
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
    for (const segment of linkify(text)) {
      if ("href" in segment) expect(segment.href).toMatch(/^https?:\/\//);
    }
  });
});

describe("httpHref", () => {
  it("accepts only absolute http(s) URLs", () => {
    expect(httpHref("https://a.example/x")).toBe("https://a.example/x");
    expect(httpHref("javascript:alert(1)")).toBeNull();
    expect(httpHref("data:text/html,hi")).toBeNull();
    expect(httpHref("/relative")).toBeNull();
    expect(httpHref("not a url")).toBeNull();
  });
});

describe("resolveUrl", () => {
  const origin = "https://parley.example";

  it("resolves Parley's paths against its origin", () => {
    expect(resolveUrl(origin, "/widget/c1/files/f1?s=abc")).toBe("https://parley.example/widget/c1/files/f1?s=abc");
  });

  it("keeps absolute http(s) URLs", () => {
    expect(resolveUrl(origin, "https://cdn.example/a.png")).toBe("https://cdn.example/a.png");
  });

  it("refuses protocol-relative, javascript:, data: and empty values", () => {
    expect(resolveUrl(origin, "//evil.example/a.png")).toBeNull();
    expect(resolveUrl(origin, "/\\evil.example/a.png")).toBeNull();
    expect(resolveUrl(origin, "javascript:alert(1)")).toBeNull();
    expect(resolveUrl(origin, "data:image/png;base64,AAAA")).toBeNull();
    expect(resolveUrl(origin, "")).toBeNull();
    expect(resolveUrl(origin, null)).toBeNull();
  });
});
