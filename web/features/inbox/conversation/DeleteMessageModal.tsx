import { useTranslation } from "react-i18next";
import type { ChatDto, MessageDto } from "../../../../common/inbox";
import { ConfirmModal } from "../../../ui/ConfirmModal";
import { channelKindName } from "../ChannelIcon";
import { reachedMessenger } from "./messageActions";
import { useDeleteMessage } from "./useChatActions";

interface Props {
  workspaceId: string;
  chatId: string;
  channel: ChatDto["channel"] | null;
  clientName: string;
  /** The message to delete; null when nothing is asked. */
  message: MessageDto | null;
  onClose: () => void;
}

/** P19: asks before deleting the manager's own message for everyone (it cannot be undone). */
export const DeleteMessageModal = ({ workspaceId, chatId, channel, clientName, message, onClose }: Props) => {
  const { t } = useTranslation();
  const remove = useDeleteMessage(workspaceId, chatId);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={message !== null}
      onClose={close}
      title={t("message.deleteTitle")}
      confirmLabel={t("message.deleteConfirm")}
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => message && remove.mutate(message.id, { onSuccess: close })}
    >
      {message && reachedMessenger(message)
        ? t("message.deleteText", { messenger: channel ? channelKindName[channel.kind] : "", name: clientName })
        : t("message.withdrawText")}
    </ConfirmModal>
  );
};
