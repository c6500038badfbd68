import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TypingStore, typingTtlMs } from "./typing";

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, "0")}`;
const ws = id(1);
const me = id(2);
const colleague = id(3);
const chatA = id(10);
const chatB = id(11);

const client = (chatId: string, typing: boolean, name = "Anna") => ({
  workspaceId: ws,
  chatId,
  author: "client",
  name,
  typing,
});
const user = (chatId: string, userId: string, name: string, typing: boolean) => ({
  workspaceId: ws,
  chatId,
  author: "user",
  userId,
  name,
  typing,
});

describe("TypingStore", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows who types per chat, and forgets them 6 s after their last typing:true", () => {
    const store = new TypingStore(ws, me);
    store.receive(client(chatA, true));
    expect(store.names(chatA)).toEqual(["Anna"]);
    expect(store.names(chatB)).toEqual([]);
    vi.advanceTimersByTime(typingTtlMs - 1000);
    // Repeated while typing: the 6 s start again.
    store.receive(client(chatA, true));
    vi.advanceTimersByTime(typingTtlMs - 1);
    expect(store.names(chatA)).toEqual(["Anna"]);
    vi.advanceTimersByTime(1);
    expect(store.names(chatA)).toEqual([]);
  });

  it("drops a typist at once on typing:false or on their new message", () => {
    const store = new TypingStore(ws, me);
    store.receive(client(chatA, true));
    store.receive(user(chatA, colleague, "Boris", true));
    expect(store.names(chatA)).toEqual(["Anna", "Boris"]);
    store.receive(user(chatA, colleague, "Boris", false));
    expect(store.names(chatA)).toEqual(["Anna"]);
    store.messageCreated({ message: { chatId: chatA, author: { kind: "client", name: "Anna" } } });
    expect(store.names(chatA)).toEqual([]);
  });

  it("ignores the signed-in person's own typing (their other tabs), other workspaces and malformed events", () => {
    const store = new TypingStore(ws, me);
    store.receive(user(chatA, me, "Me", true));
    store.receive({ ...client(chatA, true), workspaceId: id(99) });
    store.receive({ chatId: chatA, typing: true });
    store.receive(null);
    expect(store.names(chatA)).toEqual([]);
  });

  it("tells listeners about changes and keeps a chat's snapshot while it does not change", () => {
    const store = new TypingStore(ws, me);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.receive(client(chatA, true));
    const first = store.names(chatA);
    store.receive(client(chatA, true));
    expect(store.names(chatA)).toBe(first);
    expect(listener).toHaveBeenCalledTimes(1);
    store.receive(client(chatB, true, "Carla"));
    expect(store.names(chatA)).toBe(first);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.clear();
    expect(store.names(chatB)).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("clears everyone when the connection drops, without timers left behind", () => {
    const store = new TypingStore(ws, me);
    store.receive(client(chatA, true));
    store.receive(client(chatB, true, "Carla"));
    store.clear();
    expect(store.names(chatA)).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
