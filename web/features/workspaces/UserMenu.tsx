import { Menu, Text, UnstyledButton } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { UserDto } from "../../../common/auth";
import { api } from "../../api/client";
import { useSessionCache } from "../../api/session";
import { IconLogout, IconUser } from "../../ui/icons";
import { UserAvatar } from "../../ui/UserAvatar";

interface Props {
  user: UserDto;
  settingsHref: string | null;
}

export const UserMenu = ({ user, settingsHref }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signedOut } = useSessionCache();
  const logout = useMutation({
    mutationFn: () => api.post<void>("/api/v1/auth/logout"),
    onSettled: () => {
      signedOut("unauthenticated");
      navigate("/login", { replace: true });
    },
  });
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("userMenu.label", { name: user.name })} style={{ borderRadius: "50%" }}>
          <UserAvatar name={user.name} avatarUrl={user.avatarUrl} size={32} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
        </Menu.Label>
        {settingsHref && (
          <Menu.Item leftSection={<IconUser size={16} />} onClick={() => navigate(settingsHref)}>
            {t("userMenu.profile")}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()} color="red">
          {t("userMenu.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
