import { Badge, Box, Button, Group, Kbd, Text, Title, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChatDto } from "../../../../common/inbox";
import { IconCheck } from "../../../ui/icons";
import { UserAvatar } from "../../../ui/UserAvatar";
import { ChannelIcon, statusColor } from "../ChannelIcon";

interface Props {
  chat: ChatDto;
  onMarkRead: () => void;
  marking: boolean;
}

/** Who the conversation is with, through which channel, and the mark-as-read control. */
export const ConversationHeader = ({ chat, onMarkRead, marking }: Props) => {
  const { t } = useTranslation();
  return (
    <Group
      px="md"
      h={56}
      gap="sm"
      wrap="nowrap"
      justify="space-between"
      style={{ borderBottom: "1px solid var(--mantine-color-default-border)", background: "var(--mantine-color-body)" }}
    >
      <Group gap="sm" wrap="nowrap" miw={0}>
        <UserAvatar name={chat.client.name} avatarUrl={chat.client.avatarUrl} size={34} />
        <Box miw={0}>
          <Title order={2} size="h5" lineClamp={1}>
            {chat.client.name}
          </Title>
          <Group gap={6} wrap="nowrap">
            <ChannelIcon kind={chat.channel.kind} size={12} />
            <Text size="xs" c="dimmed" truncate="end">
              {chat.channel.name}
            </Text>
            <Badge
              size="xs"
              variant="light"
              color={statusColor(chat.client.status)}
              data-testid="client-status"
              data-status={chat.client.status}
            >
              {t(`inbox.status.${chat.client.status}`)}
            </Badge>
          </Group>
        </Box>
      </Group>
      <Tooltip
        label={
          <Group gap={4}>
            {t("inbox.markRead")} <Kbd size="xs">Shift + Enter</Kbd>
          </Group>
        }
        withArrow
      >
        <Button
          variant="default"
          size="xs"
          leftSection={<IconCheck size={14} />}
          onClick={onMarkRead}
          loading={marking}
          disabled={chat.unreadCount === 0}
          style={{ flexShrink: 0 }}
        >
          {chat.unreadCount > 0 ? t("inbox.markReadCount", { count: chat.unreadCount }) : t("inbox.allRead")}
        </Button>
      </Tooltip>
    </Group>
  );
};
