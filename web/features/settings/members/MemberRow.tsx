import { ActionIcon, Badge, Group, Select, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { type Role, roles, type WorkspaceSummary } from "../../../../common/auth";
import type { MemberDto } from "../../../../common/workspaces";
import { IconTrash } from "../../../ui/icons";
import { RelativeTime } from "../../../ui/time";
import { UserAvatar } from "../../../ui/UserAvatar";
import { isAdmin } from "../../workspaces/useCurrentWorkspace";
import { RemoveMemberModal } from "./RemoveMemberModal";

interface Props {
  member: MemberDto;
  workspace: WorkspaceSummary;
  isSelf: boolean;
  roleSaving: boolean;
  onRoleChange: (role: Role) => void;
}

export const MemberRow = ({ member, workspace, isSelf, roleSaving, onRoleChange }: Props) => {
  const { t } = useTranslation();
  const [removing, { open, close }] = useDisclosure(false);
  const owner = workspace.role === "owner";
  const canEdit = isAdmin(workspace) && (owner || member.role !== "owner");
  const assignable = roles.filter((role) => owner || role !== "owner");
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <UserAvatar name={member.name} avatarUrl={member.avatarUrl} size={32} />
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate="end">
              {member.name}
              {isSelf && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t("members.you")}
                </Text>
              )}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {member.email}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td>
        {canEdit ? (
          <Select
            size="xs"
            aria-label={t("members.roleOf", { name: member.name })}
            data={assignable.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={member.role}
            allowDeselect={false}
            disabled={roleSaving}
            onChange={(value) => {
              const role = roles.find((item) => item === value);
              if (role && role !== member.role) onRoleChange(role);
            }}
          />
        ) : (
          <Badge variant="light" color={member.role === "manager" ? "gray" : undefined}>
            {t(`roles.${member.role}`)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <RelativeTime iso={member.joinedAt} />
      </Table.Td>
      <Table.Td>
        {canEdit && !isSelf && (
          <Tooltip label={t("members.remove")} withArrow>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={open}
              aria-label={t("members.removeNamed", { name: member.name })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
        <RemoveMemberModal opened={removing} onClose={close} member={member} workspaceId={workspace.id} />
      </Table.Td>
    </Table.Tr>
  );
};
