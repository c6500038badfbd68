import { Anchor, AppShell, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { useMe } from "../../api/session";
import { TopBar } from "./TopBar";
import { useCurrentWorkspace } from "./useCurrentWorkspace";

const NoAccess = () => {
  const { t } = useTranslation();
  return (
    <Stack align="center" justify="center" h="100%" p="xl" gap="xs">
      <Title order={2} size="h3">
        {t("workspace.noAccessTitle")}
      </Title>
      <Text c="dimmed">{t("workspace.noAccessText")}</Text>
      <Anchor component={Link} to="/">
        {t("workspace.goToMine")}
      </Anchor>
    </Stack>
  );
};

/** The signed-in frame: the top bar and the page of the current workspace. */
export const WorkspaceLayout = () => {
  const workspace = useCurrentWorkspace();
  const me = useMe();
  return (
    <AppShell header={{ height: 52 }} padding={0}>
      <AppShell.Header>
        <TopBar me={me} workspace={workspace} />
      </AppShell.Header>
      <AppShell.Main h="100dvh" style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ flex: 1, minHeight: 0 }}>{workspace ? <Outlet key={workspace.id} /> : <NoAccess />}</div>
      </AppShell.Main>
    </AppShell>
  );
};
