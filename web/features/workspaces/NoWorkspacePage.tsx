import { Button, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { AuthLayout } from "../../ui/AuthLayout";
import { CreateWorkspaceModal } from "./CreateWorkspaceModal";

/** A signed-in person who belongs to no workspace (e.g. was removed from their only one). */
export const NoWorkspacePage = () => {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <AuthLayout title={t("workspace.noneTitle")}>
      <Stack>
        <Text size="sm">{t("workspace.noneText")}</Text>
        <Button onClick={open}>{t("workspace.create")}</Button>
      </Stack>
      <CreateWorkspaceModal opened={opened} onClose={close} />
    </AuthLayout>
  );
};
