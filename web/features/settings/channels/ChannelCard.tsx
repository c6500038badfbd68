import { ActionIcon, Badge, Code, CopyButton, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "../../../../common/inbox";
import { IconCheck, IconCopy, IconKey, IconPause, IconPlay, IconTrash } from "../../../ui/icons";
import { RelativeTime } from "../../../ui/time";
import { ChannelIcon, channelKindName } from "../../inbox/ChannelIcon";

interface Props {
  channel: ChannelDto;
  admin: boolean;
  busy: boolean;
  onToggle: () => void;
  onRemove: () => void;
  onShowSecret: () => void;
}

/** One channel with its health: status, where it receives, last update and last error (P21). */
export const ChannelCard = ({ channel, admin, busy, onToggle, onRemove, onShowSecret }: Props) => {
  const { t } = useTranslation();
  const paused = channel.status === "paused";
  return (
    <Paper withBorder p="sm" radius="md" role="listitem" aria-label={channel.name}>
      <Stack gap={8}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <ChannelIcon kind={channel.kind} size={20} />
            <Text fw={600} truncate="end">
              {channel.name}
            </Text>
            <Text size="sm" c="dimmed">
              {channelKindName[channel.kind]}
            </Text>
            <Badge size="sm" variant="light" color={paused ? "gray" : "teal"}>
              {t(`channels.status.${channel.status}`)}
            </Badge>
          </Group>
          {admin && (
            <Group gap={4} wrap="nowrap">
              {channel.kind === "api" && (
                <Tooltip label={t("channels.showSecret")} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={onShowSecret}
                    aria-label={t("channels.showSecretNamed", { name: channel.name })}
                  >
                    <IconKey size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
              <Tooltip label={paused ? t("channels.resume") : t("channels.pause")} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={onToggle}
                  loading={busy}
                  aria-label={t(paused ? "channels.resumeNamed" : "channels.pauseNamed", { name: channel.name })}
                >
                  {paused ? <IconPlay size={16} /> : <IconPause size={16} />}
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t("channels.remove")} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={onRemove}
                  aria-label={t("channels.removeNamed", { name: channel.name })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {t("channels.webhookUrl")}
          </Text>
          <Code style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
            {channel.webhookUrl}
          </Code>
          <CopyButton value={channel.webhookUrl} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color={copied ? "teal" : "gray"}
                  onClick={copy}
                  aria-label={t("common.copyLabel", { label: t("channels.webhookUrl") })}
                >
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group gap="lg" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t("channels.lastUpdate")}
            </Text>
            {channel.lastUpdateAt ? (
              <RelativeTime iso={channel.lastUpdateAt} />
            ) : (
              <Text size="sm" c="dimmed">
                {t("channels.never")}
              </Text>
            )}
          </Group>
          <Group gap={6} wrap="nowrap" miw={0}>
            <Text size="xs" c="dimmed">
              {t("channels.lastError")}
            </Text>
            {channel.lastError ? (
              <>
                <Text size="sm" c="red" lineClamp={1}>
                  {channel.lastError}
                </Text>
                {channel.lastErrorAt && <RelativeTime iso={channel.lastErrorAt} />}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t("channels.noErrors")}
              </Text>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
};
