import type { QueryClient } from "@tanstack/react-query";
import type { ChatDto, MessageDto } from "../../../../common/inbox";
import { type ChatCounts, type ChatListParams, type ChatPages, inboxKeys, type MessagePages } from "../../../api/inbox";

const isParams = (value: unknown): value is ChatListParams =>
  typeof value === "object" && value !== null && "tab" in value && "order" in value && "q" in value;

/** Whether `a` is listed before `b` in a list with these parameters. */
const before = (a: ChatDto, b: ChatDto, params: ChatListParams): boolean => {
  const ascending = params.tab === "unread" && params.order === "oldest";
  const at = Date.parse(a.lastActivityAt) - Date.parse(b.lastActivityAt);
  const cmp = at !== 0 ? at : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return ascending ? cmp < 0 : cmp > 0;
};

const withSiblingUnread = (item: ChatDto, chat: ChatDto): ChatDto =>
  item.otherChats.some((other) => other.id === chat.id)
    ? {
        ...item,
        otherChats: item.otherChats.map((o) => (o.id === chat.id ? { ...o, unreadCount: chat.unreadCount } : o)),
      }
    : item;

/** The list with the chat updated, moved to where its last activity puts it, or dropped when it no longer belongs. */
export const placeChat = (data: ChatPages, chat: ChatDto, params: ChatListParams): ChatPages => {
  const belongs = params.tab !== "unread" || chat.unreadCount > 0;
  const found = data.pages.some((page) => page.items.some((item) => item.id === chat.id));
  let pages = data.pages.map((page) => ({ ...page, items: page.items.map((item) => withSiblingUnread(item, chat)) }));
  if (params.q.trim()) {
    // The server decides what a search matches: only chats already listed are updated.
    if (!found) return { ...data, pages };
    pages = pages.map((page) => ({
      ...page,
      items: belongs
        ? page.items.map((item) => (item.id === chat.id ? chat : item))
        : page.items.filter((i) => i.id !== chat.id),
    }));
    return { ...data, pages };
  }
  pages = pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== chat.id) }));
  if (!belongs) return { ...data, pages };
  for (const [index, page] of pages.entries()) {
    const position = page.items.findIndex((item) => before(chat, item, params));
    if (position >= 0) {
      const items = [...page.items];
      items.splice(position, 0, chat);
      pages[index] = { ...page, items };
      return { ...data, pages };
    }
  }
  const last = pages[pages.length - 1];
  // Past the loaded pages: the chat arrives with the next page instead.
  if (last && last.nextCursor === null) pages[pages.length - 1] = { ...last, items: [...last.items, chat] };
  return { ...data, pages };
};

/** The chat as the caches knew it before an update (the open chat, or a row of any loaded list). */
const knownChat = (queryClient: QueryClient, ws: string, chatId: string): ChatDto | undefined => {
  const detail = queryClient.getQueryData<{ chat: ChatDto }>(inboxKeys.chat(ws, chatId));
  if (detail) return detail.chat;
  for (const [, data] of queryClient.getQueriesData<ChatPages>({ queryKey: inboxKeys.chatLists(ws) })) {
    const found = data?.pages.flatMap((page) => page.items).find((item) => item.id === chatId);
    if (found) return found;
  }
  return undefined;
};

/** Moves the tab counts at once when a chat turns read or unread (the server's numbers follow shortly). */
const adjustCounts = (queryClient: QueryClient, ws: string, before: ChatDto | undefined, chat: ChatDto): void => {
  const isUnread = chat.unreadCount > 0;
  // Unknown before: only a first unread client message is sure to have turned it unread.
  const firstUnread = chat.unreadCount === 1 && chat.lastMessage?.direction === "in";
  const wasUnread = before ? before.unreadCount > 0 : isUnread && !firstUnread;
  if (wasUnread === isUnread) return;
  queryClient.setQueryData<ChatCounts>(inboxKeys.counts(ws), (old) =>
    old ? { ...old, unread: Math.max(0, old.unread + (isUnread ? 1 : -1)) } : old,
  );
};

export const applyChat = (queryClient: QueryClient, ws: string, chat: ChatDto): void => {
  adjustCounts(queryClient, ws, knownChat(queryClient, ws, chat.id), chat);
  queryClient.setQueryData<{ chat: ChatDto }>(inboxKeys.chat(ws, chat.id), (old) => (old ? { chat } : old));
  for (const [key, data] of queryClient.getQueriesData<ChatPages>({ queryKey: inboxKeys.chatLists(ws) })) {
    const params = key[3];
    if (!data || !isParams(params)) continue;
    queryClient.setQueryData<ChatPages>(key, placeChat(data, chat, params));
  }
};

const sortById = (items: MessageDto[]): MessageDto[] => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * `upsert` (a created event): add to the newest page or replace; `update` (an updated event): replace only when
 * loaded; `add` (the answer to a send, queued): add only when realtime did not already bring a newer state;
 * `retried` (the answer to a retry, queued): replace only while the loaded state is still the failure.
 */
export type PlaceMode = "upsert" | "update" | "add" | "retried";

export const placeMessage = (data: MessagePages, message: MessageDto, mode: PlaceMode): MessagePages => {
  const found = data.pages.some((page) => page.items.some((item) => item.id === message.id));
  if (!found && (mode === "update" || mode === "retried")) return data;
  if (found) {
    if (mode === "add") return data;
    const stillFailed = data.pages.some((page) =>
      page.items.some((item) => item.id === message.id && item.status === "failed"),
    );
    if (mode === "retried" && !stillFailed) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => (item.id === message.id ? message : item)),
      })),
    };
  }
  const [newest, ...older] = data.pages;
  if (!newest) return data;
  return { ...data, pages: [{ ...newest, items: sortById([...newest.items, message]) }, ...older] };
};

export const applyMessage = (queryClient: QueryClient, ws: string, message: MessageDto, mode: PlaceMode): void => {
  queryClient.setQueryData<MessagePages>(inboxKeys.messages(ws, message.chatId), (old) =>
    old ? placeMessage(old, message, mode) : old,
  );
};
