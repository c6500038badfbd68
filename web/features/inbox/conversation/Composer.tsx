import { ActionIcon, Alert, Box, Button, Group, Kbd, Text, Textarea, Tooltip } from "@mantine/core";
import { type ClipboardEvent, type KeyboardEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChatDto, MessageDto } from "../../../../common/inbox";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IconAlert, IconReply, IconSend, IconX } from "../../../ui/icons";
import { useTypingEmitter } from "../realtime/live";
import { AttachButton } from "./AttachButton";
import { AttachmentChips } from "./AttachmentChips";
import { maxAttachments, sendBlock, sendBody } from "./attachments";
import classes from "./Composer.module.css";
import { sendKeys } from "./keys";
import { useAttachments } from "./useAttachments";
import { useSendMessage } from "./useChatActions";

interface Props {
  workspaceId: string;
  chatId: string;
  /** The open chat (its channel's capabilities, the client's status); null while it loads. */
  chat: ChatDto | null;
  replyTo: MessageDto | null;
  onCancelReply: () => void;
  onMarkRead: () => void;
}

/** Unsent text per chat, kept while the tab lives (server-side drafts come with P12 drafts). */
const drafts = new Map<string, string>();

/**
 * P12: the message panel. Ctrl+Enter (⌘+Enter) sends, Shift+Enter marks the chat read. While the manager types,
 * the others (the client in the widget, colleagues) are told so.
 */
export const Composer = ({ workspaceId, chatId, chat, replyTo, onCancelReply, onMarkRead }: Props) => {
  const { t } = useTranslation();
  const [text, setTextState] = useState(() => drafts.get(chatId) ?? "");
  const setText = (next: string) => {
    setTextState(next);
    if (next) drafts.set(chatId, next);
    else drafts.delete(chatId);
  };
  const input = useRef<HTMLTextAreaElement>(null);
  const typing = useTypingEmitter(chatId);
  const send = useSendMessage(workspaceId, chatId);
  const files = useAttachments(workspaceId);
  const media = chat ? chat.channel.capabilities.media : null;
  const block = sendBlock(text, files.attachments);
  const submit = () => {
    if (block || send.isPending) return;
    typing.stop();
    send.mutate(sendBody(text, files.attachments, replyTo?.id ?? null), {
      onSuccess: () => {
        setText("");
        files.clear();
        onCancelReply();
        input.current?.focus();
      },
    });
  };
  const addFiles = (chosen: File[]) => {
    if (send.error) send.reset();
    files.add(chosen);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter") return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit();
    } else if (event.shiftKey) {
      event.preventDefault();
      onMarkRead();
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = [...event.clipboardData.files];
    if (pasted.length === 0 || !media) return;
    event.preventDefault();
    addFiles(pasted);
  };
  const hint =
    block === "uploading" ? t("composer.waitUploads") : block === "failed" ? t("composer.removeFailed") : null;
  return (
    <Box className={classes.composer}>
      {chat?.client.status === "blocked" && (
        <Alert className={classes.blocked} color="orange" variant="light" icon={<IconAlert />} p="xs" role="note">
          {t("composer.blockedBot", { name: chat.client.name })}
        </Alert>
      )}
      {replyTo && (
        <Group className={classes.reply} gap="xs" wrap="nowrap" role="group" aria-label={t("composer.replyingTo")}>
          <IconReply size={14} />
          <Box flex={1} miw={0}>
            <Text size="xs" fw={600}>
              {t("composer.replyingToName", { name: replyTo.author.name })}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {replyTo.text ?? t("inbox.attachment")}
            </Text>
          </Box>
          <Tooltip label={t("composer.cancelReply")} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              onClick={onCancelReply}
              aria-label={t("composer.cancelReply")}
            >
              <IconX size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      )}
      <AttachmentChips items={files.attachments} onRemove={files.remove} />
      {files.dropped > 0 && (
        <Text size="xs" c="orange" mb="xs" role="status">
          {t("composer.tooManyFiles", { max: maxAttachments })}
        </Text>
      )}
      {send.error && (
        <Box mb="xs">
          <ErrorAlert error={send.error} />
        </Box>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <AttachButton media={media} full={files.attachments.length >= maxAttachments} onFiles={addFiles} />
        <Textarea
          ref={input}
          flex={1}
          autosize
          minRows={2}
          maxRows={10}
          label={t("composer.label")}
          labelProps={{ className: "visually-hidden" }}
          placeholder={t("composer.placeholder", { keys: sendKeys })}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            typing.input(event.currentTarget.value);
            if (send.error) send.reset();
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <Tooltip
          label={
            hint ?? (
              <Group gap={4}>
                {t("composer.send")} <Kbd size="xs">{sendKeys}</Kbd>
              </Group>
            )
          }
          withArrow
        >
          <Button
            onClick={submit}
            disabled={block !== null}
            loading={send.isPending}
            leftSection={<IconSend size={16} />}
            aria-label={t("composer.sendLabel", { keys: sendKeys })}
          >
            {t("composer.send")}
          </Button>
        </Tooltip>
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" mt={4} role="status">
          {hint}
        </Text>
      )}
    </Box>
  );
};
