import { Badge, Box, Group, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ChatDto } from "../../../../common/inbox";
import { formatExact, formatRelative } from "../../../ui/time";
import { UserAvatar } from "../../../ui/UserAvatar";
import { ChannelIcon, statusColor } from "../ChannelIcon";
import { useTypingNames } from "../realtime/live";
import classes from "./ChatList.module.css";

interface Props {
  chat: ChatDto;
  active: boolean;
  href: (chatId: string) => string;
}

/** One line of the list: who, where from, the last word (or that someone types), when, and how much is unread. */
export const ChatRow = ({ chat, active, href }: Props) => {
  const { t, i18n } = useTranslation();
  const last = chat.lastMessage;
  const preview = last ? (last.text ?? t("inbox.attachment")) : t("inbox.noMessages");
  const at = last?.createdAt ?? chat.lastActivityAt;
  // Someone typing in the chat says more than its last message, for as long as they type.
  const typing = useTypingNames(chat.id).length > 0;
  const label = t("inbox.rowLabel", { name: chat.client.name, channel: chat.channel.name, count: chat.unreadCount });
  const rowLabel =
    chat.client.status === "subscribed"
      ? label
      : t("inbox.rowLabelStatus", { label, status: t(`inbox.status.${chat.client.status}`) });
  return (
    <div className={classes.row} data-active={active || undefined}>
      <Link
        to={href(chat.id)}
        className={classes.link}
        aria-current={active ? "page" : undefined}
        aria-label={rowLabel}
      >
        <Box pos="relative" style={{ flexShrink: 0 }}>
          <UserAvatar name={chat.client.name} avatarUrl={chat.client.avatarUrl} size={38} />
          <Box pos="absolute" right={-2} bottom={-2} style={{ display: "flex" }}>
            <ChannelIcon kind={chat.channel.kind} />
          </Box>
        </Box>
        <Box flex={1} miw={0}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="sm" fw={chat.unreadCount > 0 ? 700 : 600} truncate="end">
              {chat.client.name}
            </Text>
            <Text
              component="time"
              dateTime={at}
              title={formatExact(at, i18n.language)}
              size="xs"
              c="dimmed"
              style={{ flexShrink: 0 }}
            >
              {formatRelative(at, i18n.language)}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap" justify="space-between">
            {typing ? (
              <Text
                size="sm"
                c="var(--mantine-primary-color-light-color)"
                fs="italic"
                truncate="end"
                data-testid="chat-row-typing"
              >
                {t("inbox.typingMark")}
              </Text>
            ) : (
              <Text size="sm" c={chat.unreadCount > 0 ? undefined : "dimmed"} truncate="end">
                {last?.direction === "out" && (
                  <Text span inherit c="dimmed">
                    {t("inbox.youPrefix")}{" "}
                  </Text>
                )}
                {preview}
              </Text>
            )}
            {chat.unreadCount > 0 && (
              <Badge size="sm" circle={chat.unreadCount < 10} style={{ flexShrink: 0 }} aria-hidden="true">
                {chat.unreadCount > 99 ? "99+" : chat.unreadCount}
              </Badge>
            )}
          </Group>
          {chat.client.status !== "subscribed" && (
            <Badge
              size="xs"
              variant="light"
              color={statusColor(chat.client.status)}
              mt={4}
              data-testid="client-status"
              data-status={chat.client.status}
            >
              {t(`inbox.status.${chat.client.status}`)}
            </Badge>
          )}
        </Box>
      </Link>
      {chat.otherChats.length > 0 && (
        <Group gap={4} className={classes.switcher} role="group" aria-label={t("inbox.otherChannels")}>
          {chat.otherChats.map((other) => (
            <UnstyledButton
              key={other.id}
              component={Link}
              to={href(other.id)}
              className={classes.chip}
              aria-label={t("inbox.openInChannel", { channel: other.channel.name })}
            >
              <ChannelIcon kind={other.channel.kind} size={12} />
              <Text span size="xs" truncate="end" maw={110}>
                {other.channel.name}
              </Text>
              {other.unreadCount > 0 && (
                <Badge size="xs" circle={other.unreadCount < 10}>
                  {other.unreadCount}
                </Badge>
              )}
            </UnstyledButton>
          ))}
        </Group>
      )}
    </div>
  );
};
