import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isAdmin, useWorkspaceSummary } from "../workspaces/useCurrentWorkspace";

export const AdminOnly = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const workspace = useWorkspaceSummary();
  if (isAdmin(workspace)) return children;
  return (
    <Alert color="gray" variant="light" role="status">
      {t("settings.adminsOnly")}
    </Alert>
  );
};
