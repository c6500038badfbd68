import { Avatar, Button, Menu, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { WorkspaceSummary } from "../../../common/auth";
import { workspaceHome } from "../../app/paths";
import { IconCheck, IconChevronDown, IconPlus } from "../../ui/icons";
import { initials } from "../../ui/UserAvatar";
import { CreateWorkspaceModal } from "./CreateWorkspaceModal";

interface Props {
  workspaces: WorkspaceSummary[];
  current: WorkspaceSummary | null;
}

export const WorkspaceSwitcher = ({ workspaces, current }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-start" width={280} withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="sm"
            rightSection={<IconChevronDown size={14} />}
            aria-label={t("workspace.switcherLabel", { name: current?.name ?? "" })}
            maw={260}
          >
            <Text span size="sm" fw={600} truncate="end">
              {current?.name ?? t("workspace.choose")}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("workspace.yourWorkspaces")}</Menu.Label>
          {workspaces.map((workspace) => (
            <Menu.Item
              key={workspace.id}
              onClick={() => navigate(workspaceHome(workspace.id))}
              leftSection={
                <Avatar size={24} radius="sm" color="initials" name={workspace.name}>
                  {initials(workspace.name)}
                </Avatar>
              }
              rightSection={workspace.id === current?.id ? <IconCheck size={14} /> : null}
              aria-current={workspace.id === current?.id ? "page" : undefined}
            >
              <Text size="sm" truncate="end">
                {workspace.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`roles.${workspace.role}`)}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={open}>
            {t("workspace.create")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceModal opened={creating} onClose={close} />
    </>
  );
};
