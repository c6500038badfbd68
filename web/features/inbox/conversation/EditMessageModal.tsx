import { Button, Group, Kbd, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MessageDto } from "../../../../common/inbox";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { sendKeys } from "./keys";
import { useEditMessage } from "./useChatActions";

interface Props {
  workspaceId: string;
  chatId: string;
  /** The message being edited; null when the editor is closed. */
  message: MessageDto | null;
  onClose: () => void;
}

const Editor = ({ workspaceId, chatId, message, onClose }: Props & { message: MessageDto }) => {
  const { t } = useTranslation();
  const [text, setText] = useState(message.text ?? "");
  const edit = useEditMessage(workspaceId, chatId);
  const trimmed = text.trim();
  const save = () => {
    if (!trimmed || edit.isPending) return;
    if (trimmed === (message.text ?? "").trim()) {
      onClose();
      return;
    }
    edit.mutate({ messageId: message.id, text: trimmed }, { onSuccess: onClose });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };
  return (
    <Stack>
      <Textarea
        label={t("message.editLabel")}
        autosize
        minRows={3}
        maxRows={12}
        maxLength={4096}
        data-autofocus
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          if (edit.error) edit.reset();
        }}
        onKeyDown={onKeyDown}
        error={trimmed ? undefined : t("validation.required")}
      />
      <Text size="xs" c="dimmed">
        {t("message.editHint", { keys: sendKeys })}
      </Text>
      <ErrorAlert error={edit.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button
          onClick={save}
          loading={edit.isPending}
          disabled={!trimmed}
          aria-label={t("common.save")}
          rightSection={<Kbd size="xs">{sendKeys}</Kbd>}
        >
          {t("common.save")}
        </Button>
      </Group>
    </Stack>
  );
};

/** P19: edit the manager's own sent message; Ctrl+Enter (⌘+Enter) saves, Esc cancels. */
export const EditMessageModal = (props: Props) => {
  const { t } = useTranslation();
  return (
    <Modal opened={props.message !== null} onClose={props.onClose} title={t("message.edit")} centered size="lg">
      {props.message && <Editor key={props.message.id} {...props} message={props.message} />}
    </Modal>
  );
};
