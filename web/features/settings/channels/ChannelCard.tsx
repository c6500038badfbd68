import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "../../../../common/inbox";
import { IconKey, IconPause, IconPlay, IconSettingsSliders, IconTrash } from "../../../ui/icons";
import { RelativeTime } from "../../../ui/time";
import { ChannelIcon, channelKindName } from "../../inbox/ChannelIcon";
import { TelegramDetails } from "./TelegramDetails";
import { telegramConfigOf } from "./telegramConfig";
import { WebhookUrl } from "./WebhookUrl";
import { WidgetDetails } from "./WidgetDetails";
import { widgetConfigOf } from "./widgetConfig";

interface Props {
  channel: ChannelDto;
  admin: boolean;
  busy: boolean;
  onToggle: () => void;
  onRemove: () => void;
  onShowSecret: () => void;
  onSettings: () => void;
}

/** One channel with its health: status, where it receives, last update and last error (P21). */
export const ChannelCard = ({ channel, admin, busy, onToggle, onRemove, onShowSecret, onSettings }: Props) => {
  const { t } = useTranslation();
  const paused = channel.status === "paused";
  const telegram = telegramConfigOf(channel);
  const widget = widgetConfigOf(channel);
  // A Telegram bot in polling mode receives nothing at its webhook URL, nor does a widget: showing it would mislead.
  const showWebhook = !widget && (!telegram || telegram.mode === "webhook");
  const secretLabels = widget
    ? { tip: t("channels.widget.showSecret"), label: t("channels.widget.showSecretNamed", { name: channel.name }) }
    : { tip: t("channels.showSecret"), label: t("channels.showSecretNamed", { name: channel.name }) };
  const settingsLabels = widget
    ? { tip: t("channels.widget.settings"), label: t("channels.widget.settingsNamed", { name: channel.name }) }
    : { tip: t("channels.telegram.settings"), label: t("channels.telegram.settingsNamed", { name: channel.name }) };
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
              {widget ? t("channels.kindWidget") : channelKindName[channel.kind]}
            </Text>
            <Badge size="sm" variant="light" color={paused ? "gray" : "teal"}>
              {t(`channels.status.${channel.status}`)}
            </Badge>
          </Group>
          {admin && (
            <Group gap={4} wrap="nowrap">
              {(channel.kind === "api" || widget) && (
                <Tooltip label={secretLabels.tip} withArrow>
                  <ActionIcon variant="subtle" color="gray" onClick={onShowSecret} aria-label={secretLabels.label}>
                    <IconKey size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
              {(telegram || widget) && (
                <Tooltip label={settingsLabels.tip} withArrow>
                  <ActionIcon variant="subtle" color="gray" onClick={onSettings} aria-label={settingsLabels.label}>
                    <IconSettingsSliders size={16} />
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
        {telegram && <TelegramDetails config={telegram} />}
        {widget && <WidgetDetails channelId={channel.id} name={channel.name} config={widget} />}
        {showWebhook && <WebhookUrl url={channel.webhookUrl} />}
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
                <Tooltip label={channel.lastError} multiline maw={420} withArrow openDelay={300}>
                  <Text size="sm" c="red" lineClamp={1} data-testid="channel-last-error">
                    {channel.lastError}
                  </Text>
                </Tooltip>
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
