import { Button, Collapse, Radio, Stack, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { IconChevronDown } from "../../../ui/icons";
import type { TelegramMode } from "./telegramConfig";

interface Props {
  mode: TelegramMode;
  onModeChange: (mode: TelegramMode) => void;
  apiBaseUrl: string;
  onApiBaseUrlChange: (value: string) => void;
  apiBaseUrlError?: string;
}

/** How Parley receives a bot's updates (long polling or webhook), and the advanced Bot API server address. */
export const TelegramModeFields = ({ mode, onModeChange, apiBaseUrl, onApiBaseUrlChange, apiBaseUrlError }: Props) => {
  const { t } = useTranslation();
  const [advanced, { toggle }] = useDisclosure(apiBaseUrl !== "" || Boolean(apiBaseUrlError));
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t("channels.telegram.mode")}
        value={mode}
        onChange={(value) => onModeChange(value === "webhook" ? "webhook" : "polling")}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="polling"
            label={t("channels.telegram.polling")}
            description={t("channels.telegram.pollingHint")}
          />
          <Radio
            value="webhook"
            label={t("channels.telegram.webhook")}
            description={t("channels.telegram.webhookHint")}
          />
        </Stack>
      </Radio.Group>
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          onClick={toggle}
          aria-expanded={advanced || Boolean(apiBaseUrlError)}
          rightSection={<IconChevronDown size={14} style={{ transform: advanced ? "rotate(180deg)" : undefined }} />}
        >
          {t("channels.telegram.advanced")}
        </Button>
        <Collapse expanded={advanced || Boolean(apiBaseUrlError)}>
          <TextInput
            mt="xs"
            label={t("channels.telegram.apiBaseUrl")}
            description={t("channels.telegram.apiBaseUrlHint")}
            type="url"
            placeholder="https://api.telegram.org"
            value={apiBaseUrl}
            error={apiBaseUrlError}
            onChange={(event) => onApiBaseUrlChange(event.currentTarget.value)}
          />
        </Collapse>
      </div>
    </Stack>
  );
};
