import {
  ActionIcon,
  Badge,
  Center,
  CopyButton,
  Divider,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useChat } from "../../../api/inbox";
import { chatUrl } from "../../../app/paths";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IconAddressBook, IconCheck, IconCopy } from "../../../ui/icons";
import { UserAvatar } from "../../../ui/UserAvatar";
import { ChannelIcon } from "../ChannelIcon";
import classes from "./ClientCard.module.css";

const Field = ({ label, value }: { label: string; value: string | null }) => {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {value ? (
        <Group gap={4} wrap="nowrap">
          <Text size="sm" truncate="end" style={{ userSelect: "all" }}>
            {value}
          </Text>
          <CopyButton value={value} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow>
                <ActionIcon
                  variant="subtle"
                  color={copied ? "teal" : "gray"}
                  size="sm"
                  onClick={copy}
                  aria-label={copied ? t("common.copied") : t("common.copyLabel", { label })}
                >
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </Stack>
  );
};

const Aside = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Stack component="aside" aria-label={t("inbox.cardLabel")} h="100%" p="md" gap="md" style={{ overflowY: "auto" }}>
      {children}
    </Stack>
  );
};

/** P7 (quick card): who the client is, their channels with status, and how to reach them. */
export const ClientCardPane = ({ workspaceId, chatId }: { workspaceId: string; chatId: string | undefined }) => {
  const { t } = useTranslation();
  const chat = useChat(workspaceId, chatId);
  if (!chatId) {
    return (
      <Center h="100%" p="md" component="aside" aria-label={t("inbox.cardLabel")}>
        <EmptyState
          size="sm"
          icon={<IconAddressBook size={24} />}
          title={t("inbox.cardEmptyTitle")}
          description={t("inbox.cardEmptyText")}
        />
      </Center>
    );
  }
  if (chat.isError)
    return (
      <Aside>
        <ErrorAlert error={chat.error} onRetry={() => void chat.refetch()} />
      </Aside>
    );
  if (!chat.data)
    return (
      <Aside>
        <Skeleton circle h={64} w={64} mx="auto" />
        <Skeleton h={14} w="60%" mx="auto" />
        <Skeleton h={60} />
      </Aside>
    );
  const { client, channel, otherChats } = chat.data;
  const status = t(`inbox.status.${client.status}`);
  return (
    <Aside>
      <Stack gap={6} align="center">
        <UserAvatar name={client.name} avatarUrl={client.avatarUrl} size={64} />
        <Title order={2} size="h4" ta="center">
          {client.name}
        </Title>
      </Stack>
      <Divider />
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {t("card.channels")}
        </Text>
        <Group gap="xs" wrap="nowrap" className={classes.channel} data-current>
          <ChannelIcon kind={channel.kind} />
          <Text size="sm" flex={1} truncate="end">
            {channel.name}
          </Text>
          <Badge size="xs" variant="light" color={client.status === "subscribed" ? "teal" : "orange"}>
            {status}
          </Badge>
        </Group>
        {otherChats.map((other) => (
          <UnstyledButton
            key={other.id}
            component={Link}
            to={chatUrl(workspaceId, other.id)}
            className={classes.channel}
            aria-label={t("inbox.openInChannel", { channel: other.channel.name })}
          >
            <ChannelIcon kind={other.channel.kind} />
            <Text size="sm" flex={1} truncate="end">
              {other.channel.name}
            </Text>
            {other.unreadCount > 0 && <Badge size="xs">{other.unreadCount}</Badge>}
          </UnstyledButton>
        ))}
      </Stack>
      <Divider />
      <Field label={t("card.phone")} value={client.phone} />
      <Field label={t("card.email")} value={client.email} />
    </Aside>
  );
};
