import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "../../../../common/inbox";
import { api } from "../../../api/client";
import { inboxKeys } from "../../../api/inbox";
import { workspacePath } from "../../../api/workspaces";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { FormActions } from "../../../ui/FormActions";
import { IconCheck } from "../../../ui/icons";
import { TelegramModeFields } from "./TelegramModeFields";
import {
  botLink,
  type TelegramForm,
  type TelegramFormErrors,
  telegramConfigOf,
  telegramCreateRequest,
  validateTelegramForm,
} from "./telegramConfig";

interface Props {
  workspaceId: string;
  onClose: () => void;
  onCreated: () => void;
}

const Connected = ({ channel, onClose }: { channel: ChannelDto; onClose: () => void }) => {
  const { t } = useTranslation();
  const config = telegramConfigOf(channel);
  const username = config?.botUsername ?? null;
  const link = username ? botLink(username) : null;
  return (
    <Stack>
      <Alert color="teal" variant="light" icon={<IconCheck />} role="status" title={channel.name}>
        {username ? t("channels.telegram.connected", { username }) : t("channels.telegram.connectedNoName")}
      </Alert>
      <Text size="sm">{t("channels.telegram.connectedText")}</Text>
      {link && (
        <Anchor href={link} target="_blank" rel="noopener noreferrer" size="sm">
          {t("channels.telegram.openBot", { username })}
        </Anchor>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>{t("common.done")}</Button>
      </Group>
    </Stack>
  );
};

/** Connects a Telegram bot by its token; the server checks it with Telegram and names the channel after the bot. */
export const TelegramChannelForm = ({ workspaceId, onClose, onCreated }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<TelegramForm>({ name: "", token: "", mode: "polling", apiBaseUrl: "" });
  const [errors, setErrors] = useState<TelegramFormErrors>({});
  const [showToken, setShowToken] = useState(false);
  const create = useMutation({
    mutationFn: (values: TelegramForm) =>
      api.post<{ channel: ChannelDto }>(`${workspacePath(workspaceId)}/channels`, telegramCreateRequest(values)),
    onSuccess: () => {
      onCreated();
      return queryClient.invalidateQueries({ queryKey: inboxKeys.channels(workspaceId) });
    },
  });
  const set = <K extends keyof TelegramForm>(key: K, value: TelegramForm[K]) => {
    setForm((old) => ({ ...old, [key]: value }));
    setErrors((old) => ({ ...old, [key]: undefined }));
    if (create.error) create.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = validateTelegramForm(form);
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    create.mutate(form);
  };
  const fieldError = (key: keyof TelegramForm) => {
    const code = errors[key];
    return code ? t(code) : undefined;
  };
  if (create.data) return <Connected channel={create.data.channel} onClose={onClose} />;
  const toggleLabel = showToken ? t("channels.telegram.hideToken") : t("channels.telegram.showToken");
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("channels.telegram.createText")}
        </Text>
        <PasswordInput
          label={t("channels.telegram.token")}
          description={t("channels.telegram.tokenHint")}
          required
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          placeholder="123456789:AA…"
          value={form.token}
          error={fieldError("token")}
          onChange={(event) => set("token", event.currentTarget.value)}
          visible={showToken}
          onVisibilityChange={setShowToken}
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ "aria-label": toggleLabel, title: toggleLabel }}
          data-testid="telegram-token"
        />
        <TextInput
          label={t("channels.name")}
          description={t("channels.telegram.nameHint")}
          placeholder={t("channels.telegram.namePlaceholder")}
          value={form.name}
          error={fieldError("name")}
          onChange={(event) => set("name", event.currentTarget.value)}
        />
        <TelegramModeFields
          mode={form.mode}
          onModeChange={(mode) => set("mode", mode)}
          apiBaseUrl={form.apiBaseUrl}
          onApiBaseUrlChange={(value) => set("apiBaseUrl", value)}
          apiBaseUrlError={fieldError("apiBaseUrl")}
        />
        <ErrorAlert error={create.error} title={t("channels.telegram.notConnected")} />
        <FormActions onCancel={onClose} submitLabel={t("channels.telegram.connect")} loading={create.isPending} />
      </Stack>
    </form>
  );
};
