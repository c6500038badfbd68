import { Box, Center, EmptyState, Group, Kbd, Skeleton, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import type { MessageDto } from "../../../../common/inbox";
import { useChat, useChatCounts } from "../../../api/inbox";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IconMessages } from "../../../ui/icons";
import classes from "../Inbox.module.css";
import { Composer } from "./Composer";
import { ConversationHeader } from "./ConversationHeader";
import { Timeline } from "./Timeline";
import { TypingIndicator } from "./TypingIndicator";
import { useMarkRead } from "./useChatActions";

const Choose = ({ workspaceId }: { workspaceId: string }) => {
  const { t } = useTranslation();
  // A workspace without any conversation: there is nothing to choose yet (the list offers the next steps).
  const none = useChatCounts(workspaceId).data?.all === 0;
  return (
    <Center h="100%" className={classes.centre} component="section" aria-label={t("inbox.conversationLabel")}>
      <EmptyState
        icon={<IconMessages size={28} />}
        withIndicatorBackground
        title={t("inbox.chooseTitle")}
        description={none ? t("inbox.nothingYetText") : t("inbox.chooseText")}
      >
        <Text size="xs" c="dimmed" mt="sm">
          <Trans i18nKey="inbox.hotkeysHint" components={{ kbd: <Kbd size="xs" /> }} />
        </Text>
      </EmptyState>
    </Center>
  );
};

const Conversation = ({ workspaceId, chatId }: { workspaceId: string; chatId: string }) => {
  const { t } = useTranslation();
  const chat = useChat(workspaceId, chatId);
  const markRead = useMarkRead(workspaceId, chatId);
  const [replyTo, setReplyTo] = useState<MessageDto | null>(null);
  const doMarkRead = () => {
    if (!markRead.isPending) markRead.mutate();
  };
  return (
    <Stack gap={0} h="100%" className={classes.centre} component="section" aria-label={t("inbox.conversationLabel")}>
      {chat.data ? (
        <ConversationHeader chat={chat.data} onMarkRead={doMarkRead} marking={markRead.isPending} />
      ) : (
        <Group px="md" h={56} gap="sm" aria-hidden="true">
          <Skeleton circle h={34} w={34} />
          <Skeleton h={12} w={160} />
        </Group>
      )}
      {chat.isError && (
        <Box p="md">
          <ErrorAlert error={chat.error} onRetry={() => void chat.refetch()} />
        </Box>
      )}
      {markRead.error && (
        <Box px="md" pt="xs">
          <ErrorAlert error={markRead.error} />
        </Box>
      )}
      <Timeline
        workspaceId={workspaceId}
        chatId={chatId}
        clientName={chat.data?.client.name ?? ""}
        channel={chat.data?.channel ?? null}
        onReply={setReplyTo}
      />
      <TypingIndicator chatId={chatId} />
      <Composer
        workspaceId={workspaceId}
        chatId={chatId}
        chat={chat.data ?? null}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        onMarkRead={doMarkRead}
      />
    </Stack>
  );
};

/** The centre pane: the open conversation, or what to do when none is open. */
export const ConversationPane = ({ workspaceId, chatId }: { workspaceId: string; chatId: string | undefined }) =>
  chatId ? (
    <Conversation key={chatId} workspaceId={workspaceId} chatId={chatId} />
  ) : (
    <Choose workspaceId={workspaceId} />
  );
