import { Alert, Button, Divider, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChannelDto, CreateChannelRequest } from "../../../../common/inbox";
import { api } from "../../../api/client";
import { inboxKeys } from "../../../api/inbox";
import { workspacePath } from "../../../api/workspaces";
import { CopyField } from "../../../ui/CopyField";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { FormActions } from "../../../ui/FormActions";
import { IconCheck } from "../../../ui/icons";
import { useWidgetForm } from "./useWidgetForm";
import { WidgetFields } from "./WidgetFields";
import { IdentityHowTo, SandboxButton, WidgetSnippet } from "./WidgetInstall";
import { emptyWidgetForm, widgetCreateRequest } from "./widgetConfig";

interface Props {
  workspaceId: string;
  onClose: () => void;
  onCreated: () => void;
}

const Created = ({ channel, secret, onClose }: { channel: ChannelDto; secret?: string; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="teal" variant="light" icon={<IconCheck />} role="status" title={channel.name}>
        {t("channels.widget.created")}
      </Alert>
      <WidgetSnippet channelId={channel.id} />
      <Group gap="sm">
        <SandboxButton channelId={channel.id} />
        <Text size="xs" c="dimmed">
          {t("channels.widget.sandboxHint")}
        </Text>
      </Group>
      {secret && (
        <>
          <Divider />
          <CopyField label={t("channels.widget.secret")} value={secret} />
          <IdentityHowTo />
        </>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>{t("common.done")}</Button>
      </Group>
    </Stack>
  );
};

/** Adds a web widget channel; afterwards shows the script tag, the sandbox and the identity secret. */
export const WidgetChannelForm = ({ workspaceId, onClose, onCreated }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [initial] = useState(emptyWidgetForm);
  const create = useMutation({
    mutationFn: (body: CreateChannelRequest) =>
      api.post<{ channel: ChannelDto; secret?: string }>(`${workspacePath(workspaceId)}/channels`, body),
    onSuccess: () => {
      onCreated();
      return queryClient.invalidateQueries({ queryKey: inboxKeys.channels(workspaceId) });
    },
  });
  const { form, errors, set, check } = useWidgetForm(initial, () => {
    if (create.error) create.reset();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check()) create.mutate(widgetCreateRequest(form));
  };
  if (create.data) return <Created channel={create.data.channel} secret={create.data.secret} onClose={onClose} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("channels.widget.createText")}
        </Text>
        <WidgetFields form={form} errors={errors} onChange={set} autoFocus />
        <ErrorAlert error={create.error} />
        <FormActions onCancel={onClose} submitLabel={t("channels.createSubmit")} loading={create.isPending} />
      </Stack>
    </form>
  );
};
