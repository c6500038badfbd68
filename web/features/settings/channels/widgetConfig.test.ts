import { describe, expect, it } from "vitest";
import type { ChannelDto } from "../../../../common/inbox";
import {
  emptyWidgetForm,
  hasWidgetErrors,
  invalidOrigins,
  normalizeOrigin,
  validateWidgetForm,
  type WidgetForm,
  widgetConfigOf,
  widgetCreateRequest,
  widgetFormOf,
  widgetUpdateRequest,
} from "./widgetConfig";

const channel = (kind: ChannelDto["kind"], config: Record<string, unknown>): ChannelDto => ({
  id: "00000000-0000-7000-8000-000000000001",
  kind,
  name: "Website chat",
  status: "active",
  config,
  webhookUrl: "https://parley.example.com/webhooks/widget/x",
  capabilities: { edit: true, deleteWindowHours: 0, voice: false, buttons: true, reply: true, media: true },
  lastUpdateAt: null,
  lastError: null,
  lastErrorAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
});
const form = (overrides: Partial<WidgetForm> = {}): WidgetForm => ({
  ...emptyWidgetForm(),
  name: "Site",
  ...overrides,
});

describe("widget channel config", () => {
  it("reads a widget channel's public config, with defaults for missing or odd fields", () => {
    expect(widgetConfigOf(channel("api", {}))).toBeNull();
    expect(
      widgetConfigOf(
        channel("widget", {
          color: "#fa5252",
          greeting: "Hi",
          position: "left",
          allowedOrigins: ["https://shop.example"],
          identityRequired: true,
        }),
      ),
    ).toEqual({
      color: "#fa5252",
      greeting: "Hi",
      position: "left",
      allowedOrigins: ["https://shop.example"],
      identityRequired: true,
    });
    expect(widgetConfigOf(channel("widget", { color: "red", position: "top", allowedOrigins: "x" }))).toEqual({
      color: "#228be6",
      greeting: "",
      position: "right",
      allowedOrigins: [],
      identityRequired: false,
    });
    expect(widgetFormOf(channel("widget", { color: "#12b886" }))).toMatchObject({
      name: "Website chat",
      color: "#12b886",
    });
  });

  it("accepts only origins (scheme, host, port), as the server does", () => {
    expect(normalizeOrigin("  HTTPS://Shop.Example/ ")).toBe("https://shop.example");
    expect(
      invalidOrigins([
        "https://shop.example",
        "http://localhost:8080",
        "shop.example",
        "ftp://x.example",
        "https://a.example/path",
      ]),
    ).toEqual(["shop.example", "ftp://x.example", "https://a.example/path"]);
  });

  it("names what is wrong, field by field", () => {
    expect(hasWidgetErrors(validateWidgetForm(form()))).toBe(false);
    expect(validateWidgetForm(form({ name: " " })).name).toBe("validation.required");
    expect(validateWidgetForm(form({ name: "x".repeat(81) })).name).toBe("validation.tooLong");
    expect(validateWidgetForm(form({ color: "blue" })).color).toBe("channels.widget.colorInvalid");
    expect(validateWidgetForm(form({ greeting: "x".repeat(501) })).greeting).toBe("validation.tooLong");
    const bad = validateWidgetForm(form({ allowedOrigins: ["https://ok.example", "not a site"] }));
    expect(bad).toMatchObject({ allowedOrigins: "channels.widget.originInvalid", badOrigins: ["not a site"] });
    expect(hasWidgetErrors(bad)).toBe(true);
  });

  it("sends the whole config, trimmed and without repeated origins", () => {
    const values = form({
      name: " Site ",
      color: "#FA5252",
      greeting: " Hello ",
      allowedOrigins: ["https://shop.example", "https://SHOP.example/"],
    });
    const config = {
      color: "#fa5252",
      greeting: "Hello",
      position: "right",
      allowedOrigins: ["https://shop.example"],
      identityRequired: false,
    };
    expect(widgetCreateRequest(values)).toEqual({ kind: "widget", name: "Site", config });
    expect(widgetUpdateRequest(values)).toEqual({ name: "Site", config });
  });
});
