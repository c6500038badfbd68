import { Box, Center, Loader } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ChatDto } from "../../../../common/inbox";
import { ChatRow } from "./ChatRow";

interface Props {
  chats: ChatDto[];
  activeId: string | undefined;
  href: (chatId: string) => string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

const rowHeight = (chat: ChatDto | undefined) =>
  60 + (chat && chat.client.status !== "subscribed" ? 22 : 0) + (chat && chat.otherChats.length > 0 ? 24 : 0);

/** The list is virtualised: only the rows in view are rendered, the next page loads near the end. */
export const ChatList = ({ chats, activeId, href, hasMore, loadingMore, onLoadMore }: Props) => {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: chats.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: (index) => rowHeight(chats[index]),
    getItemKey: (index) => chats[index]?.id ?? "more",
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= chats.length - 5) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, chats.length, onLoadMore]);
  // Keep the open chat in view when it is chosen from the keyboard (not when it merely moves up the list).
  const activeIndex = chats.findIndex((chat) => chat.id === activeId);
  const scrolledTo = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (activeIndex < 0 || scrolledTo.current === activeId) return;
    scrolledTo.current = activeId;
    virtualizer.scrollToIndex(activeIndex, { align: "auto" });
  }, [activeId, activeIndex, virtualizer]);
  return (
    <Box ref={scroller} flex={1} mih={0} style={{ overflowY: "auto", contain: "strict" }}>
      <ul
        style={{ height: virtualizer.getTotalSize(), position: "relative", margin: 0, padding: 0, listStyle: "none" }}
      >
        {items.map((item) => {
          const chat = chats[item.index];
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            >
              {chat ? (
                <ChatRow chat={chat} active={chat.id === activeId} href={href} />
              ) : (
                <Center h={48}>
                  <Loader size="sm" aria-label={t("common.loading")} />
                </Center>
              )}
            </li>
          );
        })}
      </ul>
    </Box>
  );
};
