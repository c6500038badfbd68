import { describe, expect, it } from "vitest";
import type { ChannelDto } from "../../../../common/inbox";
import {
  botLink,
  type TelegramForm,
  telegramConfigOf,
  telegramCreateRequest,
  telegramUpdateRequest,
  validateTelegramForm,
} from "./telegramConfig";

const channel = (kind: ChannelDto["kind"], config: Record<string, unknown>): ChannelDto => ({
  id: "00000000-0000-7000-8000-000000000001",
  kind,
  name: "Support bot",
  status: "active",
  config,
  webhookUrl: "https://parley.example.com/webhooks/telegram/x",
  capabilities: { edit: true, deleteWindowHours: 48, voice: true, buttons: true, reply: true, media: true },
  lastUpdateAt: null,
  lastError: null,
  lastErrorAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
});
const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const form = (overrides: Partial<TelegramForm> = {}): TelegramForm => ({
  name: "",
  token,
  mode: "polling",
  apiBaseUrl: "",
  ...overrides,
});

describe("telegramConfigOf", () => {
  it("reads the public settings of a Telegram channel", () => {
    const config = { mode: "webhook", apiBaseUrl: null, botId: 42, botUsername: "acme_bot", botName: "Acme" };
    expect(telegramConfigOf(channel("telegram", config))).toEqual(config);
  });

  it("reads missing or odd fields as unknown, and other kinds as not Telegram", () => {
    expect(telegramConfigOf(channel("telegram", { mode: "carrier-pigeon", botId: "x" }))).toEqual({
      mode: "polling",
      apiBaseUrl: null,
      botId: null,
      botUsername: null,
      botName: null,
    });
    expect(telegramConfigOf(channel("api", { outboundUrl: "https://x" }))).toBeNull();
  });
});

describe("botLink", () => {
  it("links real usernames only", () => {
    expect(botLink("acme_bot")).toBe("https://t.me/acme_bot");
    expect(botLink("x/../evil")).toBeNull();
  });
});

describe("validateTelegramForm", () => {
  it("accepts a token from @BotFather and an empty name", () => {
    expect(validateTelegramForm(form())).toEqual({});
  });

  it("explains a missing or malformed token and a bad server address", () => {
    expect(validateTelegramForm(form({ token: "" }))).toEqual({ token: "validation.required" });
    expect(validateTelegramForm(form({ token: "hello" }))).toEqual({ token: "channels.telegram.tokenInvalid" });
    expect(validateTelegramForm(form({ apiBaseUrl: "api.telegram.org" }))).toEqual({
      apiBaseUrl: "channels.urlInvalid",
    });
    expect(validateTelegramForm(form({ name: "x".repeat(81) }))).toEqual({ name: "validation.tooLong" });
  });

  it("does not ask for the token again when only settings change", () => {
    expect(validateTelegramForm(form({ token: "" }), false)).toEqual({});
  });
});

describe("requests", () => {
  it("leaves the name to the bot when none is given", () => {
    expect(telegramCreateRequest(form({ token: ` ${token} ` }))).toEqual({
      kind: "telegram",
      config: { token, mode: "polling" },
    });
    expect(
      telegramCreateRequest(form({ name: " Sales ", mode: "webhook", apiBaseUrl: "http://localhost:8081" })),
    ).toEqual({
      kind: "telegram",
      name: "Sales",
      config: { token, mode: "webhook", apiBaseUrl: "http://localhost:8081" },
    });
  });

  it("sends the mode without a token, keeping a custom Bot API server", () => {
    expect(telegramUpdateRequest("webhook", "")).toEqual({ config: { mode: "webhook" } });
    expect(telegramUpdateRequest("polling", "http://localhost:8081")).toEqual({
      config: { mode: "polling", apiBaseUrl: "http://localhost:8081" },
    });
  });
});
