import { type InfiniteData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type {
  ChannelDto,
  ChatDto,
  ChatsResponse,
  MessageDto,
  MessagesResponse,
  SendMessageRequest,
} from "../../common/inbox";
import { api } from "./client";
import { workspacePath } from "./workspaces";

export type ChatTab = "all" | "unread";
export type ChatOrder = "newest" | "oldest";
export interface ChatListParams {
  tab: ChatTab;
  q: string;
  order: ChatOrder;
}
export type ChatCounts = ChatsResponse["counts"];
export type ChatPages = InfiniteData<ChatsResponse, string | null>;
export type MessagePages = InfiniteData<MessagesResponse, string | null>;

export const inboxKeys = {
  channels: (ws: string) => ["workspace", ws, "channels"] as const,
  chatLists: (ws: string) => ["workspace", ws, "chats"] as const,
  chatList: (ws: string, params: ChatListParams) => ["workspace", ws, "chats", params] as const,
  counts: (ws: string) => ["workspace", ws, "chat-counts"] as const,
  chat: (ws: string, chatId: string) => ["workspace", ws, "chat", chatId] as const,
  messages: (ws: string, chatId: string) => ["workspace", ws, "messages", chatId] as const,
};

export const chatsPath = (ws: string) => `${workspacePath(ws)}/chats`;
export const chatPath = (ws: string, chatId: string) => `${chatsPath(ws)}/${encodeURIComponent(chatId)}`;

export const pageSize = { chats: 50, messages: 50 } as const;

export const fetchChats = (ws: string, params: ChatListParams, cursor: string | null, signal?: AbortSignal) => {
  const search = new URLSearchParams({ tab: params.tab, order: params.order, limit: String(pageSize.chats) });
  if (params.q.trim()) search.set("q", params.q.trim());
  if (cursor) search.set("cursor", cursor);
  return api.get<ChatsResponse>(`${chatsPath(ws)}?${search}`, signal);
};

export const useChannels = (ws: string) =>
  useQuery({
    queryKey: inboxKeys.channels(ws),
    queryFn: ({ signal }) => api.get<{ items: ChannelDto[] }>(`${workspacePath(ws)}/channels`, signal),
    select: (data) => data.items,
  });

export const useChatList = (ws: string, params: ChatListParams) =>
  useInfiniteQuery({
    queryKey: inboxKeys.chatList(ws, params),
    queryFn: ({ pageParam, signal }) => fetchChats(ws, params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While a search or the order changes, the rows of the same tab stay until the new ones arrive.
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[3];
      return typeof before === "object" && before !== null && "tab" in before && before.tab === params.tab
        ? previous
        : undefined;
    },
  });

/** The tab counts: taken from every list answer, refreshed after realtime changes. */
export const useChatCounts = (ws: string) =>
  useQuery({
    queryKey: inboxKeys.counts(ws),
    queryFn: async ({ signal }) => {
      const search = new URLSearchParams({ tab: "all", limit: "1" });
      return (await api.get<ChatsResponse>(`${chatsPath(ws)}?${search}`, signal)).counts;
    },
    staleTime: 5_000,
  });

export const useChat = (ws: string, chatId: string | undefined) =>
  useQuery({
    queryKey: inboxKeys.chat(ws, chatId ?? ""),
    queryFn: ({ signal }) => api.get<{ chat: ChatDto }>(chatPath(ws, chatId ?? ""), signal),
    select: (data) => data.chat,
    enabled: Boolean(chatId),
  });

/** Pages of a chat's timeline: the first page is the newest, each next one older. */
export const useMessages = (ws: string, chatId: string) =>
  useInfiniteQuery({
    queryKey: inboxKeys.messages(ws, chatId),
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams({ limit: String(pageSize.messages) });
      if (pageParam) search.set("before", pageParam);
      return api.get<MessagesResponse>(`${chatPath(ws, chatId)}/messages?${search}`, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.hasMore ? (last.items[0]?.id ?? null) : null),
  });

/** All loaded messages, oldest first. */
export const flattenMessages = (data: { pages: MessagesResponse[] } | undefined): MessageDto[] =>
  data ? [...data.pages].reverse().flatMap((page) => page.items) : [];

export const sendMessage = (ws: string, chatId: string, body: SendMessageRequest) =>
  api.post<{ message: MessageDto }>(`${chatPath(ws, chatId)}/messages`, body);

const messagePath = (ws: string, chatId: string, messageId: string) =>
  `${chatPath(ws, chatId)}/messages/${encodeURIComponent(messageId)}`;

/** Edits the manager's own sent message; the messenger's copy follows (a refusal comes back as `error`). */
export const editMessage = (ws: string, chatId: string, messageId: string, text: string) =>
  api.patch<{ message: MessageDto }>(messagePath(ws, chatId, messageId), { text });

/** Deletes the manager's own message for everyone (within the messenger's window). */
export const deleteMessage = (ws: string, chatId: string, messageId: string) =>
  api.delete<{ message: MessageDto }>(messagePath(ws, chatId, messageId));

export const retryMessage = (ws: string, chatId: string, messageId: string) =>
  api.post<{ message: MessageDto }>(`${messagePath(ws, chatId, messageId)}/retry`);

export const markRead = (ws: string, chatId: string) => api.post<{ chat: ChatDto }>(`${chatPath(ws, chatId)}/read`);
