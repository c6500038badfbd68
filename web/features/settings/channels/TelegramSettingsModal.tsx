import { Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "../../../../common/inbox";
import { api } from "../../../api/client";
import { inboxKeys } from "../../../api/inbox";
import { workspacePath } from "../../../api/workspaces";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { FormActions } from "../../../ui/FormActions";
import { TelegramModeFields } from "./TelegramModeFields";
import { type TelegramMode, telegramConfigOf, telegramUpdateRequest, validateTelegramForm } from "./telegramConfig";

interface Props {
  workspaceId: string;
  /** The Telegram channel being set up; null when the modal is closed. */
  channel: ChannelDto | null;
  onClose: () => void;
}

const SettingsForm = ({ workspaceId, channel, onClose }: Props & { channel: ChannelDto }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const config = telegramConfigOf(channel);
  const [mode, setMode] = useState<TelegramMode>(config?.mode ?? "polling");
  const [apiBaseUrl, setApiBaseUrl] = useState(config?.apiBaseUrl ?? "");
  const [urlError, setUrlError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () =>
      api.patch<{ channel: ChannelDto }>(
        `${workspacePath(workspaceId)}/channels/${encodeURIComponent(channel.id)}`,
        telegramUpdateRequest(mode, apiBaseUrl),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: inboxKeys.channels(workspaceId) });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validateTelegramForm({ name: "", token: "", mode, apiBaseUrl }, false);
    setUrlError(errors.apiBaseUrl ? t(errors.apiBaseUrl) : undefined);
    if (!errors.apiBaseUrl) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("channels.telegram.settingsText")}
        </Text>
        <TelegramModeFields
          mode={mode}
          onModeChange={(next) => {
            setMode(next);
            if (save.error) save.reset();
          }}
          apiBaseUrl={apiBaseUrl}
          onApiBaseUrlChange={(value) => {
            setApiBaseUrl(value);
            setUrlError(undefined);
            if (save.error) save.reset();
          }}
          apiBaseUrlError={urlError}
        />
        <ErrorAlert error={save.error} />
        <FormActions onCancel={onClose} submitLabel={t("common.save")} loading={save.isPending} />
      </Stack>
    </form>
  );
};

/** Switches a Telegram channel between long polling and webhook (the token stays as stored). */
export const TelegramSettingsModal = ({ workspaceId, channel, onClose }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={channel !== null}
      onClose={onClose}
      title={t("channels.telegram.settingsTitle", { name: channel?.name ?? "" })}
      centered
    >
      {channel && <SettingsForm key={channel.id} workspaceId={workspaceId} channel={channel} onClose={onClose} />}
    </Modal>
  );
};
