import { Badge, Box, SegmentedControl, Stack, Tabs, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type ChatOrder, type ChatTab, useChannels, useChatCounts, useChatList } from "../../../api/inbox";
import { chatUrl } from "../../../app/paths";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IconSearch } from "../../../ui/icons";
import { ChatList } from "./ChatList";
import { ListEmpty } from "./ListEmpty";
import { RowSkeletons } from "./RowSkeletons";

const Count = ({ count }: { count: number | undefined }) => (
  <Badge size="sm" variant="light" color="gray" circle={(count ?? 0) < 10}>
    {count ?? "·"}
  </Badge>
);

interface Props {
  workspaceId: string;
  activeId: string | undefined;
}

/** The left pane: tabs with counts, quick search, the order of the unread tab, and the live list. */
export const ChatListPane = ({ workspaceId, activeId }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [tab, setTab] = useState<ChatTab>("all");
  const [order, setOrder] = useState<ChatOrder>("newest");
  const [query, setQuery] = useState("");
  const [q] = useDebouncedValue(query.trim(), 200);
  const list = useChatList(workspaceId, { tab, q, order: tab === "unread" ? order : "newest" });
  const counts = useChatCounts(workspaceId);
  const channels = useChannels(workspaceId);
  const chats = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const href = useCallback((chatId: string) => chatUrl(workspaceId, chatId), [workspaceId]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  // P17: Ctrl+Shift+↑/↓ opens the previous / next chat of the list, from anywhere in the inbox.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey) return;
      if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
      event.preventDefault();
      const index = chats.findIndex((chat) => chat.id === activeId);
      const next = event.key === "ArrowUp" ? (index < 0 ? 0 : index - 1) : index + 1;
      const target = chats[Math.max(0, Math.min(chats.length - 1, next))];
      if (target && target.id !== activeId) navigate(href(target.id));
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [chats, activeId, navigate, href]);

  // Relative times ("5 min") move on by themselves.
  const [, setMinute] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setMinute((minute) => minute + 1), 60_000);
    return () => clearInterval(timer);
  }, []);

  const searching = query.trim() !== "";
  return (
    <Stack gap={0} h="100%" component="section" aria-label={t("inbox.listLabel")}>
      <Box px="sm" pt="sm">
        <TextInput
          placeholder={t("inbox.searchPlaceholder")}
          aria-label={t("inbox.searchLabel")}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          type="search"
        />
      </Box>
      <Tabs value={tab} onChange={(value) => setTab(value === "unread" ? "unread" : "all")} mt="xs">
        <Tabs.List px="xs">
          <Tabs.Tab value="all" rightSection={<Count count={counts.data?.all} />}>
            {t("inbox.tabs.all")}
          </Tabs.Tab>
          <Tabs.Tab value="unread" rightSection={<Count count={counts.data?.unread} />}>
            {t("inbox.tabs.unread")}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === "unread" && (
        <Box px="sm" pt="xs">
          <SegmentedControl
            size="xs"
            fullWidth
            value={order}
            onChange={(value) => setOrder(value === "oldest" ? "oldest" : "newest")}
            aria-label={t("inbox.orderLabel")}
            data={[
              { value: "newest", label: t("inbox.order.newest") },
              { value: "oldest", label: t("inbox.order.oldest") },
            ]}
          />
        </Box>
      )}
      {list.isPending && <RowSkeletons />}
      {list.isError && (
        <Box p="sm">
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        </Box>
      )}
      {list.data && chats.length === 0 && (
        <Box p="md">
          <ListEmpty
            query={searching ? q : ""}
            tab={tab}
            hasChannels={channels.data ? channels.data.length > 0 : null}
          />
        </Box>
      )}
      {chats.length > 0 && (
        <ChatList
          chats={chats}
          activeId={activeId}
          href={href}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
        />
      )}
    </Stack>
  );
};
