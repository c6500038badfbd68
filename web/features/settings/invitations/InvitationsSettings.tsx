import { ActionIcon, Badge, Button, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InvitationDto } from "../../../../common/workspaces";
import { api } from "../../../api/client";
import { useInvitations, workspaceKeys, workspacePath } from "../../../api/workspaces";
import { ConfirmModal } from "../../../ui/ConfirmModal";
import { IconMail, IconPlus, IconTrash } from "../../../ui/icons";
import { QueryTable } from "../../../ui/QueryTable";
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
      <QueryTable
        query={invitations}
        empty={{
          icon: <IconMail size={24} />,
          title: t("invitations.emptyTitle"),
          description: t("invitations.emptyText"),
        }}
        count={(count) => t("invitations.count", { count })}
        columns={[t("invitations.for"), t("members.role"), t("invitations.createdBy"), t("invitations.expires")]}
        row={(invitation) => (
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
        )}
      />
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
