import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { roles, type WorkspaceSummary } from "../../../../common/auth";
import {
  type CreatedInvitation,
  type CreateInvitationRequest,
  createInvitationRequest,
} from "../../../../common/workspaces";
import { api } from "../../../api/client";
import { workspaceKeys, workspacePath } from "../../../api/workspaces";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { FormActions } from "../../../ui/FormActions";
import { ShownOnce } from "../../../ui/ShownOnce";
import { validate } from "../../../ui/validation";

interface Props {
  opened: boolean;
  onClose: () => void;
  workspace: WorkspaceSummary;
}

export const CreateInvitationModal = ({ opened, onClose, workspace }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<string>("manager");
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: (body: CreateInvitationRequest) =>
      api.post<CreatedInvitation>(`${workspacePath(workspace.id)}/invitations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(workspace.id) }),
  });
  const close = () => {
    setRole("manager");
    setEmail("");
    setEmailError(undefined);
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createInvitationRequest, { role, email: email.trim() || undefined });
    if (result.errors) {
      setEmailError(result.errors.email);
      return;
    }
    create.mutate(result.data);
  };
  const assignable = roles.filter((item) => workspace.role === "owner" || item !== "owner");
  return (
    <Modal opened={opened} onClose={close} title={t("invitations.createTitle")} centered size="lg">
      {create.data ? (
        <Stack>
          <ShownOnce label={t("invitations.link")} value={create.data.url} warning={t("invitations.shownOnce")} />
          <Group justify="flex-end">
            <Button onClick={close}>{t("common.done")}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Select
              label={t("members.role")}
              description={t("invitations.roleHint")}
              data={assignable.map((item) => ({ value: item, label: t(`roles.${item}`) }))}
              value={role}
              onChange={(value) => setRole(value ?? "manager")}
              allowDeselect={false}
            />
            <TextInput
              label={t("invitations.emailOptional")}
              description={t("invitations.emailHint")}
              type="email"
              value={email}
              error={emailError}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                setEmailError(undefined);
              }}
            />
            <ErrorAlert error={create.error} />
            <FormActions onCancel={close} submitLabel={t("invitations.createSubmit")} loading={create.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
};
