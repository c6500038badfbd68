import { ActionIcon, Anchor, Button, Code, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiTokenDto } from "../../../../common/workspaces";
import { api } from "../../../api/client";
import { useApiTokens, workspaceKeys, workspacePath } from "../../../api/workspaces";
import { ConfirmModal } from "../../../ui/ConfirmModal";
import { IconKey, IconPlus, IconTrash } from "../../../ui/icons";
import { QueryTable } from "../../../ui/QueryTable";
import { RelativeTime } from "../../../ui/time";
import { useWorkspaceSummary } from "../../workspaces/useCurrentWorkspace";
import { SettingsSection } from "../SettingsSection";
import { CreateTokenModal } from "./CreateTokenModal";

export const ApiTokensSettings = () => {
  const { t } = useTranslation();
  const workspace = useWorkspaceSummary();
  const tokens = useApiTokens(workspace.id);
  const queryClient = useQueryClient();
  const [creating, { open, close }] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const revoke = useMutation({
    mutationFn: (token: ApiTokenDto) => api.delete(`${workspacePath(workspace.id)}/api-tokens/${token.id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.apiTokens(workspace.id) });
      setRevoking(null);
    },
  });
  return (
    <SettingsSection
      title={t("settings.sections.api-tokens")}
      description={
        <>
          {t("apiTokens.description1")} <Code>{"Authorization: Bearer <secret>"}</Code>. {t("apiTokens.description2")}{" "}
          <Anchor href="/api/docs" target="_blank" rel="noreferrer" size="sm">
            {t("apiTokens.docs")}
          </Anchor>
        </>
      }
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={open}>
          {t("apiTokens.create")}
        </Button>
      }
    >
      <QueryTable
        query={tokens}
        empty={{ icon: <IconKey size={24} />, title: t("apiTokens.emptyTitle"), description: t("apiTokens.emptyText") }}
        count={(count) => t("apiTokens.count", { count })}
        columns={[
          t("apiTokens.name"),
          t("apiTokens.prefix"),
          t("apiTokens.owner"),
          t("apiTokens.created"),
          t("apiTokens.lastUsed"),
        ]}
        row={(token) => (
          <Table.Tr key={token.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {token.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Code>{token.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{token.userName}</Text>
            </Table.Td>
            <Table.Td>
              <RelativeTime iso={token.createdAt} />
            </Table.Td>
            <Table.Td>
              {token.lastUsedAt ? (
                <RelativeTime iso={token.lastUsedAt} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t("apiTokens.never")}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Tooltip label={t("apiTokens.revoke")} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => setRevoking(token)}
                  aria-label={t("apiTokens.revokeNamed", { name: token.name })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <CreateTokenModal opened={creating} onClose={close} workspaceId={workspace.id} />
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        title={t("apiTokens.revokeTitle")}
        confirmLabel={t("apiTokens.revoke")}
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        {t("apiTokens.revokeText", { name: revoking?.name ?? "" })}
      </ConfirmModal>
    </SettingsSection>
  );
};
