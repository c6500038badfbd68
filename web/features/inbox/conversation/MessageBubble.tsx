import { Box, Group, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChatDto, MessageDto } from "../../../../common/inbox";
import { IconAlert } from "../../../ui/icons";
import { formatExact } from "../../../ui/time";
import { DeliveryState } from "./DeliveryState";
import { InternalLine } from "./InternalLine";
import { MessageActionsBar } from "./MessageActionsBar";
import { MessageParts } from "./MessageParts";
import { MessageText } from "./MessageText";
import { messageActions } from "./messageActions";
import classes from "./Timeline.module.css";

interface Props {
  message: MessageDto;
  /** Client messages carry no author name of their own: the chat's client name stands in. */
  clientName: string;
  /** The chat's channel (what its messenger allows); null while the chat loads. */
  channel: ChatDto["channel"] | null;
  me: string;
  onReply: (message: MessageDto) => void;
  onEdit: (message: MessageDto) => void;
  onDelete: (message: MessageDto) => void;
  onJumpTo: (messageId: string) => void;
  onRetry: (message: MessageDto) => void;
  retrying: boolean;
}

const clock = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** Who wrote it, as the timeline names them (P11). */
const useAuthorLabel = (message: MessageDto, clientName: string): string => {
  const { t } = useTranslation();
  if (message.author.kind === "bot") return t("message.bot");
  if (message.author.kind === "page") return t("message.page");
  return message.author.name || clientName;
};

/** One item of the timeline: a client's message (left), ours (right), or a note / event (centre). */
export const MessageBubble = (props: Props) => {
  const { message, clientName, channel, me, onReply, onEdit, onDelete, onJumpTo, onRetry, retrying } = props;
  const { t, i18n } = useTranslation();
  const author = useAuthorLabel(message, clientName);
  if (message.kind !== "message") return <InternalLine message={message} clientName={clientName} />;
  const quoteAuthor = message.replyTo?.authorName || clientName;
  const outgoing = message.direction === "out";
  const deleted = message.deletedAt !== null;
  const actions = messageActions(message, channel?.capabilities ?? null, me);
  return (
    <Box className={classes.line} data-side={outgoing ? "out" : "in"}>
      <Box
        className={classes.bubble}
        data-side={outgoing ? "out" : "in"}
        data-author={message.author.kind}
        data-message-id={message.id}
        data-deleted={deleted || undefined}
        tabIndex={-1}
      >
        {outgoing && (
          <Text size="xs" fw={600} c="dimmed" mb={2}>
            {author}
          </Text>
        )}
        {message.replyTo && (
          <UnstyledButton
            className={classes.quote}
            onClick={() => message.replyTo && onJumpTo(message.replyTo.id)}
            aria-label={t("message.quoteLabel", { name: quoteAuthor })}
          >
            <Text size="xs" fw={600}>
              {quoteAuthor}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {message.replyTo.text ?? t("inbox.attachment")}
            </Text>
          </UnstyledButton>
        )}
        {deleted ? (
          <Text size="sm" fs="italic" c="dimmed" data-testid="message-deleted">
            {t("message.deleted")}
          </Text>
        ) : (
          <>
            {message.text && (
              <Text size="sm" className={classes.text}>
                <MessageText text={message.text} />
              </Text>
            )}
            <MessageParts parts={message.parts} />
          </>
        )}
        <Group gap={6} justify="flex-end" wrap="nowrap" mt={2}>
          {message.editedAt && !deleted && (
            <Text
              size="xs"
              c="dimmed"
              title={formatExact(message.editedAt, i18n.language)}
              data-testid="message-edited"
            >
              {t("message.edited")}
            </Text>
          )}
          <Text
            component="time"
            size="xs"
            c="dimmed"
            dateTime={message.createdAt}
            title={formatExact(message.createdAt, i18n.language)}
          >
            {clock(message.createdAt, i18n.language)}
          </Text>
          {outgoing && message.status !== "failed" && !deleted && (
            <DeliveryState message={message} onRetry={() => onRetry(message)} retrying={retrying} />
          )}
        </Group>
        {outgoing && message.status === "failed" && !deleted && (
          <DeliveryState message={message} onRetry={() => onRetry(message)} retrying={retrying} />
        )}
        {message.error && message.status !== "failed" && (
          // A refused edit or delete: the message stays as the client sees it, with the messenger's reason.
          <Group gap={6} wrap="nowrap" mt={4} c="red" align="flex-start" data-testid="message-error">
            <IconAlert size={14} style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="xs" c="red" role="status" className={classes.notice}>
              {message.error}
            </Text>
          </Group>
        )}
      </Box>
      {channel && (
        <MessageActionsBar
          author={author}
          reply={actions.reply}
          edit={actions.edit}
          remove={actions.delete}
          channelKind={channel.kind}
          onReply={() => onReply({ ...message, author: { ...message.author, name: author } })}
          onEdit={() => onEdit(message)}
          onDelete={() => onDelete(message)}
        />
      )}
    </Box>
  );
};
