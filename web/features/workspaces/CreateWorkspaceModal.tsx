import { Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type CreateWorkspaceRequest, createWorkspaceRequest, type WorkspaceDto } from "../../../common/workspaces";
import { api } from "../../api/client";
import { useSessionCache } from "../../api/session";
import { workspaceHome } from "../../app/paths";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormActions } from "../../ui/FormActions";
import { validate } from "../../ui/validation";

interface Props {
  opened: boolean;
  onClose: () => void;
}

export const CreateWorkspaceModal = ({ opened, onClose }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { refresh } = useSessionCache();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: (body: CreateWorkspaceRequest) => api.post<{ workspace: WorkspaceDto }>("/api/v1/workspaces", body),
    onSuccess: async ({ workspace }) => {
      await refresh();
      close();
      navigate(workspaceHome(workspace.id));
    },
  });
  const close = () => {
    setName("");
    setError(undefined);
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createWorkspaceRequest, { name });
    if (result.errors) {
      setError(result.errors.name);
      return;
    }
    create.mutate(result.data);
  };
  return (
    <Modal opened={opened} onClose={close} title={t("workspace.createTitle")} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t("workspace.createText")}
          </Text>
          <ErrorAlert error={create.error} />
          <TextInput
            label={t("fields.workspaceName")}
            required
            data-autofocus
            value={name}
            error={error}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(undefined);
            }}
          />
          <FormActions onCancel={close} submitLabel={t("workspace.createSubmit")} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
};
