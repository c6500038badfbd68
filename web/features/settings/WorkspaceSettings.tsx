import { Button, Group, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type UpdateWorkspaceRequest, updateWorkspaceRequest, type WorkspaceDto } from "../../../common/workspaces";
import { api } from "../../api/client";
import { useSessionCache } from "../../api/session";
import { useWorkspace, workspaceKeys, workspacePath } from "../../api/workspaces";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatExact } from "../../ui/time";
import { validate } from "../../ui/validation";
import { isAdmin, useWorkspaceSummary } from "../workspaces/useCurrentWorkspace";
import { SettingsSection } from "./SettingsSection";

const RenameForm = ({ workspace }: { workspace: WorkspaceDto }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { refresh } = useSessionCache();
  const [name, setName] = useState(workspace.name);
  const [error, setError] = useState<string | undefined>();
  const rename = useMutation({
    mutationFn: (body: UpdateWorkspaceRequest) =>
      api.patch<{ workspace: WorkspaceDto }>(workspacePath(workspace.id), body),
    onSuccess: (data) => {
      queryClient.setQueryData(workspaceKeys.workspace(workspace.id), data);
      void refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateWorkspaceRequest, { name });
    if (result.errors) {
      setError(result.errors.name);
      return;
    }
    rename.mutate(result.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("fields.workspaceName")}
          value={name}
          error={error}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(undefined);
            rename.reset();
          }}
        />
        <ErrorAlert error={rename.error} />
        <Group gap="sm">
          <Button type="submit" loading={rename.isPending} disabled={name.trim() === workspace.name}>
            {t("workspace.rename")}
          </Button>
          {rename.isSuccess && (
            <Text size="sm" c="teal" role="status">
              {t("common.saved")}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
};

export const WorkspaceSettings = () => {
  const { t, i18n } = useTranslation();
  const summary = useWorkspaceSummary();
  const workspace = useWorkspace(summary.id);
  const admin = isAdmin(summary);
  return (
    <SettingsSection
      title={t("settings.sections.workspace")}
      description={admin ? t("workspace.settingsText") : t("workspace.readOnly")}
    >
      <Stack maw={560} gap="md">
        {workspace.isPending && <Skeleton h={60} />}
        <ErrorAlert error={workspace.error} onRetry={() => void workspace.refetch()} />
        {workspace.data &&
          (admin ? (
            <RenameForm workspace={workspace.data} />
          ) : (
            <TextInput label={t("fields.workspaceName")} value={workspace.data.name} readOnly />
          ))}
        {workspace.data && (
          <Text size="sm" c="dimmed">
            {t("workspace.yourRole", { role: t(`roles.${summary.role}`) })} ·{" "}
            {t("workspace.createdAt", { date: formatExact(workspace.data.createdAt, i18n.language) })}
          </Text>
        )}
      </Stack>
    </SettingsSection>
  );
};
