import { describe, expect, it } from "vitest";
import type { ChatDto, MessageDto } from "../../../../common/inbox";
import type { ChatListParams, ChatPages, MessagePages } from "../../../api/inbox";
import { placeChat, placeMessage } from "./cache";

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, "0")}`;
const chat = (n: number, minute: number, unread = 0): ChatDto => ({
  id: id(n),
  client: { id: id(100 + n), name: `Client ${n}`, phone: null, email: null, avatarUrl: null, status: "subscribed" },
  channel: {
    id: id(900),
    kind: "api",
    name: "Site",
    capabilities: { edit: false, deleteWindowHours: 0, voice: false, buttons: true, reply: true, media: false },
  },
  unreadCount: unread,
  lastMessage: null,
  lastActivityAt: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
  otherChats: [],
});
const pages = (items: ChatDto[][], nextCursor: string | null = null): ChatPages => ({
  pages: items.map((page, index) => ({
    items: page,
    nextCursor: index === items.length - 1 ? nextCursor : "more",
    counts: { all: 0, unread: 0 },
  })),
  pageParams: items.map((_, index) => (index === 0 ? null : `p${index}`)),
});
const ids = (data: ChatPages) => data.pages.map((page) => page.items.map((item) => item.id.slice(-1)));
const all: ChatListParams = { tab: "all", q: "", order: "newest" };

describe("placeChat", () => {
  it("moves a chat with new activity to the top", () => {
    const data = pages([[chat(1, 30), chat(2, 20)], [chat(3, 10)]]);
    expect(ids(placeChat(data, chat(3, 40), all))).toEqual([["3", "1", "2"], []]);
  });

  it("adds a new chat at the top, and leaves one past the loaded pages to the next page", () => {
    const data = pages([[chat(1, 30), chat(2, 20)]], "cursor");
    expect(ids(placeChat(data, chat(4, 50), all))).toEqual([["4", "1", "2"]]);
    expect(ids(placeChat(data, chat(5, 5), all))).toEqual([["1", "2"]]);
  });

  it("drops a chat that was read from the unread tab and keeps oldest-first order", () => {
    const unreadOldest: ChatListParams = { tab: "unread", q: "", order: "oldest" };
    const data = pages([[chat(1, 10, 1), chat(2, 20, 2)]]);
    expect(ids(placeChat(data, chat(1, 10, 0), unreadOldest))).toEqual([["2"]]);
    expect(ids(placeChat(data, chat(3, 15, 1), unreadOldest))).toEqual([["1", "3", "2"]]);
  });

  it("only updates chats already found by a search", () => {
    const search: ChatListParams = { tab: "all", q: "anna", order: "newest" };
    const data = pages([[chat(1, 30)]]);
    expect(ids(placeChat(data, chat(2, 40), search))).toEqual([["1"]]);
    expect(placeChat(data, chat(1, 30, 3), search).pages[0]?.items[0]?.unreadCount).toBe(3);
  });
});

const message = (n: number, status: MessageDto["status"] = null): MessageDto => ({
  id: id(n),
  chatId: id(1),
  kind: "message",
  direction: status ? "out" : "in",
  author: { kind: status ? "user" : "client", name: "" },
  text: `m${n}`,
  parts: [],
  replyTo: null,
  status,
  error: null,
  sentAt: status === "sent" ? new Date(Date.UTC(2026, 0, 1, 12, n)).toISOString() : null,
  editedAt: null,
  deletedAt: null,
  createdAt: new Date(Date.UTC(2026, 0, 1, 12, n)).toISOString(),
});
const messagePages = (...items: MessageDto[][]): MessagePages => ({
  pages: items.map((page) => ({ items: page, hasMore: false })),
  pageParams: items.map(() => null),
});

describe("placeMessage", () => {
  it("appends a new message once, in id order", () => {
    const data = messagePages([message(1), message(3)]);
    const placed = placeMessage(placeMessage(data, message(2), "upsert"), message(2), "upsert");
    expect(placed.pages[0]?.items.map((m) => m.text)).toEqual(["m1", "m2", "m3"]);
  });

  it("never lets a late send or retry answer overwrite what realtime brought", () => {
    const sent = messagePages([message(4, "sent")]);
    expect(placeMessage(sent, message(4, "queued"), "add").pages[0]?.items[0]?.status).toBe("sent");
    expect(placeMessage(sent, message(4, "queued"), "retried").pages[0]?.items[0]?.status).toBe("sent");
    const failed = messagePages([message(4, "failed")]);
    expect(placeMessage(failed, message(4, "queued"), "retried").pages[0]?.items[0]?.status).toBe("queued");
    expect(placeMessage(failed, message(5, "sent"), "update").pages[0]?.items).toHaveLength(1);
  });
});
