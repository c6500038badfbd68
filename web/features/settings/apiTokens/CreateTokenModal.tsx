import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CreateApiTokenRequest, type CreatedApiToken, createApiTokenRequest } from "../../../../common/workspaces";
import { api } from "../../../api/client";
import { workspaceKeys, workspacePath } from "../../../api/workspaces";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { FormActions } from "../../../ui/FormActions";
import { ShownOnce } from "../../../ui/ShownOnce";
import { validate } from "../../../ui/validation";

interface Props {
  opened: boolean;
  onClose: () => void;
  workspaceId: string;
}

export const CreateTokenModal = ({ opened, onClose, workspaceId }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: (body: CreateApiTokenRequest) =>
      api.post<CreatedApiToken>(`${workspacePath(workspaceId)}/api-tokens`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.apiTokens(workspaceId) }),
  });
  const close = () => {
    setName("");
    setError(undefined);
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createApiTokenRequest, { name });
    if (result.errors) {
      setError(result.errors.name);
      return;
    }
    create.mutate(result.data);
  };
  return (
    <Modal opened={opened} onClose={close} title={t("apiTokens.createTitle")} centered size="lg">
      {create.data ? (
        <Stack>
          <ShownOnce label={t("apiTokens.secret")} value={create.data.secret} warning={t("apiTokens.shownOnce")} />
          <Group justify="flex-end">
            <Button onClick={close}>{t("common.done")}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t("apiTokens.name")}
              description={t("apiTokens.nameHint")}
              data-autofocus
              value={name}
              error={error}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setError(undefined);
              }}
            />
            <ErrorAlert error={create.error} />
            <FormActions onCancel={close} submitLabel={t("apiTokens.createSubmit")} loading={create.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
};
