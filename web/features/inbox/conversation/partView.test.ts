import { describe, expect, it } from "vitest";
import type { MessagePart } from "../../../../common/inbox";
import { humanSize, osmUrl, partView, partViews, safeMediaUrl, telHref } from "./partView";

const own = "/api/v1/workspaces/w/files/f";

describe("safeMediaUrl", () => {
  it("allows http(s) and Parley's own API paths only", () => {
    expect(safeMediaUrl("https://cdn.example.com/a.jpg")).toBe("https://cdn.example.com/a.jpg");
    expect(safeMediaUrl("http://example.com/x")).toBe("http://example.com/x");
    expect(safeMediaUrl(own)).toBe(own);
    for (const bad of [
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "//evil.example/x",
      "/other/path",
      "",
      "ftp://x/y",
    ]) {
      expect(safeMediaUrl(bad)).toBeNull();
    }
  });
});

describe("humanSize", () => {
  it("uses binary multiples and the locale", () => {
    expect(humanSize(512, "en")).toBe("512B");
    expect(humanSize(1536, "en")).toBe("1.5 kB");
    expect(humanSize(20 * 1024 * 1024, "en")).toBe("20 MB");
    expect(humanSize(1.25 * 1024 * 1024, "ru")).toBe("1,3 МБ");
    expect(humanSize(3 * 1024 ** 3, "en")).toBe("3 GB");
  });

  it("survives odd input", () => {
    expect(humanSize(Number.NaN, "en")).toBe("0B");
    expect(humanSize(-5, "en")).toBe("0B");
  });
});

describe("links of locations and contacts", () => {
  it("points OpenStreetMap at the place", () => {
    expect(osmUrl(55.7558, 37.6173)).toBe(
      "https://www.openstreetmap.org/?mlat=55.755800&mlon=37.617300#map=16/55.755800/37.617300",
    );
  });

  it("keeps only digits and a leading plus in tel: links", () => {
    expect(telHref("+7 (912) 000-11-22")).toBe("tel:+79120001122");
    expect(telHref("8+800")).toBe("tel:8800");
    expect(telHref("n/a")).toBeNull();
  });
});

describe("partView", () => {
  it("shows pictures, plays video, audio and voice", () => {
    expect(partView({ type: "image", url: own, name: "a.jpg" })).toEqual({
      kind: "image",
      src: own,
      name: "a.jpg",
      small: false,
    });
    expect(partView({ type: "video", url: own })).toMatchObject({ kind: "video", src: own });
    expect(partView({ type: "voice", url: own })).toMatchObject({ kind: "audio", voice: true });
    expect(partView({ type: "audio", url: own, name: "song.mp3" })).toMatchObject({ kind: "audio", voice: false });
  });

  it("shows a webp sticker as a small picture, animated ones as files", () => {
    expect(partView({ type: "sticker", url: own, mime: "image/webp" })).toMatchObject({ kind: "image", small: true });
    expect(partView({ type: "sticker", url: own, name: "sticker_1.webp" })).toMatchObject({ kind: "image" });
    expect(partView({ type: "sticker", url: own, name: "sticker_2.tgs", mime: "application/gzip" })).toMatchObject({
      kind: "file",
    });
  });

  it("offers other files for download with name and size", () => {
    expect(partView({ type: "file", url: own, name: "offer.pdf", size: 2048 })).toEqual({
      kind: "file",
      href: own,
      name: "offer.pdf",
      size: 2048,
      type: "file",
    });
  });

  it("says when a file was too large to fetch, and never links an unsafe address", () => {
    expect(partView({ type: "video", url: "", name: "big.mp4", size: 50_000_000 })).toEqual({
      kind: "unavailable",
      reason: "tooLarge",
      name: "big.mp4",
      size: 50_000_000,
      type: "video",
    });
    expect(partView({ type: "image", url: "javascript:alert(1)" })).toMatchObject({
      kind: "unavailable",
      reason: "blocked",
    });
  });

  it("turns locations, contacts and link buttons into views, and skips text", () => {
    expect(partView({ type: "text", text: "hi" })).toBeNull();
    expect(partView({ type: "location", latitude: 1, longitude: 2 })).toMatchObject({ kind: "location", latitude: 1 });
    expect(partView({ type: "contact", name: "Anna", phone: "+7 900" })).toEqual({
      kind: "contact",
      name: "Anna",
      phone: "+7 900",
      tel: "tel:+7900",
    });
    expect(partView({ type: "button", text: "Pay", url: "https://pay.example.com" })).toEqual({
      kind: "button",
      href: "https://pay.example.com/",
      text: "Pay",
    });
    expect(partView({ type: "button", text: "Bad", url: "javascript:alert(1)" })).toBeNull();
  });

  it("puts link buttons under the content", () => {
    const parts: MessagePart[] = [
      { type: "button", text: "Open", url: "https://example.com" },
      { type: "image", url: own },
      { type: "text", text: "caption" },
    ];
    const { content, buttons } = partViews(parts);
    expect(content.map((view) => view.kind)).toEqual(["image"]);
    expect(buttons.map((view) => view.text)).toEqual(["Open"]);
  });
});
