import { Box, Group, NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { settingsPath } from "../../app/paths";
import { IconBuilding, IconKey, IconMail, IconPlug, IconUser, IconUsers } from "../../ui/icons";
import { isAdmin, useWorkspaceSummary } from "../workspaces/useCurrentWorkspace";

interface Section {
  id: string;
  icon: ReactNode;
  adminOnly: boolean;
}

const sections: Section[] = [
  { id: "profile", icon: <IconUser size={16} />, adminOnly: false },
  { id: "workspace", icon: <IconBuilding size={16} />, adminOnly: false },
  { id: "members", icon: <IconUsers size={16} />, adminOnly: false },
  { id: "channels", icon: <IconPlug size={16} />, adminOnly: false },
  { id: "invitations", icon: <IconMail size={16} />, adminOnly: true },
  { id: "api-tokens", icon: <IconKey size={16} />, adminOnly: true },
];

export const SettingsLayout = () => {
  const { t } = useTranslation();
  const workspace = useWorkspaceSummary();
  const location = useLocation();
  const visible = sections.filter((section) => !section.adminOnly || isAdmin(workspace));
  return (
    <Group h="100%" gap={0} align="stretch" wrap="nowrap">
      <Box
        component="nav"
        aria-label={t("settings.navLabel")}
        w={240}
        p="sm"
        style={{ borderRight: "1px solid var(--mantine-color-default-border)", flexShrink: 0 }}
      >
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={6}>
          {t("settings.title")}
        </Text>
        <Stack gap={2}>
          {visible.map((section) => {
            const to = settingsPath(workspace.id, section.id);
            const active = location.pathname.startsWith(to);
            return (
              <NavLink
                key={section.id}
                component={Link}
                to={to}
                label={t(`settings.sections.${section.id}`)}
                leftSection={section.icon}
                active={active}
                aria-current={active ? "page" : undefined}
                style={{ borderRadius: "var(--mantine-radius-md)" }}
              />
            );
          })}
        </Stack>
      </Box>
      <ScrollArea flex={1} h="100%" type="auto">
        <Box component="main" p="xl" maw={920}>
          <Outlet />
        </Box>
      </ScrollArea>
    </Group>
  );
};
