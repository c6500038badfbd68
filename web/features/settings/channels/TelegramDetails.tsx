import { Anchor, Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { botLink, type TelegramPublicConfig } from "./telegramConfig";

/** The bot behind a Telegram channel and how Parley receives its updates. */
export const TelegramDetails = ({ config }: { config: TelegramPublicConfig }) => {
  const { t } = useTranslation();
  const username = config.botUsername;
  const link = username ? botLink(username) : null;
  return (
    <Group gap="lg" wrap="wrap">
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t("channels.telegram.bot")}
        </Text>
        {username && link ? (
          <Anchor href={link} target="_blank" rel="noopener noreferrer" size="sm" data-testid="telegram-bot">
            @{username}
          </Anchor>
        ) : (
          <Text size="sm" data-testid="telegram-bot">
            {username ? `@${username}` : t("channels.telegram.botUnknown")}
          </Text>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t("channels.telegram.mode")}
        </Text>
        <Badge size="sm" variant="outline" color="gray" data-testid="telegram-mode" data-mode={config.mode}>
          {t(config.mode === "webhook" ? "channels.telegram.webhook" : "channels.telegram.polling")}
        </Badge>
      </Group>
      {config.apiBaseUrl && (
        <Group gap={6} wrap="nowrap" miw={0}>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {t("channels.telegram.apiBaseUrl")}
          </Text>
          <Text size="sm" truncate="end">
            {config.apiBaseUrl}
          </Text>
        </Group>
      )}
    </Group>
  );
};
