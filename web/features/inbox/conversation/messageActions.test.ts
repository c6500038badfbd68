import { describe, expect, it } from "vitest";
import type { ChannelCapabilities, MessageDto } from "../../../../common/inbox";
import { deleteDeadline, messageActions } from "./messageActions";

const me = "00000000-0000-7000-8000-000000000001";
const someoneElse = "00000000-0000-7000-8000-000000000002";
const telegram: ChannelCapabilities = {
  edit: true,
  deleteWindowHours: 48,
  voice: true,
  buttons: true,
  reply: true,
  media: true,
};
const apiChannel: ChannelCapabilities = {
  edit: false,
  deleteWindowHours: 0,
  voice: false,
  buttons: true,
  reply: true,
  media: false,
};
const sentAt = "2026-01-10T12:00:00.000Z";
const hours = (n: number) => Date.parse(sentAt) + n * 3_600_000;

const mine = (overrides: Partial<MessageDto> = {}): MessageDto => ({
  id: "00000000-0000-7000-8000-000000000010",
  chatId: "00000000-0000-7000-8000-000000000020",
  kind: "message",
  direction: "out",
  author: { kind: "user", userId: me, name: "Me" },
  text: "Hello",
  parts: [],
  replyTo: null,
  status: "sent",
  error: null,
  sentAt,
  editedAt: null,
  deletedAt: null,
  createdAt: "2026-01-10T11:59:58.000Z",
  ...overrides,
});

describe("deleteDeadline", () => {
  it("counts the window from when the messenger accepted the message", () => {
    expect(deleteDeadline(mine(), telegram)?.toISOString()).toBe("2026-01-12T12:00:00.000Z");
  });

  it("falls back to when it was written, and is null where deleting is never allowed", () => {
    expect(deleteDeadline(mine({ sentAt: null }), telegram)?.toISOString()).toBe("2026-01-12T11:59:58.000Z");
    expect(deleteDeadline(mine(), apiChannel)).toBeNull();
  });
});

describe("messageActions", () => {
  it("lets the author edit and delete a sent message within the window", () => {
    expect(messageActions(mine(), telegram, me, hours(47))).toEqual({
      reply: true,
      edit: true,
      delete: { state: "allowed", until: new Date(hours(48)) },
    });
  });

  it("shows delete as past the window afterwards, while edit stays", () => {
    const actions = messageActions(mine(), telegram, me, hours(48) + 1);
    expect(actions.edit).toBe(true);
    expect(actions.delete).toEqual({ state: "windowPassed", hours: 48 });
  });

  it("offers only reply on other people's and clients' messages", () => {
    const theirs = mine({ author: { kind: "user", userId: someoneElse, name: "Colleague" } });
    expect(messageActions(theirs, telegram, me, hours(1))).toEqual({ reply: true, edit: false, delete: null });
    const client = mine({ direction: "in", author: { kind: "client", name: "Anna" }, status: null, sentAt: null });
    expect(messageActions(client, telegram, me, hours(1))).toEqual({ reply: true, edit: false, delete: null });
  });

  it("withdraws a message that never reached the messenger, but does not edit it", () => {
    for (const status of ["queued", "failed"] as const) {
      expect(messageActions(mine({ status, sentAt: null }), apiChannel, me, hours(100))).toEqual({
        reply: true,
        edit: false,
        delete: { state: "allowed", until: null },
      });
    }
  });

  it("offers neither edit nor delete where the messenger allows neither", () => {
    expect(messageActions(mine(), apiChannel, me, hours(1))).toEqual({ reply: true, edit: false, delete: null });
  });

  it("does nothing with deleted messages, notes, or before the channel is known", () => {
    const none = { reply: false, edit: false, delete: null };
    expect(messageActions(mine({ deletedAt: sentAt }), telegram, me, hours(1))).toEqual(none);
    expect(messageActions(mine({ kind: "note" }), telegram, me, hours(1))).toEqual(none);
    expect(messageActions(mine(), null, me, hours(1))).toEqual(none);
  });

  it("hides reply where the messenger cannot quote", () => {
    expect(messageActions(mine(), { ...telegram, reply: false }, me, hours(1)).reply).toBe(false);
  });
});
