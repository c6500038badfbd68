import { Group, Skeleton, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../../common/auth";
import type { MemberDto } from "../../../../common/workspaces";
import { api } from "../../../api/client";
import { useMe } from "../../../api/session";
import { useMembers, workspaceKeys, workspacePath } from "../../../api/workspaces";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IconSearch } from "../../../ui/icons";
import { isAdmin, useWorkspaceSummary } from "../../workspaces/useCurrentWorkspace";
import { SettingsSection } from "../SettingsSection";
import { MemberRow } from "./MemberRow";

const matches = (member: MemberDto, query: string) => {
  const needle = query.trim().toLowerCase();
  return !needle || member.name.toLowerCase().includes(needle) || member.email.toLowerCase().includes(needle);
};

export const MembersSettings = () => {
  const { t } = useTranslation();
  const workspace = useWorkspaceSummary();
  const me = useMe();
  const members = useMembers(workspace.id);
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.patch<{ member: MemberDto }>(`${workspacePath(workspace.id)}/members/${userId}`, { role }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.members(workspace.id) }),
  });
  const visible = useMemo(() => (members.data ?? []).filter((member) => matches(member, query)), [members.data, query]);
  const admin = isAdmin(workspace);
  return (
    <SettingsSection
      title={t("settings.sections.members")}
      description={admin ? t("members.descriptionAdmin") : t("members.description")}
    >
      <Stack gap="md">
        <Group justify="space-between">
          <TextInput
            aria-label={t("members.filterLabel")}
            placeholder={t("members.filterPlaceholder")}
            leftSection={<IconSearch size={16} />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            w={300}
            type="search"
          />
          {members.data && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("members.count", { count: members.data.length })}
            </Text>
          )}
        </Group>
        <ErrorAlert error={changeRole.error} />
        <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
        {members.isPending && (
          <Stack gap="xs">
            {[0, 1, 2, 3].map((row) => (
              <Skeleton key={row} h={44} />
            ))}
          </Stack>
        )}
        {members.data && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("members.person")}</Table.Th>
                  <Table.Th w={180}>{t("members.role")}</Table.Th>
                  <Table.Th w={140}>{t("members.joined")}</Table.Th>
                  <Table.Th w={56}>
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visible.map((member) => (
                  <MemberRow
                    key={member.userId}
                    member={member}
                    workspace={workspace}
                    isSelf={member.userId === me.user.id}
                    onRoleChange={(role) => changeRole.mutate({ userId: member.userId, role })}
                    roleSaving={changeRole.isPending && changeRole.variables?.userId === member.userId}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {members.data && visible.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t("members.noMatches")}
          </Text>
        )}
      </Stack>
    </SettingsSection>
  );
};
