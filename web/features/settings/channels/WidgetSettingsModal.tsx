import { Modal, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "../../../../common/inbox";
import { api } from "../../../api/client";
import { inboxKeys } from "../../../api/inbox";
import { workspacePath } from "../../../api/workspaces";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { FormActions } from "../../../ui/FormActions";
import { useWidgetForm } from "./useWidgetForm";
import { WidgetFields } from "./WidgetFields";
import { widgetFormOf, widgetUpdateRequest } from "./widgetConfig";

interface Props {
  workspaceId: string;
  /** The widget channel being set up; null when the modal is closed. */
  channel: ChannelDto | null;
  onClose: () => void;
}

const SettingsForm = ({ workspaceId, channel, onClose }: Props & { channel: ChannelDto }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [initial] = useState(() => widgetFormOf(channel));
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof widgetUpdateRequest>) =>
      api.patch<{ channel: ChannelDto }>(
        `${workspacePath(workspaceId)}/channels/${encodeURIComponent(channel.id)}`,
        body,
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: inboxKeys.channels(workspaceId) });
      onClose();
    },
  });
  const { form, errors, set, check } = useWidgetForm(initial, () => {
    if (save.error) save.reset();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check()) save.mutate(widgetUpdateRequest(form));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <WidgetFields form={form} errors={errors} onChange={set} />
        <ErrorAlert error={save.error} />
        <FormActions onCancel={onClose} submitLabel={t("common.save")} loading={save.isPending} />
      </Stack>
    </form>
  );
};

/** Changes a widget channel's name, look, allowed sites and identity rule (the config is sent whole). */
export const WidgetSettingsModal = ({ workspaceId, channel, onClose }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={channel !== null}
      onClose={onClose}
      title={t("channels.widget.settingsTitle", { name: channel?.name ?? "" })}
      centered
      size="lg"
    >
      {channel && <SettingsForm key={channel.id} workspaceId={workspaceId} channel={channel} onClose={onClose} />}
    </Modal>
  );
};
