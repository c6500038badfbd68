import { Button, Group } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import type { Locale, MeResponse, UserDto, WorkspaceSummary } from "../../../common/auth";
import { api } from "../../api/client";
import { useSessionCache } from "../../api/session";
import { settingsPath, workspaceHome } from "../../app/paths";
import { IconInbox, IconSettings } from "../../ui/icons";
import { LanguageMenu } from "../../ui/LanguageMenu";
import { Logo } from "../../ui/Logo";
import { UserMenu } from "./UserMenu";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";

interface TopBarProps {
  me: MeResponse;
  workspace: WorkspaceSummary | null;
}

interface NavButtonProps {
  to: string;
  label: string;
  icon: ReactNode;
  /** Overrides the address match (the inbox is also active on `/chats/…`). */
  active?: boolean;
}

const NavButton = ({ to, label, icon, active }: NavButtonProps) => (
  <NavLink to={to} style={{ textDecoration: "none" }} aria-current={active === false ? false : undefined}>
    {({ isActive: matched }) => {
      const isActive = active ?? matched;
      return (
        <Button
          component="span"
          variant={isActive ? "light" : "subtle"}
          color={isActive ? undefined : "gray"}
          leftSection={icon}
          size="sm"
        >
          {label}
        </Button>
      );
    }}
  </NavLink>
);

export const TopBar = ({ me, workspace }: TopBarProps) => {
  const { t } = useTranslation();
  const { setUser } = useSessionCache();
  const inSettings = useLocation().pathname.includes("/settings");
  const saveLocale = useMutation({
    mutationFn: (locale: Locale) => api.patch<{ user: UserDto }>("/api/v1/me", { locale }),
    onSuccess: ({ user }) => setUser(user),
  });
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" component="nav" aria-label={t("nav.main")}>
      <Group gap="md" wrap="nowrap">
        <Logo />
        <WorkspaceSwitcher workspaces={me.workspaces} current={workspace} />
        {workspace && (
          <Group gap={4} wrap="nowrap">
            <NavButton
              to={workspaceHome(workspace.id)}
              active={!inSettings}
              label={t("nav.inbox")}
              icon={<IconInbox size={16} />}
            />
            <NavButton
              to={`${workspaceHome(workspace.id)}/settings`}
              label={t("nav.settings")}
              icon={<IconSettings size={16} />}
            />
          </Group>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <LanguageMenu compact onChange={(locale) => saveLocale.mutate(locale)} />
        <UserMenu user={me.user} settingsHref={workspace ? settingsPath(workspace.id) : null} />
      </Group>
    </Group>
  );
};
