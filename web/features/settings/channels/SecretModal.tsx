import { Button, Group, Modal, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "../../../../common/inbox";
import { api } from "../../../api/client";
import { workspacePath } from "../../../api/workspaces";
import { CopyField } from "../../../ui/CopyField";
import { ErrorAlert } from "../../../ui/ErrorAlert";

interface Props {
  workspaceId: string;
  channel: ChannelDto | null;
  onClose: () => void;
}

/** Admins fetch a channel's signing secret on purpose, e.g. to configure another copy of their system. */
export const SecretModal = ({ workspaceId, channel, onClose }: Props) => {
  const { t } = useTranslation();
  const secret = useQuery({
    queryKey: ["workspace", workspaceId, "channel-secret", channel?.id ?? ""],
    queryFn: ({ signal }) =>
      api.get<{ secret: string }>(`${workspacePath(workspaceId)}/channels/${channel?.id ?? ""}/secret`, signal),
    enabled: channel !== null,
    gcTime: 0,
    staleTime: 0,
  });
  return (
    <Modal
      opened={channel !== null}
      onClose={onClose}
      title={t("channels.secretTitle", { name: channel?.name ?? "" })}
      centered
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t("channels.secretText")}
        </Text>
        {secret.isPending && <Skeleton h={56} />}
        <ErrorAlert error={secret.error} onRetry={() => void secret.refetch()} />
        {secret.data && <CopyField label={t("channels.secret")} value={secret.data.secret} />}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t("common.done")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
};
