import { Box, Button, Center, Loader, Skeleton, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChatDto, MessageDto } from "../../../../common/inbox";
import { flattenMessages, retryMessage, useMessages } from "../../../api/inbox";
import { useMe } from "../../../api/session";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IconArrowDown } from "../../../ui/icons";
import { applyMessage } from "../realtime/cache";
import { DeleteMessageModal } from "./DeleteMessageModal";
import { EditMessageModal } from "./EditMessageModal";
import { MessageBubble } from "./MessageBubble";
import classes from "./Timeline.module.css";

interface Props {
  workspaceId: string;
  chatId: string;
  clientName: string;
  /** The chat's channel: what its messenger lets managers do with messages (null while the chat loads). */
  channel: ChatDto["channel"] | null;
  onReply: (message: MessageDto) => void;
}

const nearBottom = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight < 48;

const TimelineSkeleton = () => (
  <Stack gap="sm" p="md" aria-hidden="true" style={{ flex: 1, justifyContent: "flex-end" }}>
    <Skeleton h={36} w="40%" radius="lg" />
    <Skeleton h={52} w="55%" radius="lg" ml="auto" />
    <Skeleton h={36} w="30%" radius="lg" />
  </Stack>
);

/**
 * P11: the virtualised timeline, newest at the bottom. Older pages load at the top without moving what is on
 * screen; new messages keep the view at the bottom, or show a pill when the reader scrolled up.
 */
export const Timeline = ({ workspaceId, chatId, clientName, channel, onReply }: Props) => {
  const { t } = useTranslation();
  const me = useMe().user.id;
  const queryClient = useQueryClient();
  const query = useMessages(workspaceId, chatId);
  const messages = useMemo(() => flattenMessages(query.data), [query.data]);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [unseen, setUnseen] = useState(0);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [editing, setEditing] = useState<MessageDto | null>(null);
  const [deleting, setDeleting] = useState<MessageDto | null>(null);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 60,
    getItemKey: (index) => messages[index]?.id ?? index,
    overscan: 10,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  const scrollToBottom = useCallback(() => {
    if (messages.length === 0) return;
    virtualizer.scrollToIndex(messages.length - 1, { align: "end" });
    atBottom.current = true;
    setUnseen(0);
  }, [messages.length, virtualizer]);

  const firstId = messages[0]?.id;
  const last = messages[messages.length - 1];
  const seen = useRef<{ firstId?: string; lastId?: string; ids: Set<string> }>({ ids: new Set() });
  useLayoutEffect(() => {
    const el = scroller.current;
    const before = seen.current;
    seen.current = { firstId, lastId: last?.id, ids: new Set(messages.map((m) => m.id)) };
    if (!el || !last) return;
    if (before.lastId === undefined) {
      scrollToBottom();
      requestAnimationFrame(scrollToBottom);
      return;
    }
    if (firstId !== before.firstId && before.firstId) {
      // An older page came in above: keep the first message that was on top where it was.
      const index = messages.findIndex((m) => m.id === before.firstId);
      const start = virtualizer.measurementsCache[index]?.start ?? 0;
      if (index > 0) el.scrollTop += start;
    }
    if (last.id !== before.lastId) {
      const fresh = messages.filter((m) => !before.ids.has(m.id));
      const mine = fresh.some((m) => m.author.userId === me);
      if (atBottom.current || mine) {
        scrollToBottom();
        requestAnimationFrame(scrollToBottom);
      } else setUnseen((count) => count + fresh.length);
    }
  }, [firstId, last, messages, me, scrollToBottom, virtualizer]);

  const loadOlderIfNeeded = useCallback(() => {
    const el = scroller.current;
    if (el && el.scrollTop < 300 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    // A short first page does not scroll at all: load on until the view is full or history ends.
    const el = scroller.current;
    if (el && el.scrollHeight <= el.clientHeight + 300) loadOlderIfNeeded();
  }, [loadOlderIfNeeded]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = nearBottom(el);
    if (atBottom.current && unseen > 0) setUnseen(0);
    loadOlderIfNeeded();
  };

  const jumpTo = useCallback(
    (messageId: string) => {
      const index = messages.findIndex((m) => m.id === messageId);
      if (index < 0) return;
      virtualizer.scrollToIndex(index, { align: "center" });
      setFlashId(messageId);
      setTimeout(() => setFlashId((current) => (current === messageId ? null : current)), 1600);
    },
    [messages, virtualizer],
  );

  const retry = useMutation({
    mutationFn: (message: MessageDto) => retryMessage(workspaceId, chatId, message.id),
    onSuccess: ({ message }) => applyMessage(queryClient, workspaceId, message, "retried"),
  });

  if (query.isPending) return <TimelineSkeleton />;
  if (query.isError)
    return (
      <Box p="md" style={{ flex: 1 }}>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Box>
    );
  return (
    <Box pos="relative" style={{ flex: 1, minHeight: 0, display: "flex", flexDirection: "column" }}>
      <div
        ref={scroller}
        className={classes.scroller}
        onScroll={onScroll}
        role="log"
        aria-label={t("inbox.timelineLabel")}
        aria-live="polite"
        aria-relevant="additions"
      >
        {isFetchingNextPage && (
          <Center py={6}>
            <Loader size="xs" aria-label={t("common.loading")} />
          </Center>
        )}
        {!hasNextPage && messages.length > 0 && (
          <Text size="xs" c="dimmed" ta="center" py={8}>
            {t("inbox.historyStart")}
          </Text>
        )}
        {messages.length === 0 && (
          <Center h="100%">
            <Text size="sm" c="dimmed">
              {t("inbox.noMessages")}
            </Text>
          </Center>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const message = messages[item.index];
            if (!message) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={flashId === message.id ? classes.flashing : undefined}
                style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <MessageBubble
                  message={message}
                  clientName={clientName}
                  channel={channel}
                  me={me}
                  onReply={onReply}
                  onEdit={setEditing}
                  onDelete={setDeleting}
                  onJumpTo={jumpTo}
                  onRetry={(m) => retry.mutate(m)}
                  retrying={retry.isPending && retry.variables?.id === message.id}
                />
              </div>
            );
          })}
        </div>
        <Box h={8} />
      </div>
      {unseen > 0 && (
        <Button
          className={classes.pill}
          size="compact-sm"
          radius="xl"
          leftSection={<IconArrowDown size={14} />}
          onClick={scrollToBottom}
        >
          {t("inbox.newMessages", { count: unseen })}
        </Button>
      )}
      {retry.error && (
        <Box px="md" pb="xs">
          <ErrorAlert error={retry.error} />
        </Box>
      )}
      <EditMessageModal workspaceId={workspaceId} chatId={chatId} message={editing} onClose={() => setEditing(null)} />
      <DeleteMessageModal
        workspaceId={workspaceId}
        chatId={chatId}
        channel={channel}
        clientName={clientName}
        message={deleting}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
};
