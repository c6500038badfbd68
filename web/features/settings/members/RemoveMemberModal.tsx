import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MemberDto } from "../../../../common/workspaces";
import { api } from "../../../api/client";
import { workspaceKeys, workspacePath } from "../../../api/workspaces";
import { ConfirmModal } from "../../../ui/ConfirmModal";

interface Props {
  opened: boolean;
  onClose: () => void;
  member: MemberDto;
  workspaceId: string;
}

export const RemoveMemberModal = ({ opened, onClose, member, workspaceId }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(`${workspacePath(workspaceId)}/members/${member.userId}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.members(workspaceId) });
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened={opened}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={t("members.removeTitle")}
      confirmLabel={t("members.remove")}
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate()}
    >
      {t("members.removeText", { name: member.name, email: member.email })}
    </ConfirmModal>
  );
};
