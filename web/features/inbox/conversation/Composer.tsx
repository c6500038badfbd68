import { ActionIcon, Box, Button, Group, Kbd, Text, Textarea, Tooltip } from "@mantine/core";
import { type KeyboardEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MessageDto } from "../../../../common/inbox";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { IconReply, IconSend, IconX } from "../../../ui/icons";
import classes from "./Composer.module.css";
import { useSendMessage } from "./useChatActions";

interface Props {
  workspaceId: string;
  chatId: string;
  replyTo: MessageDto | null;
  onCancelReply: () => void;
  onMarkRead: () => void;
}

/** Unsent text per chat, kept while the tab lives (server-side drafts come with P12 drafts). */
const drafts = new Map<string, string>();

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** P12: the message panel. Ctrl+Enter (⌘+Enter) sends, Shift+Enter marks the chat read. */
export const Composer = ({ workspaceId, chatId, replyTo, onCancelReply, onMarkRead }: Props) => {
  const { t } = useTranslation();
  const [text, setTextState] = useState(() => drafts.get(chatId) ?? "");
  const setText = (next: string) => {
    setTextState(next);
    if (next) drafts.set(chatId, next);
    else drafts.delete(chatId);
  };
  const input = useRef<HTMLTextAreaElement>(null);
  const send = useSendMessage(workspaceId, chatId);
  const empty = text.trim() === "";
  const submit = () => {
    if (empty || send.isPending) return;
    send.mutate(
      { text: text.trim(), ...(replyTo ? { replyToId: replyTo.id } : {}) },
      {
        onSuccess: () => {
          setText("");
          onCancelReply();
          input.current?.focus();
        },
      },
    );
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
  const sendKeys = isMac ? "⌘ + Enter" : "Ctrl + Enter";
  return (
    <Box className={classes.composer}>
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
      {send.error && (
        <Box mb="xs">
          <ErrorAlert error={send.error} />
        </Box>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
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
            if (send.error) send.reset();
          }}
          onKeyDown={onKeyDown}
        />
        <Tooltip
          label={
            <Group gap={4}>
              {t("composer.send")} <Kbd size="xs">{sendKeys}</Kbd>
            </Group>
          }
          withArrow
        >
          <Button
            onClick={submit}
            disabled={empty}
            loading={send.isPending}
            leftSection={<IconSend size={16} />}
            aria-label={t("composer.sendLabel", { keys: sendKeys })}
          >
            {t("composer.send")}
          </Button>
        </Tooltip>
      </Group>
    </Box>
  );
};
