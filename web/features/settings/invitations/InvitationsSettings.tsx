import { ActionIcon, Badge, Button, EmptyState, Skeleton, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InvitationDto } from "../../../../common/workspaces";
import { api } from "../../../api/client";
import { useInvitations, workspaceKeys, workspacePath } from "../../../api/workspaces";
import { ConfirmModal } from "../../../ui/ConfirmModal";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IconMail, IconPlus, IconTrash } from "../../../ui/icons";
import { RelativeTime } from "../../../ui/time";
import { useWorkspaceSummary } from "../../workspaces/useCurrentWorkspace";
import { SettingsSection } from "../SettingsSection";
import { CreateInvitationModal } from "./CreateInvitationModal";

export const InvitationsSettings = () => {
  const { t } = useTranslation();
  const workspace = useWorkspaceSummary();
  const invitations = useInvitations(workspace.id);
  const queryClient = useQueryClient();
  const [creating, { open, close }] = useDisclosure(false);
  const [revoking, setRevoking] = useState<InvitationDto | null>(null);
  const revoke = useMutation({
    mutationFn: (invitation: InvitationDto) =>
      api.delete(`${workspacePath(workspace.id)}/invitations/${invitation.id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(workspace.id) });
      setRevoking(null);
    },
  });
  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {t("invitations.create")}
    </Button>
  );
  return (
    <SettingsSection
      title={t("settings.sections.invitations")}
      description={t("invitations.description")}
      actions={createButton}
    >
      <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      {invitations.isPending && <Skeleton h={120} />}
      {invitations.data?.length === 0 && (
        <EmptyState
          icon={<IconMail size={24} />}
          withIndicatorBackground
          title={t("invitations.emptyTitle")}
          description={t("invitations.emptyText")}
        />
      )}
      {invitations.data && invitations.data.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t("invitations.count", { count: invitations.data.length })}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("invitations.for")}</Table.Th>
                  <Table.Th>{t("members.role")}</Table.Th>
                  <Table.Th>{t("invitations.createdBy")}</Table.Th>
                  <Table.Th>{t("invitations.expires")}</Table.Th>
                  <Table.Th w={56}>
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.data.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>
                      <Text size="sm">{invitation.email ?? t("invitations.anyone")}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {t(`roles.${invitation.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{invitation.createdBy ?? "—"}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime iso={invitation.expiresAt} />
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t("invitations.revoke")} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(invitation)}
                          aria-label={t("invitations.revokeFor", {
                            who: invitation.email ?? t("invitations.anyone"),
                          })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      <CreateInvitationModal opened={creating} onClose={close} workspace={workspace} />
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        title={t("invitations.revokeTitle")}
        confirmLabel={t("invitations.revoke")}
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        {t("invitations.revokeText")}
      </ConfirmModal>
    </SettingsSection>
  );
};
