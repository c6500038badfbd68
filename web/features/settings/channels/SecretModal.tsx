import { Button, Group, Modal, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "../../../../common/inbox";
import { api } from "../../../api/client";
import { workspacePath } from "../../../api/workspaces";
import { CopyField } from "../../../ui/CopyField";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IdentityHowTo } from "./WidgetInstall";

interface Props {
  workspaceId: string;
  channel: ChannelDto | null;
  onClose: () => void;
}

/**
 * Admins fetch a channel's secret on purpose: the API channel's signing secret (e.g. for another copy of their
 * system) or the widget's identity secret (for the site's server).
 */
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
  const widget = channel?.kind === "widget";
  const name = channel?.name ?? "";
  return (
    <Modal
      opened={channel !== null}
      onClose={onClose}
      title={widget ? t("channels.widget.secretTitle", { name }) : t("channels.secretTitle", { name })}
      centered
      size={widget ? "lg" : "md"}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {widget ? t("channels.widget.secretText") : t("channels.secretText")}
        </Text>
        {secret.isPending && <Skeleton h={56} />}
        <ErrorAlert error={secret.error} onRetry={() => void secret.refetch()} />
        {secret.data && (
          <CopyField label={widget ? t("channels.widget.secret") : t("channels.secret")} value={secret.data.secret} />
        )}
        {widget && <IdentityHowTo />}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t("common.done")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
};
