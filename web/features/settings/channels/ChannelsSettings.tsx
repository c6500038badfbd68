import { Button, EmptyState, Skeleton, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "../../../../common/inbox";
import { api } from "../../../api/client";
import { inboxKeys, useChannels } from "../../../api/inbox";
import { workspacePath } from "../../../api/workspaces";
import { ConfirmModal } from "../../../ui/ConfirmModal";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IconPlug, IconPlus } from "../../../ui/icons";
import { DemoOffer } from "../../demo/DemoOffer";
import { isAdmin, useWorkspaceSummary } from "../../workspaces/useCurrentWorkspace";
import { SettingsSection } from "../SettingsSection";
import { ChannelCard } from "./ChannelCard";
import { CreateChannelModal } from "./CreateChannelModal";
import { SecretModal } from "./SecretModal";
import { TelegramSettingsModal } from "./TelegramSettingsModal";
import { WidgetSettingsModal } from "./WidgetSettingsModal";

/** No channel yet: what to do next, and the demo workspace to look around first (P27). */
const NoChannels = ({ admin }: { admin: boolean }) => {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconPlug size={24} />}
      withIndicatorBackground
      title={t("channels.emptyTitle")}
      description={admin ? t("channels.emptyText") : t("channels.emptyTextManager")}
    >
      <DemoOffer />
    </EmptyState>
  );
};

/** P21: the workspace's channels and their health; admins add, pause and remove them, managers look. */
export const ChannelsSettings = () => {
  const { t } = useTranslation();
  const workspace = useWorkspaceSummary();
  const admin = isAdmin(workspace);
  const channels = useChannels(workspace.id);
  const queryClient = useQueryClient();
  const [creating, { open, close }] = useDisclosure(false);
  const [removing, setRemoving] = useState<ChannelDto | null>(null);
  const [revealing, setRevealing] = useState<ChannelDto | null>(null);
  const [configuring, setConfiguring] = useState<ChannelDto | null>(null);
  const base = `${workspacePath(workspace.id)}/channels`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: inboxKeys.channels(workspace.id) });
  const toggle = useMutation({
    mutationFn: (channel: ChannelDto) =>
      api.patch(`${base}/${channel.id}`, { status: channel.status === "active" ? "paused" : "active" }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (channel: ChannelDto) => api.delete(`${base}/${channel.id}`),
    onSuccess: async () => {
      await refresh();
      setRemoving(null);
    },
  });
  return (
    <SettingsSection
      title={t("settings.sections.channels")}
      description={admin ? t("channels.description") : t("channels.readOnly")}
      actions={
        admin && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            {t("channels.create")}
          </Button>
        )
      }
    >
      <ErrorAlert error={channels.error} onRetry={() => void channels.refetch()} />
      <ErrorAlert error={toggle.error} />
      {channels.isPending && <Skeleton h={120} />}
      {channels.data?.length === 0 && <NoChannels admin={admin} />}
      {channels.data && channels.data.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t("channels.count", { count: channels.data.length })}
          </Text>
          <Stack gap="sm" role="list" aria-label={t("settings.sections.channels")}>
            {channels.data.map((channel) => (
              <ChannelCard
                key={channel.id}
                channel={channel}
                admin={admin}
                busy={toggle.isPending && toggle.variables?.id === channel.id}
                onToggle={() => toggle.mutate(channel)}
                onRemove={() => setRemoving(channel)}
                onShowSecret={() => setRevealing(channel)}
                onSettings={() => setConfiguring(channel)}
              />
            ))}
          </Stack>
        </Stack>
      )}
      {admin && <CreateChannelModal opened={creating} onClose={close} workspaceId={workspace.id} />}
      {admin && <SecretModal workspaceId={workspace.id} channel={revealing} onClose={() => setRevealing(null)} />}
      {admin && (
        <TelegramSettingsModal
          workspaceId={workspace.id}
          channel={configuring?.kind === "telegram" ? configuring : null}
          onClose={() => setConfiguring(null)}
        />
      )}
      {admin && (
        <WidgetSettingsModal
          workspaceId={workspace.id}
          channel={configuring?.kind === "widget" ? configuring : null}
          onClose={() => setConfiguring(null)}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={t("channels.removeTitle")}
        confirmLabel={t("channels.remove")}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        {t("channels.removeText", { name: removing?.name ?? "" })}
      </ConfirmModal>
    </SettingsSection>
  );
};
